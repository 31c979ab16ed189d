/**
 * What counts as an address, and the one key addresses are compared by.
 *
 * The decision (issue 10): the classifier reports every failed address exactly as the notice writes
 * it, a substring of the decoded text or of a header value, with nothing lower-cased, dropped or
 * added, so the user sees what the server refused (`'john@example.com` is not `john@example.com`).
 * Everything that keys, looks up, compares or deduplicates addresses (the store, the banner, the
 * compose warning, the classifier's own de-duplication) does it through `normaliseAddress`, which
 * lib/policy.ts exports as the store's key. Nothing else lower-cases an address.
 */

/** RFC 5321 §4.5.3.1.3: a path is at most 256 octets, the angle brackets included. */
export const ADDRESS_MAX = 254;
/** RFC 5321 §4.5.3.1.1: a local part is at most 64 octets. */
export const LOCAL_MAX = 64;
/** RFC 1035 §2.3.4: a label is at most 63 octets. */
const LABEL_MAX = 63;

// RFC 5322 §3.2.3 atext (and the dots of dot-atom, §3.4.1). Consecutive dots and a dot before the
// '@' are tolerated: Japanese carriers issued such local parts (Sisimai's set-of-emails has them).
const ATEXT = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) ATEXT[c] = 1;
}
for (const ch of "!#$%&'*+-/=?^_`{|}~.") ATEXT[ch.charCodeAt(0)] = 1;

/**
 * True for a UTF-16 unit that never belongs in an address: C0/C1 controls and DEL, every space and
 * line separator (U+00A0, U+1680, U+2000–U+200A, U+2028/U+2029, U+202F, U+205F, U+3000), the
 * invisible format characters (soft hyphen, U+180E, zero-width U+200B–U+200D, U+2060–U+2064, the
 * byte order mark) and the bidirectional controls (U+061C, U+200E/U+200F, U+202A–U+202E,
 * U+2066–U+2069: Unicode TR 9 §2; the "Trojan Source" spoofing, CVE-2021-42574), and the fullwidth
 * angle brackets a Japanese notice writes around an address. Surrogates are judged in pairs by
 * the callers. Non-ASCII letters are allowed: RFC 6532 §3.2 (UTF8-non-ascii in atext).
 */
export function isForbiddenUnit(c: number): boolean {
  if (c < 0x21 || c === 0x7f) return true;
  if (c < 0x80) return false;
  if (c <= 0xa0 || c === 0xad || c === 0x061c || c === 0x1680 || c === 0x180e) return true;
  if (c >= 0x2000 && c <= 0x200f) return true;
  if (c >= 0x2028 && c <= 0x202f) return true;
  if (c >= 0x205f && c <= 0x206f) return true;
  return c === 0x3000 || c === 0xfeff || c === 0xff1c || c === 0xff1e || (c >= 0xfff9 && c <= 0xfffb);
}

export const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
export const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** An unquoted local-part unit: atext, a dot, or a non-ASCII character that is not forbidden. */
export function isLocalUnit(c: number): boolean {
  return c < 128 ? ATEXT[c] === 1 : !isForbiddenUnit(c);
}

/** A domain unit as written in notices: LDH (RFC 1035 §2.3.1), dots, and the '_' some hosts use. */
export function isDomainUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 95;
}

/**
 * What no address may hold, in a whole string (code points, so supplementary characters count):
 * controls (Cc), every format character (Cf: the bidi controls, zero-width characters, the tag
 * characters U+E0000–U+E007F that hide text), lone surrogates (Cs: with the u flag a paired
 * surrogate is one code point, never Cs), every separator (Z), and the fullwidth angle brackets.
 */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Z}\uff1c\uff1e]/u;

/**
 * A quoted local part (RFC 5322 §3.2.4 quoted-string, without folding whitespace): printable
 * qtext or quoted-pairs between the quotes, and no '@' (the contract: one '@' per address).
 */
function isQuotedLocal(s: string, end: number): boolean {
  if (end < 2 || s[0] !== '"' || s[end - 1] !== '"') return false;
  for (let i = 1; i < end - 1; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) {
      i++;
      if (i >= end - 1) return false;
      continue;
    }
    if (c === 34 || c === 64) return false;
  }
  return true;
}

/**
 * Is `s` one bare addr-spec (RFC 5322 §3.4.1), as a failed recipient must be? One '@'; a local
 * part of atext and dots (or non-ASCII letters, RFC 6532) or one quoted string, at most 64 units;
 * a domain of labels of letters, digits, '-' and '_' (non-ASCII letters too: RFC 6531 U-labels),
 * none empty or longer than 63; at most 254 units in all; no control, space, bidi or invisible
 * format character and no lone surrogate. A single-label domain ("kijitora@mailhub0") is an
 * addr-spec: local MTAs write them. No angle brackets, no display name, no comment.
 */
export function isAddrSpec(s: string): boolean {
  if (typeof s !== 'string' || s.length < 3 || s.length > ADDRESS_MAX) return false;
  const at = s.lastIndexOf('@');
  if (at < 1 || at > LOCAL_MAX || at === s.length - 1 || s.indexOf('@') !== at) return false;
  if (FORBIDDEN.test(s)) return false;
  if (s[0] === '"') {
    if (!isQuotedLocal(s, at)) return false;
  } else {
    for (let i = 0; i < at; i++) {
      const c = s.charCodeAt(i);
      if (c < 128 && ATEXT[c] !== 1) return false;
    }
    if (s[0] === '.') return false;
  }
  let label = 0;
  for (let i = at + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (label === 0) return false;
      label = 0;
      continue;
    }
    if (c < 128 && !isDomainUnit(c)) return false;
    if (++label > LABEL_MAX) return false;
  }
  return label > 0;
}

/**
 * The one address key (the store's, the banner's, the compose warning's, the classifier's
 * de-duplication): trimmed, one pair of angle brackets removed, lower-cased whole. Local parts are
 * case-insensitive at every mailbox provider that matters, and a compose chip must find the record
 * of a bounce however either wrote the case. null when it is not an addr-spec (isAddrSpec), so
 * whatever the classifier reports has a key, and a key is always something it could report.
 */
export function normaliseAddress(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > ADDRESS_MAX + 64) return null;
  let address = raw.trim();
  if (address.startsWith('<') && address.endsWith('>')) address = address.slice(1, -1).trim();
  return isAddrSpec(address) ? address.toLowerCase() : null;
}

/** Are two addresses the same mailbox, by the one key? (Never true for something that is no address.) */
export function sameAddress(a: string, b: string): boolean {
  const key = normaliseAddress(a);
  return key !== null && key === normaliseAddress(b);
}
