/**
 * patches/postal-mime+4.0.0.patch makes postal-mime join each part's decoded chunks directly
 * instead of through a Blob (a Blob is read back asynchronously in Node and is registered with the
 * browser process from an extension's service worker; it was the largest single cost of reading a
 * notice), and its quoted-printable decoder grow a small buffer instead of zeroing 100 KB per part.
 * These tests pin both halves: the patch is applied (no Blob is built while parsing), and every
 * transfer encoding still decodes to the same bytes, at every buffer size.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import PostalMime from 'postal-mime';

const NOTICE = [
  'From: MAILER-DAEMON@mx.example.com',
  'To: sender@example.com',
  'Subject: Undelivered Mail Returned to Sender',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=iso-8859-1',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Le message n\'a pas pu =C3=AAtre remis =E0 <nobody@example.com>.=',
  ' Fin.',
  '',
  '--b1',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.com',
  '',
  'Final-Recipient: rfc822; nobody@example.com',
  'Action: failed',
  'Status: 5.1.1',
  '',
  '--b1',
  'Content-Type: application/octet-stream',
  'Content-Transfer-Encoding: base64',
  '',
  // "bounce sweeper\n" split over two lines, the first padded mid-stream as some mailers do.
  'Ym91bmNlIA==',
  'c3dlZXBlcgo=',
  '',
  '--b1--',
  '',
].join('\n');

afterEach(() => vi.restoreAllMocks());

describe('patched postal-mime', () => {
  it('builds no Blob while parsing a multipart notice', async () => {
    const blob = vi.spyOn(globalThis, 'Blob');
    await PostalMime.parse(NOTICE, { attachmentEncoding: 'arraybuffer' });
    expect(blob).not.toHaveBeenCalled();
  });

  it('still decodes quoted-printable, 7bit and base64 parts to the same bytes', async () => {
    const email = await PostalMime.parse(NOTICE, { attachmentEncoding: 'arraybuffer' });
    // QP with a soft line break, in ISO-8859-1: "=C3=AA" is two Latin-1 characters, "=E0" is à.
    expect(email.text).toBe("Le message n'a pas pu Ãªtre remis à <nobody@example.com>. Fin.\n\n");
    const [dsn, bin] = email.attachments;
    const text = (c: unknown): string => new TextDecoder().decode(c as ArrayBuffer);
    expect(dsn?.mimeType).toBe('message/delivery-status');
    expect(text(dsn?.content)).toBe('Reporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822; nobody@example.com\nAction: failed\nStatus: 5.1.1\n\n');
    expect(bin?.mimeType).toBe('application/octet-stream');
    expect(text(bin?.content)).toBe('bounce sweeper\n');
  });

  it('decodes quoted-printable parts larger than its first buffer and than one chunk', async () => {
    // 4 KB is where the patched decoder's buffer starts, 100 KB where it flushes a chunk.
    for (const lines of [10, 400, 9000]) {
      const body = Array.from({ length: lines }, (_, i) => `line ${i} caf=C3=A9 =3D soft=`).join('\n') + '\nend';
      const source = `Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n${body}\n`;
      const email = await PostalMime.parse(source);
      const expected = Array.from({ length: lines }, (_, i) => `line ${i} café = soft`).join('') + 'end\n';
      expect(email.text).toBe(expected);
    }
  });
});
