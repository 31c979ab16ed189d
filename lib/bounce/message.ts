/**
 * The one decoded view of a notice that the DSN parser and every format module read. Built once
 * per notice from either input view; never throws (degraded input leaves notes instead).
 *
 * MIME is decoded by postal-mime (maintained, runs in service workers and Node). We ask it to keep
 * every message/rfc822 part as an attachment (forceRfc822Attachments) so the returned message never
 * mixes into the notice's own text, and read the report parts from its attachments list:
 * message/delivery-status, message/global-delivery-status (RFC 6533), text/rfc822-headers,
 * message/rfc822, message/feedback-report (RFC 5965) and message/disposition-notification (RFC 8098).
 */
import PostalMime, { decodeWords } from 'postal-mime';
import type { NoticeInput } from './types';
import { findInlineDeliveryStatus, parseDeliveryStatus, type DsnReport } from './dsn';
import { decodeUtf7, firstAddress, htmlToText, normaliseNewlineBytes, normaliseNewlines } from './text';

export interface HeaderField {
  name: string; // lower-case
  value: string; // unfolded, encoded words decoded
}

export interface ReturnedMessage {
  headers: HeaderField[];
  to: string[];
  from: string;
  subject: string;
  messageId: string;
}

export interface Message {
  view: 'raw' | 'rendered';
  /** Top-level headers of the notice (empty for the rendered view). */
  headers: HeaderField[];
  subject: string;
  /** Sender addr-spec, lower-cased domain ('' when none). */
  from: string;
  /** Sender as written (display name and address). */
  fromRaw: string;
  to: string[];
  messageId: string;
  date: string;
  /** Top-level content type, lower-cased, without parameters. */
  contentType: string;
  /** report-type parameter of a multipart/report, lower-cased. */
  reportType: string;
  /** The human-readable text of the notice (LF line ends); for unstructured notices, the whole body. */
  text: string;
  /** text lower-cased (phrase tables are lower-case literals). */
  lower: string;
  /** The first 50,000 characters of lower: where markers are looked for. */
  head: string;
  /** subject and fromRaw lower-cased, once: every format module's markers are compared with them. */
  subjectLower: string;
  fromLower: string;
  /** Text of text/* parts that came as attachments (some MTAs attach their transcript). */
  extraText: string;
  /** Concatenated message/delivery-status parts, '' when none. */
  deliveryStatus: string;
  feedbackReport: string;
  hasMdn: boolean;
  returned: ReturnedMessage | null;
  /** Raw bytes of an attached message/rfc822 (capped), for a bounce forwarded inside a bounce. */
  returnedSource: Uint8Array | null;
  /** Parsed delivery status (from the report part, or DSN fields written into the text), or null. */
  dsn: DsnReport | null;
  notes: string[];
}

/** Reads header values of a name (lower-case). */
export function headerValues(headers: readonly HeaderField[], name: string): string[] {
  const out: string[] = [];
  for (const h of headers) if (h.name === name) out.push(h.value);
  return out;
}

export function header(headers: readonly HeaderField[], name: string): string {
  for (const h of headers) if (h.name === name) return h.value;
  return '';
}

/** Splits a header block (text up to the first blank line) into unfolded fields. Linear. */
export function parseHeaderBlock(text: string, maxFields = 500): HeaderField[] {
  return decodeHeaderValues(readHeaderFields(text, maxFields));
}

/** parseHeaderBlock without decoding encoded words, for a caller that may discard the fields. */
function readHeaderFields(text: string, maxFields: number): HeaderField[] {
  const out: HeaderField[] = [];
  let start = 0;
  let cur: HeaderField | null = null;
  while (start < text.length && out.length < maxFields) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (line.trim() === '') {
      if (cur || out.length) break;
      continue;
    }
    if ((line[0] === ' ' || line[0] === '\t') && cur) {
      if (cur.value.length < 20_000) cur.value += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || colon > 76 || !isFieldName(line, colon)) {
      cur = null;
      continue;
    }
    cur = { name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() };
    out.push(cur);
  }
  return out;
}

/** Decodes the RFC 2047 encoded words of every field value, in place. */
function decodeHeaderValues(fields: HeaderField[]): HeaderField[] {
  for (const h of fields) if (h.value.indexOf('=?') >= 0) h.value = safeDecodeWords(h.value);
  return fields;
}

function isFieldName(line: string, colon: number): boolean {
  for (let i = 0; i < colon; i++) {
    const c = line.charCodeAt(i);
    if (c <= 32 || c >= 127) return i > 0 && line.slice(i, colon).trim() === '';
  }
  return true;
}

