/** One page of an index (lib/store/read-page.ts): the directed getAll path gives the cursor's pages, at every offset, both ways. */
import { beforeEach, describe, expect, it } from 'vitest';
import { openDB, type IDBPIndex } from 'idb';
import { readPage } from '../../lib/store/read-page';
import { freshIndexedDb } from './notices';

interface Row {
  id: string;
  group: string;
  at: string;
}

beforeEach(() => freshIndexedDb());

/** fake-indexeddb's getAll takes no direction: the options form, walked with a cursor, as Chromium's answers. */
// biome-ignore lint/suspicious/noExplicitAny: a stand-in for any idb index.
function withDirectedGetAll(index: IDBPIndex<any, any, any, any, any>) {
  return new Proxy(index, {
    get(target, name) {
      if (name !== 'getAll') return Reflect.get(target, name).bind(target);
      return async (options: { query: IDBKeyRange | null; count: number; direction: 'next' | 'prev' }) => {
        const rows: unknown[] = [];
        for (let cursor = await target.openCursor(options.query, options.direction); cursor && rows.length < options.count; cursor = await cursor.continue()) rows.push(cursor.value);
        return rows;
      };
    },
  });
}

describe('readPage', () => {
  it('reads the same pages with a directed getAll as with a cursor', async () => {
    const db = await openDB('pages', 1, {
      upgrade(db) {
        db.createObjectStore('rows', { keyPath: 'id' }).createIndex('by-group-at', ['group', 'at', 'id']);
      },
    });
    for (let i = 0; i < 37; i++) await db.put('rows', { id: `r${String(i).padStart(2, '0')}`, group: i % 3 ? 'a' : 'b', at: `2026-11-${String(1 + (i % 9)).padStart(2, '0')}` });
    const tx = db.transaction('rows');
    const index = tx.store.index('by-group-at');
    const directed = withDirectedGetAll(index);
    for (const range of [null, IDBKeyRange.bound(['a'], ['a', []])]) {
      for (const direction of ['next', 'prev'] as const) {
        for (const [offset, limit] of [[0, 10], [7, 10], [20, 100], [24, 1], [25, 5], [40, 5], [0, 0]] as const) {
          const cursor = await readPage<Row>(index, range, direction, offset, limit, false);
          expect(await readPage<Row>(directed, range, direction, offset, limit, true)).toEqual(cursor);
        }
      }
    }
    const all = await readPage<Row>(index, null, 'prev', 0, 100, false);
    expect(all).toHaveLength(37);
    await tx.done;
  });
});
