/**
 * The address contract (issue 10), as properties over generated and mutated notices: classifyNotice
 * never throws, and every address it reports is one bare addr-spec (one '@', at most 254
 * characters, no control, bidi, invisible or lone-surrogate character, no <>, no surrounding
 * space) that the notice itself contains, case aside (for raw input: its decoded text). The
 * checks are written here again rather than borrowed from lib/bounce/address.ts, so a bug there
 * cannot hide itself.
 *
 * Inputs: rendered texts and raw DSNs built from arbitrary strings around valid and invalid
 * addresses, in the shapes real notices put recipients in; and every fixture of
 * tests/fixtures/eml, mutated (text inserted, cut, repeated, an address swapped for a tricky one),
 * read raw and as a webmail would show it. Runs: RUNS per property (fast-check prints the seed
 * and the shrunk input of any failure; FC_RUNS raises it for a longer search).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { decodeWords } from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { classifyNotice } from '../../lib/bounce';
import type { ClassifiedNotice, NoticeInput, RenderedNoticeInput } from '../../lib/bounce';
import { readMessage } from '../../lib/bounce/message';
import { renderedViewOf } from '../../lib/bounce/rendered';
import { htmlToText } from '../../lib/bounce/text';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const dir = join(__dirname, '../fixtures/eml');
const FIXTURES = readdirSync(dir)
  .filter((name) => name.endsWith('.eml'))
  .sort();
const fixtureText = new Map(FIXTURES.map((name) => [name, readFileSync(join(dir, name), 'latin1')]));

// --- the contract -----------------------------------------------------------------------------

/** Controls, format characters (bidi, zero-width, tags), lone surrogates, separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Z}]/u;

function contractBreaches(address: unknown, haystacks: readonly string[]): string[] {
  if (typeof address !== 'string') return ['not a string'];
  const out: string[] = [];
  if (address.split('@').length !== 2) out.push('not exactly one @');
  if (address.length > 254) out.push('longer than 254');
  if (address.startsWith('@') || address.endsWith('@')) out.push('empty local part or domain');
  if (INVISIBLE.test(address)) out.push('control, bidi, invisible or lone-surrogate character');
  if (/[<>]/.test(address)) out.push('angle brackets');
  const lower = address.toLowerCase();
  if (!haystacks.some((h) => h.toLowerCase().includes(lower))) out.push('not in the notice');
  return out;
}

function safeDecodeWords(s: string): string {
  try {
    return decodeWords(s);
  } catch {
    return s;
  }
}

/** Where a reported address may come from: the notice as given, and what the decoder read out of it. */
async function haystacksOf(input: NoticeInput, depth = 0): Promise<string[]> {
  if (input.view === 'rendered') return [input.subject, input.from, input.to ?? '', input.text, input.html ? htmlToText(input.html) : ''];
  const msg = await readMessage(input);
  const source = typeof input.source === 'string' ? input.source : new TextDecoder().decode(input.source);
  const out = [source, msg.text, msg.extraText, msg.deliveryStatus, safeDecodeWords(msg.deliveryStatus), msg.fromRaw, msg.subject];
  for (const h of [...msg.headers, ...(msg.returned?.headers ?? [])]) out.push(h.value);
  // A bounce attached to a bounce is read whole (classify.ts looksNested).
  if (msg.returnedSource && depth === 0) out.push(...(await haystacksOf({ view: 'raw', source: msg.returnedSource }, 1)));
  return out;
}

async function checkContract(input: NoticeInput): Promise<ClassifiedNotice> {
  let result: ClassifiedNotice | undefined;
  let thrown: unknown;
  try {
    result = await classifyNotice(input);
  } catch (err) {
    thrown = err;
  }
  expect(thrown, 'classifyNotice threw').toBeUndefined();
  const haystacks = await haystacksOf(input);
  for (const r of result!.recipients) {
    expect(contractBreaches(r.address, haystacks), JSON.stringify(r.address).slice(0, 300)).toEqual([]);
    if (r.newAddress !== undefined) expect(contractBreaches(r.newAddress, haystacks), 'newAddress').toEqual([]);
  }
  return result!;
}

