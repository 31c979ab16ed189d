import { describe, expect, it } from 'vitest';
import { formatBytes, formatDay, isSafeNoticeUrl, plural } from '../../lib/pages/format';
import { describeReason, describeVerdict } from '../../lib/vocabulary';
import { REASONS } from '../../lib/bounce/types';

describe('formatDay', () => {
  it('drops the year only within the same year, and survives junk', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(formatDay('2026-03-02T23:30:00Z', now)).toBe('2 Mar');
    expect(formatDay('2025-12-31T10:00:00Z', now)).toBe('31 Dec 2025');
    expect(formatDay('2026-03-02T10:00:00Z')).toBe('2 Mar 2026');
    expect(formatDay('')).toBe('unknown');
    expect(formatDay('yesterday')).toBe('unknown');
  });
});

describe('isSafeNoticeUrl', () => {
  it('allows only the webmails over https', () => {
    expect(isSafeNoticeUrl('https://mail.google.com/mail/u/0/#inbox/1')).toBe(true);
    expect(isSafeNoticeUrl('https://outlook.office.com/mail/id/AAQ')).toBe(true);
    expect(isSafeNoticeUrl('http://mail.google.com/')).toBe(false);
    expect(isSafeNoticeUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeNoticeUrl('https://mail.google.com.evil.example/')).toBe(false);
    expect(isSafeNoticeUrl('')).toBe(false);
  });
});

describe('labels', () => {
  it('has plain words for every reason the classifier can give', () => {
    for (const reason of REASONS) expect(describeReason(reason), reason).not.toBe(reason);
    expect(describeReason('userunknown')).toBe('address does not exist');
    expect(describeReason('mailboxfull')).toBe('mailbox full');
    expect(describeVerdict('sender-problem')).toMatch(/do not remove/);
  });

  it('counts in words', () => {
    expect(plural(1, 'bounce')).toBe('1 bounce');
    expect(plural(10000, 'address', 'addresses')).toBe('10,000 addresses');
  });
});

describe('bounceCount', () => {
  it('counts every kind of bounce, unclear ones included', async () => {
    const { bounceCount } = await import('../../lib/pages/groups');
    const { makeSummary } = await import('./make-summary');
    expect(bounceCount(makeSummary({ address: 'a@example.com', hardCount: 1, softCount: 2, senderProblemCount: 3, undeterminedCount: 4 }))).toBe(10);
    expect(bounceCount(makeSummary({ address: 'b@example.com', hardCount: 1 }))).toBe(1);
  });
});

describe('formatBytes', () => {
  it('picks the unit that keeps the number readable, never "0.0 MB" for a small file', () => {
    expect(formatBytes(0, 'en-US')).toBe('0 bytes');
    expect(formatBytes(1, 'en-US')).toBe('1 byte');
    expect(formatBytes(812, 'en-US')).toBe('812 bytes');
    expect(formatBytes(3500, 'en-US')).toBe('3.4 kB');
    expect(formatBytes(48_000, 'en-US')).toBe('47 kB');
    expect(formatBytes(12 * 1024 ** 2, 'en-US')).toBe('12 MB');
    expect(formatBytes(1.25 * 1024 ** 3, 'en-US')).toBe('1.3 GB');
    expect(formatBytes(Number.NaN, 'en-US')).toBe('0 bytes');
  });

  it('writes numbers as the locale does', () => {
    expect(formatBytes(3500, 'de-DE')).toBe('3,4 kB');
  });
});
