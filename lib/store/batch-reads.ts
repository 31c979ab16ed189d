/**
 * Reading what a batch of notices needs with few IndexedDB requests (issue #12). In Chromium every
 * request is a round trip to the browser process that costs about 60–150 µs whatever it carries
 * (scripts/bench/record.ts; a get, a put, a getAllKeys of one key cost alike), while one
 * getAllKeys moves a key for about 20 µs. So a batch whose keys lie close together in key order
 * (an import's sequential keys, an empty or mostly new store) reads them with one bounded range
 * read; a batch spread over a full store (content hashes) finds the range full and asks key by
 * key, as it would have anyway.
 */

/** The parts of an idb object store or index these helpers use. */
interface KeyedSource<V> {
  get(key: string): Promise<V | undefined>;
  getAll(query: IDBKeyRange, count: number): Promise<V[]>;
  getAllKeys(query: IDBKeyRange, count: number): Promise<unknown[]>;
}

function rangeOf(sorted: readonly string[]): IDBKeyRange {
  return IDBKeyRange.bound(sorted[0], sorted[sorted.length - 1]);
}

/**
 * The records of an object store under these keys, looked up with one getAllKeys over the range
 * the keys span (up to `limit` keys) and one get per key found; when the range holds `limit` keys
 * or more, one get per key. Resolves undefined for a key not in the store.
 */
export function readByPrimaryKeys<V>(source: KeyedSource<V>, keys: Iterable<string>, limit: number): (key: string) => Promise<V | undefined> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return () => Promise.resolve(undefined);
  const present = source.getAllKeys(rangeOf(sorted), limit).then((found) => (found.length < limit ? new Set(found as string[]) : undefined));
  present.catch(() => undefined); // a failure aborts the transaction: the write reports it
  const reads = new Map<string, Promise<V | undefined>>();
  return (key) => {
    let read = reads.get(key);
    if (!read) {
      read = present.then((set) => (!set || set.has(key) ? source.get(key) : undefined));
      reads.set(key, read);
    }
    return read;
  };
}

/**
 * For an index: the first record (in index order, as IDBIndex.get answers) under each of these
 * index keys, from one getAll over the range they span when it holds fewer than `limit` records,
 * else one get per key. `indexKeyOf` reads a record's index key.
 */
export function readByIndexKeys<V>(source: KeyedSource<V>, keys: Iterable<string>, limit: number, indexKeyOf: (record: V) => unknown): (key: string) => Promise<V | undefined> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return () => Promise.resolve(undefined);
  const inRange = source.getAll(rangeOf(sorted), limit).then((found) => {
    if (found.length >= limit) return undefined;
    const first = new Map<unknown, V>();
    for (const record of found) if (!first.has(indexKeyOf(record))) first.set(indexKeyOf(record), record);
    return first;
  });
  inRange.catch(() => undefined);
  const reads = new Map<string, Promise<V | undefined>>();
  return (key) => {
    let read = reads.get(key);
    if (!read) {
      read = inRange.then((first) => (first ? first.get(key) : source.get(key)));
      reads.set(key, read);
    }
    return read;
  };
}
