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

  it('finds addresses as written and trims sentence punctuation', () => {
    expect(findAddressSpans('to <bob@Example.NET>, carol@example.org. and x@y').map((a) => a.address)).toEqual(['bob@Example.NET', 'carol@example.org']);
  });

  // Issue 10: every character RFC 5322 §3.4.1 allows in a local part stays; what is no addr-spec
  // (too long, invisible or bidi characters, lone surrogates) is skipped, never cut to fit.
  it.each([
    ["<'john@example.com>: user unknown", ["'john@example.com"]],
    ['=sales@example.com... User unknown', ['=sales@example.com']],
    ['to: +1-desk@example.com, -list@example.com', ['+1-desk@example.com', '-list@example.com']],
    ['ops/{a|b}~!#$%&*?^_`@example.com', ['ops/{a|b}~!#$%&*?^_`@example.com']],
    ["prose quotes it: 'bob@example.com' was refused", ['bob@example.com']],
    ['Nobody@Example.com said', ['Nobody@Example.com']],
    ['"neko....nyaan...."@example.org', ['"neko....nyaan...."@example.org']],
    ['kijitora@localhost and bob@host', ['kijitora@localhost']],
    [`${'a'.repeat(65)}@example.com`, []],
    [`${'a'.repeat(64)}@example.com`, [`${'a'.repeat(64)}@example.com`]],
    [`bob@${'a.'.repeat(130)}com`, []],
    ['<>', []],
    ['\u202ebob@example.com', ['bob@example.com']],
    ['bob\u200b@example.com', []],
    ['\ud800bob@example.com', []],
    ['bob@example.com\udc00', []],
    ['\u200ebob@example.com\u200e', ['bob@example.com']],
    ['bob\udc00@example.com', []],
    ['\ud83d\udc08@example.org', ['\ud83d\udc08@example.org']],
    ['bob\u0000x@example.com', []],
    ['bob\u0000 x@example.com', ['x@example.com']],
  ])('findAddressSpans(%j)', (text, expected) => {
    expect(findAddressSpans(text).map((a) => a.address)).toEqual(expected);
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
