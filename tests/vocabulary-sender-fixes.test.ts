import { describe, expect, it } from 'vitest';
import { REASONS, SENDER_REFUSAL_REASONS, type Reason } from '../lib/bounce/types';
import { findSenderFix, SENDER_FIXES } from '../lib/vocabulary';

/** [reason, status, reply code, the server's words] → the note expected (issue 13, item 6). */
const CASES: Array<[Reason, string, string, string, string]> = [
  ['authfailure', '5.7.26', '550', '550-5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM.', 'gmail-unauthenticated'],
  ['authfailure', '5.7.27', '550', '550-5.7.27 The sender’s domain does not pass SPF.', 'gmail-spf'],
  ['authfailure', '5.7.515', '550', '550 5.7.515 Access denied, sending domain example.org does not meet the required authentication level.', 'microsoft-authentication-level'],
  ['authfailure', '5.7.509', '550', '550 5.7.509 Access denied, sending domain example.org does not pass DMARC verification and has a DMARC policy of reject.', 'microsoft-dmarc-reject'],
  ['blocked', '5.7.1', '554', '554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org', 'blocklist'],
  ['blocked', '5.7.1', '550', '550 5.7.1 Your IP 192.0.2.10 is listed on a DNSBL', 'blocklist'],
  ['blocked', '5.7.606', '550', '550 5.7.606 Access denied, banned sending IP [192.0.2.10].', 'microsoft-banned-ip'],
  ['requireptr', '5.7.25', '550', '550-5.7.25 The IP address sending this message does not have a PTR record setup.', 'gmail-ptr'],
  ['requireptr', '4.7.0', '421', '421-4.7.0 The IP address sending this message does not have a PTR record setup.', 'gmail-ptr-temporary'],
  ['blocked', '4.7.28', '421', '421-4.7.28 Our system has detected an unusual rate of mail originating from your IP address.', 'gmail-rate'],
  ['ratelimited', '4.7.28', '421', '421-4.7.28 unusual rate of unsolicited mail', 'gmail-rate'],
  ['badreputation', '4.7.650', '451', '451 4.7.650 The mail server [192.0.2.10] has been temporarily rate limited due to IP reputation.', 'microsoft-reputation-rate'],
  // No provider code: the reason's own note.
  ['authfailure', '5.7.1', '550', 'SPF check failed', 'authentication'],
  ['requireptr', '5.7.1', '550', 'no reverse dns', 'reverse-dns'],
  ['toomanyconn', '4.3.2', '452', 'Connection rate limit exceeded', 'rate-limit'],
  ['blocked', '5.7.1', '554', 'Access denied', 'blocked'],
  ['spamdetected', '5.7.1', '550', 'Message looks like spam', 'spam'],
];

describe('sender problems: a fix-it note per cause, with its source', () => {
  it.each(CASES)('%s %s → the right note', (reason, status, replyCode, words, id) => {
    expect(findSenderFix(reason, status, replyCode, words)?.id).toBe(id);
  });

  it('names the provider requirement in the words the user reads', () => {
    expect(findSenderFix('authfailure', '5.7.26', '550')!.advice).toMatch(/Gmail requires every sender to pass SPF or DKIM/);
    expect(findSenderFix('authfailure', '5.7.515', '550')!.advice).toMatch(/DMARC record \(at least p=none\)/);
    expect(findSenderFix('requireptr', '5.7.25', '550')!.advice).toMatch(/PTR record/);
    expect(findSenderFix('blocked', '5.7.1', '554', 'blocked using zen.spamhaus.org')!.source.url).toBe('https://check.spamhaus.org/');
    expect(findSenderFix('authfailure', '5.7.515', '550')!.source.url).toMatch(/^https:\/\/support\.microsoft\.com\//);
  });

  it('has a note for every sender-problem reason, and none for a recipient problem', () => {
    for (const reason of SENDER_REFUSAL_REASONS) expect(findSenderFix(reason), reason).not.toBeNull();
    for (const reason of REASONS.filter((r) => !(SENDER_REFUSAL_REASONS as readonly string[]).includes(r))) {
      expect(findSenderFix(reason, '5.7.26', '550', 'spamhaus'), reason).toBeNull();
    }
  });

  it('cites an https source for every note, and every id once', () => {
    for (const fix of SENDER_FIXES) {
      expect(fix.source.url, fix.id).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/|$)/);
      expect(fix.source.name.length, fix.id).toBeGreaterThan(5);
      expect(fix.advice.length, fix.id).toBeLessThan(400);
      for (const phrase of fix.words ?? []) expect(phrase, fix.id).toBe(phrase.toLowerCase());
    }
    expect(new Set(SENDER_FIXES.map((fix) => fix.id)).size).toBe(SENDER_FIXES.length);
  });

  it('reads the codes, not just the words: a 5.7.26 wins over a blocklist word', () => {
    expect(findSenderFix('blocked', '5.7.26', '550', 'your ip is listed')?.id).toBe('gmail-unauthenticated');
  });
});
