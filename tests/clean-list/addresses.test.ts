import { describe, expect, it } from 'vitest';
import { addressesIn, splitCell } from '../../lib/clean-list/addresses';

describe('addresses in a cell', () => {
  it.each<[string, string[]]>([
    ['ann@example.com', ['ann@example.com']],
    ['  Ann@Example.COM ', ['ann@example.com']],
    ['a@example.com; b@example.org', ['a@example.com', 'b@example.org']],
    ['a@example.com ::: b@example.org', ['a@example.com', 'b@example.org']],
    ['Ann <a@example.com>, "Bob, Jr" <b@example.org>', ['a@example.com', 'b@example.org']],
    ['a@example.com\nb@example.org', ['a@example.com', 'b@example.org']],
    ['mailto:a@example.com', ['a@example.com']],
    ['a@example.com; A@example.com', ['a@example.com']],
    ['no address here', []],
    ['@handle', []],
    ['', []],
  ])('%j → %j', (cell, expected) => {
    expect(addressesIn(cell)).toEqual(expected);
  });
});

describe('a cell without the addresses to remove', () => {
  const drop = (address: string) => address.startsWith('gone');
  it.each<[string, string, string]>([
    ['gone@example.com; b@example.org', 'b@example.org', 'gone@example.com'],
    ['a@example.com ::: gone@example.net ::: c@example.org', 'a@example.com ::: c@example.org', 'gone@example.net'],
    ['Ann <a@example.com>, Gone <gone@example.com>', 'Ann <a@example.com>', 'Gone <gone@example.com>'],
    ['a@example.com\ngone@example.com', 'a@example.com', 'gone@example.com'],
    ['"Bob, Jr" <b@example.org>, "Gone, Sr" <gone@example.com>', '"Bob, Jr" <b@example.org>', '"Gone, Sr" <gone@example.com>'],
  ])('%j → kept %j, dropped %j', (cell, kept, dropped) => {
    expect(splitCell(cell, drop)).toEqual({ kept, dropped });
  });
});
