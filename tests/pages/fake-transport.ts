/**
 * An in-memory background for UI tests: it is the transport (what the popup talks to), not the
 * component under test. Decisions move addresses the way the tally does: removed/kept override the
 * verdict, 'none' restores the policy's verdict. Every call is logged.
 */
import type { AddressSummary, PolicySettings, Verdict } from '../../lib/policy';
import type { ProtocolMap } from '../../lib/messaging';
import type { Transport } from '../../lib/pages/transport';

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
        case 'listAddresses':
          return { addresses: [...rows.values()].map((row) => ({ ...row })), settings: { ...fake.settings } };
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
