import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import { DB_NAME } from '../../lib/store/db';
import { TallyStore, type NoticeToRecord } from '../../lib/store/tally';
import { bounce, freshIndexedDb, recipient, report } from './notices';

const NOW = new Date('2026-11-27T12:00:00Z');
let store: TallyStore;

beforeEach(() => {
  freshIndexedDb();
  store = new TallyStore({ now: () => NOW });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await store.close();
});

/** Every record in every store, for before/after comparisons. */
async function dump() {
  const db = await openDB(DB_NAME);
  const all = {
    notices: await db.getAll('notices'),
    events: await db.getAll('events'),
    addresses: (await db.getAll('addresses')).map(({ updatedAt: _updatedAt, ...rest }) => rest),
  };
  db.close();
  return all;
}

/** A small history: hard, repeated soft, same-day soft, a sender problem, a non-bounce. */
function history(): NoticeToRecord[] {
  return [
    report('gmail:0:a1', bounce('2026-11-20T10:00:00Z', [recipient('Ann@Example.com', 'hard', 'userunknown')], 'n1@mx.example')),
    report('gmail:0:a2', bounce('2026-11-21T09:00:00Z', [recipient('bob@example.org', 'soft', 'mailboxfull'), recipient('cy@example.net', 'soft', 'blocked')])),
    report('gmail:0:a3', bounce('2026-11-21T15:30:00Z', [recipient('bob@example.org', 'soft', 'mailboxfull')])),
    report('gmail:0:a4', bounce('2026-11-24T08:00:00Z', [recipient('bob@example.org', 'soft', 'mailboxfull')], 'n4@mx.example')),
    report('gmail:0:a5', bounce('2026-11-26T08:00:00Z', [recipient('bob@example.org', 'soft', 'mailboxfull')])),
    report('gmail:0:a6', { ...bounce('2026-11-26T08:00:00Z', []), isBounce: false, category: 'auto-reply' }),
  ];
}

describe('recording', () => {
  it('keeps one record per address with counts, days and the last bounce', async () => {
    for (const notice of history()) await store.recordNotice(notice);
    const [bob] = await store.lookup(['BOB@example.org']);
    expect(bob).toMatchObject({ address: 'bob@example.org', softCount: 4, softDays: ['2026-11-21', '2026-11-24', '2026-11-26'], lastBounceAt: '2026-11-26T08:00:00.000Z' });
    const [ann] = await store.lookup(['ann@example.com']);
    expect(ann).toMatchObject({ hardCount: 1, lastHard: { reason: 'userunknown', status: '5.1.1' } });
    const [cy] = await store.lookup(['cy@example.net']);
    expect(cy).toMatchObject({ softCount: 0, senderProblemCount: 1, senderProblemReasons: ['blocked'] });
    expect((await dump()).notices).toHaveLength(6);
  });

  it('counts two notices on the same day as two events and one bounce day', async () => {
    await store.recordNotice(report('gmail:0:x1', bounce('2026-11-25T08:00:00Z', [recipient('dee@example.com', 'soft', 'mailboxfull')])));
    await store.recordNotice(report('gmail:0:x2', bounce('2026-11-25T17:45:00Z', [recipient('dee@example.com', 'soft', 'mailboxfull')])));
    const { events } = await dump();
    expect(events.filter((event) => event.address === 'dee@example.com')).toHaveLength(2);
    const [dee] = await store.lookup(['dee@example.com']);
    expect(dee?.softCount).toBe(2);
    expect(dee?.softDays).toEqual(['2026-11-25']);
  });

  it('stores no body: the subject, sender and prose stay out; the diagnostic is capped', async () => {
    const secret = 'Quarterly figures attached, do not share';
    const notice = bounce('2026-11-25T08:00:00Z', [recipient('eve@example.com', 'hard', 'userunknown', { diagnostic: `550 ${'x'.repeat(5000)}` })]);
    await store.recordNotice(report('gmail:0:b1', { ...notice, subject: secret, from: 'boss@secret.example', notes: [secret] }));
    const stored = JSON.stringify(await dump());
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain('boss@secret.example');
    const [event] = (await dump()).events;
    expect(event?.diagnostic.length).toBe(1000);
  });

  it('skips delivered recipients and implausible addresses, lower-cases the rest', async () => {
    await store.recordNotice(
      report('gmail:0:c1', bounce('2026-11-25T08:00:00Z', [
        recipient('ok@example.com', 'undetermined', 'delivered', { action: 'delivered' }),
        recipient('not an address', 'hard', 'userunknown'),
        recipient('<Fay@Example.COM>', 'hard', 'userunknown'),
      ])),
    );
    expect((await dump()).addresses.map((record) => record.address)).toEqual(['fay@example.com']);
  });

  it('dates a notice from the future by when it was recorded', async () => {
    await store.recordNotice(report('gmail:0:f1', bounce('2031-01-01T00:00:00Z', [recipient('gil@example.com', 'soft', 'mailboxfull')])));
    const [gil] = await store.lookup(['gil@example.com']);
    expect(gil?.lastBounceAt).toBe(NOW.toISOString());
  });

  it('keeps a hasmoved replacement', async () => {
    await store.recordNotice(report('gmail:0:m1', bounce('2026-11-25T08:00:00Z', [recipient('old@example.com', 'hard', 'hasmoved', { newAddress: 'New@Example.com' })])));
    const [old] = await store.lookup(['old@example.com']);
    expect(old?.suggestedReplacement).toBe('new@example.com');
  });
});

