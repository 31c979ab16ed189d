/**
 * Small, linear-time text helpers shared by the MIME layer, the DSN parser and the format modules.
 * No regular expression here may backtrack: scans are hand-written loops over the string, so a
 * 1 MB line or a 10 MB message costs time proportional to its length.
 */
import { isStatusCode } from './smtp-status';
import { ADDRESS_MAX, isAddrSpec, isDomainUnit, isHighSurrogate, isLocalUnit, isLowSurrogate, LOCAL_MAX } from './address';

/** How far the code scanners read: a code sits near the start of what they are given; bounded work. */
const SCAN_LIMIT = 65536;

/** Longest diagnostic we keep (the server's words, folded). */
export const DIAGNOSTIC_CAP = 1000;

/** CRLF and CR-only line endings become LF (Sisimai scores 0 on CR-only copies; we must not). */
export function normaliseNewlines(s: string): string {
  if (s.indexOf('\r') < 0) return s;
  return s.replace(/\r\n?/g, '\n');
}

/** Same on bytes, before MIME parsing, so that a CR-only file parses like its LF twin. */
export function normaliseNewlineBytes(b: Uint8Array): Uint8Array {
  let cr = b.indexOf(13);
  if (cr < 0) return b;
  const out = new Uint8Array(b.length);
  // The runs between CRs are copied whole by native indexOf/set rather than byte by byte in
  // JavaScript: this runs on every CRLF notice, mostly before the JIT has optimised it.
  let from = 0;
  let j = 0;
  while (cr >= 0) {
    out.set(b.subarray(from, cr), j);
    j += cr - from;
    out[j++] = 10;
    from = b[cr + 1] === 10 ? cr + 2 : cr + 1;
    cr = b.indexOf(13, from);
  }
  out.set(b.subarray(from), j);
  j += b.length - from;
  return out.subarray(0, j);
}

/** Collapses runs of whitespace to one space and trims; caps the length. */
export function foldWhitespace(s: string, cap = DIAGNOSTIC_CAP): string {
  // Only the head can survive the cap; /\s+/ is a single-class loop (linear, no backtracking).
  const head = s.length > cap * 4 ? s.slice(0, cap * 4) : s;
  const folded = head.replace(/[\s\u00a0]+/g, ' ').trim();
  return folded.length > cap ? folded.slice(0, cap).trimEnd() : folded;
}

/**
 * Drops the reply-code prefixes a multi-line SMTP reply repeats on every continued line (RFC 5321
 * §4.2.1: "550-5.1.1 The email account … 550-5.1.1 double-checking … 550 5.1.1 …"), keeping the
 * first, so the server's words read as one sentence. Codes that differ from the first are kept.
 */
export function joinReplyContinuations(folded: string): string {
  const first = /\b([245]\d\d)[- ]([245]\.\d{1,3}\.\d{1,3})?/.exec(folded);
  if (!first) return folded;
  const code = first[1]!;
  const status = first[2] ?? '';
  let seen = false;
  return folded.replace(/(^|\s)([245]\d\d)([- ])([245]\.\d{1,3}\.\d{1,3} )?/g, (match, lead: string, reply: string, sep: string, st: string | undefined) => {
    const same = reply === code && (st ?? '').trim() === status;
    // Only the "550-" continuation form, or an exact repeat of the opening code pair, is a prefix.
    if (!same || (sep === ' ' && !st)) return match;
    if (!seen) {
      seen = true;
      return match;
    }
    return lead;
  });
}

/** True when the (already lower-cased) haystack contains any of the literal needles. */
export function includesAny(haystack: string, needles: readonly string[]): boolean {
  // Indexed, not for-of: this runs thousands of times per corpus, mostly before the JIT has
  // optimised it, and the interpreter allocates an iterator result per for-of step.
  for (let i = 0; i < needles.length; i++) if (haystack.includes(needles[i]!)) return true;
  return false;
}