// --- generators -------------------------------------------------------------------------------

/** Addresses real mail merges and notices contain, and near-addresses that are none. */
const TRICKY = [
  "'john@example.com",
  '=sales@example.com',
  'Nobody@Example.com',
  '+desk@example.com',
  '-list@example.com',
  'o\'brien@example.com',
  '"neko....nyaan...."@example.org',
  '\u{1F408}@example.org',
  'kijitora@mailhub0',
  'bob@192.0.2.10',
  '<>',
  '<bob@example.net>',
  'a@b@example.com',
  '@example.com',
  'bob@',
  'bob@example..com',
  '.bob@example.com',
  `${'a'.repeat(64)}@example.com`,
  `${'a'.repeat(65)}@example.com`,
  `${'x'.repeat(12_000)}@example.com`,
  `bob@${'a'.repeat(300)}.example.com`,
  'bob\u202e@example.com',
  '\u202ebob@example.com',
  'bob@exa\u202emple.com',
  'bob\u200b@example.com',
  'bob\u2066@example.com',
  'b\ud800ob@example.com',
  'bob\udc00@example.com',
  '\udc08@example.org',
  'bob\u0000@example.com',
  'bob\u0007x@example.com',
  'bob\u00a0smith@example.com',
  'bob\u{E0041}@example.com',
  'bob\uff1e@example.com',
  '=?utf-8?B?8J+QiA==?=@example.org',
];

const oddUnit = fc.constantFrom('\ud800', '\udc00', '\u202e', '\u2066', '\u200b', '\u0000', '\u0007', '\u00a0', '\ufeff', '@', '<', '>', '.', ' ', '\n', '\r', '\t', '"', "'", '=', ':', ';', ',', '(', ')', '\u3000');
const unit = fc.oneof({ weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }, { weight: 2, arbitrary: fc.constantFrom(...'abcxyz0123-_+'.split('')) }, { weight: 2, arbitrary: oddUnit });
const junk = fc.string({ unit, maxLength: 60 });
const address = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.emailAddress() },
  { weight: 2, arbitrary: fc.tuple(fc.string({ unit, minLength: 1, maxLength: 20 }), fc.string({ unit, minLength: 1, maxLength: 20 })).map(([local, domain]) => `${local}@${domain}`) },
  { weight: 1, arbitrary: fc.tuple(junk, fc.constantFrom(...TRICKY), junk).map(([a, b, c]) => a + b + c) },
);

/** Where notices put a failed recipient (Postfix, Sendmail, qmail, Exim, Gmail, Exchange), and where they put others. */
const LINE_SHAPES: ((a: string, j: string) => string)[] = [
  (a, j) => `<${a}>: host mx.example.net[192.0.2.10] said: 550 5.1.1 ${j} (in reply to RCPT TO command)`,
  (a, j) => `   ----- The following addresses had permanent fatal errors -----\n${a}\n    (reason: 550 5.1.1 <${a}>... User Unknown ${j})`,
  (a, j) => `<${a}>:\nSorry, no mailbox here by that name. (#5.1.1) ${j}`,
  (a, j) => `The following address(es) failed:\n\n  ${a}\n    ${j}`,
  (a, j) => `Your message wasn't delivered to ${a} because the address couldn't be found. ${j}`,
  (a, j) => `Your message to ${a} couldn't be delivered.\nRemote Server returned '550 5.1.1 ${j}'`,
  (a, j) => `Recipient Address:\t${a}\nReported error:\t550 5.1.10 RESOLVER.ADR.RecipientNotFound ${j}`,
  (a, j) => `>>> MAIL From:<${a}> SIZE=100\n<<< 250 2.1.0 <${a}>... Sender ok ${j}`,
  (a, j) => `For further assistance, please contact <${a}> ${j}`,
  (a, j) => `From: ${a}\nTo: ${j}`,
  (a, j) => `${j}${a}${j}`,
];
const line = fc.tuple(fc.nat(LINE_SHAPES.length - 1), address, junk).map(([k, a, j]) => LINE_SHAPES[k]!(a, j));
const body = fc.array(fc.oneof(line, junk), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('\n'));

