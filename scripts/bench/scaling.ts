/**
 * Does the classifier's time grow linearly with its input? For each family of input that could make
 * a parser superlinear (issue 10, item 8), a synthetic notice of about n bytes and one of 8n are
 * classified, best of RUNS each, and the exponent log(t8n / tn) / log 8 is reported: 1 is linear,
 * 2 quadratic. The bar is 1.15 for every family (README "The classification core": "reads any input
 * in linear time"). 8n stays under the 512 KB the classifier reads of a raw notice (MIME_CAP), so
 * the cap does not flatter the figure.
 *
 * Timing is here and only here: the unit tests check the same big inputs for correctness only
 * (tests/bounce/scaling-inputs.test.ts), never for speed.
 *
 *   npx tsx scripts/bench.ts scaling          (or npx tsx scripts/bench/scaling.ts)
 */
import { pathToFileURL } from 'node:url';
import { classifyNotice } from '../../lib/bounce/index.ts';
import type { NoticeInput } from '../../lib/bounce/types.ts';

/** Bytes of the smaller input. Big enough that one classification takes milliseconds, not microseconds. */
const N = 60_000;
const RUNS = 7;
const BAR = 1.15;

export interface ScalingFamily {
  name: string;
  /** A notice of about `size` bytes (characters for the rendered view). */
  make: (size: number) => NoticeInput;
  /** What the classifier must find, so a family that stops being read as a bounce is noticed. */
  check: (r: Awaited<ReturnType<typeof classifyNotice>>) => boolean;
}

const DSN_HEAD = [
  'From: MAILER-DAEMON@mx.example.net (Mail Delivery System)',
  'To: sender@example.org',
  'Subject: Undelivered Mail Returned to Sender',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
  '',
].join('\n');

const DSN_TAIL = [
  '--B1',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.net',
  '',
  'Final-Recipient: rfc822; nobody@example.com',
  'Action: failed',
  'Status: 5.1.1',
  'Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown',
  '',
  '--B1--',
  '',
].join('\n');

const PLAIN_HEAD = [
  'From: MAILER-DAEMON@mx.example.net (Mail Delivery System)',
  'To: sender@example.org',
  'Subject: Undelivered Mail Returned to Sender',
  '',
  'This is the mail system at host mx.example.net.',
  '',
  '',
].join('\n');

const PROSE = '<nobody@example.com>: host mx.example.com[192.0.2.25] said: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown (in reply to RCPT TO command)';

/** A Postfix-style DSN whose first text part is `text`. */
function dsnWithText(text: string, extraHeaders = ''): string {
  return `${DSN_HEAD.replace('MIME-Version', `${extraHeaders}MIME-Version`)}\n--B1\nContent-Type: text/plain; charset=utf-8\n\n${text}\n\n${DSN_TAIL}`;
}

/** `unit(i)` repeated until the text is about `size` characters. */
function repeat(size: number, unit: (i: number) => string, sep = ''): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const u = unit(i);
    out.push(u);
    length += u.length + sep.length;
  }
  return out.join(sep);
}

const isUserUnknown = (r: Awaited<ReturnType<typeof classifyNotice>>): boolean =>
  r.isBounce && r.recipients.some((x) => x.address === 'nobody@example.com' && x.reason === 'userunknown');

