import { describe, expect, it } from 'vitest';
import { PhraseIndex } from '../../lib/bounce/phrase-index';

function found(phrases: string[], text: string): string[] {
  const index = new PhraseIndex();
  const ids = phrases.map((p) => index.add(p));
  index.build();
  const hits = index.scan(text);
  return phrases.filter((_, i) => hits[ids[i]!] === 1);
}

describe('PhraseIndex', () => {
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

  it('agrees with a plain includes() for every phrase, on texts built to collide', () => {
    // Short phrases (under the 4-character key), phrases sharing long prefixes (one bucket), and
    // phrases at the very start and end of the text; then pseudo-random texts over a small alphabet
    // so that partial matches and hash collisions are frequent.
    const phrases = ['a', 'ab', 'abc', 'abcd', 'abcde', 'abce', 'bcd', 'mail', 'mailbox', 'mailbox full', 'mail from', 'dcba', 'cdab', 'é', 'éé d', '5.1.1'];
    let seed = 7;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = 'abcde é.15mailboxfrum';
    const texts = ['', 'a', 'abc', 'abcd', 'mailbox full', 'x mail from y', '5.1.1', 'éé d'];
    for (let t = 0; t < 300; t++) {
      let text = '';
      const length = random(60);
      for (let i = 0; i < length; i++) text += alphabet[random(alphabet.length)];
      texts.push(text);
    }
    for (const text of texts) expect(found(phrases, text), JSON.stringify(text)).toEqual(phrases.filter((p) => text.includes(p)));
  });

  it('refuses phrases added after build', () => {
    const index = new PhraseIndex();
    index.add('a');
    index.build();
    expect(() => index.add('b')).toThrow();
  });
});