/** Index of the first needle found (smallest index), or -1. */
export function indexOfAny(haystack: string, needles: readonly string[], from = 0): number {
  let best = -1;
  for (let k = 0; k < needles.length; k++) {
    const i = haystack.indexOf(needles[k]!, from);
    if (i >= 0 && (best < 0 || i < best)) best = i;
  }
  return best;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export interface FoundAddress {
  /** The addr-spec exactly as written: text.slice(start, end). */
  address: string;
  start: number;
  end: number;
}

/**
 * Is the unit at `i` a sign of damage rather than a delimiter: a C0 or C1 control other than
 * tab and line breaks, DEL, or half of a surrogate pair without its other half? An address that
 * touches one is a fragment of something broken, and is not taken. (Spaces, bidi marks and
 * zero-width spaces are delimiters: right-to-left notices put U+200E around addresses.)
 */
function isCorruptAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c < 0xa0)) return true;
  if (isHighSurrogate(c)) return !isLowSurrogate(text.charCodeAt(i + 1));
  if (isLowSurrogate(c)) return i === 0 || !isHighSurrogate(text.charCodeAt(i - 1));
  return false;
}

/**
 * Every addr-spec in the text, in order, each exactly as written (a substring of the text; see
 * ./address.ts for why nothing is lower-cased). The local part keeps every character RFC 5322
 * §3.4.1 allows there (atext: ' = + - / ! # $ % & * ? ^ _ ` { | } ~ and dots), so a mail merge's
 * `'john@example.com` or `=sales@example.com` stays itself; only a quote pair around the whole
 * address ('bob@example.net', as prose quotes it) is taken as punctuation. Candidates that are no
 * addr-spec (isAddrSpec: a local part over 64 or an address over 254 units, a control, bidi or
 * invisible character, a lone surrogate) are skipped, never cut to fit: a shortened address is
 * someone else's, and so is one that touches a control character or a broken surrogate. In prose a domain needs a dot ("user@host" is usually not an address), except
 * localhost. Linear: each '@' looks back at most 65 units and forward at most 255.
 */
export function findAddressSpans(text: string, limit = 1000): FoundAddress[] {
  const out: FoundAddress[] = [];
  let from = 0;
  while (out.length < limit) {
    const at = text.indexOf('@', from);
    if (at < 0) break;
    from = at + 1;
    let s = at;
    let tooLong = false;
    if (text[at - 1] === '"') {
      // A quoted local part ("neko....nyaan...."@example.org), bounded to 64 units (RFC 5321 §4.5.3.1.1).
      const open = text.lastIndexOf('"', at - 2);
      if (open >= 0 && at - open <= LOCAL_MAX && text.slice(open, at).indexOf('\n') < 0) s = open;
    } else {
      while (s > 0) {
        const c = text.charCodeAt(s - 1);
        if (isLowSurrogate(c)) {
          if (s < 2 || !isHighSurrogate(text.charCodeAt(s - 2))) break;
          s -= 2;
        } else if (isHighSurrogate(c) || !isLocalUnit(c)) break;
        else s--;
        if (at - s > LOCAL_MAX) {
          tooLong = true;
          break;
        }
      }
      // A dot-atom never starts with a dot: that one ends the sentence before.
      while (s < at && text[s] === '.') s++;
    }
    if (tooLong || isCorruptAt(text, s - 1)) continue;
    let e = at + 1;
    while (e < text.length && e - at <= ADDRESS_MAX && isDomainUnit(text.charCodeAt(e))) e++;
    if (e - at > ADDRESS_MAX) continue;
    // Dots and hyphens that end a sentence are not the domain's.
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-' || text[e - 1] === '_')) e--;
    // 'bob@example.net' quoted in prose: the quotes are punctuation (a local part may start with
    // an apostrophe, but then nothing closes it after the domain).
    if (text[e] === "'") {
      const q = text.indexOf("'", s);
      if (q >= 0 && q < at) s = q + 1;
    }
    if (s === at || e === at + 1 || isCorruptAt(text, e)) continue;
    // Searched within the domain only: indexOf from the '@' ran on to the next dot anywhere in the
    // text, once per '@', quadratic on a long line of dotless "a@b" (scripts/bench/scaling.ts).
    const domain = text.slice(at + 1, e);
    if (domain.indexOf('.') < 0 && domain.toLowerCase() !== 'localhost') continue;
    const address = text.slice(s, e);
    if (!isAddrSpec(address)) continue;
    out.push({ address, start: s, end: e });
    from = e;
  }
  return out;
}

/** The first addr-spec in a string, or ''. */
export function firstAddress(text: string): string {
  return findAddressSpans(text, 1)[0]?.address ?? '';
}

