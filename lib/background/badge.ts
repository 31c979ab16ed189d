/**
 * The toolbar badge: how many addresses wait for removal (verdict remove or remove-repeated-soft,
 * no decision yet). Recomputed from the store, never counted in memory, so a restarted worker
 * shows the same number.
 */
import type { TallyStore } from '../store/tally';

/** The part of browser.action (or MV2's browserAction) the badge needs. */
export interface BadgeAction {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
}

export const BADGE_COLOR = '#b3261e';

/** The Remove group is exactly the addresses waiting (isWaitingForRemoval): its counter record, no scan. */
export async function countWaitingForRemoval(store: TallyStore): Promise<number> {
  return (await store.groupCounts()).remove;
}

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

/**
 * Returns a function that refreshes the badge. Calls are serialised, so a slow refresh cannot
 * overwrite a newer one; a failure is logged, never thrown at a message handler.
 */
export function createBadgeUpdater(store: TallyStore, action: BadgeAction | undefined): () => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  let colored = false;
  return () => {
    queue = queue.then(async () => {
      if (!action) return;
      try {
        const text = badgeText(await countWaitingForRemoval(store));
        if (!colored) {
          await action.setBadgeBackgroundColor({ color: BADGE_COLOR });
          colored = true;
        }
        await action.setBadgeText({ text });
      } catch (error) {
        console.error('[badge] refresh failed', error);
      }
    });
    return queue;
  };
}
