import { describe, expect, it } from 'vitest';
import PostalMime from 'postal-mime';
import { lowerBytes, splitHeaderBlock } from '../../lib/bounce/message';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** postal-mime's reading of the same message: the reference splitHeaderBlock must agree with. */
async function postal(bytes: Uint8Array) {
  return PostalMime.parse(bytes, { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' });
}

describe('splitHeaderBlock (the notice header block read as postal-mime reads it)', () => {
  const message = [
    '\ufeffReceived: from a.example (a.example [192.0.2.1])',
    '\tby b.example; Tue, 11 Jun 2024 18:04:02 +0900',
    'Subject: Undelivered',
    '    Mail Returned  ',
    'Not a header line',
    'X-Empty:',
    'From: =?utf-8?q?Mail_Delivery?= <mailer-daemon@b.example>',
    'Content-Type: multipart/report; report-type=delivery-status;',
    '\tboundary="b1"',
    'Content-type: text/plain',
    'MIME-Version: 1.0',
    'X-Ümlaut: wert',
    '',
    '--b1',
    'Content-Type: text/plain',
    '',
    'Delivery failed.',
    '--b1',
    'Content-Type: message/delivery-status',
    '',
    'Final-Recipient: rfc822; a@example.com',
    'Action: failed',
    '--b1--',
    '',
  ].join('\n');

  it('gives the same fields, unfolded the same way', async () => {
    const split = splitHeaderBlock(enc(message))!;
    const reference = await postal(enc(message));
    expect(split.headers.map((h) => [h.name, h.value])).toEqual(reference.headers.map((h) => [h.key, h.value]));
  });

  it('hands postal-mime a body it reads exactly as the whole message', async () => {
    const split = splitHeaderBlock(enc(message))!;
    const whole = await postal(enc(message));
    const part = await postal(split.mimeInput);
    expect(part.text).toEqual(whole.text);
    expect(part.attachments.map((a) => [a.mimeType, new TextDecoder().decode(a.content as ArrayBuffer)])).toEqual(
      whole.attachments.map((a) => [a.mimeType, new TextDecoder().decode(a.content as ArrayBuffer)]),
    );
  });

  it('keeps the body intact when no field is a Content-* field', async () => {
    const plain = 'Subject: hi\nFrom: a@example.com\n\nline one\n\nline three\n';
    const split = splitHeaderBlock(enc(plain))!;
    expect((await postal(split.mimeInput)).text).toEqual((await postal(enc(plain))).text);
  });

  it('declines a message without a header block', () => {
    expect(splitHeaderBlock(enc('\nbody only\n'))).toBeNull();
    expect(splitHeaderBlock(enc('Subject: no body'))).toBeNull();
  });
});

describe('lowerBytes (markers found by native indexOf, in any letter case)', () => {
  it('keeps every one of the 256 byte values at its own index', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const lower = lowerBytes(all);
    expect(lower.length).toBe(256);
    for (let i = 0; i < 256; i++) {
      const isUpper = i >= 65 && i <= 90;
      if (i < 128) expect(lower.charCodeAt(i), `byte ${i}`).toBe(isUpper ? i + 32 : i);
    }
  });

  it('finds a marker written in another case at the byte offset where it starts', () => {
    const bytes = new TextEncoder().encode('Subject: caf\u00e9\n\nContent-Type: Message/RFC822\n');
    expect(lowerBytes(bytes).indexOf('content-type: message/rfc822')).toBe(bytes.indexOf(67 /* C */));
  });
});
