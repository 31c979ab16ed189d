import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitMbox, splitMboxBytes } from '../../lib/mbox';
import { splitMboxAsText } from '../import/string-split-mbox';

describe('splitMbox', () => {
  it('splits on "From " separator lines and drops them', () => {
    const mbox = 'From a@example.org Mon Mar  2 10:00:00 2026\nSubject: one\n\nbody 1\n\nFrom b@example.org Mon Mar  2 10:01:00 2026\nSubject: two\n\nbody 2\n';
    expect(splitMbox(mbox)).toEqual(['Subject: one\n\nbody 1\n', 'Subject: two\n\nbody 2\n']);
  });

  it('unescapes one level of ">From " (mboxrd and mboxo)', () => {
    const mbox = 'From x Mon Mar  2 10:00:00 2026\nSubject: q\n\n>From the start\n>>From quoted\n> From not escaped\n';
    expect(splitMbox(mbox)).toEqual(['Subject: q\n\nFrom the start\n>From quoted\n> From not escaped\n']);
  });

  it('keeps CRLF line ends and handles an empty or separator-less input', () => {
    expect(splitMbox('From x\r\nSubject: a\r\n\r\nb\r\n')).toEqual(['Subject: a\r\n\r\nb\r\n']);
    expect(splitMbox('')).toEqual([]);
    expect(splitMbox('Subject: lone\n\nno separator\n')).toEqual(['Subject: lone\n\nno separator\n']);
  });
});

describe('splitMboxBytes', () => {
  const bytes = (s: string) => Buffer.from(s, 'latin1');
  const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

  it('hands each message on as the bytes of the file, 8-bit bytes untouched', () => {
    // "Empfänger" in ISO-8859-1 (0xE4) is no UTF-8: nothing may be decoded or replaced.
    const mbox = bytes('From a Mon Mar  2 10:00:00 2026\nSubject: eins\n\nEmpf\xe4nger voll\n\nFrom b Mon Mar  2 10:01:00 2026\nSubject: zwei\n\n>From Gr\xfc\xdfe\n');
    const out = splitMboxBytes(mbox);
    expect(out.map(latin1)).toEqual(['Subject: eins\n\nEmpf\xe4nger voll\n', 'Subject: zwei\n\nFrom Gr\xfc\xdfe\n']);
    // A message with no escaped line is a view on the file, not a copy.
    expect(out[0]!.buffer).toBe(mbox.buffer);
  });

  it('skips a UTF-8 byte order mark before the first separator, as a UTF-8 decoder did', () => {
    const mbox = '\uFEFFFrom x Mon Mar  2 10:00:00 2026\nSubject: a\n\nb\n';
    expect(splitMboxBytes(new TextEncoder().encode(mbox)).map((m) => new TextDecoder().decode(m))).toEqual(['Subject: a\n\nb\n']);
  });

  it('splits CRLF mboxes, keeping CRLF, and drops the CRLF blank line before a separator', () => {
    const mbox = bytes('From a\r\nSubject: 1\r\n\r\nx\r\n\r\nFrom b\r\nSubject: 2\r\n\r\n>From y\r\n');
    expect(splitMboxBytes(mbox).map(latin1)).toEqual(['Subject: 1\r\n\r\nx\r\n', 'Subject: 2\r\n\r\nFrom y\r\n']);
  });

  it('agrees with the splitter on text it replaced, on any mix of separators, escapes and line ends (property)', () => {
    const piece = fc.constantFrom('From ', '>From ', '>>From ', '> From ', 'From', '\n', '\r\n', '\n\n', ' ', '\t', 'x', 'é', '日', '\u00a0', '\u3000', 'Subject: a\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(splitMbox(text)).toEqual(splitMboxAsText(text));
      }),
      { numRuns: 2000, seed: 4155 },
    );
  });
});
