/**
 * How the popup files addresses (pure): the tabs, their words and the sort orders. The store files
 * each address when it writes it (lib/store/summary.ts listGroupOf); the user's decision wins over
 * the bounces, so an address marked removed is Done even if the tally later recomputes it.
 */
import type { AddressSummary } from '../policy';
import type { ListGroup } from '../store/db';
import type { ListSort } from '../store/tally';

/** A tab: one of the store's groups ('clear' is shown only under All), or All. */
export type GroupId = Exclude<ListGroup, 'clear'> | 'all';
export type SortKey = ListSort;

export interface GroupInfo {
  id: GroupId;
  label: string;
  /** One line under the tab: what the group means and what to do with it. */
  hint: string;
}

export const GROUPS: readonly GroupInfo[] = [
  { id: 'remove', label: 'Remove', hint: 'Hard bounces and addresses that keep bouncing: take them off your lists.' },
  { id: 'watch', label: 'Watch', hint: 'Bounced, but not often enough yet to be sure. Nothing to do for now.' },
  { id: 'sender', label: 'Sender problems', hint: 'Refused because of how the mail was sent (your server, domain or volume). Do not remove these: fix the sending.' },
  { id: 'done', label: 'Done', hint: 'Addresses you marked as removed.' },
  { id: 'kept', label: 'Kept', hint: 'Addresses you chose to keep anyway.' },
  { id: 'all', label: 'All', hint: 'Every address on record, including those whose bounces have expired.' },
];

export const SORTS: ReadonlyArray<{ id: SortKey; label: string }> = [
  { id: 'last', label: 'Last bounce' },
  { id: 'count', label: 'Bounce count' },
  { id: 'domain', label: 'Domain' },
];

export function bounceCount(summary: AddressSummary): number {
  return summary.hardCount + summary.softCount + summary.senderProblemCount + (summary.undeterminedCount ?? 0);
}

/** The first tab (in order) that has any address: where the popup opens. */
export function firstNonEmptyGroup(counts: Readonly<Record<ListGroup, number>>): GroupId {
  return GROUPS.find((info) => info.id !== 'all' && counts[info.id] > 0)?.id ?? (counts.clear > 0 ? 'all' : 'remove');
}

/** The decision an address in this group carries (for Undo). */
export function decisionOfGroup(group: ListGroup): 'removed' | 'kept' | 'none' {
  return group === 'done' ? 'removed' : group === 'kept' ? 'kept' : 'none';
}
