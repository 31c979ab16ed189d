import { describe, expect, it } from 'vitest';
import { PhraseIndex } from '../../lib/bounce/reasons/phrase-index';

function found(phrases: string[], text: string): string[] {
  const index = new PhraseIndex();
  const ids = phrases.map((p) => index.add(p));
  index.build();
  const hits = index.scan(text);
  return phrases.filter((_, i) => hits[ids[i]!] === 1);
}

describe('PhraseIndex (Aho-Corasick)', () => {
  it('finds overlapping and nested phrases in one pass', () => {
    expect(found(['he', 'she', 'his', 'hers'], 'ushers')).toEqual(['he', 'she', 'hers']);
  });

  it('finds a phrase that is a suffix of a longer partial match', () => {
    expect(found(['mailbox full', 'box f'], 'the mailbo mailbox fu')).toEqual(['box f']);
    expect(found(['user unknown', 'unknown'], 'no such user: unknown user unknown')).toEqual(['user unknown', 'unknown']);
  });

  it('reports nothing for absent phrases and empty text', () => {
    expect(found(['quota exceeded'], 'quota exceede')).toEqual([]);
    expect(found(['quota exceeded'], '')).toEqual([]);
  });

  it('keeps one id for a repeated phrase and handles non-ASCII', () => {
    const index = new PhraseIndex();
    expect(index.add('boîte pleine')).toBe(index.add('boîte pleine'));
    index.add('ユーザー');
    index.build();
    const hits = index.scan('la boîte pleine, ユーザー不明');
    expect(Array.from(hits)).toEqual([1, 1]);
    expect(index.size).toBe(2);
  });

  it('refuses phrases added after build', () => {
    const index = new PhraseIndex();
    index.add('a');
    index.build();
    expect(() => index.add('b')).toThrow();
  });
});
