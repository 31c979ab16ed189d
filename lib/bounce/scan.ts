/**
 * Prose scanning shared by the format modules: where the returned message starts, which addresses
 * in the error text are failed recipients, and the words that go with each. Literal markers and
 * hand-written loops only (linear time).
 */
import type { Message } from './message';
import { header, parseHeaderBlock } from './message';
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


const ROLE_LOCALS = new Set(['mailer-daemon', 'mailer_daemon', 'mailerdaemon', 'mail-daemon', 'postmaster', 'mdaemon', 'mailer', 'mail.daemon', 'nobody']);

/** Addresses that are not failed recipients: the notice's own sender/receiver and the original sender. */
export function excludedAddresses(msg: Message): Set<string> {
  const out = new Set<string>();
  const add = (a: string): void => {
    if (a) out.add(a.toLowerCase());
  };
  add(msg.from);
  for (const a of msg.to) add(a);
  if (msg.returned) {
    add(msg.returned.from);
    for (const v of ['sender', 'return-path', 'reply-to']) for (const a of findAddressSpans(header(msg.returned.headers, v), 5)) add(a.address);
  }
  for (const v of ['return-path', 'reply-to', 'sender', 'delivered-to', 'envelope-to']) for (const a of findAddressSpans(header(msg.headers, v), 5)) add(a.address);
  return out;
}

export function isRoleAddress(address: string): boolean {
  const at = address.indexOf('@');
  const local = address.slice(0, at).toLowerCase();
  return ROLE_LOCALS.has(local);
}

const SENDER_CONTEXT = ['from:', 'from: <', 'from:<', 'from <', 'from=<', 'from=', 'sender:', 'sender <', 'sender: <', 'envelope-from', 'return-path:', 'message-id:', 'message-id: <', 'reply-to:', 'mail from:<', 'mail from: <', 'id <', 'id: <', 'smtp.mailfrom=', 'header.from=', 'smtp.helo=', 'envelope from', 'by ', 'helo=', 'auth=', 'generated from ', 'generated from <'];

/** True when the text just before an address says it is a sender, a message id or a host. */
function inSenderContext(lowerLine: string, start: number): boolean {
  const before = lowerLine.slice(Math.max(0, start - 16), start);
  for (const c of SENDER_CONTEXT) if (before.endsWith(c)) return true;
  return false;
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
  return scanBlocks(text, lower, limit, new Set(msg.from ? [msg.from.toLowerCase()] : []), true);
}

function scanBlocks(text: string, lower: string, limit: number, excluded: Set<string>, allowRoles = false): RecipientBlock[] {
  const cut = returnedStart(lower);
  const lines = text.slice(0, cut).split('\n');
  const out: RecipientBlock[] = [];
  const seen = new Map<string, RecipientBlock>();
  const lineHits: { i: number; hits: FoundAddress[] }[] = [];
  for (let i = 0; i < lines.length && i < 50_000; i++) {
    const line = lines[i]!;
    if (line.indexOf('@') < 0) continue;
    const lineLower = line.toLowerCase();
    const ll = lineLower.trimStart();
    if (SKIP_LINE_PREFIXES.some((p) => ll.startsWith(p))) continue;
    const hits = findAddressSpans(line, 20).filter((h) => {
      const a = h.address.toLowerCase();
      if (excluded.has(a) || (!allowRoles && isRoleAddress(a))) return false;
      if (inSenderContext(lineLower, h.start)) return false;
      if (line[h.start - 1] === '<' && lineLower.slice(Math.max(0, h.start - 14), h.start).includes('id')) return false;
      return true;
    });
    if (hits.length) lineHits.push({ i, hits });
  }
  for (let k = 0; k < lineHits.length && out.length < limit; k++) {
    const { i, hits } = lineHits[k]!;
    for (const h of hits) {
      const key = h.address.toLowerCase();
      if (seen.has(key)) continue;
      // The block runs to the next line that names another recipient (repeats of this one continue it).
      let nextLine = lines.length;
      for (let q = k + 1; q < lineHits.length; q++) {
        if (lineHits[q]!.hits.some((x) => x.address.toLowerCase() !== key)) {
          nextLine = lineHits[q]!.i;
          break;
        }
      }
      const line = lines[i]!;
      const sameLineNext = hits.find((x) => x.start > h.start && x.address.toLowerCase() !== key);
      const sameLinePrev = [...hits].reverse().find((x) => x.start < h.start && x.address.toLowerCase() !== key);
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

export type SmtpCommand = 'DATA' | 'RCPT' | 'MAIL' | 'HELO' | '';

/**
 * The SMTP command a rejection answered, from a transcript (">>> DATA" then "<<< 550 …", Sendmail)
 * or the MTA's words ("in reply to end of DATA command", Postfix; "after RCPT TO", Exim;
 * "does not like recipient", qmail). Sisimai reads it the same way (Lhost modules' `command`).
 */
export function findSmtpCommand(lowerText: string): SmtpCommand {
  const t = lowerText;
  // Transcript: the last ">>> " command before the first "<<< 4xx/5xx" reply.
  let last: SmtpCommand = '';
  let pos = 0;
  for (let n = 0; n < 200; n++) {
    const i = t.indexOf('>>> ', pos);
    const r = t.indexOf('<<< ', pos);
    if (i < 0 && r < 0) break;
    if (i >= 0 && (r < 0 || i < r)) {
      last = commandWord(t.slice(i + 4, i + 14));
      pos = i + 4;
    } else {
      const code = t.charAt(r + 4);
      if ((code === '4' || code === '5') && last) return last;
      pos = r + 4;
    }
  }
  if (last) return last;
  const has = (xs: string[]): boolean => xs.some((x) => t.includes(x));
  if (has(['end of data', 'in reply to data', 'after data', 'failed after i sent the message', 'data command', 'after end of data'])) return 'DATA';
  if (has(['rcpt to', 'does not like recipient', 'rcpt command', 'after rcpt'])) return 'RCPT';
  if (has(['in reply to mail from', 'after mail from', 'mail from command'])) return 'MAIL';
  if (has(['in reply to ehlo', 'in reply to helo', 'after initial connection', 'but my name was rejected', 'but greeting failed'])) return 'HELO';
  return '';
}

function commandWord(s: string): SmtpCommand {
  if (s.startsWith('data') || s.startsWith('.')) return 'DATA';
  if (s.startsWith('rcpt')) return 'RCPT';
  if (s.startsWith('mail')) return 'MAIL';
  if (s.startsWith('ehlo') || s.startsWith('helo')) return 'HELO';
  return '';
}

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