function safeDecodeWords(s: string): string {
  try {
    return decodeWords(s);
  } catch {
    return s;
  }
}

function addressList(value: string): string[] {
  const out: string[] = [];
  for (const part of value.split(',')) {
    const a = firstAddress(part);
    if (a) out.push(a);
  }
  return out;
}

function readReturned(bytes: ArrayBuffer | Uint8Array | string): ReturnedMessage {
  const text = typeof bytes === 'string' ? bytes : utf8(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), 200_000);
  const h = parseHeaderBlock(normaliseNewlines(text));
  let to: string[] | null = null;
  return {
    headers: h,
    // Only the generic prose reader asks for the returned To list: parsed when it does.
    get to(): string[] {
      to ??= addressList(header(h, 'to'));
      return to;
    },
    from: firstAddress(header(h, 'from')),
    subject: header(h, 'subject'),
    messageId: stripAngles(header(h, 'message-id')),
  };
}

export function stripAngles(s: string): string {
  return s.trim().replace(/^<+/, '').replace(/>+$/, '');
}

const utf8Decoder = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();
const latin1 = new TextDecoder('latin1');
function utf8(b: Uint8Array, cap = Infinity): string {
  return utf8Decoder.decode(b.length > cap ? b.subarray(0, cap) : b);
}

let jisDecoder: TextDecoder | null | undefined;
/** 7-bit ISO-2022-JP that no charset label announced survives UTF-8 decoding as ESC sequences. */
function fixBareJis(s: string): string {
  if (s.indexOf('\x1b$B') < 0 && s.indexOf('\x1b$@') < 0) return s;
  if (jisDecoder === undefined) {
    try {
      jisDecoder = new TextDecoder('iso-2022-jp');
    } catch {
      jisDecoder = null;
    }
  }
  if (!jisDecoder) return s;
  try {
    return jisDecoder.decode(utf8Encoder.encode(s));
  } catch {
    return s;
  }
}

function emptyMessage(view: 'raw' | 'rendered'): Message {
  return {
    view,
    headers: [],
    subject: '',
    from: '',
    fromRaw: '',
    to: [],
    messageId: '',
    date: '',
    contentType: '',
    reportType: '',
    text: '',
    lower: '',
    head: '',
    subjectLower: '',
    fromLower: '',
    extraText: '',
    deliveryStatus: '',
    feedbackReport: '',
    hasMdn: false,
    returned: null,
    returnedSource: null,
    dsn: null,
    notes: [],
  };
}

function toBytes(source: unknown): Uint8Array {
  if (typeof source === 'string') return utf8Encoder.encode(source);
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  return new Uint8Array(0);
}

/**
 * The bytes as one lower-cased string, index for index, so that native indexOf finds ASCII markers
 * in any letter case. windows-1252 (what the "latin1" label decodes) maps every byte to one UTF-16
 * unit, and lower-casing maps each of those 256 characters to exactly one unit again.
 */
export function lowerBytes(b: Uint8Array): string {
  return latin1.decode(b).toLowerCase();
}

function indexOfBlankLine(b: Uint8Array, from: number): number {
  for (let i = b.indexOf(10, from); i >= 0 && i + 1 < b.length; i = b.indexOf(10, i + 1)) {
    if (b[i + 1] === 10) return i + 1;
  }
  return -1;
}

/**
 * The returned message is evidence we read only the headers of; its body is often most of the
 * notice. Cut the bytes after the returned message's header block (the MIME parser then sees a
 * truncated last part, which it handles), unless the returned message is itself a bounce (read
 * whole, see classify's nested case) or something that matters comes after it.
 */
function trimReturnedBody(b: Uint8Array, lower: string): Uint8Array {
  const at = lower.indexOf('content-type: message/rfc822');
  if (at < 0) return b;
  const partHeadersEnd = indexOfBlankLine(b, at);
  if (partHeadersEnd < 0) return b;
  const innerHeadersEnd = indexOfBlankLine(b, partHeadersEnd + 1);
  if (innerHeadersEnd < 0 || b.length - innerHeadersEnd < 512) return b;
  const innerHead = lower.slice(partHeadersEnd + 1, innerHeadersEnd);
  if (innerHead.includes('multipart/report') || innerHead.includes('mailer-daemon') || innerHead.includes('postmaster@')) return b;
  if (lower.indexOf('delivery-status', innerHeadersEnd) >= 0 || lower.indexOf('feedback-report', innerHeadersEnd) >= 0) return b;
  return b.subarray(0, innerHeadersEnd + 1);
}

