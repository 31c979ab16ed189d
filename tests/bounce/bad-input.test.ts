/**
 * Hostile and broken input: classifyNotice never throws, and says "not a bounce" or reports
 * recipients it can stand behind (undetermined, with a note, when it cannot judge them).
 * Time is not asserted here (no timed unit tests); `npm run bench` measures speed.
 */
import { describe, expect, it } from 'vitest';
import { classifyNotice } from '../../lib/bounce';
import type { NoticeInput } from '../../lib/bounce';

const DSN_HEAD = `From: MAILER-DAEMON@mx.example.com (Mail Delivery System)
To: sender@example.org
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="BB"

--BB
Content-Type: text/plain

This is the mail system at host mx.example.com.

<gone@example.net>: host mx.example.net[192.0.2.7] said: 550 5.1.1 User unknown

--BB
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.com

Final-Recipient: rfc822; gone@example.net
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 User unknown
`;

describe('bad input never throws', () => {
  it('truncated MIME (the message stops inside a part)', async () => {
    const r = await classifyNotice({ view: 'raw', source: DSN_HEAD.slice(0, DSN_HEAD.indexOf('Action:')) });
    expect(r.isBounce).toBe(true);
    expect(r.recipients.map((x) => x.address)).toEqual(['gone@example.net']);
  });

  it('missing boundaries (the declared boundary never occurs)', async () => {
    const r = await classifyNotice({ view: 'raw', source: DSN_HEAD.replaceAll('--BB', '--XX') });
    expect(r.isBounce).toBe(true);
    expect(r.recipients.map((x) => [x.address, x.kind])).toEqual([['gone@example.net', 'hard']]);
    expect(r.notes.join(' ')).toContain('boundary');
  });

  it('binary junk', async () => {
    const junk = new Uint8Array(256 * 1024);
    let x = 12345;
    for (let i = 0; i < junk.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      junk[i] = x >>> 24;
    }
    const r = await classifyNotice({ view: 'raw', source: junk });
    expect(r.isBounce).toBe(false);
    expect(r.recipients).toEqual([]);
  });

  it('a 10 MB message (a bounce returning a 10 MB original)', async () => {
    const big = DSN_HEAD + '\n--BB\nContent-Type: message/rfc822\n\nFrom: sender@example.org\nTo: gone@example.net\nSubject: big\n\n' + 'A'.repeat(76).concat('\n').repeat(140_000) + '\n--BB--\n';
    expect(big.length).toBeGreaterThan(10_000_000);
    const r = await classifyNotice({ view: 'raw', source: big });
    expect(r.recipients.map((x) => x.address)).toEqual(['gone@example.net']);
    expect(r.notes.join(' ')).toContain('only its first');
  });

  it('a 1 MB single line (in the body and in a header)', async () => {
    const line = 'x@'.repeat(250_000) + '550 5.1.1 '.repeat(25_000);
    const inBody = await classifyNotice({ view: 'raw', source: `From: a@example.org\nSubject: hi\n\n${line}\n` });
    expect(inBody.isBounce).toBe(false);
    const inHeader = await classifyNotice({ view: 'raw', source: `From: a@example.org\nSubject: ${line}\n\nhello\n` });
    expect(inHeader.isBounce).toBe(false);
    const rendered = await classifyNotice({ view: 'rendered', subject: 'Undeliverable', from: 'postmaster@example.com', text: line });
    expect(Array.isArray(rendered.recipients)).toBe(true);
  });

  it('a recipient without @ is not reported: a bounce naming no address, with a note', async () => {
    // No address anywhere: the DSN names a local part only and the prose names none. A recipient
    // is reported exactly as written or not at all (lib/bounce/address.ts).
    const r = await classifyNotice({ view: 'raw', source: DSN_HEAD.replaceAll('gone@example.net', 'gone') });
    expect(r.isBounce).toBe(true);
    expect(r.recipients).toEqual([]);
    expect(r.notes.join(' ')).toContain('no address: "gone"');
  });

  it('MIME nested deeper than the parser allows', async () => {
    let body = 'Final-Recipient: rfc822; deep@example.net\nAction: failed\nStatus: 5.1.1\n';
    for (let i = 0; i < 300; i++) body = `Content-Type: multipart/mixed; boundary="n${i}"\n\n--n${i}\n${body}\n--n${i}--\n`;
    const r = await classifyNotice({ view: 'raw', source: `From: MAILER-DAEMON@example.com\nSubject: Undeliverable\n${body}` });
    expect(typeof r.isBounce).toBe('boolean');
  });

  it('wrong shapes from a caller (null, numbers, missing fields)', async () => {
    const inputs = [null, undefined, 42, 'raw', {}, { view: 'raw' }, { view: 'raw', source: 12 }, { view: 'rendered' }, { view: 'rendered', subject: 5, from: null, text: {} }];
    for (const input of inputs) {
      const r = await classifyNotice(input as unknown as NoticeInput);
      expect(r.isBounce).toBe(false);
      expect(r.recipients).toEqual([]);
    }
  });

  it('a DSN recipient without @ takes the one address the prose names', async () => {
    const r = await classifyNotice({ view: 'raw', source: DSN_HEAD.replace('Final-Recipient: rfc822; gone@example.net', 'Final-Recipient: rfc822; gone') });
    expect(r.recipients.map((x) => [x.address, x.kind])).toEqual([['gone@example.net', 'hard']]);
  });

  it('an empty message', async () => {
    const r = await classifyNotice({ view: 'raw', source: '' });
    expect(r.isBounce).toBe(false);
    expect(r.notes).toContain('empty message');
  });
});
