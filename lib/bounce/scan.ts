/**
 * Prose scanning shared by the format modules: where the returned message starts, which addresses
 * in the error text are failed recipients, and the words that go with each. Literal markers and
 * hand-written loops only (linear time).
 */
import type { Message } from './message';
import { header, parseHeaderBlock } from './message';
import { ADDRESS_MAX, isAddrSpec, normaliseAddress } from './address';
import { findAddressSpans, findFailureStatus, findReplyCode, findStatusCode, foldWhitespace, indentOf, type FoundAddress } from './text';

/**
 * Lines (lower-cased, trimmed, prefix match) that start the copy of the returned message. Collected
 * from Sisimai's Lhost modules' `rfc822` boundaries (BSD-2-Clause) and the corpus' families.
 */
export const RETURNED_MARKERS: readonly string[] = [
  '------ this is a copy of the message',
  '------ this is a copy of your message',
  '--- below this line is a copy of the message',
  '----- original message follows',
  '----- original message -----',
  '------ original message ------',
  '-----original message-----',
  '--- original message ---',
  'original message follows',
  '----- unsent message follows',
  '------ unsent message follows',
  '----- message header follows',
  '------ the original message headers',
  '------- returned message',
  '--- the header of the original message is following',
  'the header of the original message is following',
  '------ original message header ------',
  'content-type: message/rfc822',
  'content-type: text/rfc822-headers',
  '----- the header of the original message is following.',
  'original message headers:',
  '---------- forwarded message ----------',
  '------ received message ------',
  '-------- message header follows',
  '---- original message ----',
  '------ a copy of the original message',
  'a copy of the original message',
  '----- message text follows',
  'header of the original message',
  'included is a copy of the message header',
  '--- message non-delivery report ---',
  'message headers follow', // DragonFly Mail Agent
];

let lastLower: string | null = null;
let lastStart = 0;

/** Index in text where the returned message begins (text.length when none is marked). */
export function returnedStart(lower: string): number {
  // Asked several times per notice by different modules: remember the last answer.
  if (lower === lastLower) return lastStart;
  lastStart = findReturnedStart(lower);
  lastLower = lower;
  return lastStart;
}

function findReturnedStart(lower: string): number {
  let pos = 0;
  let lines = 0;
  let headerRun = 0;
  let headerRunStart = -1;
  // No per-line copies: markers are tested in place at the first non-blank character.
  while (pos < lower.length && lines < 100_000) {
    let end = lower.indexOf('\n', pos);
    if (end < 0) end = lower.length;
    lines++;
    let p = pos;
    while (p < end && (lower.charCodeAt(p) === 32 || lower.charCodeAt(p) === 9)) p++;
    if (p < end) {
      for (const m of RETURNED_MARKERS) {
        if (lower.startsWith(m, p)) return pos;
      }
      const indented = p > pos;
      if (lower.startsWith('received: ', p) || lower.startsWith('return-path:', p)) {
        if (headerRun === 0) headerRunStart = pos;
        headerRun++;
        if (headerRun >= 2 && !indented) return headerRunStart;
      } else if (headerRun > 0 && (indented || isHeaderLineAt(lower, p, end))) {
        headerRun++;
        if (headerRun >= 3) return headerRunStart;
      } else headerRun = 0;
    } else headerRun = 0;
    pos = end + 1;
  }
  return lower.length;
}

function isHeaderLineAt(s: string, from: number, end: number): boolean {
  const c = s.indexOf(':', from);
  if (c < 0 || c >= end || c - from <= 1 || c - from > 30) return false;
  for (let i = from; i < c; i++) {
    const ch = s.charCodeAt(i);
    if (!((ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57) || ch === 45)) return false;
  }
  return true;
}


// The daemons that send notices. Not "nobody": people have that mailbox too (issue 10's
// Nobody@example.com), and the Unix user that sends cron mail is a sender by position (a From line).
const ROLE_LOCALS = new Set(['mailer-daemon', 'mailer_daemon', 'mailerdaemon', 'mail-daemon', 'postmaster', 'mdaemon', 'mailer', 'mail.daemon']);