/**
 * The address of a recipient field's value (DSN Final-Recipient "rfc822; <bob@example.net>",
 * RFC 3464 §2.3.2): the type prefix and angle brackets go; a value that is one addr-spec is taken
 * whole, even with a single-label domain ("kijitora@mailhub0": the field says it is an address),
 * otherwise the first address in it. '' when there is none.
 */
export function cleanAddress(value: string): string {
  let v = value.trim();
  const semi = v.indexOf(';');
  if (semi >= 0 && semi < 20) v = v.slice(semi + 1).trim();
  if (v.startsWith('<') && v.endsWith('>')) v = v.slice(1, -1).trim();
  if (isAddrSpec(v)) return v;
  return firstAddress(v);
}

/**
 * The first RFC 3463 enhanced status code (class 2, 4 or 5) in the text, e.g. "5.1.1", or "": the
 * one status scanner. A code must stand alone: not inside an IP address, a word or a version number.
 */
export function findStatusCode(text: string, limit = SCAN_LIMIT, failureOnly = false): string {
  const n = Math.min(text.length, limit);
  // -1 outside the string: an out-of-range charCodeAt (NaN) makes optimised code start over.
  const code = (k: number): number => (k < text.length ? text.charCodeAt(k) : -1);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c !== 50 && c !== 52 && c !== 53) || code(i + 1) !== 46) continue;
    if (failureOnly && c === 50) continue;
    if (i > 0) {
      const p = text.charCodeAt(i - 1);
      if (isDigit(p) || p === 46 || (p >= 65 && p <= 90) || (p >= 97 && p <= 122)) continue;
    }
    let j = i + 2;
    const s2 = j;
    while (j < n && isDigit(text.charCodeAt(j)) && j - s2 < 3) j++;
    if (j === s2 || code(j) !== 46) continue;
    j++;
    const s3 = j;
    while (j < n && isDigit(text.charCodeAt(j)) && j - s3 < 3) j++;
    if (j === s3) continue;
    const after = code(j);
    if (isDigit(after) || after === 46 && isDigit(code(j + 1))) continue;
    if ((after >= 65 && after <= 90) || (after >= 97 && after <= 122)) continue;
    const found = text.slice(i, j);
    // RFC 3463 §2: subject 0-7 (9 for Sisimai's pseudo codes); "Postfix 2.10.1" is a version.
    if (isStatusCode(found)) return found;
  }
  return '';
}

/**
 * The first SMTP reply code (4xx or 5xx, or 2xx when allow2) standing as a word: at a line start,
 * after a space, ':', '<', '(', '[', '#' or '"', and followed by a space, '-', end or ';'.
 */
export function findReplyCode(text: string, allow2 = false, limit = SCAN_LIMIT): string {
  const n = Math.min(text.length, limit);
  for (let i = 0; i + 2 < n; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 52 || c === 53 || (allow2 && c === 50))) continue;
    if (!isDigit(text.charCodeAt(i + 1)) || !isDigit(text.charCodeAt(i + 2))) continue;
    if (i > 0) {
      const p = text[i - 1]!;
      if (!(p === ' ' || p === '\n' || p === '\t' || p === ':' || p === '<' || p === '(' || p === '[' || p === '#' || p === '"' || p === '=' || p === "'")) continue;
      // "4.5.1 552" ok; "192.0.2.550" no (preceded by '.')
    }
    const a = text[i + 3];
    if (!(a === undefined || a === ' ' || a === '-' || a === '\n' || a === ';' || a === ',' || a === ')' || a === ']' || a === '"' || a === '\t' || a === "'")) continue;
    if (a === '-' && isDigit(text.charCodeAt(i + 4))) continue; // a date like 550-12
    const code = text.slice(i, i + 3);
    const second = code.charCodeAt(1);
    if (second > 53) continue; // 4xx/5xx replies have 0-5 as second digit
    return code;
  }
  return '';
}

/** Leading whitespace count. */
export function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}

/** Strips a leading "smtp;" / "X-Postfix;" diagnostic type from a Diagnostic-Code value. */
export function stripDiagnosticType(value: string): string {
  const v = value.trim();
  const semi = v.indexOf(';');
  if (semi > 0 && semi < 24) {
    const t = v.slice(0, semi).trim().toLowerCase();
    if (t === 'smtp' || t === 'x-postfix' || t === 'x-unix' || t === 'x-local' || t === 'mail' || t === 'x-notes' || t === 'x-exim' || t === 'x-qmail' || t.startsWith('x-')) return v.slice(semi + 1).trim();
  }
  return v;
}

