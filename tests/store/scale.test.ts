/**
 * The store at scale (issue #12): paged lists and counts from the indexes, replay order that cannot
 * change a tally, the policy window moving with the calendar, a database from a newer version,
 * and a full disk during an import.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, LIST_GROUPS, type AddressRecord } from '../../lib/store/db';
import { QUOTA_MESSAGE, StoreTooNewError, TallyStore, isStoreTooNew } from '../../lib/store/tally';
import type { BounceKind, Reason } from '../../lib/bounce/types';
import { bounce, freshIndexedDb, recipient, report } from './notices';

const NOW = new Date('2026-11-27T12:00:00Z');
const stores: TallyStore[] = [];
function newStore(name?: string, now: () => Date = () => NOW): TallyStore {
  const store = new TallyStore({ name, now });
  stores.push(store);
  return store;
}
beforeEach(() => freshIndexedDb());
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  vi.restoreAllMocks();
});

/**
 * What a replay may not change: everything but when it was written and where a bounce shared by
 * two routes was first seen (its webmail, link and the sources list of the route that recorded it).
 */
function tallies(records: AddressRecord[]) {
  return records
    .map(({ updatedAt: _u, sources: _s, last: { webmail: _w, noticeUrl: _n, ...last }, summary: { lastWebmail: _sw, lastNoticeUrl: _sn, ...summary }, lastHard, ...rest }) => ({
      ...rest,
      last,
      summary,
      lastHard: lastHard ? { ...lastHard, webmail: undefined } : undefined,
    }))
    .sort((a, b) => (a.address < b.address ? -1 : 1));
}

describe('replay in any order gives the same tally', () => {
  const KINDS: Array<[BounceKind, Reason, string]> = [
    ['hard', 'userunknown', '5.1.1'],
    ['soft', 'mailboxfull', '4.2.2'],
    ['soft', 'blocked', '5.7.1'],
    ['undetermined', 'undefined', ''],
  ];
  // A notice: who, what, when; reached through one or more routes (webmails), with or without a Message-ID.
  const noticeArb = fc.record({
    address: fc.constantFrom('ann@example.com', 'bob@example.org', 'cy@example.net'),
    kind: fc.nat(KINDS.length - 1),
    minute: fc.nat(5),
    day: fc.nat(40),
    withMessageId: fc.boolean(),
    routes: fc.uniqueArray(fc.constantFrom('gmail', 'outlook', 'import'), { minLength: 1, maxLength: 3 }),
  });

  it('holds for generated notices, routes and orders (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(noticeArb, { minLength: 1, maxLength: 12 }), fc.integer(), async (notices, seed) => {
        freshIndexedDb();
        const reports = notices.flatMap((notice, index) => {
          const [kind, reason, status] = KINDS[notice.kind]!;
          const date = new Date(NOW.getTime() - notice.day * 86_400_000 - notice.minute * 60_000).toISOString();
          return notice.routes.map((route) => {
            // A webmail's rendered view has no Message-ID; the raw source and an import have it when the notice does.
            const messageId = notice.withMessageId && route !== 'outlook' ? `n${index}@mx.example` : '';
            return report(`${route}:0:n${index}`, bounce(date, [recipient(notice.address, kind, reason, { status })], messageId), route);
          });
        });
        const shuffled = [...reports].sort((a, b) => hash(a.key, seed) - hash(b.key, seed));
        const forward = newStore('forward');
        const backward = newStore('backward');
        for (const item of reports) await forward.recordNotice(item);
        for (const item of shuffled) await backward.recordNotice(item);
        expect(tallies(await backward.allAddresses())).toEqual(tallies(await forward.allAddresses()));
        expect(await backward.groupCounts()).toEqual(await forward.groupCounts());
        await Promise.all(stores.splice(0).map((store) => store.close()));
      }),
      { numRuns: 60 },
    );
  });

  it('a soft and a hard bounce of the same address in the same minute are two events', async () => {
    const store = newStore();
    await store.recordNotice(report('gmail:0:s', bounce('2026-11-20T10:00:00Z', [recipient('ann@example.com', 'soft', 'mailboxfull')])));
    await store.recordNotice(report('gmail:0:h', bounce('2026-11-20T10:00:30Z', [recipient('ann@example.com', 'hard', 'userunknown')])));
    const [ann] = await store.lookup(['ann@example.com']);
    expect(ann).toMatchObject({ hardCount: 1, softCount: 1, group: 'remove' });
  });
});

