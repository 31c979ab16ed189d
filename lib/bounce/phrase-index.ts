/**
 * All phrases of all reason tables in one index: one pass over a text finds every phrase it
 * contains, with no regular expression and no backtracking.
 *
 * Layout: phrases of KEY_LENGTH characters or more sit in buckets by a hash of their first
 * KEY_LENGTH characters (a counting sort into two typed arrays). The scan rolls the same hash
 * along the text, so each position costs one bucket read, and only the phrases of that bucket
 * (those sharing the hash of these four characters: about sixty at most, for "mail") are
 * compared with native `startsWith`. The handful of shorter phrases are looked for with
 * `includes`. The work is linear in the text, bounded per position by the largest bucket times
 * the longest phrase.
 *
 * An Aho-Corasick automaton did the same in a strictly constant time per character, but building
 * its 25,000 trie nodes took 12 to 20 ms of every cold start (the service worker's, the CLI's), as
 * much as scanning every diagnostic of the whole test corpus; this index builds in well under 1 ms.
 */
const KEY_LENGTH = 4;
const BUCKETS = 1 << 12;
const MASK = BUCKETS - 1;
/** Hash base, and its power KEY_LENGTH - 1 (removes the character that leaves the window). */
const BASE = 31;
const BASE_TOP = BASE ** (KEY_LENGTH - 1);

/**
 * Hash of text[at .. at + KEY_LENGTH) in 32 bits, the same value the rolling update arrives at.
 * Its low bits (& MASK) are the bucket; the whole value is compared before any `startsWith`, so a
 * position whose four characters merely share a bucket with a phrase costs no string compare.
 */
function hashAt(text: string, at: number): number {
  let h = 0;
  for (let i = 0; i < KEY_LENGTH; i++) h = (Math.imul(h, BASE) + text.charCodeAt(at + i)) | 0;
  return h;
}

export class PhraseIndex {
  private readonly ids = new Map<string, number>();
  private phrases: string[] = [];
  private built = false;
  /** Bucket b's phrase ids are bucketIds[bucketStart[b] .. bucketStart[b + 1]). */
  private bucketStart = new Int32Array(BUCKETS + 1);
  private bucketIds = new Int32Array(0);
  /** The full 32-bit hash of each bucketIds entry's first KEY_LENGTH characters. */
  private bucketKeys = new Int32Array(0);
  /** Ids of the phrases shorter than KEY_LENGTH. */
  private shortIds: number[] = [];

  /** Registers a literal (already lowercase) and returns its id; the same literal keeps one id. */
  add(phrase: string): number {
    const known = this.ids.get(phrase);
    if (known !== undefined) return known;
    if (this.built) throw new Error('PhraseIndex: add() after build()');
    if (phrase === '') throw new Error('PhraseIndex: empty phrase');
    const id = this.ids.size;
    this.ids.set(phrase, id);
    return id;
  }

  get size(): number {
    return this.ids.size;
  }

  /** Sorts the phrases into their buckets (counting sort: count, prefix sums, place). */
  build(): void {
    const phrases = [...this.ids.keys()];
    const hashes = new Int32Array(phrases.length);
    const start = new Int32Array(BUCKETS + 1);
    const shortIds: number[] = [];
    for (let id = 0; id < phrases.length; id++) {
      const phrase = phrases[id]!;
      if (phrase.length < KEY_LENGTH) {
        shortIds.push(id);
        hashes[id] = -1;
        continue;
      }
      hashes[id] = hashAt(phrase, 0);
      start[(hashes[id]! & MASK) + 1]!++;
    }
    for (let b = 0; b < BUCKETS; b++) start[b + 1]! += start[b]!;
    const fill = start.slice(0, BUCKETS);
    const bucketIds = new Int32Array(phrases.length - shortIds.length);
    const bucketKeys = new Int32Array(bucketIds.length);
    for (let id = 0; id < phrases.length; id++) {
      if (phrases[id]!.length < KEY_LENGTH) continue;
      const at = fill[hashes[id]! & MASK]!++;
      bucketIds[at] = id;
      bucketKeys[at] = hashes[id]!;
    }
    this.phrases = phrases;
    this.bucketStart = start;
    this.bucketIds = bucketIds;
    this.bucketKeys = bucketKeys;
    this.shortIds = shortIds;
    this.built = true;
  }

  /** Which phrases occur in the text: found[id] === 1. */
  scan(text: string): Uint8Array {
    if (!this.built) this.build();
    const found = new Uint8Array(this.ids.size);
    const { phrases, bucketStart, bucketIds, bucketKeys } = this;
    for (const id of this.shortIds) if (text.includes(phrases[id]!)) found[id] = 1;
    const last = text.length - KEY_LENGTH;
    if (last < 0) return found;
    let h = hashAt(text, 0);
    for (let i = 0; ; i++) {
      const b = h & MASK;
      for (let k = bucketStart[b]!, end = bucketStart[b + 1]!; k < end; k++) {
        if (bucketKeys[k] !== h) continue;
        const id = bucketIds[k]!;
        if (found[id] === 0 && text.startsWith(phrases[id]!, i)) found[id] = 1;
      }
      if (i === last) break;
      // Roll the window one character on: drop text[i], take text[i + KEY_LENGTH].
      h = (Math.imul(h - Math.imul(text.charCodeAt(i), BASE_TOP), BASE) + text.charCodeAt(i + KEY_LENGTH)) | 0;
    }
    return found;
  }
}
