/**
 * Splits an mbox file into messages (mboxo and mboxrd: RFC 4155), on bytes: a message's bytes are
 * handed on as they are in the file, so the classifier decodes them by the message's own charset
 * (an 8-bit ISO-8859-1 or ISO-2022-JP mailbox read as UTF-8 first was garbled before the
 * classifier saw it). A message starts at a line beginning "From " at the start of the file or
 * after a blank line... in practice after any line end; the separator line itself is dropped.
 * mboxrd escapes body lines ">From " (and ">>From "…) by one ">"; one level is removed. Line ends
 * are kept as found (LF or CRLF). A UTF-8 byte order mark before the first line is skipped, as a
 * UTF-8 decoder would. Pure: no Node APIs.
 */

const LF = 0x0a;
const GT = 0x3e;

/** True when `b` holds "From " at `at` (RFC 4155: the separator line's first five octets). */
export function isFromLine(b: Uint8Array, at: number): boolean {
  return b[at] === 0x46 && b[at + 1] === 0x72 && b[at + 2] === 0x6f && b[at + 3] === 0x6d && b[at + 4] === 0x20;
}

const blankDecoder = new TextDecoder('utf-8');

/**
 * Whether b[start, end) is blank as String.prototype.trim sees its UTF-8 text. ASCII decides almost
 * always at the first byte; only a run of whitespace and non-ASCII bytes (U+00A0, U+3000…) is decoded.
 */
function isBlank(b: Uint8Array, start: number, end: number): boolean {
  let wide = false;
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if (c >= 0x80) wide = true;
    else if (c !== 0x20 && (c < 0x09 || c > 0x0d)) return false;
  }
  return !wide || blankDecoder.decode(b.subarray(start, end)).trim() === '';
}

/** The bytes of one message: the file's ranges between the ">" of unescaped lines. */
function joinRanges(b: Uint8Array, ranges: number[]): Uint8Array {
  if (ranges.length === 2) return b.subarray(ranges[0], ranges[1]);
  let length = 0;
  for (let i = 0; i < ranges.length; i += 2) length += ranges[i + 1]! - ranges[i]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    out.set(b.subarray(ranges[i], ranges[i + 1]), at);
    at += ranges[i + 1]! - ranges[i]!;
  }
  return out;
}

/** Drops the blank line that separates a message from the next "From " line. */
function finish(m: Uint8Array): Uint8Array {
  const n = m.length;
  if (n >= 4 && m[n - 4] === 0x0d && m[n - 3] === LF && m[n - 2] === 0x0d && m[n - 1] === LF) return m.subarray(0, n - 2);
  if (n >= 2 && m[n - 2] === LF && m[n - 1] === LF) return m.subarray(0, n - 1);
  return m;
}

/**
 * The messages of an mbox held as bytes, each a view on `bytes` where no line was unescaped.
 * Linear: every line is looked at once.
 */
export function splitMboxBytes(bytes: Uint8Array): Uint8Array[] {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return [];
  const messages: Uint8Array[] = [];
  // Pairs of [start, end) offsets of the current message's bytes; null before the first message.
  let ranges: number[] | null = null;
  const close = () => {
    if (!ranges) return;
    if (ranges.length > 0) {
      const m = finish(joinRanges(bytes, ranges));
      if (!isBlank(m, 0, m.length)) messages.push(m);
    }
    ranges = null;
  };
  let pos = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (pos < bytes.length) {
    const nl = bytes.indexOf(LF, pos);
    const end = nl < 0 ? bytes.length : nl + 1;
    if (isFromLine(bytes, pos)) {
      close();
      ranges = [];
    } else {
      // Text before the first separator is not an mbox message; keep it as one message if non-blank.
      if (!ranges && !isBlank(bytes, pos, end)) ranges = [];
      if (ranges) {
        let start = pos;
        if (bytes[pos] === GT) {
          let i = pos;
          while (bytes[i] === GT) i++;
          // ">From " → "From ", ">>From " → ">From " (mboxrd); mboxo's ">From " is unescaped the same way.
          if (isFromLine(bytes, i)) start = pos + 1;
        }
        const last = ranges.length - 1;
        // Lines that follow each other in the file stay one range.
        if (last > 0 && ranges[last] === start) ranges[last] = end;
        else ranges.push(start, end);
      }
    }
    pos = end;
  }
  close();
  return messages;
}

const encoder = new TextEncoder();
// ignoreBOM: a U+FEFF that starts a message is the message's, not a byte order mark to drop.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * splitMboxBytes for an mbox already held as a string (each character a byte, as a latin1 read
 * gives, or Unicode text): the same splitter on its UTF-8 bytes, each message decoded back. A lone
 * surrogate, which UTF-8 cannot carry, comes back as U+FFFD.
 */
export function splitMbox(text: string): string[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  return splitMboxBytes(encoder.encode(text)).map((m) => decoder.decode(m));
}