describe('a batch records as one notice at a time would', () => {
  const POOL = ['ann@example.com', 'bob@example.org', 'cy@example.net', 'dee@example.com', 'eve@example.org', 'fay@example.net', 'gus@example.com', 'hal@example.org'];
  const KINDS: Array<[BounceKind, Reason]> = [
    ['hard', 'userunknown'],
    ['soft', 'mailboxfull'],
    ['soft', 'blocked'],
  ];
  // Few keys and Message-IDs, so a batch repeats keys, meets its own route twins and notices seen before.
  const noticeArb = fc.record({
    key: fc.nat(9),
    route: fc.constantFrom('gmail', 'outlook', 'import'),
    messageId: fc.option(fc.nat(6), { nil: undefined }),
    day: fc.nat(40),
    // Up to 7 addresses: more than 5 and the notice is not counted until the user says so (./trust.ts).
    addresses: fc.uniqueArray(fc.nat(POOL.length - 1), { minLength: 0, maxLength: 7 }),
    kind: fc.nat(KINDS.length - 1),
  });
  const toReport = (notice: { key: number; route: string; messageId?: number; day: number; addresses: number[]; kind: number }) => {
    const [kind, reason] = KINDS[notice.kind]!;
    const date = new Date(NOW.getTime() - notice.day * 86_400_000).toISOString();
    const recipients = notice.addresses.map((i) => recipient(POOL[i]!, kind, reason));
    return report(`${notice.route}:0:k${notice.key}`, bounce(date, recipients, notice.messageId === undefined ? '' : `m${notice.messageId}@mx.example`), notice.route);
  };

  it('holds for generated stores and batches: the same tallies, counts, notices, events and import counts (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(noticeArb, { maxLength: 8 }),
        fc.array(noticeArb, { minLength: 1, maxLength: 16 }),
        fc.uniqueArray(fc.nat(POOL.length - 1), { maxLength: 3 }),
        async (before, batch, decided) => {
          freshIndexedDb();
          const batched = newStore('batched');
          const single = newStore('single');
          for (const store of [batched, single]) {
            for (const notice of before) await store.recordNotice(toReport(notice));
            if (decided.length) await store.setDecision(decided.map((i) => POOL[i]!), 'kept');
          }
          const reports = batch.map(toReport);
          // The batch's own path: a failed batch is recorded again one notice at a time, which would prove nothing.
          const oneByOne = vi.spyOn(batched, 'recordNotice');
          const counts = await batched.importNotices(reports);
          expect(oneByOne).not.toHaveBeenCalled();
          oneByOne.mockRestore();
          const expected = { noticesAdded: 0, noticesSkipped: 0, eventsAdded: 0 };
          for (const item of reports) {
            const result = await single.recordNotice(item);
            if (result.duplicate) expected.noticesSkipped += 1;
            else {
              expected.noticesAdded += 1;
              expected.eventsAdded += result.events.filter((event) => event.noticeKey === item.key).length;
            }
          }
          expect(counts).toEqual(expected);
          expect(await batched.allAddresses()).toEqual(await single.allAddresses());
          expect(await batched.groupCounts()).toEqual(await single.groupCounts());
          expect(await batched.unverifiedCount()).toEqual(await single.unverifiedCount());
          const [a, b] = [await batched.exportBackup(), await single.exportBackup()];
          expect(a.notices).toEqual(b.notices);
          expect(a.events).toEqual(b.events);
          await Promise.all(stores.splice(0).map((store) => store.close()));
        },
      ),
      { numRuns: 80 },
    );
  });
});

function hash(text: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995) ^ (h >>> 15);
  return h;
}