describe('idempotency', () => {
  it('replaying the same notices twice and in another order gives the same tally', async () => {
    for (const notice of history()) await store.recordNotice(notice);
    const once = await dump();
    for (const notice of history()) {
      const result = await store.recordNotice(notice);
      expect(result.duplicate).toBe(true);
    }
    expect(await dump()).toEqual(once);

    await store.close();
    freshIndexedDb();
    store = new TallyStore({ now: () => NOW });
    const shuffled = history();
    for (const index of [3, 5, 0, 4, 2, 1]) await store.recordNotice(shuffled[index]!);
    for (const index of [1, 1, 4, 0]) await store.recordNotice(shuffled[index]!);
    const reordered = await dump();
    expect(reordered.addresses).toEqual(once.addresses);
    expect(reordered.events).toEqual(once.events);
    expect(reordered.notices.map((notice) => notice.key).sort()).toEqual(once.notices.map((notice) => notice.key).sort());
  });

  it('the same notice by another route (same Message-ID, another key) changes nothing', async () => {
    const notice = bounce('2026-11-20T10:00:00Z', [recipient('ann@example.com', 'hard', 'userunknown')], '<n1@mx.example>');
    await store.recordNotice(report('gmail:0:a1', notice));
    const before = (await dump()).addresses;
    const imported = await store.recordNotice(report('import::n1@mx.example', { ...notice, messageId: 'n1@mx.example' }, 'import'));
    expect(imported.duplicate).toBe(true);
    expect(imported.events.map((event) => event.address)).toEqual(['ann@example.com']);
    const after = await dump();
    expect(after.addresses).toEqual(before);
    expect(after.events).toHaveLength(1);
    expect(after.notices.find((record) => record.key === 'import::n1@mx.example')?.sameAs).toBe('gmail:0:a1');
  });

  it('a rendered view and the raw source of one notice (no shared id, same minute) give one event', async () => {
    const rendered = bounce('2026-11-20T10:00:00Z', [recipient('ann@example.com', 'hard', 'userunknown', { status: '', replyCode: '' })]);
    const raw = bounce('2026-11-20T10:00:37Z', [recipient('ann@example.com', 'hard', 'userunknown')], 'n1@mx.example');
    await store.recordNotice(report('outlook:me:item1', rendered, 'outlook'));
    const second = await store.recordNotice(report('import::n1@mx.example', raw, 'import'));
    expect(second.duplicate).toBe(true);
    const [ann] = await store.lookup(['ann@example.com']);
    expect(ann?.hardCount).toBe(1);
  });
});