const SUBJECTS = ['Undelivered Mail Returned to Sender', 'Delivery Status Notification (Failure)', 'Undeliverable: report', 'Mail delivery failed: returning message to sender', 'Returned mail: see transcript for details', 'failure notice'];
const SENDERS = ['Mail Delivery System <MAILER-DAEMON@mx.example.com>', 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>', 'Microsoft Outlook <postmaster@example.onmicrosoft.com>', 'MAILER-DAEMON@mx.example.jp (Mail Delivery System)'];

const rendered: fc.Arbitrary<RenderedNoticeInput> = fc
  .record({
    subject: fc.oneof(fc.constantFrom(...SUBJECTS), junk),
    from: fc.oneof(fc.constantFrom(...SENDERS), junk, address),
    to: fc.option(fc.oneof(address, junk), { nil: undefined }),
    text: body,
    html: fc.option(body.map((b) => `<p>${b.replace(/\n/g, '<br>')}</p>`), { nil: undefined }),
  })
  .map(({ to, html, ...rest }) => ({ view: 'rendered' as const, ...rest, ...(to === undefined ? {} : { to }), ...(html === undefined ? {} : { html }) }));

/** A multipart/report DSN whose every slot may hold anything. */
const rawDsn: fc.Arbitrary<NoticeInput> = fc
  .record({
    from: fc.oneof(fc.constantFrom(...SENDERS), junk),
    to: fc.oneof(address, junk),
    subject: fc.oneof(fc.constantFrom(...SUBJECTS), junk),
    text: body,
    recipients: fc.array(fc.record({ final: address, original: fc.option(address, { nil: undefined }), status: fc.oneof(fc.constantFrom('5.1.1', '4.2.2', '5.7.1', '2.0.0'), junk), diagnostic: junk, action: fc.constantFrom('failed', 'delayed', 'delivered', '') }), { minLength: 0, maxLength: 4 }),
    returnedFrom: fc.oneof(address, junk),
    returnedTo: fc.oneof(address, junk),
    crlf: fc.boolean(),
    bytes: fc.boolean(),
  })
  .map((d) => {
    const blocks = d.recipients
      .map((r) => `Final-Recipient: rfc822; ${r.final}\n${r.original ? `Original-Recipient: rfc822; ${r.original}\n` : ''}Action: ${r.action}\nStatus: ${r.status}\nDiagnostic-Code: smtp; ${r.diagnostic}`)
      .join('\n\n');
    let source = `From: ${d.from}\nTo: ${d.to}\nSubject: ${d.subject}\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary="B0"\n\n--B0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n${d.text}\n\n--B0\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.com\n\n${blocks}\n\n--B0\nContent-Type: message/rfc822\n\nFrom: ${d.returnedFrom}\nTo: ${d.returnedTo}\nSubject: hello\n\nhello\n--B0--\n`;
    if (d.crlf) source = source.replace(/\n/g, '\r\n');
    return { view: 'raw' as const, source: d.bytes ? new TextEncoder().encode(source) : source };
  });

type Mutation = { at: number; kind: 'insert' | 'cut' | 'repeat' | 'swap-address'; text: string; length: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('insert', 'cut', 'repeat', 'swap-address'),
  text: fc.oneof(junk, address, line),
  length: fc.nat(400),
});

