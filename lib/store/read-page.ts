/**
 * One page of an index, in either direction (issue #12). A cursor costs one round trip to the
 * browser's IndexedDB per row: 100 rows took 115–220 ms of the popup's first answer on a loaded
 * machine with 10,000 addresses, the worker idle nearly all of it (scripts/bench/popup.ts). Where
 * getAll takes a direction (IndexedDB 3.0's options dictionary, with getAllRecords: Chromium 141+)
 * a page is one request, or two after an offset (a key cursor jumps to the offset, then the page
 * is read from that key on). Elsewhere (Firefox, fake-indexeddb) the cursor, as before.
 *
 * The offset form needs index keys that are unique (every list index ends with the address).
 */
import type { IDBPIndex } from 'idb';

type Direction = 'next' | 'prev';

// biome-ignore lint/suspicious/noExplicitAny: any idb index of any schema; the rows' type is the caller's.
type AnyIndex = IDBPIndex<any, any, any, any, any>;

/** Does this IndexedDB's getAll take { query, count, direction }? It shipped with getAllRecords. */
export function hasDirectedGetAll(): boolean {
  return typeof IDBIndex !== 'undefined' && 'getAllRecords' in IDBIndex.prototype;
}

/** The part of `range` on the far side of `key` (inclusive) when walking in `direction`. */
function from(range: IDBKeyRange | null, key: IDBValidKey, direction: Direction): IDBKeyRange {
  if (direction === 'next') return range ? IDBKeyRange.bound(key, range.upper, false, range.upperOpen) : IDBKeyRange.lowerBound(key);
  return range ? IDBKeyRange.bound(range.lower, key, range.lowerOpen, false) : IDBKeyRange.upperBound(key);
}

export async function readPage<V>(index: AnyIndex, range: IDBKeyRange | null, direction: Direction, offset: number, limit: number, directed = hasDirectedGetAll()): Promise<V[]> {
  if (limit <= 0) return [];
  if (!directed) {
    const rows: V[] = [];
    let cursor = await index.openCursor(range, direction);
    if (cursor && offset > 0) cursor = await cursor.advance(offset);
    while (cursor && rows.length < limit) {
      rows.push(cursor.value as V);
      cursor = await cursor.continue();
    }
    return rows;
  }
  let query = range;
  if (offset > 0) {
    let cursor = await index.openKeyCursor(range, direction);
    if (cursor) cursor = await cursor.advance(offset);
    if (!cursor) return [];
    query = from(range, cursor.key as IDBValidKey, direction);
  }
  // The options dictionary is newer than idb's types.
  return (await (index.getAll as unknown as (options: { query: IDBKeyRange | null; count: number; direction: Direction }) => Promise<V[]>)({ query, count: limit, direction })) as V[];
}
