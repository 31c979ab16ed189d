/**
 * An in-memory background for UI tests: it is the transport (what the popup talks to), not the
 * component under test. Decisions move addresses the way the tally does: removed/kept override the
 * verdict, 'none' restores the policy's verdict. Every call is logged.
 */
import type { AddressSummary, PolicySettings, Verdict } from '../../lib/policy';
import type { ProtocolMap } from '../../lib/messaging';
import type { Transport } from '../../lib/pages/transport';
import { listGroupOf } from '../../lib/store/summary';
import { LIST_GROUPS, emptyGroupCounts } from '../../lib/store/db';
import { bounceCount } from '../../lib/pages/groups';
import type { ListQuery } from '../../lib/store/tally';

/** The store's list orders (lib/store/tally.ts INDEX_OF), over plain code units. */
function listOrder(sort: ListQuery['sort']): (a: AddressSummary, b: AddressSummary) => number {
  const order = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  switch (sort ?? 'last') {
    case 'last':
      return (a, b) => order(b.lastBounceAt, a.lastBounceAt) || order(b.address, a.address);
    case 'count':
      return (a, b) => bounceCount(b) - bounceCount(a) || order(b.lastBounceAt, a.lastBounceAt) || order(b.address, a.address);
    case 'domain':
      return (a, b) => order(a.domain, b.domain) || order(a.address, b.address);
  }
}

export interface FakeBackground {
  transport: Transport;
  calls: Array<{ type: keyof ProtocolMap; request: unknown }>;
  rows: Map<string, AddressSummary>;
  settings: PolicySettings;
  /** Make the next call of `type` fail with `message`. */
  failNext(type: keyof ProtocolMap, message: string): void;
}

export function createFakeBackground(initial: AddressSummary[]): FakeBackground {
  const rows = new Map(initial.map((row) => [row.address, { ...row }]));
  const policyVerdict = new Map<string, Verdict>(initial.map((row) => [row.address, row.verdict]));
  const calls: FakeBackground['calls'] = [];
  const failures = new Map<string, string>();
  const noticeKeys = new Set<string>();
  const fake: FakeBackground = {
    calls,
    rows,
    settings: { preset: 'standard', softBounceDays: 3, windowDays: 30 },
    failNext: (type, message) => failures.set(type, message),
    transport: (async (type: keyof ProtocolMap, request?: unknown) => {
      calls.push({ type, request });
      await Promise.resolve();
      const failure = failures.get(type);
      if (failure) {
        failures.delete(type);
        throw new Error(failure);
      }
      switch (type) {
        case 'listAddresses': {
          const query = request as ListQuery;
          const needle = (query.query ?? '').trim().toLowerCase();
          const matching = [...rows.values()].filter((row) => needle === '' || row.address.includes(needle));
          const counts = emptyGroupCounts();
          for (const row of matching) counts[listGroupOf(row)] += 1;
          const list = matching.filter((row) => query.group === 'all' || listGroupOf(row) === query.group).sort(listOrder(query.sort));
          const offset = query.offset ?? 0;
          return {
            rows: list.slice(offset, offset + (query.limit ?? 100)).map((row) => ({ ...row })),
            total: list.length,
            offset,
            counts: { ...counts, all: LIST_GROUPS.reduce((sum, group) => sum + counts[group], 0) },
            settings: { ...fake.settings },
            unverified: 0,
          };
        }
        case 'listVerdicts': {
          const query = (request ?? {}) as { group?: ListQuery['group']; query?: string };
          const needle = (query.query ?? '').trim().toLowerCase();
          const verdicts = [...rows.values()]
            .filter((row) => (needle === '' || row.address.includes(needle)) && (!query.group || query.group === 'all' || listGroupOf(row) === query.group))
            .sort(listOrder('last'))
            .map((row) => ({ address: row.address, group: listGroupOf(row) }));
          return { verdicts };
        }
        case 'lookupAddresses':
          return (request as { addresses: string[] }).addresses.flatMap((address) => (rows.has(address) ? [{ ...rows.get(address)! }] : []));
        case 'setDecision': {
          const { addresses, decision } = request as { addresses: string[]; decision: AddressSummary['decision'] };
          let updated = 0;
          for (const address of addresses) {
            const row = rows.get(address);
            if (!row) continue;
            row.decision = decision;
            row.verdict = decision === 'none' ? policyVerdict.get(address)! : decision;
            row.decidedAt = decision === 'none' ? '' : '2026-11-27T12:00:00.000Z';
            updated++;
          }
          return { updated };
        }
        case 'getSettings':
          return { ...fake.settings };
        case 'setSettings':
          fake.settings = { ...(request as PolicySettings) };
          return { ...fake.settings };
        case 'importNotices': {
          // Idempotent by key, like the tally: a notice seen again adds nothing.
          const { notices } = request as { notices: Array<{ key: string; notice: { recipients: unknown[] } }> };
          const result = { noticesAdded: 0, noticesSkipped: 0, eventsAdded: 0 };
          for (const { key, notice } of notices) {
            if (noticeKeys.has(key)) {
              result.noticesSkipped++;
              continue;
            }
            noticeKeys.add(key);
            result.noticesAdded++;
            result.eventsAdded += notice.recipients.length;
          }
          return result;
        }
        default:
          throw new Error(`fake background: ${type} not implemented`);
      }
    }) as Transport,
  };
  return fake;
}