describe('paged lists and counts', () => {
  async function seeded(): Promise<TallyStore> {
    const store = newStore();
    const notices = [];
    for (let i = 0; i < 250; i++) {
      const kind = i % 5 === 0 ? 'soft' : 'hard';
      const date = new Date(NOW.getTime() - (i % 20) * 86_400_000 - i * 1000).toISOString();
      notices.push(report(`import::${i}`, bounce(date, [recipient(`c${String(i).padStart(3, '0')}@d${i % 7}.example.com`, kind, kind === 'hard' ? 'userunknown' : 'mailboxfull')]), 'import'));
    }
    expect(await store.importNotices(notices)).toMatchObject({ noticesAdded: 250, eventsAdded: 250 });
    return store;
  }

  it('answers one page at a time in each order, with counts that agree with the records', async () => {
    const store = await seeded();
    const records = await store.allAddresses();
    const counts = await store.groupCounts();
    for (const group of LIST_GROUPS) expect(counts[group]).toBe(records.filter((record) => record.group === group).length);
    expect(counts).toMatchObject({ remove: 200, watch: 50 });

    const byLast = [...records].filter((r) => r.group === 'remove').sort((a, b) => (a.lastBounceAt === b.lastBounceAt ? (a.address < b.address ? 1 : -1) : a.lastBounceAt < b.lastBounceAt ? 1 : -1));
    const first = await store.listPage({ group: 'remove', sort: 'last', offset: 0, limit: 100 });
    const second = await store.listPage({ group: 'remove', sort: 'last', offset: 100, limit: 100 });
    const third = await store.listPage({ group: 'remove', sort: 'last', offset: 200, limit: 100 });
    expect(first.total).toBe(200);
    expect([...first.rows, ...second.rows].map((row) => row.address)).toEqual(byLast.map((record) => record.address));
    expect(third.rows).toEqual([]);

    const byDomain = await store.listPage({ group: 'all', sort: 'domain', limit: 5000 });
    expect(byDomain.rows.map((row) => `${row.domain} ${row.address}`)).toEqual(records.map((r) => `${r.domain} ${r.address}`).sort());
    const byCount = await store.listPage({ group: 'watch', sort: 'count', limit: 5 });
    expect(byCount.rows.every((row) => row.verdict === 'watch')).toBe(true);
  });

  it('a search counts matches per group and pages through them', async () => {
    const store = await seeded();
    const page = await store.listPage({ group: 'remove', query: ' @D3.', sort: 'last', limit: 10 });
    const expected = (await store.allAddresses()).filter((r) => r.address.includes('@d3.'));
    expect(page.counts.all).toBe(expected.length);
    expect(page.counts.remove).toBe(expected.filter((r) => r.group === 'remove').length);
    expect(page.total).toBe(page.counts.remove);
    expect(page.rows).toHaveLength(10);
    expect(page.rows.every((row) => row.address.includes('@d3.') && row.verdict === 'remove')).toBe(true);
    const verdicts = await store.listVerdicts({ group: 'remove', query: '@d3.' });
    expect(verdicts.map((v) => v.address).slice(0, 10)).toEqual(page.rows.map((row) => row.address));
  });

  it('a decision moves an address between groups and the counts follow; forget and clear too', async () => {
    const store = await seeded();
    const [one] = (await store.listPage({ group: 'remove', limit: 1 })).rows;
    await store.setDecision([one!.address], 'removed');
    expect(await store.groupCounts()).toMatchObject({ remove: 199, done: 1 });
    await store.forget([one!.address]);
    expect(await store.groupCounts()).toMatchObject({ remove: 199, done: 0 });
    await store.clear();
    expect(Object.values(await store.groupCounts()).every((count) => count === 0)).toBe(true);
  });
});

describe('the policy window moves with the calendar', () => {
  it('re-summarises, on the first read of a later day, only the addresses whose bounces expire', async () => {
    let now = new Date('2026-11-27T12:00:00Z');
    const store = newStore(undefined, () => now);
    for (const [index, day] of ['2026-11-20', '2026-11-22', '2026-11-25'].entries()) {
      await store.recordNotice(report(`gmail:0:s${index}`, bounce(`${day}T09:00:00Z`, [recipient('soft@example.com', 'soft', 'mailboxfull')])));
    }
    await store.recordNotice(report('gmail:0:h', bounce('2026-11-20T09:00:00Z', [recipient('hard@example.com', 'hard', 'userunknown')])));
    expect((await store.lookup(['soft@example.com']))[0]).toMatchObject({ group: 'remove', resummariseOn: '2026-12-20' });
    expect((await store.lookup(['hard@example.com']))[0]?.resummariseOn).toBe('~');
    expect(await store.groupCounts()).toMatchObject({ remove: 2, watch: 0 });

    // 30 days after the first soft bounce it leaves the window: 2 of 3 days, back to Watch.
    now = new Date('2026-12-20T08:00:00Z');
    const hardBefore = (await store.allAddresses()).find((r) => r.address === 'hard@example.com')!.updatedAt;
    expect(await store.groupCounts()).toMatchObject({ remove: 1, watch: 1 });
    const [soft] = await store.lookup(['soft@example.com']);
    expect(soft).toMatchObject({ group: 'watch', resummariseOn: '2026-12-22' });
    expect(soft?.summary).toMatchObject({ verdict: 'watch', softDaysInWindow: 2 });
    // The hard bounce was not rewritten: bounded work, not a scan.
    expect((await store.allAddresses()).find((r) => r.address === 'hard@example.com')!.updatedAt).toBe(hardBefore);

    now = new Date('2027-01-30T08:00:00Z');
    expect(await store.groupCounts()).toMatchObject({ remove: 1, watch: 0, clear: 1 });
    expect((await store.listPage({ group: 'all' })).rows.map((row) => [row.address, row.verdict])).toEqual([
      ['soft@example.com', 'clear'],
      ['hard@example.com', 'remove'],
    ]);
  });

  it('a new policy re-summarises everything in the same transaction', async () => {
    const store = newStore();
    for (const [index, day] of ['2026-11-24', '2026-11-25'].entries()) {
      await store.recordNotice(report(`gmail:0:s${index}`, bounce(`${day}T09:00:00Z`, [recipient('soft@example.com', 'soft', 'mailboxfull')])));
    }
    expect(await store.groupCounts()).toMatchObject({ remove: 0, watch: 1 });
    await store.setSettings({ preset: 'strict', softBounceDays: 2, windowDays: 30 });
    expect(await store.groupCounts()).toMatchObject({ remove: 1, watch: 0 });
    expect(await store.previewRemovals([{ preset: 'standard', softBounceDays: 3, windowDays: 30 }, { preset: 'strict', softBounceDays: 2, windowDays: 30 }])).toEqual([0, 1]);
  });
});

