/**
 * A ceiling on how many notices one webmail tab may report in a sliding window. A real inbox
 * reports one notice per opened message; a compromised page could otherwise fill IndexedDB (the
 * extension has unlimitedStorage). Kept in memory on purpose: a worker restart forgetting the
 * counts only loosens the guard for a moment, it loses no data.
 */
export interface FloodGuard {
  /** Counts one report from `tabId`; false when the tab is over its ceiling. */
  allow(tabId: number): boolean;
}

export const REPORTS_PER_TAB = { max: 300, windowMs: 10 * 60_000 } as const;

export function createFloodGuard(now: () => number = Date.now, limits: { max: number; windowMs: number } = REPORTS_PER_TAB): FloodGuard {
  const times = new Map<number, number[]>();
  return {
    allow(tabId) {
      const at = now();
      const recent = (times.get(tabId) ?? []).filter((time) => at - time < limits.windowMs);
      if (recent.length >= limits.max) {
        times.set(tabId, recent);
        return false;
      }
      recent.push(at);
      times.set(tabId, recent);
      return true;
    },
  };
}