const decoders = new Map<string, TextDecoder | null>();
function decoderFor(label: string): TextDecoder | null {
  let d = decoders.get(label);
  if (d === undefined) {
    try {
      d = new TextDecoder(label);
    } catch {
      d = null;
    }
    decoders.set(label, d);
  }
  return d;
}

/**
 * A message without MIME structure (no Content-Type, or a single text/plain part in 7bit, 8bit or
 * binary) leaves a MIME library nothing to do but split the header from the body and decode the
 * charset; we do that directly, which roughly halves the cost of most old-style notices. Anything
 * else (multipart, an encoded body, an unknown charset label) goes to postal-mime. Null = not such a message.
 */
function readWithoutMime(b: Uint8Array): { headers: HeaderField[]; text: string } | null {
  const end = indexOfBlankLine(b, 0);
  if (end < 0) return null;
  // Raw 8-bit header bytes are read as UTF-8, as postal-mime does. Encoded words are decoded once
  // the message is known to be plain: most notices are multipart, and their fields are read again
  // by splitHeaderBlock.
  const fields = readHeaderFields(utf8(b.subarray(0, end)), 500);
  const rawCt = header(fields, 'content-type');
  const ct = (rawCt.indexOf('=?') >= 0 ? safeDecodeWords(rawCt) : rawCt).toLowerCase();
  const type = (ct.indexOf(';') >= 0 ? ct.slice(0, ct.indexOf(';')) : ct).trim();
  if (type !== '' && type !== 'text/plain') return null;
  const rawCte = header(fields, 'content-transfer-encoding');
  const cte = (rawCte.indexOf('=?') >= 0 ? safeDecodeWords(rawCte) : rawCte).toLowerCase().trim();
  if (cte !== '' && cte !== '7bit' && cte !== '8bit' && cte !== 'binary') return null;
  let charset = 'utf-8';
  const at = ct.indexOf('charset=');
  if (at >= 0) {
    let v = ct.slice(at + 8).trim();
    if (v.startsWith('"')) v = v.slice(1);
    let e = 0;
    while (e < v.length && v[e] !== '"' && v[e] !== ';' && v[e] !== ' ') e++;
    charset = v.slice(0, e) || 'utf-8';
  }
  if (charset.includes('utf-7') || charset === 'us-ascii' || charset === 'ascii') charset = 'utf-8';
  const decoder = decoderFor(charset);
  if (!decoder) return null;
  return { headers: decodeHeaderValues(fields), text: decoder.decode(b.subarray(end + 1)) };
}

/** As postal-mime decodes header lines: UTF-8, a byte order mark kept as a character. */
const headerDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** postal-mime's trim for header keys and values: spaces and tabs only. */
function trimSpaceTab(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && (s.charCodeAt(start) === 32 || s.charCodeAt(start) === 9)) start++;
  while (end > start && (s.charCodeAt(end - 1) === 32 || s.charCodeAt(end - 1) === 9)) end--;
  return s.slice(start, end);
}

/**
 * The notice's own header block is most of what postal-mime reads line by line (Received chains,
 * DKIM signatures, address lists it parses for nothing), yet only the Content-* fields tell it how
 * to read the body. So we read the header block here, field by field exactly as postal-mime does
 * (a line starting with a space or tab continues the field above, unfolding keeps the folding
 * whitespace, a line without a colon is a field with an empty value), and hand postal-mime the
 * Content-* fields and the body. Null when there is no header block to split off.
 */
export function splitHeaderBlock(b: Uint8Array): { headers: HeaderField[]; mimeInput: Uint8Array } | null {
  const end = indexOfBlankLine(b, 0);
  if (end < 0 || b[0] === 10) return null;
  const fields: string[][] = [];
  for (const line of headerDecoder.decode(b.subarray(0, end - 1)).split('\n')) {
    const last = fields[fields.length - 1];
    if (last && (line[0] === ' ' || line[0] === '\t')) last.push(line);
    else fields.push([line]);
  }
  const headers: HeaderField[] = [];
  const contentFields: string[] = [];
  for (const lines of fields) {
    const unfolded = lines.join('');
    const colon = unfolded.indexOf(':');
    const name = trimSpaceTab(colon < 0 ? unfolded : unfolded.slice(0, colon)).toLowerCase();
    headers.push({ name, value: colon < 0 ? '' : trimSpaceTab(unfolded.slice(colon + 1)) });
    if (name.startsWith('content-')) contentFields.push(lines.join('\n'));
  }
  // Each field ends its line, then the blank line that ends the header block (alone when none).
  const head = utf8Encoder.encode(contentFields.map((f) => f + '\n').join('') + '\n');
  const body = b.subarray(end + 1);
  const mimeInput = new Uint8Array(head.length + body.length);
  mimeInput.set(head);
  mimeInput.set(body, head.length);
  return { headers, mimeInput };
}

