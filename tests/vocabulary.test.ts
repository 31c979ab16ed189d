import { describe, expect, it } from 'vitest';
import { REASONS } from '../lib/bounce/types';
import type { Evidence } from '../lib/policy';
import {
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