/** Applies mutations to a fixture; "swap-address" replaces the address nearest `at` with `text`. */
function mutate(source: string, mutations: readonly Mutation[]): string {
  let s = source;
  for (const m of mutations) {
    const at = s.length ? m.at % s.length : 0;
    if (m.kind === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
    else if (m.kind === 'cut') s = s.slice(0, at) + s.slice(at + m.length);
    else if (m.kind === 'repeat') s = s.slice(0, at + m.length) + s.slice(at, at + m.length) + s.slice(at + m.length);
    else {
      const sign = s.indexOf('@', at);
      if (sign < 0) continue;
      let start = sign;
      while (start > 0 && !/[\s<>:;,"(]/.test(s[start - 1]!)) start--;
      let end = sign + 1;
      while (end < s.length && !/[\s<>:;,")]/.test(s[end]!)) end++;
      s = s.slice(0, start) + m.text + s.slice(end);
    }
  }
  return s;
}

// --- the properties ---------------------------------------------------------------------------

describe('address contract (fast-check)', () => {
  it(`rendered notices built around arbitrary strings and addresses (${RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(rendered, async (input) => void (await checkContract(input))), { numRuns: RUNS });
  });

  it(`raw DSNs built around arbitrary strings and addresses (${RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(rawDsn, async (input) => void (await checkContract(input))), { numRuns: RUNS });
  });

  it(`mutated fixtures, raw and as a webmail shows them (${RUNS} runs)`, async () => {
    const arb = fc.tuple(fc.constantFrom(...FIXTURES), fc.array(mutation, { minLength: 1, maxLength: 4 }));
    await fc.assert(
      fc.asyncProperty(arb, async ([file, mutations]) => {
        const source = mutate(fixtureText.get(file)!, mutations);
        await checkContract({ view: 'raw', source });
        await checkContract(await renderedViewOf(source));
      }),
      { numRuns: RUNS },
    );
  });

  // Whole or not at all: a valid address in any recipient position comes out exactly as written;
  // a broken one is not cut into a smaller address (a different contact).
  const WHOLE = ["'john@example.com", '=sales@example.com', 'Nobody@Example.com', '+desk@example.com', '-list@example.com', "o'brien@example.com", '"neko....nyaan...."@example.org', '\u{1F408}@example.org'];
  it.each(WHOLE)('%s comes out whole from every recipient shape', async (a) => {
    for (const shape of LINE_SHAPES.slice(0, 7)) {
      const r = await checkContract({ view: 'rendered', subject: SUBJECTS[0]!, from: SENDERS[0]!, text: shape(a, '') });
      expect(r.recipients.map((x) => x.address), shape(a, '')).toEqual([a]);
    }
  });

  it.each([
    `${'a'.repeat(65)}@example.com`,
    `${'x'.repeat(12_000)}@example.com`,
    'bob\u202e@example.com',
    'bob\u200b@example.com',
    'bob\u2066@example.com',
    'b\ud800ob@example.com',
    'bob\udc00@example.com',
    'bob\u0000@example.com',
    'bob\u0007x@example.com',
    'bob\u{E0041}@example.com',
    'bob\uff1e@example.com',
  ].map((a) => [JSON.stringify(a.length > 80 ? `${a.slice(0, 20)}…(${a.length})` : a), a]))('%s is not cut into a smaller address', async (_name, a) => {
    for (const shape of LINE_SHAPES.slice(0, 7)) {
      const r = await checkContract({ view: 'rendered', subject: SUBJECTS[0]!, from: SENDERS[0]!, text: shape(a, '') });
      expect(r.recipients.map((x) => x.address), shape(a, '')).toEqual([]);
    }
  });

  it.each([
    [7, 'the envelope sender of a transcript'],
    [8, 'a contact sentence'],
    [9, "the returned message's From"],
  ])('an address in shape %i (%s) is never a failed recipient', async (k) => {
    for (const a of WHOLE) {
      const r = await checkContract({ view: 'rendered', subject: SUBJECTS[0]!, from: SENDERS[0]!, text: `<bob@example.net>: host mx.example.net[192.0.2.10] said: 550 5.1.1 User unknown (in reply to RCPT TO command)\n\n${LINE_SHAPES[k]!(a, '')}` });
      expect(r.recipients.map((x) => x.address)).toEqual(['bob@example.net']);
    }
  });

  it('each fixture, unmutated, keeps the contract in both views', async () => {
    for (const file of FIXTURES) {
      const source = readFileSync(join(dir, file));
      await checkContract({ view: 'raw', source });
      await checkContract(await renderedViewOf(source));
    }
  });
});
