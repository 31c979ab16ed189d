/** A batch's reads (lib/store/batch-reads.ts): one range read when it fits, one get per key when the range is full, the same answers either way. */
import { beforeEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { readByIndexKeys, readByPrimaryKeys } from '../../lib/store/batch-reads';
import { freshIndexedDb } from './notices';

interface Row {
  key: string;
  tag?: string;
}

async function seeded() {
  const db = await openDB('batch-reads', 1, {
    upgrade(db) {
      db.createObjectStore('rows', { keyPath: 'key' }).createIndex('by-tag', 'tag');
    },
  });
  const rows: Row[] = [{ key: 'a1', tag: 't1' }, { key: 'a3', tag: 't2' }, { key: 'a5', tag: 't1' }, { key: 'a7' }, { key: 'b1', tag: 't3' }];
  for (const row of rows) await db.put('rows', row);
  return db;
}

beforeEach(() => freshIndexedDb());

describe('readByPrimaryKeys', () => {
  for (const limit of [100, 2]) {
    it(`finds what is there and nothing else (range limit ${limit})`, async () => {
      const db = await seeded();
      const tx = db.transaction('rows');
      const read = readByPrimaryKeys<Row>(tx.store, ['a3', 'a4', 'a5', 'a3', 'a9'], limit);
      expect(await Promise.all(['a3', 'a4', 'a5', 'a9'].map(read))).toEqual([{ key: 'a3', tag: 't2' }, undefined, { key: 'a5', tag: 't1' }, undefined]);
      await tx.done;
    });
  }
});

describe('readByIndexKeys', () => {
  for (const limit of [100, 1]) {
    it(`answers as IDBIndex.get: the first record by key of each index key (range limit ${limit})`, async () => {
      const db = await seeded();
      const tx = db.transaction('rows');
      const index = tx.store.index('by-tag');
      const read = readByIndexKeys<Row>(index, ['t1', 't2', 't0', 't4'], limit, (row) => row.tag);
      const answers = await Promise.all(['t1', 't2', 't0', 't4'].map(read));
      expect(answers).toEqual(await Promise.all(['t1', 't2', 't0', 't4'].map((tag) => index.get(tag))));
      expect(answers[0]).toEqual({ key: 'a1', tag: 't1' });
      await tx.done;
    });
  }
  it('asks nothing for no keys', async () => {
    const db = await seeded();
    const read = readByIndexKeys<Row>(db.transaction('rows').store.index('by-tag'), [], 10, (row) => row.tag);
    expect(await read('t1')).toBeUndefined();
  });
});
