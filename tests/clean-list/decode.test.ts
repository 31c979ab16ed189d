import { describe, expect, it } from 'vitest';
import { decodeBytes, encodeText, type TextEncoding } from '../../lib/clean-list/decode';

const TEXT = 'E-mail Address,Name\r\njürgen@bücher.example,"Jürgen; €"\r\n';

describe('decode and encode what list tools write', () => {
  it.each<[TextEncoding, boolean]>([
    ['utf-8', true],
    ['utf-8', false],
    ['utf-16le', true],
    ['utf-16be', true],
    ['utf-16le', false],
    ['utf-16be', false],
    ['windows-1252', false],
  ])('%s (BOM %s): sniffed, decoded, and written back to the same bytes', (encoding, bom) => {
    const bytes = encodeText(TEXT, encoding, bom);
    const decoded = decodeBytes(bytes);
    expect(decoded).toEqual({ text: TEXT, encoding, bom });
    expect(encodeText(decoded.text, decoded.encoding, decoded.bom)).toEqual(bytes);
  });

  it('writes the BOMs Excel and Outlook write', () => {
    expect([...encodeText('a', 'utf-8', true)]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
    expect([...encodeText('a', 'utf-16le', true)]).toEqual([0xff, 0xfe, 0x61, 0x00]);
    expect([...encodeText('a', 'utf-16be', true)]).toEqual([0xfe, 0xff, 0x00, 0x61]);
    expect([...encodeText('€', 'windows-1252', false)]).toEqual([0x80]);
  });

  it('reads bytes that are not UTF-8 as Windows-1252 (older Excel "CSV")', () => {
    expect(decodeBytes(new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]))).toEqual({ text: 'Müller', encoding: 'windows-1252', bom: false });
  });
});
