/**
 * patches/postal-mime+4.0.0.patch makes postal-mime join each part's decoded chunks directly
 * instead of through a Blob (a Blob is read back asynchronously in Node and is registered with the
 * browser process from an extension's service worker; it was the largest single cost of reading a
 * notice), its quoted-printable decoder grow a small buffer instead of zeroing 100 KB per part, its
 * 7bit decoder copy lines into one buffer instead of keeping two objects per line, and its
 * encoded-word joining keep the run's length and last character instead of re-testing the growing
 * string with /=$/ (quadratic in a header of many words). These tests pin every half: the patch is
 * applied (no Blob is built while parsing), every transfer encoding still decodes to the same
 * bytes at every buffer size, and encoded words decode exactly as the published library decodes
 * them (a copy of it with the patch reversed, built here).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import PostalMime, { decodeWords } from 'postal-mime';

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

type Published = { decodeWords: typeof decodeWords; parse: typeof PostalMime.parse };
const root = resolve(import.meta.dirname, '../..');
let tmp = '';
let published: Published;

/** postal-mime as published: a copy of the installed one with our patch reversed (as scripts/bench/classify-browser.ts does). */
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'postal-mime-published-'));
  cpSync(join(root, 'node_modules/postal-mime'), join(tmp, 'node_modules/postal-mime'), { recursive: true });
  const reversed = spawnSync('git', ['apply', '-R', join(root, 'patches/postal-mime+4.0.0.patch')], { cwd: tmp, encoding: 'utf8' });
  if (reversed.status !== 0) throw new Error(`could not reverse the patch: ${reversed.stderr}`);
  const mod = (await import(pathToFileURL(join(tmp, 'node_modules/postal-mime/dist/esm/postal-mime.js')).href)) as { default: typeof PostalMime; decodeWords: typeof decodeWords };
  published = { decodeWords: mod.decodeWords, parse: (...args) => mod.default.parse(...args) };
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const b64 = (s: string, charset = 'utf-8'): string => `=?${charset}?B?${Buffer.from(s, charset === 'utf-8' ? 'utf8' : 'latin1').toString('base64')}?=`;

// RFC 2047 cases, each decoded by both libraries: §6.2 (adjacent words are one unit, whitespace
// between them is dropped), §4.1 and §4.2 (B and Q), §2 (a charset per word), and what real mail
// gets wrong.
const ENCODED = [
  // adjacent words, and a character split across two B words (bytes joined before decoding)
  '=?utf-8?B?w6k=?==?utf-8?B?w6g=?=',
  '=?UTF-8?B?R3LDvMOf?= =?UTF-8?B?ZSBhdXMgS8O2bG4=?=',
  `=?utf-8?B?${Buffer.from('配信不').toString('base64')}?= =?utf-8?B?${Buffer.from('能').toString('base64')}?=`,
  `=?utf-8?B?${Buffer.from([0xe9, 0x85]).toString('base64')}?= =?utf-8?B?${Buffer.from([0x8d]).toString('base64')}?=`,
  `=?utf-8?B?${Buffer.from([0xe9, 0x85, 0x8d]).toString('base64').slice(0, 4)}?=`,
  // 45 bytes a word, no padding, one run: a multi-byte character falls across a word boundary
  Array.from({ length: 12 }, (_, i) => `=?UTF-8?B?${Buffer.from('Unzustellbar: Grüße aus Köln, ça échoue, 配信不能です. '.repeat(4)).subarray(i * 45, i * 45 + 45).toString('base64')}?=`).join('\r\n '),
  // whitespace between words: spaces, tabs, folding; and text that is not whitespace
  '=?utf-8?Q?a?=  \t =?utf-8?Q?b?=',
  '=?utf-8?Q?a?=\r\n\t=?utf-8?Q?b?=',
  '=?utf-8?Q?a?= x =?utf-8?Q?b?=',
  'Re: =?utf-8?Q?caf=C3=A9?= et =?utf-8?Q?cr=C3=A8me?= ',
  '  =?utf-8?Q?lead?=',
  // mixed charsets, and the same charset spelt two ways
  `${b64('Grüße', 'iso-8859-1')} ${b64('Grüße')}`,
  '=?iso-8859-1?Q?=E0?= =?ISO-8859-1?Q?=E9?=',
  '=?koi8-r?B?8NLJ18XU?= =?windows-1252?Q?=80?= =?shift_jis?B?lHqQTZVzlFw=?=',
  '=?iso-2022-jp?B?GyRCR1s/LklURz0bKEI=?=',
  // Q: underscores, hex in either case, a lone '=', spaces inside (broken folding)
  '=?utf-8?Q?a_b=5Fc=3d=3Dd?=',
  '=?utf-8?q?caf=c3=a9?=',
  '=?utf-8?Q?100=?=',
  '=?utf-8?Q?=C3= A9?=',
  // B: padding in the left word stops joining; a left word not on a 4-character boundary too
  '=?utf-8?B?YQ==?= =?utf-8?B?Yg==?=',
  '=?utf-8?B?YWJj?= =?utf-8?B?ZA==?=',
  '=?utf-8?B?YWI?= =?utf-8?B?Yw==?=',
  '=?utf-8?B??= =?utf-8?B?YQ==?=',
  '=?utf-8?B??= =?utf-8?B??=',
  // B and Q of one charset side by side, and a word of each encoding after the other
  '=?utf-8?B?w6k=?= =?utf-8?Q?=C3=A8?= =?utf-8?B?w6A=?=',
  // malformed: unterminated, unknown charset or encoding, empty charset, RFC 2231 language
  '=?utf-8?Q?never closed',
  '=?utf-8?X?abc?=',
  '=??B?YQ==?=',
  '=?x-unknown-charset?Q?=E9?=',
  '=?utf-8*en?Q?hello?=',
  '=?utf-8?B?////?=',
  '=?utf-8?B?w6nD?= =?utf-8?B?qA==?=',
  '=?utf-8?B?/w==?= =?utf-8?B?/w==?=',
  '=?utf-8?Q?a?b?= =?',
  '=?=?utf-8?Q?x?=',
  '',
  'plain text, no words',
];