export const FAMILIES: ScalingFamily[] = [
  {
    // A long UTF-8 subject as mailers write it (RFC 2047 §2: words of at most 75 characters, folded):
    // a run of B words that postal-mime joins into one unit (§6.2: a character may straddle two
    // words), a run of Q words, and a word in another charset (issue 10, item 8).
    name: 'encoded-word headers',
    make: (size) => {
      // 45 bytes a word, cut anywhere in the UTF-8 (so inside a character too), no padding: joinable.
      const text = Buffer.from('Unzustellbar: Grüße aus Köln, ça échoue, 配信不能です. '.repeat(3));
      const b = (i: number) => `=?UTF-8?B?${text.subarray((i * 45) % (text.length - 45), ((i * 45) % (text.length - 45)) + 45).toString('base64')}?=`;
      const q = (i: number) => `=?utf-8?Q?Non_remis_${i % 10}_=C3=A0_l=27exp=C3=A9diteur_?=`;
      // One run of B words whose length grows with n, as in a long subject; and an address list of
      // encoded display names, each word decoded on its own.
      const subject = [repeat(size * 0.45, b, '\r\n '), repeat(size * 0.15, q, '\r\n '), '=?iso-8859-1?Q?=E0_bient=F4t?='].join('\r\n ');
      const to = repeat(size * 0.4, (i) => `=?iso-8859-1?Q?J=F6rg_${i}?= <user${i}@example.org>`, ',\r\n ');
      const source = dsnWithText(PROSE)
        .replace('Subject: Undelivered Mail Returned to Sender', `Subject: ${subject}`)
        .replace('To: sender@example.org', `To: ${to}`);
      return { view: 'raw', source };
    },
    check: (r) => isUserUnknown(r) && r.subject.startsWith('Unzustellbar: Grüße aus Köln'),
  },
  {
    // About 1 KB a recipient, so that 8n (about 480 recipients) stays under the 500 a DSN is read for
    // (lib/bounce/dsn.ts): past that cap the time would flatten and flatter the figure.
    name: 'many recipients in a DSN',
    make: (size) => {
      const words = 'Recipient address rejected: User unknown in virtual mailbox table; '.repeat(11);
      const per = (i: number) =>
        `Final-Recipient: rfc822; user${i}@example.com\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; mx${i % 9}.example.com\nDiagnostic-Code: smtp; 550 5.1.1 <user${i}@example.com>: ${words}\n\n`;
      const prose = (i: number) => `<user${i}@example.com>: host mx${i % 9}.example.com[192.0.2.25] said: 550 5.1.1 User unknown\n\n`;
      const fields = repeat(size * 0.85, per);
      const count = fields.split('Final-Recipient').length - 1;
      const text = Array.from({ length: count }, (_, i) => prose(i)).join('');
      return {
        view: 'raw',
        source: `${DSN_HEAD}\n--B1\nContent-Type: text/plain\n\n${text}\n--B1\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n${fields}--B1--\n`,
      };
    },
    check: (r) => r.isBounce && r.recipients.length > 50 && r.recipients.every((x) => x.reason === 'userunknown'),
  },
  {
    // A plain-text notice (no DSN part, so the prose readers read it all) with one line of words
    // and dotless "user@host" tokens: every '@' is an address candidate.
    name: 'a long single line',
    make: (size) => ({ view: 'raw', source: `${PLAIN_HEAD}${PROSE}\n\n${repeat(size, (i) => (i % 3 ? `word${i % 97} ` : `user${i % 89}@mailhost `))}\n` }),
    check: isUserUnknown,
  },
  {
    name: 'many short lines',
    make: (size) => ({ view: 'raw', source: dsnWithText(`${PROSE}\n${repeat(size, (i) => `line ${i % 89}`, '\n')}`) }),
    check: isUserUnknown,
  },
  {
    // Each level is a multipart/mixed inside the one before, with a 2 KB text part beside the next
    // level and the bounce at the bottom: about 30 levels at n, 240 at 8n, under the 256 postal-mime
    // accepts (MAX_NESTING_DEPTH) so that both sizes are parsed as MIME rather than refused.
    name: 'deep MIME nesting',
    make: (size) => {
      const depth = Math.floor(size / 2000);
      const filler = `Content-Type: text/plain\n\n${'This part says nothing about the delivery. '.repeat(44)}\n`;
      let open = '';
      let close = '';
      for (let d = 0; d < depth; d++) {
        open += `--N${d}\n${filler}--N${d}\nContent-Type: multipart/mixed; boundary="N${d + 1}"\n\n`;
        close = `--N${d + 1}--\n${close}`;
      }
      const inner = `--N${depth}\nContent-Type: text/plain\n\n${PROSE}\n\n`;
      const head = DSN_HEAD.replace('multipart/report; report-type=delivery-status; boundary="B1"', 'multipart/mixed; boundary="N0"');
      return { view: 'raw', source: `${head}\n${open}${inner}${close}--N0--\n` };
    },
    check: (r) => isUserUnknown(r) && !r.notes.some((n) => n.startsWith('MIME parse failed')),
  },
  {
    name: 'many headers',
    make: (size) => {
      const received = repeat(size, (i) => `Received: from relay${i}.example.net (relay${i}.example.net [192.0.2.${i % 250}])\n\tby mx.example.net with ESMTP id ${i}\n`);
      return { view: 'raw', source: dsnWithText(PROSE, received) };
    },
    check: isUserUnknown,
  },
  {
    name: 'huge base64 part',
    make: (size) => {
      const line = 'Ym91bmNlIHN3ZWVwZXIgYm91bmNlIHN3ZWVwZXIgYm91bmNlIHN3ZWVwZXIgYm91bmNlIHN3ZWVw';
      const part = repeat(size, () => line, '\n');
      const source = dsnWithText(PROSE).replace('--B1--', `--B1\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n${part}\n--B1--`);
      return { view: 'raw', source };
    },
    check: isUserUnknown,
  },
  {
    name: 'a long rendered text',
    make: (size) => ({
      view: 'rendered',
      subject: 'Undelivered Mail Returned to Sender',
      from: 'Mail Delivery System <MAILER-DAEMON@mx.example.net>',
      text: `This is the mail system at host mx.example.net.\n\n${PROSE}\n\n${repeat(size, (i) => `The message was ${i % 7 ? 'kept' : 'queued'} by relay${i % 31}.example.net.`, '\n')}`,
    }),
    check: isUserUnknown,
  },
];

