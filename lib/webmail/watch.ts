/**
 * The one DOM observer helper of the webmail content scripts (after Refined GitHub's
 * selector-observer: one helper instead of ad-hoc observers, STYLE.md principle 9).
 *
 * - Scoped: observes only the roots the adapter names (message list, conversation, compose), never
 *   `document.body` with attributes or characterData (webmail-dom.md 3.4: observers on body made
 *   Gmail typing lag in other extensions).
 * - Processes added nodes (and notes removals), in debounced batches with a maximum wait, so a Gmail re-render of
 *   100 rows is one batch, and a busy page still gets a batch at least every `maxWaitMs`.
 * - Ignores the nodes we insert ourselves (`[data-bounce-sweeper]`), so badging never re-triggers it.
 * - Re-resolves the roots every `rootCheckMs` and on `wxt:locationchange`: Gmail and Outlook swap
 *   whole panes on navigation (webmail-dom.md 3.3).
 * - Stops with WXT's content-script context (ctx.onInvalidated), so an extension update leaves no
 *   observer behind ("Extension context invalidated").
 */

/** The part of WXT's ContentScriptContext the watcher uses (lets unit tests pass a small stand-in). */
export interface WatchContext {
  setTimeout(handler: () => void, timeout?: number): number;
  setInterval(handler: () => void, timeout?: number): number;
  onInvalidated(cb: () => void): () => void;
  readonly isInvalid: boolean;
}

export interface WatchBatch {
  /** Observed roots that received added nodes (all roots for a full pass). */
  roots: HTMLElement[];
  /** Added elements, outermost only, still connected. Empty on a full pass, or when only removals happened. */
  added: Element[];
  /** True for the first pass over a root (start, a new root, navigation). */
  full: boolean;
}

export interface WatchOptions {
  /** The containers worth observing now; called again on every root check. */
  roots: () => HTMLElement[];
  onBatch: (batch: WatchBatch) => void;
  /** Quiet time before a batch runs. */
  debounceMs?: number;
  /** Longest a pending batch may wait while mutations keep coming. */
  maxWaitMs?: number;
  /** How often the roots are re-resolved. */
  rootCheckMs?: number;
  /** Clock for the max-wait bound (tests pass their own). */
  now?: () => number;
}

export interface Watcher {
  /** Runs a full pass over every root now (navigation, or an answer that changes what to show). */
  rescan(): void;
  stop(): void;
  readonly stats: { batches: number; busyMs: number; lastBatchMs: number };
}

/** Our own inserted nodes carry this attribute; mutations inside them are ignored. */
export const OWN_NODE_SELECTOR = '[data-bounce-sweeper]';

export function watchRoots(ctx: WatchContext, options: WatchOptions): Watcher {
  const debounceMs = options.debounceMs ?? 100;
  const maxWaitMs = options.maxWaitMs ?? 400;
  const rootCheckMs = options.rootCheckMs ?? 1000;
  const clock = options.now ?? (() => Date.now());
  const stats = { batches: 0, busyMs: 0, lastBatchMs: 0 };

  let roots: HTMLElement[] = [];
  let pending = new Set<Element>();
  let removedIn = new Set<Node>();
  let fullPending = false;
  let timer: number | undefined;
  let firstPendingAt = 0;
  let stopped = false;

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const element = node as Element;
        if (element.closest(OWN_NODE_SELECTOR)) continue;
        pending.add(element);
      }
      // A removal matters too (a compose chip taken away must take its warning along): the batch
      // then covers the root it happened in, with no added node.
      const insideOurs = record.target.nodeType === 1 && !!(record.target as Element).closest(OWN_NODE_SELECTOR);
      for (const node of insideOurs ? [] : record.removedNodes) {
        if (node.nodeType === 1 && !(node as Element).matches(OWN_NODE_SELECTOR)) {
          removedIn.add(record.target);
          break;
        }
      }
    }
    if (pending.size || removedIn.size) schedule();
  });

  function schedule(): void {
    if (stopped || ctx.isInvalid) return;
    const now = clock();
    if (timer === undefined) firstPendingAt = now;
    else clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstPendingAt + maxWaitMs - now));
    timer = ctx.setTimeout(flush, wait);
  }

  function flush(): void {
    timer = undefined;
    if (stopped || ctx.isInvalid) return;
    const full = fullPending;
    const added = full ? [] : outermost([...pending].filter((el) => el.isConnected));
    const removals = [...removedIn];
    pending = new Set();
    removedIn = new Set();
    fullPending = false;
    const touched = full
      ? roots.filter((r) => r.isConnected)
      : roots.filter((r) => added.some((el) => r.contains(el)) || removals.some((target) => r.contains(target)));
    if (!touched.length) return;
    const started = performance.now();
    try {
      options.onBatch({ roots: touched, added, full });
    } finally {
      const took = performance.now() - started;
      stats.batches += 1;
      stats.busyMs += took;
      stats.lastBatchMs = took;
      profile(started, { kind: full ? 'full' : 'batch', added: added.length });
    }
  }

  function sameRoots(next: HTMLElement[]): boolean {
    return next.length === roots.length && next.every((r, i) => r === roots[i]);
  }

  /** Re-resolves the roots; true when they changed (and are now observed). */
  function refreshRoots(): boolean {
    const next = dedupeRoots(options.roots());
    if (sameRoots(next)) return false;
    observer.disconnect();
    roots = next;
    for (const root of roots) observer.observe(root, { childList: true, subtree: true });
    return true;
  }

  function checkRoots(): void {
    if (stopped || ctx.isInvalid) return;
    if (refreshRoots()) rescan();
  }

  function rescan(): void {
    if (stopped || ctx.isInvalid) return;
    // Navigation may have swapped the panes: look for the roots again before the full pass.
    refreshRoots();
    fullPending = true;
    schedule();
  }

  function stop(): void {
    stopped = true;
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  }

  ctx.onInvalidated(stop);
  ctx.setInterval(checkRoots, rootCheckMs);
  checkRoots();
  return { rescan, stop, stats };
}

/** Drops roots contained in another root, so one subtree is never observed twice. */
function dedupeRoots(candidates: HTMLElement[]): HTMLElement[] {
  const unique = [...new Set(candidates)].filter((r) => r.isConnected);
  return unique.filter((r) => !unique.some((other) => other !== r && other.contains(r)));
}

/** Keeps the outermost of nested added nodes (a re-rendered table arrives as table + its rows). */
function outermost(elements: Element[]): Element[] {
  const set = new Set(elements);
  return elements.filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}

/**
 * Benchmark hook (scripts/bench/content-script.ts): when the page opts in with
 * `<html data-bounce-sweeper-profile>`, each batch leaves a User Timing measure the page can read
 * (the performance timeline is shared between the page and the content script's isolated world).
 * Off by default, so no entries pile up in a real mailbox.
 */
export function profile(started: number, detail?: Record<string, string | number>): void {
  if (document.documentElement.hasAttribute('data-bounce-sweeper-profile')) {
    performance.measure('bounce-sweeper:batch', { start: started, end: performance.now(), ...(detail ? { detail } : {}) });
  }
}