/*
 * Which addresses in a notice are failed recipients is a question of where they sit, not of what
 * they look like. Recipients sit in recipient positions: a DSN's Final-Recipient/Original-Recipient
 * (RFC 3464 §2.3.1–2), a format's recipient lines ("The following address(es) failed:", Exchange's
 * recipient block), "<addr>: <reply>" and "<addr>... <reply>" (Sisimai Lhost::Postfix and
 * Lhost::Sendmail recipient patterns), the RCPT TO of a transcript (RFC 5321 §4.1.1.3). Everything
 * else the notice names is left out here, wherever it appears:
 * - the notice's own From and To (the daemon, and the user it was sent to);
 * - the returned message's From, Sender, Return-Path and Reply-To (the user's own message), as a
 *   MIME part or copied into the text, where a webmail's rendered view still shows it;
 * - the envelope sender, named by MAIL FROM (RFC 5321 §4.1.1.2: "MAIL FROM:<reverse-path>", in
 *   Sendmail's and Exim's transcripts), Exim's "(envelope-from <…>)", Postfix's X-Postfix-Sender,
 *   "Sender address:" lines (Exchange Online), and replies that call it the sender (Sendmail's
 *   "<addr>... Sender ok", Postfix's "<addr>: Sender address rejected", "<addr> sender rejected");
 * - an address in a contact or help sentence ("For further assistance, please contact <…>", the
 *   wording of Postfix's bounce(5) templates, or any helpdesk a provider's template names).
 */

const excludedCache = new WeakMap<Message, ReadonlySet<string>>();

/**
 * Addresses that are not failed recipients: the notice's own parties, the returned message's
 * sender, and the envelope sender wherever the text names it. Computed once per message: every
 * module that reads recipients after its own start marker asks again.
 */
export function excludedAddresses(msg: Message): ReadonlySet<string> {
  let known = excludedCache.get(msg);
  if (!known) {
    known = findExcludedAddresses(msg);
    excludedCache.set(msg, known);
  }
  return known;
}

function findExcludedAddresses(msg: Message): Set<string> {
  const out = new Set<string>();
  const add = (a: string): void => {
    const key = normaliseAddress(a);
    if (key) out.add(key);
  };
  add(msg.from);
  for (const a of msg.to) add(a);
  if (msg.returned) {
    add(msg.returned.from);
    for (const v of ['sender', 'return-path', 'reply-to']) for (const a of findAddressSpans(header(msg.returned.headers, v), 5)) add(a.address);
  }
  for (const v of ['return-path', 'reply-to', 'sender', 'delivered-to', 'envelope-to']) for (const a of findAddressSpans(header(msg.headers, v), 5)) add(a.address);
  for (const a of namedSenders(msg)) out.add(a);
  return out;
}

export function isRoleAddress(address: string): boolean {
  const at = address.indexOf('@');
  const local = address.slice(0, at).toLowerCase();
  return ROLE_LOCALS.has(local);
}

/**
 * Field names (lower-case, at a line's start) whose addresses are the sender's wherever the notice
 * prints them: the returned message's originator fields (RFC 5322 §3.6.2), its trace fields
 * (§3.6.7 Return-Path), Postfix's X-Postfix-Sender (bounce(8) DSN extension), MailMarshal's
 * "Original Sender:", Exchange Online's "Sender Address:" in English, French, German, Spanish.
 */
const SENDER_FIELDS = ['from:', 'sender:', 'return-path:', 'reply-to:', 'x-postfix-sender:', 'x-envelope-from:', 'envelope-from:', 'x-apparently-from:', 'original sender:', 'sender address:', "adresse de l'expéditeur", 'absenderadresse:', 'dirección del remitente:'];

/** Words right before an address (lower-case, brackets and spaces skipped) that make it the envelope sender wherever else it appears. */
const ENVELOPE_SENDER_WORDS = ['mail from:', 'mail from', 'mail from=', 'envelope-from', 'envelope from', 'envelope sender', 'sender address', 'sender address:', 'smtp.mailfrom=', 'x-postfix-sender: rfc822;'];

/**
 * Words right before an address that make this mention of it no recipient: the envelope sender's,
 * a From ("message from <…>", "received … from <…>": Sendmail's "The original message was received
 * at … from …"), a message id, a host or an authentication result (RFC 8601 §2.7), Exim's
 * "generated by"/"generated from" (the alias or pipe that produced a delivery). "expanded from" is
 * not among them: Sendmail's "(expanded from: <alias>)" names the address the sender wrote.
 */
const NOT_RECIPIENT_WORDS = ['from', 'from:', 'from=', 'sender', 'sender:', 'return-path:', 'reply-to:', 'message-id:', 'id', 'id:', 'header.from=', 'smtp.helo=', 'helo=', 'auth=', 'by', 'generated from'];