/** Bytes of a raw notice handed to the MIME parser; the rest (the returned message's tail) is not read. */
export const MIME_CAP = 512 * 1024;

/** Builds the Message from either input view. Never throws. */
export async function readMessage(input: NoticeInput): Promise<Message> {
  if (!input || typeof input !== 'object') {
    const m = emptyMessage('raw');
    m.notes.push('no input');
    return m;
  }
  if (input.view === 'rendered') return readRendered(input);
  return readRaw(input.source);
}

function readRendered(input: Extract<NoticeInput, { view: 'rendered' }>): Message {
  const m = emptyMessage('rendered');
  m.subject = typeof input.subject === 'string' ? input.subject : '';
  m.fromRaw = typeof input.from === 'string' ? input.from : '';
  m.from = firstAddress(m.fromRaw);
  m.to = typeof input.to === 'string' ? addressList(input.to) : [];
  m.date = typeof input.date === 'string' ? input.date : '';
  let text = typeof input.text === 'string' ? input.text : '';
  if (!text.trim() && typeof input.html === 'string') text = htmlToText(input.html);
  m.text = normaliseNewlines(text);
  return finishMessage(m);
}

/**
 * What both views share once the text is final: its lower-cased twin and head (the format markers
 * look there), and the delivery-status report, from its MIME part or written inline in the text.
 */
function finishMessage(m: Message): Message {
  m.lower = m.text.toLowerCase();
  m.head = m.lower.length > 50_000 ? m.lower.slice(0, 50_000) : m.lower;
  m.subjectLower = m.subject.toLowerCase();
  m.fromLower = m.fromRaw.toLowerCase();
  const dsnText = m.deliveryStatus || findInlineDeliveryStatus(m.text, m.lower) || findInlineDeliveryStatus(m.extraText, m.extraText.toLowerCase());
  if (dsnText) {
    const dsn = parseDeliveryStatus(dsnText);
    if (dsn.recipients.length || dsn.reportingMta) m.dsn = dsn;
  }
  return m;
}

