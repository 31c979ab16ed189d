/**
 * How the popup files addresses (pure). The policy's verdict decides the group; the user's decision
 * wins over it, so an address marked removed is Done even if the tally later recomputes it.
 */
import type { AddressSummary } from '../policy';

export type GroupId = 'remove' | 'watch' | 'sender' | 'done' | 'kept';
export type SortKey = 'last' | 'count' | 'domain';

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
];

export const SORTS: ReadonlyArray<{ id: SortKey; label: string }> = [
  { id: 'last', label: 'Last bounce' },
  { id: 'count', label: 'Bounce count' },
  { id: 'domain', label: 'Domain' },
];

/** The group an address belongs to, or null when nothing about it is current ('clear'). */
export function groupOf(summary: AddressSummary): GroupId | null {
  if (summary.decision === 'removed' || summary.verdict === 'removed') return 'done';
  if (summary.decision === 'kept' || summary.verdict === 'kept') return 'kept';
  switch (summary.verdict) {
    case 'remove':
    case 'remove-repeated-soft':
      return 'remove';
    case 'watch':
      return 'watch';
    case 'sender-problem':
      return 'sender';
    default:
      return null;
  }
}

export function bounceCount(summary: AddressSummary): number {
  return summary.hardCount + summary.softCount + summary.senderProblemCount;
}

/** Case-insensitive match on the address (which includes its domain). Empty query matches all. */
export function matchesQuery(summary: AddressSummary, query: string): boolean {
  const needle = query.trim().toLowerCase();
  return needle === '' || summary.address.toLowerCase().includes(needle);
}

function compare(a: AddressSummary, b: AddressSummary, key: SortKey): number {
  switch (key) {
    case 'last':
      return b.lastBounceAt.localeCompare(a.lastBounceAt) || a.address.localeCompare(b.address);
    case 'count':
      return bounceCount(b) - bounceCount(a) || b.lastBounceAt.localeCompare(a.lastBounceAt) || a.address.localeCompare(b.address);
    case 'domain':
      return a.domain.localeCompare(b.domain) || a.address.localeCompare(b.address);
  }
}

export type Grouped = Record<GroupId, AddressSummary[]>;

/** Files, filters and sorts every address in one pass per group. */
export function groupAddresses(addresses: readonly AddressSummary[], query: string, sort: SortKey): Grouped {
  const grouped: Grouped = { remove: [], watch: [], sender: [], done: [], kept: [] };
  for (const summary of addresses) {
    const group = groupOf(summary);
    if (group && matchesQuery(summary, query)) grouped[group].push(summary);
  }
  for (const list of Object.values(grouped)) list.sort((a, b) => compare(a, b, sort));
  return grouped;
}