/** Contact and help sentences: words before an address that make it someone to write to, not someone written to. */
const CONTACT_WORDS = ['contact', 'assistance', 'send mail to', 'send email to', 'send an email to', 'send e-mail to', 'send a message to', 'write to', 'email us', 'e-mail us', 'mail us', 'reach us', 'for help', 'need help', 'questions', 'helpdesk', 'help desk', 'kontakt', 'wenden sie sich', 'póngase en contacto', 'お問い合わせ', '問い合わせ', 'ご連絡'];
/** The same, written after the address (Japanese puts the verb last: "<…>へご連絡ください"). */
const CONTACT_AFTER = ['へご連絡', 'までご連絡', 'にご連絡', 'へお問い合わせ', 'までお問い合わせ', 'にお問い合わせ'];

const isWordUnit = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 95;

/**
 * Does the text before `start` (lower-case), past any brackets, quotes and spaces, end with one of
 * the words as a whole word? `acrossLines`: a line break may come between (a reply wrapped after
 * "sender address").
 */
function precededBy(lower: string, start: number, words: readonly string[], acrossLines = false): boolean {
  let e = start;
  const floor = Math.max(0, start - 40);
  const skip = acrossLines ? ' \t\n<"\'([' : ' \t<"\'([';
  while (e > floor && skip.includes(lower[e - 1]!)) e--;
  for (const w of words) {
    if (e - w.length < 0 || !lower.startsWith(w, e - w.length)) continue;
    const before = e - w.length - 1;
    if (before < 0 || !isWordUnit(lower.charCodeAt(before))) return true;
  }
  return false;
}

/** Is the first word after the address "sender" ("<a>... Sender ok", "<a>: Sender address rejected", "<a> sender rejected")? */
function followedBySender(lower: string, end: number): boolean {
  let i = end;
  const ceiling = Math.min(lower.length, end + 12);
  while (i < ceiling && ' \t>"\'.:,)]'.includes(lower[i]!)) i++;
  return lower.startsWith('sender', i) && !isWordUnit(lower.charCodeAt(i + 6));
}

/** Is the address the object of a contact or help sentence? The sentence runs back to a full stop, a blank line or 200 characters. */
function inContactSentence(lower: string, start: number, end: number): boolean {
  let s = start;
  const floor = Math.max(0, start - 200);
  while (s > floor) {
    const c = lower[s - 1]!;
    if (c === '。' || c === '!' || c === '?') break;
    if (c === '.' && (lower[s] === ' ' || lower[s] === '\n')) break;
    if (c === '\n' && lower[s - 2] === '\n') break;
    s--;
  }
  const sentence = lower.slice(s, start);
  for (const w of CONTACT_WORDS) {
    let i = sentence.indexOf(w);
    while (i >= 0) {
      // A whole word, and not an address's local part (contact@example.com).
      const head = i === 0 || !isWordUnit(sentence.charCodeAt(i - 1)) || w.charCodeAt(0) > 127;
      if (head && sentence[i + w.length] !== '@' && !sentence.startsWith("not ", i - 4) && !sentence.startsWith("n't ", i - 4)) return true;
      i = sentence.indexOf(w, i + w.length);
    }
  }
  let a = end;
  while (a < lower.length && a < end + 4 && ' \t\n>'.includes(lower[a]!)) a++;
  for (const w of CONTACT_AFTER) if (lower.startsWith(w, a)) return true;
  return false;
}

/**
 * `lower`, when it has the text's length (it nearly always has), else the text with only ASCII
 * lower-cased: a few characters lower-case to two units ("İ"), and the context words are read at
 * the text's own offsets.
 */
