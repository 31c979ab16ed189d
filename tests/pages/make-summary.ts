/** Builds AddressSummary values for tests: realistic defaults, overridable per field. */
import type { AddressSummary } from '../../lib/policy';

export function makeSummary(overrides: Partial<AddressSummary> & { address: string }): AddressSummary {
  const domain = overrides.address.slice(overrides.address.lastIndexOf('@') + 1);
  return {
    domain,
    verdict: 'remove',
    evidence: [{ fact: 'hard-bounce', at: '2026-03-02T10:00:00.000Z', reason: 'userunknown', status: '5.1.1', replyCode: '550' }],
    hardCount: 1,
    softCount: 0,
    senderProblemCount: 0,
    bounceDays: 1,
    softDaysInWindow: 0,
    softDaysThreshold: 3,
    firstBounceAt: '2026-03-02T10:00:00.000Z',
    lastBounceAt: '2026-03-02T10:00:00.000Z',
    lastKind: 'hard',
    lastReason: 'userunknown',
    lastStatus: '5.1.1',
    lastReplyCode: '550',
    lastDiagnostic: '550 5.1.1 <user@example.com>: Recipient address rejected: User unknown',
    lastRemoteMta: 'mx.example.com',
    lastWebmail: 'gmail',
    lastNoticeUrl: 'https://mail.google.com/mail/u/0/#inbox/18c0000000000001',
    decision: 'none',
    decidedAt: '',
    ...overrides,
  };
}
