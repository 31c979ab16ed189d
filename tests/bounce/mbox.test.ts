import { describe, expect, it } from 'vitest';
import { splitMbox } from '../../lib/mbox';

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
