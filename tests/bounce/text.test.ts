import { describe, expect, it } from 'vitest';
import { decodeUtf7, findAddressSpans, findFailureStatus, findReplyCode, findStatusCode, htmlToText, joinReplyContinuations } from '../../lib/bounce/text';
import { parseDeliveryStatus } from '../../lib/bounce/dsn';

describe('scanners', () => {
  it.each([
    ['550 5.1.1 <a@example.net>: user unknown', '5.1.1'],
    ['host 192.0.2.5 said: 4.2.2 mailbox full', '4.2.2'],
    ['version 5.1.10.2 and 192.0.2.55', ''],
    ['#5.1.10 RESOLVER', '5.1.10'],
    ['no code here', ''],
  ])('findStatusCode(%s)', (text, code) => expect(findStatusCode(text)).toBe(code));

  it('takes the failure, not the 250 before it, in a transcript', () => {
    expect(findFailureStatus('Out: 250 2.1.5 Ok In: DATA Out: 451 4.3.0 Error')).toBe('4.3.0');
  });

  it.each([
    ['said: 550 5.1.1 unknown', '550'],
    ['<<< 452 too many', '452'],
    ['at 192.0.2.550 port', ''],
    ['2026-550-12', ''],
  ])('findReplyCode(%s)', (text, code) => expect(findReplyCode(text)).toBe(code));

  it('finds addresses and trims sentence punctuation', () => {
    expect(findAddressSpans('to <bob@Example.NET>, carol@example.org. and x@y').map((a) => a.address)).toEqual(['bob@example.net', 'carol@example.org']);
  });

  it('decodes UTF-7 and leaves digits after + alone', () => {
    expect(decodeUtf7('+MOEw/DDr-')).toBe('メール');
    expect(decodeUtf7('Date +0900 and 1+-1')).toBe('Date +0900 and 1+1');
  });

  it('turns HTML into text without scripts', () => {
    expect(htmlToText('<p>a&amp;b</p><script>x()</script><br>c').trim()).toBe('a&b\n\nc');
  });
});

describe('parseDeliveryStatus', () => {
  it('reads blocks, continuation lines and blocks without a blank line between them', () => {
    const dsn = parseDeliveryStatus('Reporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822; a@example.net\nAction: failed\nStatus: 5.1.1 (bad)\nDiagnostic-Code: smtp; 550 5.1.1\n  user unknown\nFinal-Recipient: rfc822; b@example.net\nAction: delayed\nStatus: 4.4.7\n');
    expect(dsn.reportingMta).toBe('mx.example.com');
    expect(dsn.recipients.map((r) => [r.finalRecipient, r.action, r.status, r.diagnostic])).toEqual([
      ['a@example.net', 'failed', '5.1.1', '550 5.1.1 user unknown'],
      ['b@example.net', 'delayed', '4.4.7', ''],
    ]);
  });
});

describe('joinReplyContinuations', () => {
  it.each([
    [
      "550-5.1.1 The account does not exist. Please try 550-5.1.1 double-checking the address. Learn more at 550 5.1.1 https://support.example.com/?p=NoSuchUser",
      '550-5.1.1 The account does not exist. Please try double-checking the address. Learn more at https://support.example.com/?p=NoSuchUser',
    ],
    ['452-4.2.2 The mailbox is over quota. 452 4.2.2 Please direct the recipient to', '452-4.2.2 The mailbox is over quota. Please direct the recipient to'],
    // Different codes are different replies, kept; a single-line reply is untouched.
    ['host said: 550 5.7.1 blocked, then 421 4.7.0 try later', 'host said: 550 5.7.1 blocked, then 421 4.7.0 try later'],
    ['550 5.1.1 <bob@example.net>: Recipient address rejected', '550 5.1.1 <bob@example.net>: Recipient address rejected'],
    ['no code at all', 'no code at all'],
  ])('%s', (input, expected) => {
    expect(joinReplyContinuations(input)).toBe(expected);
  });
});
