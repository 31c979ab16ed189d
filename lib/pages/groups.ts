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
  return summary.hardCount + summary.softCount + summary.senderProblemCount + (summary.undeterminedCount ?? 0);
}

/** Plain code-unit order: addresses, domains and ISO dates are ASCII, and localeCompare is ~50x slower. */
function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparator(key: SortKey): (a: AddressSummary, b: AddressSummary) => number {
  switch (key) {
    case 'last':
      return (a, b) => order(b.lastBounceAt, a.lastBounceAt) || order(a.address, b.address);
    case 'count':
      return (a, b) => bounceCount(b) - bounceCount(a) || order(b.lastBounceAt, a.lastBounceAt) || order(a.address, b.address);
    case 'domain':
      return (a, b) => order(a.domain, b.domain) || order(a.address, b.address);
  }
}

export type Grouped = Record<GroupId, AddressSummary[]>;

/** Files, filters and sorts every address: one pass to file, one sort per group. */
export function groupAddresses(addresses: readonly AddressSummary[], query: string, sort: SortKey): Grouped {
  const grouped: Grouped = { remove: [], watch: [], sender: [], done: [], kept: [] };
  const needle = query.trim().toLowerCase();
  for (const summary of addresses) {
    const group = groupOf(summary);
    if (group && (needle === '' || summary.address.toLowerCase().includes(needle))) grouped[group].push(summary);
  }
  const compare = comparator(sort);
  for (const list of Object.values(grouped)) list.sort(compare);
  return grouped;
}

/** The first group (in tab order) that has any address: where the popup opens. */
export function firstNonEmptyGroup(addresses: readonly AddressSummary[]): GroupId {
  const present = new Set<GroupId>();
  for (const summary of addresses) {
    const group = groupOf(summary);
    if (group) present.add(group);
  }
  return GROUPS.find((info) => present.has(info.id))?.id ?? 'remove';
}
