import { describe, expect, it } from 'vitest';
import {
  findReplyCodeIn,
  findStatusIn,
  isStatusCode,
  isSyntaxReply,
  reasonForReplyCode,
  reasonForStatus,
} from '../../lib/bounce/smtp-status';

describe('reasonForStatus (RFC 3463 defaults)', () => {
  it.each([
    ['5.1.1', 'userunknown'],
    ['5.1.2', 'hostunknown'],
    ['5.1.6', 'hasmoved'],
    ['5.1.10', 'notaccept'],
    ['4.2.2', 'mailboxfull'],
    ['5.2.2', 'mailboxfull'],
    ['5.2.3', 'exceedlimit'],
    ['5.3.4', 'mesgtoobig'],
    ['4.4.7', 'expired'],
    ['4.7.1', 'blocked'],
    ['5.7.1', 'securityerror'],
    ['5.7.23', 'authfailure'],
    ['5.7.25', 'requireptr'],
    ['5.7.13', 'suspend'],
    ['5.6.0', 'contenterror'],
    ['2.1.5', 'delivered'],
    [' 5.1.1 ', 'userunknown'],
  ])('%s → %s', (status, reason) => {
    expect(reasonForStatus(status)).toBe(reason);
  });

  it('says nothing for vague or malformed codes', () => {
    for (const s of ['5.0.0', '4.0.0', '4.4.0', '', '5.1', '6.1.1', '5.1.1.1', 'abc', '5.x.1']) {
      expect(reasonForStatus(s)).toBe('');
    }
  });

  it('reads Sisimai pseudo codes', () => {
    expect(reasonForStatus('5.0.911')).toBe('userunknown');
    expect(reasonForStatus('4.0.947')).toBe('expired');
    expect(reasonForStatus('5.0.999')).toBe('');
    expect(reasonForStatus('5.0.910')).toBe('filtered');
  });
});

describe('reply codes', () => {
  it('name a reason only where the code alone does', () => {
    expect(reasonForReplyCode('521')).toBe('notaccept');
    expect(reasonForReplyCode('556')).toBe('notaccept');
    expect(reasonForReplyCode('523')).toBe('failedstarttls');
    expect(reasonForReplyCode('550')).toBe('');
    expect(reasonForReplyCode('')).toBe('');
  });

  it('know the syntax range', () => {
    expect(isSyntaxReply('501')).toBe(true);
    expect(isSyntaxReply('503')).toBe(true);
    expect(isSyntaxReply('550')).toBe(false);
    expect(isSyntaxReply('400')).toBe(false);
    expect(isSyntaxReply('x')).toBe(false);
  });
});

describe('isStatusCode', () => {
  it('accepts class 2/4/5 codes only', () => {
    expect(isStatusCode('5.7.515')).toBe(true);
    expect(isStatusCode('4.4.1')).toBe(true);
    expect(isStatusCode('3.1.1')).toBe(false);
    expect(isStatusCode('5.1.1000')).toBe(false);
  });
});

describe('findStatusIn / findReplyCodeIn', () => {
  it('find the codes in a diagnostic', () => {
    const d = 'smtp; 550 5.1.1 <someone@example.com>: Recipient address rejected';
    expect(findStatusIn(d)).toBe('5.1.1');
    expect(findReplyCodeIn(d)).toBe('550');
    expect(findStatusIn('550-5.7.1 [192.0.2.1] blocked')).toBe('5.7.1');
    expect(findStatusIn('user over quota. (#5.2.2)')).toBe('5.2.2');
  });

  it('skip IP addresses and version numbers', () => {
    expect(findStatusIn('connect to 192.0.2.5 failed')).toBe('');
    expect(findStatusIn('Postfix 2.10.1 on 10.4.5.1')).toBe('');
    expect(findReplyCodeIn('id 45012 at 192.0.2.5')).toBe('');
  });

  it('are bounded on huge input', () => {
    const big = '9'.repeat(2_000_000) + ' 550 5.1.1';
    expect(findStatusIn(big)).toBe('');
    expect(findReplyCodeIn(big)).toBe('');
  });
});
