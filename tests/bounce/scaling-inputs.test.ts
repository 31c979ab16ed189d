/**
 * The scaling bench's inputs (scripts/bench/scaling.ts), at the bench's larger size, classify
 * correctly. No timing here ("never a timed unit test"): how time grows is the bench's job; this
 * only guards that the big inputs are read whole and right, so a fix for speed cannot quietly stop
 * reading them.
 */
import { describe, expect, it } from 'vitest';
import { classifyNotice } from '../../lib/bounce';
import { FAMILIES } from '../../scripts/bench/scaling';

describe('the scaling families, at 480 KB', () => {
  it.each(FAMILIES.map((f) => [f.name, f]))('%s is classified as expected', async (_name, family) => {
    const r = await classifyNotice(family.make(480_000));
    expect(family.check(r), JSON.stringify(r.recipients.slice(0, 2))).toBe(true);
  });

  it('decodes the subject of a 500 KB notice of encoded words', async () => {
    // RFC 2047 §2: words of at most 75 characters; 45 bytes each, cut anywhere in the UTF-8, so a
    // character may straddle two words (§6.2: adjacent words are decoded as one unit).
    const text = Buffer.from('Unzustellbar: Postfach voll, boîte pleine, 配信不能. '.repeat(8_000));
    const words: string[] = [];
    for (let at = 0; at + 45 <= text.length && words.length * 75 < 503_000; at += 45) words.push(`=?UTF-8?B?${text.subarray(at, at + 45).toString('base64')}?=`);
    const subject = new TextDecoder().decode(text.subarray(0, words.length * 45));
    const source = [
      'From: MAILER-DAEMON@mx.example.net',
      'To: sender@example.org',
      `Subject: ${words.join('\r\n ')}`,
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      '',
      '--B',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.net',
      '',
      'Final-Recipient: rfc822; nobody@example.com',
      'Action: failed',
      'Status: 5.2.2',
      '',
      '--B--',
      '',
    ].join('\r\n');
    // Over 500 KB, under the 512 KiB a raw notice is read up to (MIME_CAP), so the report part is read too.
    expect(source.length).toBeGreaterThan(500_000);
    expect(source.length).toBeLessThan(512 * 1024);
    const r = await classifyNotice({ view: 'raw', source });
    expect(r.subject).toBe(subject);
    expect(r.recipients.map((x) => [x.address, x.reason])).toEqual([['nobody@example.com', 'mailboxfull']]);
  });
});