async function readRaw(source: unknown): Promise<Message> {
  const m = emptyMessage('raw');
  let bytes = toBytes(source);
  if (bytes.length === 0) {
    m.notes.push('empty message');
    return m;
  }
  bytes = normaliseNewlineBytes(bytes);
  // A notice that starts with an mbox "From " line: drop that line so the headers parse.
  if (bytes[0] === 70 && bytes[1] === 114 && bytes[2] === 111 && bytes[3] === 109 && bytes[4] === 32) {
    const nl = bytes.indexOf(10);
    if (nl > 0) bytes = bytes.subarray(nl + 1);
  }
  if (bytes.length > MIME_CAP) {
    // The failure report comes first; what follows is the returned message. Reading only the head
    // keeps a 10 MB notice cheap (postal-mime costs about 1 s per MB on these machines).
    let cut = bytes.lastIndexOf(10, MIME_CAP);
    if (cut < MIME_CAP / 2) cut = MIME_CAP;
    bytes = bytes.subarray(0, cut + 1);
    m.notes.push(`message larger than ${MIME_CAP >> 10} KB: only its first ${MIME_CAP >> 10} KB were read`);
  }
  const lower = lowerBytes(bytes);
  bytes = trimReturnedBody(bytes, lower);
  const utf7At = lower.indexOf('utf-7');
  const hasUtf7 = utf7At >= 0 && utf7At + 5 <= bytes.length;

  let email: Awaited<ReturnType<typeof PostalMime.parse>> | null = null;
  /** The notice's header fields when read here rather than by postal-mime (see splitHeaderBlock). */
  let ownHeaders: HeaderField[] | null = null;
  const plain = readWithoutMime(bytes);
  if (plain) {
    m.headers = plain.headers;
    m.text = plain.text;
  } else {
    try {
      const split = splitHeaderBlock(bytes);
      ownHeaders = split?.headers ?? null;
      // mimeInput owns its whole buffer: handing the ArrayBuffer itself spares postal-mime a copy.
      email = await PostalMime.parse(split ? (split.mimeInput.buffer as ArrayBuffer) : bytes, { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' });
    } catch (err) {
      m.notes.push(`MIME parse failed (${String((err as Error)?.message ?? err).slice(0, 80)}); read as plain text`);
    }
  }

  if (plain) {
    // read above
  } else if (!email) {
    const text = utf8(bytes);
    const blank = text.indexOf('\n\n');
    m.headers = parseHeaderBlock(blank >= 0 ? text.slice(0, blank) : text);
    m.text = blank >= 0 ? text.slice(blank + 2) : '';
  } else {
    const fields = ownHeaders ?? email.headers.map((h) => ({ name: h.key, value: h.value }));
    m.headers = fields.map((h) => ({ name: h.name, value: h.value.indexOf('=?') >= 0 ? safeDecodeWords(h.value) : h.value }));
    let text = email.text ?? '';
    if (!text.trim() && email.html) text = htmlToText(email.html);
    m.text = normaliseNewlines(text);
    const extra: string[] = [];
    for (const a of email.attachments) {
      const type = (a.mimeType || '').toLowerCase();
      const content = a.content;
      const bytesOf = (): Uint8Array =>
        typeof content === 'string' ? utf8Encoder.encode(content) : content instanceof Uint8Array ? content : new Uint8Array(content);
      if (type === 'message/delivery-status' || type === 'message/global-delivery-status') {
        m.deliveryStatus += (m.deliveryStatus ? '\n\n' : '') + normaliseNewlines(utf8(bytesOf(), 1_000_000));
      } else if (type === 'message/feedback-report') {
        m.feedbackReport += normaliseNewlines(utf8(bytesOf(), 100_000));
      } else if (type === 'message/disposition-notification' || type === 'message/global-disposition-notification') {
        m.hasMdn = true;
      } else if (type === 'message/rfc822' || type === 'message/global' || type === 'text/rfc822-headers' || type === 'text/rfc822-header' || type === 'message/rfc822-headers' || type === 'message/partial') {
        if (!m.returned) {
          const b = bytesOf();
          m.returned = readReturned(b);
          if (type === 'message/rfc822' || type === 'message/global') m.returnedSource = b.length > 5_000_000 ? b.subarray(0, 5_000_000) : b;
        }
      } else if (type.startsWith('text/') && type !== 'text/html') {
        if (extra.length < 8) extra.push(normaliseNewlines(utf8(bytesOf(), 200_000)));
      } else if (type === 'text/html') {
        if (extra.length < 8) extra.push(htmlToText(normaliseNewlines(utf8(bytesOf(), 200_000))));
      }
    }
    m.extraText = extra.join('\n');
    if (!m.text.trim() && !m.deliveryStatus && !m.returned && !m.extraText.trim()) {
      // Nothing came out of the MIME tree (a boundary that never occurs, a truncated part):
      // read the body as it stands, as a person would.
      const raw = utf8(bytes);
      const blank = raw.indexOf('\n\n');
      if (blank >= 0 && raw.length - blank > 2) {
        m.text = raw.slice(blank + 2);
        m.notes.push('MIME structure unreadable (missing boundary?); body read as plain text');
      }
    }
  }

  const ct = header(m.headers, 'content-type').toLowerCase();
  const semi = ct.indexOf(';');
  m.contentType = (semi >= 0 ? ct.slice(0, semi) : ct).trim();
  const rt = ct.indexOf('report-type=');
  if (rt >= 0) {
    let v = ct.slice(rt + 12).trim();
    if (v.startsWith('"')) v = v.slice(1);
    let e = 0;
    while (e < v.length && v[e] !== '"' && v[e] !== ';' && v[e] !== ' ') e++;
    m.reportType = v.slice(0, e);
  }
  m.subject = header(m.headers, 'subject');
  m.fromRaw = header(m.headers, 'from');
  m.from = firstAddress(m.fromRaw);
  m.to = addressList(header(m.headers, 'to'));
  m.messageId = stripAngles(header(m.headers, 'message-id'));
  const d = header(m.headers, 'date');
  if (d) {
    const t = Date.parse(d);
    m.date = Number.isFinite(t) ? new Date(t).toISOString() : '';
  }
  if (hasUtf7) {
    m.text = decodeUtf7(m.text);
    m.subject = decodeUtf7(m.subject);
  }
  m.text = fixBareJis(m.text);
  m.subject = fixBareJis(m.subject);
  return finishMessage(m);
}