/** A crude but linear HTML-to-text: drops tags, script/style bodies, decodes a few entities. */
export function htmlToText(html: string): string {
  let out = '';
  let i = 0;
  const lower = html.length < 20_000_000 ? html.toLowerCase() : html;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) break;
    const tag = lower.slice(lt + 1, Math.min(gt, lt + 12));
    if (tag.startsWith('script') || tag.startsWith('style')) {
      const close = lower.indexOf(tag.startsWith('script') ? '</script' : '</style', gt);
      i = close < 0 ? html.length : close;
      continue;
    }
    if (tag.startsWith('br') || tag.startsWith('p') || tag.startsWith('/p') || tag.startsWith('div') || tag.startsWith('/div') || tag.startsWith('tr') || tag.startsWith('li') || tag.startsWith('/tr') || tag.startsWith('h') || tag.startsWith('/h') || tag.startsWith('table') || tag.startsWith('/table')) out += '\n';
    else if (tag.startsWith('td') || tag.startsWith('th')) out += ' ';
    i = gt + 1;
  }
  return decodeEntities(out);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'", '#160': ' ' };

/**
 * Copies `s`, replacing each escape that starts with `introducer`: `decode(s, at)` returns the
 * decoded text and the index just after the escape, or null to keep the introducer as written.
 * Linear: the text between escapes is copied in slices. HTML entities and UTF-7 both read this way.
 */
function replaceEscapes(s: string, introducer: string, decode: (s: string, at: number) => [string, number] | null): string {
  if (s.indexOf(introducer) < 0) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const at = s.indexOf(introducer, i);
    if (at < 0) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, at);
    const decoded = decode(s, at);
    if (decoded) {
      out += decoded[0];
      i = decoded[1];
    } else {
      out += introducer;
      i = at + introducer.length;
    }
  }
  return out;
}

/** "&amp;", "&#39;", "&#x2019;" at `amp`, or null for a lone "&". */
function decodeEntity(s: string, amp: number): [string, number] | null {
  const semi = s.indexOf(';', amp + 1);
  if (semi < 0 || semi - amp > 8) return null;
  const name = s.slice(amp + 1, semi).toLowerCase();
  const known = ENTITIES[name];
  if (known !== undefined) return [known, semi + 1];
  if (name.startsWith('#')) {
    const cp = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    if (Number.isFinite(cp) && cp > 0 && cp < 0x110000) return [String.fromCodePoint(cp), semi + 1];
  }
  return null;
}

function decodeEntities(s: string): string {
  return replaceEscapes(s, '&', decodeEntity);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** "+-" or "+" base64(UTF-16BE) ["-"] at `plus`; null when the run is no UTF-7 ("+1 555", a bare "+"). */
function decodeUtf7Run(s: string, plus: number): [string, number] | null {
  let j = plus + 1;
  if (s[j] === '-') return ['+', j + 1];
  let bits = 0;
  let acc = 0;
  const units: number[] = [];
  while (j < s.length) {
    const v = B64.indexOf(s[j]!);
    if (v < 0) break;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 16) {
      bits -= 16;
      units.push((acc >> bits) & 0xffff);
    }
    j++;
  }
  const run = s.slice(plus + 1, j);
  let allDigits = true;
  for (let k = 0; k < run.length && allDigits; k++) allDigits = run.charCodeAt(k) >= 48 && run.charCodeAt(k) <= 57;
  if (units.length === 0 || allDigits) return null;
  if (s[j] === '-') j++;
  return [String.fromCharCode(...units.slice(0, 5000)), j];
}

/**
 * UTF-7 (RFC 2152), which TextDecoder does not know: "+" base64(UTF-16BE) "-". Applied only to
 * text whose MIME charset said utf-7.
 */
export function decodeUtf7(s: string): string {
  return replaceEscapes(s, '+', decodeUtf7Run);
}

/** The first 4.x.x or 5.x.x code: in a transcript, "250 2.1.5 Ok" precedes the failure. */
export function findFailureStatus(text: string): string {
  return findStatusCode(text, SCAN_LIMIT, true);
}
