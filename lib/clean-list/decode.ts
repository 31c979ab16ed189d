/**
 * Bytes in, text out, and back (pure: no DOM, no `browser`; TextDecoder/TextEncoder are in Node and
 * in workers alike). What real tools write: UTF-8 with or without a byte-order mark (Excel's "CSV
 * UTF-8", Mailchimp, Google Contacts), UTF-16 LE with a BOM (Outlook's "Export contacts" and
 * Excel's "Unicode Text"), UTF-16 BE, and Windows-1252 from older Excel "CSV" saves. The encoding
 * is sniffed from the BOM first (Unicode Standard §23.8, "Byte Order Mark"); without one, from NUL
 * bytes in alternate positions (UTF-16 text that is mostly ASCII), then by decoding as UTF-8 strictly,
 * and Windows-1252 when that fails. Outputs are written back the same way, BOM included when there
 * was one, so the user's tool reads them as it read its own file.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** The file started with a byte-order mark (kept on the outputs). */
  bom: boolean;
}

/** Guesses UTF-16 without a BOM: NUL bytes in one parity, none in the other, over the first 4 KB. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even === 0) return 'utf-16le';
  if (even > pairs * 0.3 && odd === 0) return 'utf-16be';
  return null;
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, bom: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: decodeCp1252(bytes), encoding: 'windows-1252', bom: false };
  }
}

/** Windows-1252 by its table (Node built without full ICU reads the label as Latin-1). */
function decodeCp1252(bytes: Uint8Array): string {
  const high = [...CP1252_HIGH].sort((a, b) => a[1] - b[1]).map(([codePoint]) => codePoint);
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...Array.from(chunk, (byte) => (byte >= 0x80 && byte < 0xa0 ? high[byte - 0x80]! : byte)));
  }
  return text;
}

/** Windows-1252's 0x80–0x9F, by code point (WHATWG Encoding, index-windows-1252). */
const CP1252_HIGH: ReadonlyMap<number, number> = new Map(
  [
    0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
    0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
  ].map((codePoint, index) => [codePoint, 0x80 + index]),
);

function encodeUtf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const offset = bom ? 2 : 0;
  const out = new Uint8Array(offset + text.length * 2);
  const view = new DataView(out.buffer);
  if (bom) view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(offset + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

/** Text to bytes in `encoding`, with a BOM when `bom` (a character Windows-1252 lacks becomes "?"). */
export function encodeText(text: string, encoding: TextEncoding, bom: boolean): Uint8Array {
  if (encoding === 'utf-16le') return encodeUtf16(text, true, bom);
  if (encoding === 'utf-16be') return encodeUtf16(text, false, bom);
  if (encoding === 'windows-1252') {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      out[i] = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : (CP1252_HIGH.get(code) ?? 0x3f);
    }
    return out;
  }
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