function sizeOf(input: NoticeInput): number {
  if (input.view === 'rendered') return input.text.length;
  return typeof input.source === 'string' ? input.source.length : input.source.byteLength;
}

async function bestMs(input: NoticeInput, runs: number): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await classifyNotice(input);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export interface ScalingRow {
  name: string;
  bytes: number;
  tn: number;
  t8n: number;
  exponent: number;
}

/** Measures one family: n and 8n alternate run by run so a load spike hits both alike. */
async function measure(family: ScalingFamily): Promise<ScalingRow> {
  const small = family.make(N);
  const large = family.make(8 * N);
  for (const input of [small, large]) {
    const r = await classifyNotice(input);
    if (!family.check(r)) throw new Error(`scaling: ${family.name} is not classified as expected (${JSON.stringify(r.recipients.slice(0, 2))})`);
  }
  let tn = Infinity;
  let t8n = Infinity;
  for (let round = 0; round < RUNS; round++) {
    tn = Math.min(tn, await bestMs(small, 1));
    t8n = Math.min(t8n, await bestMs(large, 1));
  }
  return { name: family.name, bytes: sizeOf(small), tn, t8n, exponent: Math.log(t8n / tn) / Math.log(8) };
}

export default async function benchScaling(): Promise<void> {
  const rows: ScalingRow[] = [];
  for (const family of FAMILIES) {
    let row = await measure(family);
    // A shared machine can stall one run: a family over the bar is measured twice more, best kept.
    for (let retry = 0; retry < 2 && row.exponent > BAR; retry++) {
      const again = await measure(family);
      if (again.exponent < row.exponent) row = again;
    }
    rows.push(row);
  }
  console.log(`scaling: classify n and 8n bytes (n ≈ ${N / 1000} KB), best of ${RUNS}; exponent = log(t8n/tn)/log 8, bar ≤ ${BAR}`);
  console.log('  | family | n | tn | t8n | exponent |');
  console.log('  |---|---|---|---|---|');
  for (const r of rows) {
    const flag = r.exponent > BAR ? ' **over the bar**' : '';
    console.log(`  | ${r.name} | ${(r.bytes / 1000).toFixed(0)} KB | ${r.tn.toFixed(1)} ms | ${r.t8n.toFixed(1)} ms | ${r.exponent.toFixed(2)}${flag} |`);
  }
  const over = rows.filter((r) => r.exponent > BAR);
  if (over.length) throw new Error(`scaling: superlinear: ${over.map((r) => `${r.name} (${r.exponent.toFixed(2)})`).join(', ')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchScaling();
