import { describe, expect, it } from 'vitest';
import { REASONS } from '../lib/bounce/types';
import { makeSummary } from './pages/make-summary';
import type { AddressSummary, Evidence } from '../lib/policy';
import {
  addedByHandAt,
  describeBadge,
  describeBannerTitle,
  describeComposeRemoved,
  describeComposeSummary,
  describeDecision,
  describeDecisionSaved,
  describeReading,
  describeRecipientWarning,
  describeServerWords,
  describeTally,
  ordinal,
  recipientGroupOf,
  describeCodes,
  describeEvidence,
  describeProblem,
  describeReason,
  describeVerdict,
  describeWebmail,
  formatBytes,
  formatCount,
  formatDay,
  plural,
} from '../lib/vocabulary';

const NOW = new Date('2026-11-27T12:00:00Z');

describe('formatDay', () => {
  it('writes the day as the locale does, dropping the year only within the same year', () => {
    const utc = { timeZone: 'UTC', now: NOW };
    expect(formatDay('2026-03-02T23:30:00Z', { ...utc, locale: 'en-GB' })).toBe('2 Mar');
    expect(formatDay('2026-03-02T23:30:00Z', { ...utc, locale: 'en-US' })).toBe('Mar 2');
    expect(formatDay('2025-12-31T10:00:00Z', { ...utc, locale: 'en-US' })).toBe('Dec 31, 2025');
    expect(formatDay('2026-03-02T10:00:00Z', { timeZone: 'UTC', locale: 'de-DE' })).toBe('2. März 2026');
  });

  it('uses the reader’s time zone for the day', () => {
    expect(formatDay('2026-03-02T23:30:00Z', { now: NOW, locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('3 Mar');
  });

  it('survives junk', () => {
    expect(formatDay('')).toBe('unknown');
    expect(formatDay('yesterday')).toBe('unknown');
  });
});

describe('numbers', () => {
  it('counts in words, grouped as the locale groups', () => {
    expect(plural(1, 'bounce', 'bounces', 'en-US')).toBe('1 bounce');
    expect(plural(10000, 'address', 'addresses', 'en-US')).toBe('10,000 addresses');
    expect(formatCount(10000, 'de-DE')).toBe('10.000');
  });

  it('picks the unit that keeps a size readable, never "0.0 MB" for a small file', () => {
    expect(formatBytes(0, 'en-US')).toBe('0 bytes');
    expect(formatBytes(1, 'en-US')).toBe('1 byte');
    expect(formatBytes(812, 'en-US')).toBe('812 bytes');
    expect(formatBytes(3500, 'en-US')).toBe('3.4 kB');
    expect(formatBytes(48_000, 'en-US')).toBe('47 kB');
    expect(formatBytes(12 * 1024 ** 2, 'en-US')).toBe('12 MB');
    expect(formatBytes(1.25 * 1024 ** 3, 'en-US')).toBe('1.3 GB');
    expect(formatBytes(Number.NaN, 'en-US')).toBe('0 bytes');
    expect(formatBytes(3500, 'de-DE')).toBe('3,4 kB');
  });
});

describe('labels', () => {
  it('has plain words for every reason the classifier can give', () => {
    for (const reason of REASONS) expect(describeReason(reason), reason).not.toBe(reason);
    expect(describeReason('userunknown')).toBe('address does not exist');
    expect(describeReason('mailboxfull')).toBe('mailbox full');
  });

  it('calls a sender problem a sender problem, whatever its kind', () => {
    expect(describeProblem('hard', 'userunknown')).toBe('Hard bounce');
    expect(describeProblem('soft', 'mailboxfull')).toBe('Soft bounce');
    expect(describeProblem('soft', 'blocked')).toBe('Sender problem');
    expect(describeProblem('hard', 'authfailure')).toBe('Sender problem');
    expect(describeProblem('undetermined', 'undefined')).toBe('Unclear bounce');
  });

  it('writes codes one way: reply code, then enhanced status', () => {
    expect(describeCodes('550', '5.1.1')).toBe('550 5.1.1');
    expect(describeCodes('', '4.2.2')).toBe('4.2.2');
    expect(describeCodes('', '')).toBe('');
  });

  it('has verdicts in words, with no internal names', () => {
    expect(describeVerdict('sender-problem')).toMatch(/do not remove/);
    expect(describeVerdict('remove-repeated-soft')).toBe('Remove it: it keeps bouncing');
    expect(describeWebmail('manual')).toBe('added by you');
  });
});

describe('describeEvidence', () => {
  const en = { locale: 'en-GB', timeZone: 'UTC', now: NOW };
  it.each<[Evidence, string]>([
    [{ fact: 'hard-bounce', at: '2026-11-24T10:00:00Z', reason: 'userunknown', status: '5.1.1', replyCode: '550' }, 'Hard bounce on 24 Nov: address does not exist (550 5.1.1).'],
    [{ fact: 'hard-bounce', at: '2026-11-24T10:00:00Z', reason: 'hostunknown', status: '', replyCode: '' }, 'Hard bounce on 24 Nov: domain does not exist.'],
    [{ fact: 'hard-bounce', at: '2026-12-01T10:00:00Z', reason: 'undefined', status: '', replyCode: '', byHand: true }, 'Added to the list by you on 1 Dec.'],
    [{ fact: 'hard-bounces', count: 3 }, '3 hard bounces in all.'],
    [{ fact: 'soft-days', inWindow: 2, threshold: 3, windowDays: 30 }, 'Soft bounces on 2 of 3 days within 30 days.'],
    [{ fact: 'sender-refused', inWindow: 1, windowDays: 30, reasons: ['authfailure', 'blocked'] }, 'Your sending was refused on 1 day within 30 days (your sender authentication failed (SPF/DKIM/DMARC); your sending server was blocked): removing the recipient would not fix this.'],
    [{ fact: 'decided', decision: 'removed', at: '2026-11-26T09:00:00Z', bouncesSay: 'remove' }, 'You marked it removed on 26 Nov. The bounces alone say: Remove it: this address cannot receive mail.'],
    [{ fact: 'soft-days-expired', days: 1, windowDays: 30 }, '1 soft-bounce day older than 30 days expired.'],
    [{ fact: 'nothing-current' }, 'No bounce within the policy window.'],
  ])('%j', (fact, words) => {
    expect(describeEvidence(fact, en)).toBe(words);
  });

  it('never shows an internal name', () => {
    const facts: Evidence[] = [
      { fact: 'unclear-days', inWindow: 2, windowDays: 30 },
      { fact: 'sender-refusals-expired', reasons: ['blocked'] },
      { fact: 'decided', decision: 'kept', at: '', bouncesSay: 'remove-repeated-soft' },
    ];
    for (const fact of facts) expect(describeEvidence(fact, en)).not.toMatch(/remove-repeated-soft|sender-problem|userunknown|authfailure|onhold/);
  });
});

function summary(overrides: Partial<AddressSummary> = {}): AddressSummary {
  return makeSummary({
    address: 'ann@example.com',
    evidence: [{ fact: 'hard-bounce', at: '2026-11-24T10:00:00Z', reason: 'userunknown', status: '5.1.1', replyCode: '550' }],
    firstBounceAt: '2026-11-24T10:00:00Z',
    lastBounceAt: '2026-11-24T10:00:00Z',
    lastDiagnostic: '',
    lastRemoteMta: '',
    lastNoticeUrl: '',
    ...overrides,
  });
}

const byHand = (overrides: Partial<AddressSummary> = {}) =>
  summary({
    lastWebmail: 'manual',
    lastReason: 'undefined',
    lastStatus: '',
    lastReplyCode: '',
    lastBounceAt: '2026-12-03T09:00:00Z',
    evidence: [{ fact: 'hard-bounce', at: '2026-12-03T09:00:00Z', reason: 'undefined', status: '', replyCode: '', byHand: true }],
    ...overrides,
  });
const soft = (overrides: Partial<AddressSummary> = {}) =>
  summary({ verdict: 'remove-repeated-soft', hardCount: 0, softDaysInWindow: 3, lastKind: 'soft', lastReason: 'mailboxfull', evidence: [{ fact: 'soft-days', inWindow: 3, threshold: 3, windowDays: 30 }], ...overrides });

describe('the webmail pages', () => {
  const gb = { locale: 'en-GB', timeZone: 'UTC', now: NOW };
  const us = { locale: 'en-US', timeZone: 'UTC', now: NOW };

  it('names badges as the popup names kinds', () => {
    expect(describeBadge('hard')).toBe('Hard bounce');
    expect(describeBadge('sender')).toBe('Sender problem');
    expect(describeBadge('undetermined')).toBe('Bounce');
    expect(describeBadge('soft', { delayed: true })).toBe('Delivery delayed');
  });

  it('writes the tally in sentences, without internal names or "Verdict:"', () => {
    expect(describeTally(summary(), gb)).toBe('1st hard bounce. Remove it: this address cannot receive mail.');
    expect(describeTally(soft({ verdict: 'watch', softDaysInWindow: 2 }), gb)).toBe(
      '2nd day with a soft bounce in the policy window (3 make it removable). Watch it: it bounced, but not often enough to remove.',
    );
    // A decision is its own line; the tally then only counts.
    expect(describeTally(summary({ decision: 'kept', verdict: 'kept' }), gb)).toBe('1st hard bounce.');
    expect(describeTally(byHand(), gb)).toBe('On your Remove list: added by you on 3 Dec.');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd']);
  });

  it('states the decision, and what saving one did', () => {
    expect(describeDecision({ decision: 'removed', decidedAt: '2026-12-02T10:00:00Z' }, us)).toBe('You marked this removed on Dec 2.');
    expect(describeDecision({ decision: 'kept', decidedAt: '' }, us)).toBe('You chose to keep it.');
    expect(describeDecision({ decision: 'none', decidedAt: '' }, us)).toBe('');
    expect(describeDecisionSaved('none')).toBe('Undone: no decision for this address.');
  });

  it('words the title, the reading and the server line', () => {
    expect(describeBannerTitle(1, false)).toBe('Bounce notice: one address failed');
    expect(describeBannerTitle(1200, false, 'en-US')).toBe('Bounce notice: 1,200 addresses failed');
    expect(describeReading('screen', 'outlook')).toBe('Outlook shows notices as text: read from the screen.');
    expect(describeReading('fallback', 'gmail')).toBe("Read from the text on screen: Gmail's original message could not be fetched.");
    expect(describeReading('raw', 'gmail')).toBe('');
    expect(describeServerWords('550', '5.1.1', true)).toBe('The server said (550 5.1.1):');
    expect(describeServerWords('', '', true)).toBe('The server said:');
    expect(describeServerWords('', '4.4.7', false)).toBe('Code 4.4.7');
  });

  it('warns beside a compose recipient, by hand as "added by you", dates in the reader\'s locale', () => {
    expect(describeRecipientWarning(summary(), us)).toBe('hard-bounced on Nov 24: address does not exist');
    expect(describeRecipientWarning(summary(), gb)).toBe('hard-bounced on 24 Nov: address does not exist');
    expect(describeRecipientWarning(byHand(), gb)).toBe('on your Remove list: added by you on 3 Dec');
    expect(describeRecipientWarning(soft(), gb)).toBe('soft-bounced (3 days) on 24 Nov: mailbox full');
    expect(describeRecipientWarning(summary({ decision: 'removed', verdict: 'removed' }), gb)).toBe('marked removed; hard-bounced on 24 Nov: address does not exist');
    expect(describeRecipientWarning(summary({ verdict: 'watch', lastKind: 'soft', lastReason: 'blocked' }), gb)).toBe('sender problem on 24 Nov: your sending server was blocked');
    expect(addedByHandAt(byHand())).toBe('2026-12-03T09:00:00Z');
    // Added by hand, then a real hard bounce: the bounce is the reason now.
    expect(addedByHandAt(summary({ lastWebmail: 'gmail' }))).toBeNull();
  });

  it('sums up a compose in one sentence, grouped by why', () => {
    const flagged = [summary(), summary(), soft()];
    expect(describeComposeSummary(flagged, 500)).toBe('3 of 500 recipients bounced before: 2 addresses do not exist, 1 keeps bouncing');
    const mixed = [
      summary(),
      summary({ lastReason: 'hostunknown', evidence: [{ fact: 'hard-bounce', at: '2026-11-24T10:00:00Z', reason: 'hostunknown', status: '5.1.2', replyCode: '550' }] }),
      summary({ lastReason: 'suspend', evidence: [{ fact: 'hard-bounce', at: '2026-11-24T10:00:00Z', reason: 'suspend', status: '', replyCode: '' }] }),
      soft(),
      soft(),
      summary({ decision: 'removed', verdict: 'removed' }),
      byHand(),
      soft({ verdict: 'watch', softDaysInWindow: 1 }),
    ];
    expect(describeComposeSummary(mixed, 12_000, 'en-US')).toBe(
      '8 of 12,000 recipients bounced before or are on your Remove list: 1 address does not exist, 1 is at a domain that does not exist, 1 cannot receive mail, 2 keep bouncing, 1 you marked removed, 1 you added to the Remove list, 1 bounced recently',
    );
    expect(describeComposeSummary([byHand()], 1)).toBe('1 of 1 recipient is on your Remove list: 1 you added to the Remove list');
    expect(mixed.map(recipientGroupOf)).toEqual(['no-address', 'no-domain', 'hard', 'keeps-bouncing', 'keeps-bouncing', 'removed', 'by-hand', 'watch']);
    expect(describeComposeRemoved(25, 0)).toBe('Removed 25 recipients from this message.');
    expect(describeComposeRemoved(0, 1)).toBe('1 recipient could not be removed here: remove it by hand.');
  });
});

describe('proof of life in words (issue #13)', () => {
  it('says when the address wrote and what no longer counts', () => {
    const options = { locale: 'en-GB', timeZone: 'UTC', now: new Date('2026-12-04T12:00:00Z') };
    expect(describeEvidence({ fact: 'wrote-to-you', at: '2026-12-03T09:14:00Z', setAside: 2 }, options)).toBe(
      'Wrote to you on 3 Dec, after its last bounce: the address works. The 2 soft-bounce days before that no longer count toward removal.',
    );
    expect(describeEvidence({ fact: 'wrote-to-you', at: '2025-12-03T09:14:00Z', setAside: 0 }, options)).toBe('Wrote to you on 3 Dec 2025, after its last bounce: the address works.');
  });
});