describe('patched encoded-word decoding', () => {
  it.each(ENCODED.map((s) => [s]))('decodes %j as published', (s) => {
    expect(decodeWords(s)).toBe(published.decodeWords(s));
  });

  it('decodes any mix of words, whitespace and text as published (property)', () => {
    const word = fc
      .tuple(
        fc.constantFrom('utf-8', 'UTF-8', 'iso-8859-1', 'shift_jis', 'x-bogus'),
        fc.constantFrom('B', 'b', 'Q', 'q'),
        fc.uint8Array({ maxLength: 12 }),
        fc.constantFrom('', '=', '==', '?'),
      )
      .map(([charset, enc, bytes, tail]) => {
        const text = enc.toUpperCase() === 'B' ? Buffer.from(bytes).toString('base64') : [...bytes].map((b) => (b > 32 && b < 127 && b !== 63 && b !== 61 ? String.fromCharCode(b) : `=${b.toString(16).padStart(2, '0')}`)).join('');
        return `=?${charset}?${enc}?${text}${tail}?=`;
      });
    const gap = fc.constantFrom('', ' ', '\t', '\r\n ', '  ', ' x ', 'text', '=?', '?=');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { maxLength: 12 }), (parts) => {
        const s = parts.map(([w, g]) => w + g).join('');
        return decodeWords(s) === published.decodeWords(s);
      }),
      { numRuns: 400, seed: 20_261_127 },
    );
  });

  it('parses headers and every kind of body part as published', async () => {
    const words = ENCODED.slice(0, 20).join(' ');
    const source = [
      `Subject: ${words}`,
      `From: =?utf-8?Q?J=C3=B6rg?= <jorg@example.com>`,
      `To: =?iso-8859-1?Q?Ren=E9?= <rene@example.org>, ${b64('配信')} <a@example.net>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=iso-8859-1',
      '',
      'Bo\xeete pleine.',
      '',
      'line after a blank one',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Disposition: attachment; filename="=?utf-8?Q?r=C3=A9sum=C3=A9.txt?="',
      '',
      ...Array.from({ length: 300 }, (_, i) => `line ${i} ${'x'.repeat(i % 40)}`),
      '--b1',
      'Content-Type: text/plain',
      '',
      '--b1',
      'Content-Type: application/octet-stream',
      'Content-Transfer-Encoding: 7bit',
      '',
      'one line',
      '--b1--',
      '',
    ].join('\n');
    const bytes = Buffer.from(source, 'latin1');
    const ours = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
    const theirs = await published.parse(bytes, { attachmentEncoding: 'arraybuffer' });
    expect(ours.subject).toBe(theirs.subject);
    expect(ours.from).toEqual(theirs.from);
    expect(ours.to).toEqual(theirs.to);
    expect(ours.text).toBe(theirs.text);
    expect(ours.text).toContain('Boîte pleine.');
    const view = (a: (typeof ours.attachments)[number]) => ({ ...a, content: Buffer.from(a.content as ArrayBuffer).toString('latin1') });
    expect(ours.attachments.map(view)).toEqual(theirs.attachments.map(view));
    // Exact lengths: the 7bit decoder's buffer grows past the content and is cut back to it.
    expect(ours.attachments.map((a) => (a.content as ArrayBuffer).byteLength)).toEqual(theirs.attachments.map((a) => (a.content as ArrayBuffer).byteLength));
    expect(ours.attachments.length).toBe(2);
  });

  it('decodes a 500 KB header of encoded words (correctness only: speed is the scaling bench)', () => {
    const piece = Buffer.from('Grüße, ça échoue, 配信不能. ');
    const run = Buffer.concat(Array.from({ length: Math.ceil(400_000 / piece.length) }, () => piece));
    const words: string[] = [];
    for (let at = 0; at + 45 <= run.length; at += 45) words.push(`=?UTF-8?B?${run.subarray(at, at + 45).toString('base64')}?=`);
    const header = words.join('\r\n ');
    expect(header.length).toBeGreaterThan(500_000);
    const expected = new TextDecoder().decode(run.subarray(0, words.length * 45));
    expect(decodeWords(header)).toBe(expected);
  });
});