function alignedLower(text: string, lower: string): string {
  return lower.length === text.length ? lower : text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

const senderCache = new WeakMap<Message, Set<string>>();

/**
 * Envelope and originator senders the text names (keys by normaliseAddress): addresses on a
 * SENDER_FIELDS line, after an ENVELOPE_SENDER_WORDS word, or followed by the word "sender". Read
 * over the whole text, the returned message's copy included: the rendered view has no other way
 * to know who sent it. Linear in the text.
 */
export function namedSenders(msg: Message): Set<string> {
  const cached = senderCache.get(msg);
  if (cached) return cached;
  const out = new Set<string>();
  const text = msg.text;
  const lower = alignedLower(text, msg.lower);
  let pos = 0;
  for (let n = 0; pos < text.length && n < 100_000; n++) {
    const at = text.indexOf('@', pos);
    if (at < 0) break;
    // Straight to the next line with an '@' in it.
    pos = Math.max(pos, text.lastIndexOf('\n', at) + 1);
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    let p = pos;
    while (p < end && (text[p] === ' ' || text[p] === '\t' || text[p] === '>')) p++;
    const senderLine = SENDER_FIELDS.some((f) => lower.startsWith(f, p));
    for (const h of findAddressSpans(text.slice(pos, end), 20)) {
      if (senderLine || precededBy(lower, pos + h.start, ENVELOPE_SENDER_WORDS, true) || followedBySender(lower, pos + h.end)) {
        const key = normaliseAddress(h.address);
        if (key) out.add(key);
      }
    }
    pos = end + 1;
  }
  senderCache.set(msg, out);
  return out;
}

/**
 * "kijitora@example.com <neko@example.net>": an address written right before an angle-addr is a
 * display name (RFC 5322 §3.4 name-addr = [display-name] angle-addr), not a mailbox of its own.
 */
function isDisplayName(lower: string, end: number): boolean {
  let i = end;
  while (i < lower.length && i < end + 8 && (lower[i] === ' ' || lower[i] === '\t')) i++;
  if (lower[i] !== '<') return false;
  const close = lower.indexOf('>', i);
  if (close < 0 || close - i > ADDRESS_MAX + 1) return false;
  return isAddrSpec(lower.slice(i + 1, close));
}

/**
 * True when this mention of an address is no recipient's: a sender's, an id's, a host's, a
 * contact's, a display name, or a file path. A local part that starts with '/' is legal atext
 * (RFC 5322 §3.2.3) but in a notice it is a mailbox file or a pipe's path (Exim's appendfile
 * and pipe transports, Sendmail's "/path... Cannot open"), never where mail was addressed.
 */
function isNotRecipientMention(lower: string, start: number, end: number): boolean {
  if (lower[start] === '/') return true;
  return isDisplayName(lower, end) || precededBy(lower, start, ENVELOPE_SENDER_WORDS, true) || precededBy(lower, start, NOT_RECIPIENT_WORDS) || followedBySender(lower, end) || inContactSentence(lower, start, end);
}

export interface RecipientBlock {
  address: string;
  /** The words that go with this recipient: rest of its line and the lines below until a blank line. */
  words: string;
  lineIndex: number;
}

const SKIP_LINE_PREFIXES = ['from:', 'sender:', 'return-path:', 'message-id:', 'received:', 'reply-to:', 'in-reply-to:', 'references:', 'date:', 'dkim-signature:', 'authentication-results:', 'x-', 'arc-', 'list-', 'subject:', 'content-', 'mime-version:', 'reporting-mta:', 'received-from-mta:', 'remote-mta:', 'arrival-date:', 'last-attempt-date:', 'x-postfix-sender:', 'errors-to:', 'return-receipt-to:',
  // Exchange Online's "Original Message Details" name the sender on its own labelled line (English,
  // French, German, Spanish NDR templates): never a failed recipient.
  'sender address:', "adresse de l'expéditeur", 'absenderadresse:', 'dirección del remitente:'];

/**
 * Recipient addresses in the error part of the text (before the returned message), with the words
 * following each. Addresses of the notice's own parties, role accounts, senders and message ids are
 * skipped. Linear in the text.
 */
const blockCache = new WeakMap<Message, RecipientBlock[]>();

export function scanRecipientBlocks(text: string, lower: string, msg: Message, limit = 200): RecipientBlock[] {
  // Several modules may ask for the whole text's blocks of one message: compute them once.
  const whole = text === msg.text;
  if (whole) {
    const cached = blockCache.get(msg);
    if (cached) return cached;
  }
  const found = scanRecipientBlocksUncached(text, lower, msg, limit);
  if (whole) blockCache.set(msg, found);
  return found;
}

function scanRecipientBlocksUncached(text: string, lower: string, msg: Message, limit: number): RecipientBlock[] {
  const strict = scanBlocks(text, lower, limit, excludedAddresses(msg));
  if (strict.length) return strict;
  // The original sender may also be the failed recipient (a message to oneself), or the recipient
  // may be a role account (postmaster@…): try again excluding only the notice's own sender.
  const own = normaliseAddress(msg.from);
  return scanBlocks(text, lower, limit, new Set(own ? [own] : []), true);
}

function scanBlocks(text: string, lower: string, limit: number, excluded: ReadonlySet<string>, allowRoles = false): RecipientBlock[] {
  const cut = returnedStart(lower);
  const lines = text.slice(0, cut).split('\n');
  const out: RecipientBlock[] = [];
  const seen = new Map<string, RecipientBlock>();
  const lineHits: { i: number; hits: FoundAddress[]; header: boolean }[] = [];
  const aligned = alignedLower(text, lower);
  let lineStart = 0;
  for (let i = 0; i < lines.length && i < 50_000; i++) {
    const line = lines[i]!;
    lineStart += i > 0 ? lines[i - 1]!.length + 1 : 0;
    if (line.indexOf('@') < 0) continue;
    const lineLower = line.toLowerCase();
    const ll = lineLower.trimStart();
    if (SKIP_LINE_PREFIXES.some((p) => ll.startsWith(p))) continue;
    const hits = findAddressSpans(line, 20).filter((h) => {
      const a = normaliseAddress(h.address);
      if (!a || excluded.has(a) || (!allowRoles && isRoleAddress(a))) return false;
      if (isNotRecipientMention(aligned, lineStart + h.start, lineStart + h.end)) return false;
      if (line[h.start - 1] === '<' && lineLower.slice(Math.max(0, h.start - 14), h.start).includes('id')) return false;
      return true;
    });
    if (hits.length) lineHits.push({ i, hits, header: ll.startsWith('to:') || ll.startsWith('cc:') });
  }
  // A "To:" or "Cc:" line quotes the returned message's header (Exchange 2003's "Your message
  // To: … did not reach the following recipient(s)"): who it was for, not who failed. It counts
  // only when no line in a recipient position names anyone (Sisimai falls back on the returned
  // message's To the same way).
  const inBody = lineHits.filter((x) => !x.header);
  if (inBody.length && inBody.length < lineHits.length) lineHits.splice(0, lineHits.length, ...inBody);
  for (let k = 0; k < lineHits.length && out.length < limit; k++) {
    const { i, hits } = lineHits[k]!;
    for (const h of hits) {
      const key = normaliseAddress(h.address) ?? h.address;
      if (seen.has(key)) continue;
      // The block runs to the next line that names another recipient (repeats of this one continue it).
      let nextLine = lines.length;
      for (let q = k + 1; q < lineHits.length; q++) {
        if (lineHits[q]!.hits.some((x) => normaliseAddress(x.address) !== key)) {
          nextLine = lineHits[q]!.i;
          break;
        }
      }
      const line = lines[i]!;
      const sameLineNext = hits.find((x) => x.start > h.start && normaliseAddress(x.address) !== key);
      const sameLinePrev = [...hits].reverse().find((x) => x.start < h.start && normaliseAddress(x.address) !== key);
      // Words before the address on its line count too ("Unknown user: kijitora@example.com").
      const before = line.slice(sameLinePrev ? sameLinePrev.end : 0, h.start);
      let after = line.slice(h.end, sameLineNext ? sameLineNext.start : line.length);
      // "a@x, b@y: User unknown": a list shares the words after its last address.
      if (sameLineNext && after.replace(/[\s,;:<>"'()]/g, '').length < 3) after = line.slice(hits[hits.length - 1]!.end);
      // The address stays in a sentence that names it mid-way, so the server's words read whole
      // ("wasn't delivered to bob@example.net because …", not "delivered to because").
      let words = (before.trim().length > 3 ? before + line.slice(h.start, h.end) : '') + after;
      const baseIndent = indentOf(line);
      for (let j = i + 1; j < nextLine && j < i + 40 && words.length < 4000; j++) {
        const l = lines[j]!;
        if (l.trim() === '') {
          // A blank line ends the block once it holds the server's words (a code or enough text).
          const folded = foldWhitespace(words);
          if (findStatusCode(folded) || findReplyCode(folded) || folded.length > 600) break;
          continue;
        }
        if (indentOf(l) < baseIndent && baseIndent > 0 && hasCode(words)) break;
        words += '\n' + l;
      }
      const block = { address: h.address, words, lineIndex: i };
      seen.set(key, block);
      out.push(block);
    }
  }
  return out;
}

function hasCode(words: string): boolean {
  const folded = foldWhitespace(words);
  return findStatusCode(folded) !== '' || findReplyCode(folded) !== '';
}

/** Text of the error part without the returned message. */
export function errorPart(text: string, lower: string): string {
  return text.slice(0, returnedStart(lower));
}

/** Turns a block of words into status, reply code and folded diagnostic. */
export function factsFromWords(words: string): { status: string; replyCode: string; diagnostic: string } {
  const diagnostic = foldWhitespace(words.replace(/^[\s>:.,)"'\]]+/, ''));
  return { status: findFailureStatus(diagnostic), replyCode: findReplyCode(diagnostic), diagnostic };
}

export { findSmtpCommand, type SmtpCommand } from './smtp-command';

/** Headers of a returned message copied inline after a marker (non-MIME notices), or null. */
export function inlineReturnedHeaders(text: string, lower: string): import('./message').HeaderField[] | null {
  const start = returnedStart(lower);
  if (start >= text.length) return null;
  let from = text.indexOf('\n', start);
  if (from < 0) return null;
  // skip blank lines after the marker
  while (text[from + 1] === '\n') from++;
  const block = parseHeaderBlock(text.slice(from + 1, from + 1 + 64_000));
  return block.length ? block : null;
}
