import { describe, expect, it } from 'vitest';
import { parseList, writeList } from '../../lib/clean-list/parse';
import { findAddressColumn, isAddressHeader } from '../../lib/clean-list/columns';

describe('reading a list', () => {
  it('semicolons (European Excel), quoted newlines and delimiters, CRLF', () => {
    const text = 'Nom;Courriel;Notes\r\n"Dupont; Ann";ann@example.com;"line one\r\nline two"\r\nBob;bob@example.org;\r\n';
    const list = parseList(text);
    expect(list.shape).toEqual({ delimiter: ';', newline: '\r\n', quoteAll: false, trailingNewline: true });
    expect(list.header).toEqual(['Nom', 'Courriel', 'Notes']);
    expect(list.rows).toEqual([
      ['Dupont; Ann', 'ann@example.com', 'line one\r\nline two'],
      ['Bob', 'bob@example.org', ''],
    ]);
    expect(writeList(list.shape, [list.header!, ...list.rows])).toBe(text);
  });

  it('tabs, and every cell quoted the way Outlook writes', () => {
    const text = '"First Name"\t"E-mail Address"\n"Ann"\t"ann@example.com"\n';
    const list = parseList(text);
    expect(list.shape).toEqual({ delimiter: '\t', newline: '\n', quoteAll: true, trailingNewline: true });
    expect(writeList(list.shape, [list.header!, ...list.rows])).toBe(text);
  });

  it('pasted addresses: one column, no header, no final line break', () => {
    const list = parseList('ann@example.com\nbob@example.org');
    expect(list.header).toBeNull();
    expect(list.rows).toEqual([['ann@example.com'], ['bob@example.org']]);
    expect(list.shape.trailingNewline).toBe(false);
    expect(findAddressColumn(list.header, list.rows)).toBe(0);
  });

  it('keeps blank lines as rows', () => {
    const list = parseList('email\nann@example.com\n\nbob@example.org\n');
    expect(list.rows).toEqual([['ann@example.com'], [''], ['bob@example.org']]);
  });

  it('reports an unclosed quote', () => {
    expect(parseList('email,name\nann@example.com,"Ann\n').problems.length).toBeGreaterThan(0);
  });
});

describe('finding the address column', () => {
  it.each([
    ['email'], ['E-mail'], ['E-mail Address'], ['E-mail 1 - Value'], ['Email Address'], ['courriel'], ['Adresse e-mail'], ['E-Mail-Adresse'], ['Correo electrónico'],
  ])('by the header %j', (name) => {
    expect(isAddressHeader(name)).toBe(true);
    expect(findAddressColumn(['Name', name, 'Phone'], [['Ann', 'ann@example.com', '1']])).toBe(1);
  });

  it('by content when no header names it, and the first of Outlook\'s three', () => {
    expect(findAddressColumn(['Name', 'Contact', 'Notes'], [['Ann', 'ann@example.com', 'x'], ['Bob', 'bob@example.org', 'mail bob@example.org']])).toBe(1);
    expect(findAddressColumn(['First Name', 'E-mail 2 Address', 'E-mail Address'], [['Ann', 'a2@example.com', 'a@example.com']])).toBe(2);
    expect(findAddressColumn(['Name'], [['Ann']])).toBe(-1);
  });

  it('passes over an "Email" header whose column is empty', () => {
    expect(findAddressColumn(['Email', 'Work e-mail'], [['', 'ann@example.com'], ['', 'bob@example.org']])).toBe(1);
  });
});