describe('a database from a newer version', () => {
  it('says so in words, and offers its data as a backup before starting afresh', async () => {
    const seed = newStore();
    await seed.recordNotice(report('gmail:0:a', bounce('2026-11-20T09:00:00Z', [recipient('ann@example.com', 'hard', 'userunknown')], 'a@mx.example')));
    await seed.close();
    // A later build upgraded it to a version this build does not know.
    const newer = await openDB(DB_NAME, DB_VERSION + 1, { upgrade: (db) => void db.createObjectStore('fromTheFuture') });
    newer.close();

    const store = newStore();
    const failure = await store.lookup(['ann@example.com']).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreTooNewError);
    expect((failure as Error).message).toMatch(/saved by a newer version of the extension/);
    expect(isStoreTooNew(failure)).toBe(true);
    // Every call fails the same clear way, and nothing is changed on disk.
    await expect(store.recordNotice(report('gmail:0:b', bounce('2026-11-21T09:00:00Z', [recipient('bob@example.org', 'hard', 'userunknown')])))).rejects.toBeInstanceOf(StoreTooNewError);
    const backup = await store.rescueBackup();
    expect(backup.events.map((event) => event.address)).toEqual(['ann@example.com']);
    expect(backup.notices).toHaveLength(1);

    await store.reset();
    expect(await store.allAddresses()).toEqual([]);
    expect(await store.importBackup(backup)).toMatchObject({ noticesAdded: 1, eventsAdded: 1 });
    expect((await store.lookup(['ann@example.com']))[0]?.group).toBe('remove');
  });
});

describe('a full disk during an import', () => {
  it('stops after the last whole notice that fit, says why, and keeps everything before it', async () => {
    const store = newStore();
    const notices = Array.from({ length: 10 }, (_, i) =>
      report(`import::${i}`, bounce(`2026-11-2${i % 7}T09:00:0${i}Z`, [recipient(`n${i}@example.com`, 'hard', 'userunknown'), recipient(`m${i}@example.com`, 'soft', 'mailboxfull')]), 'import'),
    );
    // The disk fills up after the second notice: from the third on, the browser refuses the write.
    const add = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      const value = args[0] as { key?: string };
      if (this.name === 'notices' && (value.key ?? '') >= 'import::2') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return add.apply(this, args);
    });
    const result = await store.importNotices(notices);
    vi.restoreAllMocks();
    // The batch transaction failed whole; one notice at a time, two fit before the disk was full.
    expect(result.stopped).toBe(QUOTA_MESSAGE);
    expect(result.noticesAdded).toBe(2);
    const backup = await store.exportBackup();
    expect(backup.notices.map((notice) => notice.key)).toEqual(['import::0', 'import::1']);
    // Whole notices only: both recipients of each, nothing of the third.
    expect(backup.events.map((event) => event.address).sort()).toEqual(['m0@example.com', 'm1@example.com', 'n0@example.com', 'n1@example.com']);
    expect(await store.groupCounts()).toMatchObject({ remove: 2, watch: 2 });
    // With room again, the same import continues and adds the rest.
    expect(await store.importNotices(notices)).toMatchObject({ noticesAdded: 8, noticesSkipped: 2 });
  });
});