describe('atomicity', () => {
  it('a failure in the middle of a notice leaves the store as it was', async () => {
    await store.recordNotice(history()[0]!);
    const before = await dump();
    // Fail the address write, after the notice's events have been written in the same transaction.
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'addresses') throw new Error('disk full (injected)');
      return put.apply(this, args);
    });
    const notice = report('gmail:0:z1', bounce('2026-11-26T08:00:00Z', [recipient('hal@example.com', 'soft', 'mailboxfull'), recipient('ivy@example.com', 'hard', 'userunknown')]));
    await expect(store.recordNotice(notice)).rejects.toThrow('disk full (injected)');
    vi.restoreAllMocks();
    expect(await dump()).toEqual(before);
    // And the same notice records fully once the fault is gone.
    await store.recordNotice(notice);
    expect((await store.lookup(['hal@example.com', 'ivy@example.com'])).length).toBe(2);
  });
});

describe('queries, decisions, forget, clear, settings', () => {
  it('lookup is batched, normalised, and leaves unknown addresses out', async () => {
    for (const notice of history()) await store.recordNotice(notice);
    const found = await store.lookup([' <ANN@example.com> ', 'nobody@example.com', 'garbage', 'ann@example.com']);
    expect(found.map((record) => record.address)).toEqual(['ann@example.com']);
  });

  it('a decision is kept across new bounces and can be undone', async () => {
    for (const notice of history()) await store.recordNotice(notice);
    expect(await store.setDecision(['ann@example.com', 'new@example.com'], 'kept')).toBe(2);
    await store.recordNotice(report('gmail:0:later', bounce('2026-11-27T08:00:00Z', [recipient('ann@example.com', 'hard', 'userunknown')])));
    const [ann] = await store.lookup(['ann@example.com']);
    expect(ann).toMatchObject({ decision: 'kept', decidedAt: NOW.toISOString(), hardCount: 2 });
    expect(await store.setDecision(['ann@example.com'], 'none')).toBe(1);
    expect((await store.lookup(['ann@example.com']))[0]?.decision).toBe('none');
    // A decision about an address that never bounced is kept too (the user may pre-empt it).
    expect((await store.lookup(['new@example.com']))[0]).toMatchObject({ decision: 'kept', hardCount: 0 });
  });

  it('forget removes the address and its events; re-seeing an old notice does not bring it back', async () => {
    for (const notice of history()) await store.recordNotice(notice);
    expect(await store.forget(['BOB@example.org', 'nobody@example.com'])).toBe(1);
    const after = await dump();
    expect(after.addresses.map((record) => record.address)).not.toContain('bob@example.org');
    expect(after.events.some((event) => event.address === 'bob@example.org')).toBe(false);
    await store.recordNotice(history()[2]!);
    expect(await store.lookup(['bob@example.org'])).toEqual([]);
    expect(JSON.stringify(await dump())).not.toContain('bob@example.org');
  });

  it('clear empties the tally but keeps the settings', async () => {
    await store.setSettings({ preset: 'strict', softBounceDays: 2, windowDays: 30 });
    for (const notice of history()) await store.recordNotice(notice);
    await store.clear();
    expect(await dump()).toEqual({ notices: [], events: [], addresses: [] });
    expect((await store.getSettings()).preset).toBe('strict');
  });

  it('settings default to standard and are normalised when saved', async () => {
    expect(await store.getSettings()).toEqual({ preset: 'standard', softBounceDays: 3, windowDays: 30 });
    expect(await store.setSettings({ preset: 'custom', softBounceDays: 500, windowDays: 14 })).toEqual({ preset: 'custom', softBounceDays: 60, windowDays: 14 });
    expect(await store.getSettings()).toEqual({ preset: 'custom', softBounceDays: 60, windowDays: 14 });
  });
});