describe('the All view\'s filters', () => {
  it('narrows by source, kind, reason and date range, with counts that follow', async () => {
    const store = newStore();
    await store.recordNotice(report('gmail:me%40example.com:a1', bounce('2026-11-20T09:00:00Z', [recipient('ann@example.com', 'hard', 'userunknown')])));
    await store.recordNotice(report('outlook:me%40example.com:b1', bounce('2026-11-25T09:00:00Z', [recipient('bob@example.org', 'soft', 'mailboxfull')]), 'outlook'));
    await store.recordNotice(report('import::c1', bounce('2026-09-01T09:00:00Z', [recipient('cy@example.net', 'soft', 'mailboxfull')]), 'import'));
    await store.recordNotice(report('gmail:me%40example.com:d1', bounce('2026-11-26T09:00:00Z', [recipient('dee@example.com', 'soft', 'blocked', { status: '5.7.1' })])));
    const addresses = async (filter: object) => (await store.listPage({ group: 'all', filter, limit: 50 })).rows.map((row) => row.address);
    expect(await store.filterOptions()).toEqual({ sources: ['gmail:me@example.com', 'import', 'outlook:me@example.com'], reasons: ['blocked', 'mailboxfull', 'userunknown'] });
    expect(await addresses({ source: 'gmail:me@example.com' })).toEqual(['dee@example.com', 'ann@example.com']);
    expect(await addresses({ kind: 'soft' })).toEqual(['bob@example.org', 'cy@example.net']);
    expect(await addresses({ kind: 'sender' })).toEqual(['dee@example.com']);
    expect(await addresses({ reason: 'mailboxfull', from: '2026-11-01' })).toEqual(['bob@example.org']);
    expect(await addresses({ to: '2026-11-20' })).toEqual(['ann@example.com', 'cy@example.net']);
    const page = await store.listPage({ group: 'watch', filter: { source: 'import' } });
    expect(page.counts).toMatchObject({ all: 1, clear: 1, watch: 0 });
    expect(page.rows).toEqual([]);
    expect((await store.listVerdicts({ group: 'all', filter: { kind: 'soft' } })).map((entry) => entry.address)).toEqual(['bob@example.org', 'cy@example.net']);
  });
});

describe('re-importing', () => {
  it('counts notices seen before as skipped without reading their events or addresses', async () => {
    const store = newStore();
    const notices = Array.from({ length: 40 }, (_, i) =>
      report(`import::again-${i}`, bounce(new Date(NOW.getTime() - i * 3_600_000).toISOString(), [recipient(`again${i}@example.com`, 'hard', 'userunknown'), recipient(`both${i % 4}@example.org`, 'soft', 'mailboxfull')], `again-${i}@mx.example.net`), 'import'),
    );
    expect(await store.importNotices(notices)).toMatchObject({ noticesAdded: 40, noticesSkipped: 0, eventsAdded: 80 });
    const before = await store.allAddresses();
    // Every read request of the second import, by the store it reads.
    const reads: string[] = [];
    const spies = (['get', 'getAll', 'getAllKeys', 'openCursor', 'count'] as const).flatMap((method) => [
      vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
        reads.push(this.name);
        return (spyTargets.store[method] as (...a: unknown[]) => IDBRequest).apply(this, args);
      }),
      vi.spyOn(IDBIndex.prototype, method).mockImplementation(function (this: IDBIndex, ...args: unknown[]) {
        reads.push(this.objectStore.name);
        return (spyTargets.index[method] as (...a: unknown[]) => IDBRequest).apply(this, args);
      }),
    ]);
    try {
      expect(await store.importNotices(notices)).toMatchObject({ noticesAdded: 0, noticesSkipped: 40, eventsAdded: 0 });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(reads.length).toBeGreaterThan(0);
    expect(new Set(reads)).toEqual(new Set(['notices', 'settings', 'meta']));
    expect(await store.allAddresses()).toEqual(before);
  });
});

/** The unwrapped IndexedDB methods, saved before any spy replaces them. */
const spyTargets = {
  store: { get: IDBObjectStore.prototype.get, getAll: IDBObjectStore.prototype.getAll, getAllKeys: IDBObjectStore.prototype.getAllKeys, openCursor: IDBObjectStore.prototype.openCursor, count: IDBObjectStore.prototype.count },
  index: { get: IDBIndex.prototype.get, getAll: IDBIndex.prototype.getAll, getAllKeys: IDBIndex.prototype.getAllKeys, openCursor: IDBIndex.prototype.openCursor, count: IDBIndex.prototype.count },
};
