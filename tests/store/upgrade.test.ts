import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, openTallyDb } from '../../lib/store/db';
import { TallyStore } from '../../lib/store/tally';
import { foldEvents, type TallyEvent } from '../../lib/policy';
import { bounce, freshIndexedDb, recipient, report } from './notices';

const NOW = new Date('2026-11-27T12:00:00Z');

/** Records as version 1 wrote them: rfcMessageId '' or with <>, events without `day`. */
const V1_EVENTS: TallyEvent[] = [
  {
    id: 'ann@example.com|2026-11-20T10:00', address: 'ann@example.com', kind: 'hard', reason: 'userunknown', status: '5.1.1', replyCode: '550',
    diagnostic: '550 5.1.1 user unknown', remoteMta: 'mx.example.com', webmail: 'gmail', seenAt: '2026-11-20T10:00:00.000Z', noticeUrl: '',
  },
  {
    id: 'bob@example.org|2026-11-21T23:59', address: 'bob@example.org', kind: 'soft', reason: 'mailboxfull', status: '4.2.2', replyCode: '452',
    diagnostic: '452 mailbox full', remoteMta: 'mx.example.org', webmail: 'outlook', seenAt: '2026-11-21T23:59:30.000Z', noticeUrl: '',
  },
];
const V1_NOTICES = [
  { key: 'gmail:0:a1', webmail: 'gmail', account: '0', webmailMessageId: 'a1', rfcMessageId: '<n1@mx.example>', category: 'bounce', format: 'rfc3464',
    seenAt: '2026-11-20T10:00:00.000Z', recordedAt: '2026-11-20T11:00:00.000Z', eventIds: [V1_EVENTS[0]!.id] },
  { key: 'outlook:me:b2', webmail: 'outlook', account: 'me', webmailMessageId: 'b2', rfcMessageId: '', category: 'bounce', format: 'exchange',
    seenAt: '2026-11-21T23:59:30.000Z', recordedAt: '2026-11-22T08:00:00.000Z', eventIds: [V1_EVENTS[1]!.id] },
];

beforeEach(() => freshIndexedDb());

describe('upgrade from version 1', () => {
  let store: TallyStore | undefined;
  afterEach(async () => store?.close());

  it('the current version is 4', () => {
    expect(DB_VERSION).toBe(4);
  });

  it('opens a store written by version 1 and loses nothing', async () => {
    const v1 = await openTallyDb({ version: 1 });
    expect(v1.version).toBe(1);
    expect([...v1.objectStoreNames].sort()).toEqual(['addresses', 'events', 'notices', 'settings']);
    const raw = v1 as unknown as Awaited<ReturnType<typeof openDB>>;
    for (const notice of V1_NOTICES) await raw.put('notices', notice);
    for (const event of V1_EVENTS) await raw.put('events', event);
    const annDecision = { decision: 'kept' as const, decidedAt: '2026-11-25T00:00:00.000Z' };
    await raw.put('addresses', { ...foldEvents('ann@example.com', [V1_EVENTS[0]!], annDecision), updatedAt: '2026-11-25T00:00:00.000Z' });
    await raw.put('addresses', { ...foldEvents('bob@example.org', [V1_EVENTS[1]!]), updatedAt: '2026-11-22T08:00:00.000Z' });
    await raw.put('settings', { preset: 'strict', softBounceDays: 2, windowDays: 30 }, 'policy');
    v1.close();

    store = new TallyStore({ now: () => NOW });
    expect(await store.getSettings()).toEqual({ preset: 'strict', softBounceDays: 2, windowDays: 30 });
    const [ann, bob] = await store.lookup(['ann@example.com', 'bob@example.org']);
    expect(ann).toMatchObject({ hardCount: 1, decision: 'kept', decidedAt: '2026-11-25T00:00:00.000Z' });
    expect(bob).toMatchObject({ softCount: 1, softDays: ['2026-11-21'] });

    const db = await openDB(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    const notices = await db.getAll('notices');
    expect(notices).toHaveLength(2);
    expect(notices.find((notice) => notice.key === 'gmail:0:a1').rfcMessageId).toBe('n1@mx.example');
    expect('rfcMessageId' in notices.find((notice) => notice.key === 'outlook:me:b2')).toBe(false);
    expect(await db.getAllFromIndex('notices', 'by-rfc-message-id')).toHaveLength(1);
    const events = await db.getAll('events');
    expect(events.map((event) => [event.id, event.day])).toEqual([
      // v4 re-keys events by notice and recipient, and points the notices at the new ids.
      ['mid:n1@mx.example|ann@example.com', '2026-11-20'],
      ['outlook:me:b2|bob@example.org', '2026-11-21'],
    ]);
    expect(notices.find((notice) => notice.key === 'outlook:me:b2').eventIds).toEqual(['outlook:me:b2|bob@example.org']);
    db.close();

    // The new index works on upgraded data: the same notice imported from an mbox is a duplicate.
    const again = await store.recordNotice(
      report('import::n1@mx.example', bounce('2026-11-20T10:00:05Z', [recipient('ann@example.com', 'hard', 'userunknown')], 'n1@mx.example'), 'import'),
    );
    expect(again.duplicate).toBe(true);
    expect((await store.lookup(['ann@example.com']))[0]?.hardCount).toBe(1);
    // And new bounces fold together with the upgraded ones.
    await store.recordNotice(report('gmail:0:c3', bounce('2026-11-26T10:00:00Z', [recipient('bob@example.org', 'soft', 'mailboxfull')])));
    expect((await store.lookup(['bob@example.org']))[0]).toMatchObject({ softCount: 2, softDays: ['2026-11-21', '2026-11-26'] });
  });

  it('opens an empty version-1 store', async () => {
    (await openTallyDb({ version: 1 })).close();
    store = new TallyStore({ now: () => NOW });
    expect(await store.allAddresses()).toEqual([]);
  });
});

describe('upgrade from version 2', () => {
  let store: TallyStore | undefined;
  afterEach(async () => store?.close());

  it('adds the selector-report store and keeps every record written by version 2', async () => {
    // Version 2 data, written through the store's own code as version 2 had it (v1 + v2 steps).
    const v2 = await openTallyDb({ version: 2 });
    expect([...v2.objectStoreNames].sort()).toEqual(['addresses', 'events', 'notices', 'settings']);
    v2.close();
    // What version 2 of the store wrote: a recorded notice and a decision, at schema 2.
    const raw = await openDB(DB_NAME, 2);
    const event = { ...V1_EVENTS[0]!, day: '2026-11-20', noticeKey: 'gmail:0:a1' };
    await raw.put('events', event);
    await raw.put('notices', { ...V1_NOTICES[0]!, rfcMessageId: 'n1@mx.example' });
    await raw.put('addresses', { ...foldEvents('ann@example.com', [event], { decision: 'removed', decidedAt: '2026-11-26T00:00:00.000Z' }), updatedAt: '2026-11-26T00:00:00.000Z' });
    await raw.put('settings', { preset: 'lenient', softBounceDays: 7, windowDays: 30 }, 'policy');
    raw.close();

    store = new TallyStore({ now: () => NOW });
    expect(await store.getSettings()).toEqual({ preset: 'lenient', softBounceDays: 7, windowDays: 30 });
    expect((await store.lookup(['ann@example.com']))[0]).toMatchObject({ hardCount: 1, decision: 'removed' });
    expect(await store.selectorHealth()).toEqual([]);
    await store.putSelectorHealth({ webmail: 'gmail', reportedAt: NOW.toISOString(), names: [] });
    expect(await store.selectorHealth()).toHaveLength(1);
    const again = await store.recordNotice(
      report('import::n1@mx.example', bounce('2026-11-20T10:00:05Z', [recipient('ann@example.com', 'hard', 'userunknown')], 'n1@mx.example'), 'import'),
    );
    expect(again.duplicate).toBe(true);

    const db = await openDB(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['addresses', 'events', 'meta', 'notices', 'selectorHealth', 'settings', 'sweepItems', 'sweeps']);
    db.close();
  });
});

describe('upgrade from version 3', () => {
  let store: TallyStore | undefined;
  afterEach(async () => store?.close());

  it('summarises, indexes and counts every address, and re-keys events by notice and recipient', async () => {
    (await openTallyDb({ version: 3 })).close();
    // What version 3 wrote: events keyed address|minute, a decision, a soft bounce that expired.
    const raw = await openDB(DB_NAME, 3);
    const events = [
      { ...V1_EVENTS[0]!, day: '2026-11-20', noticeKey: 'gmail:0:a1' },
      { ...V1_EVENTS[1]!, day: '2026-11-21', noticeKey: 'outlook:me:b2' },
      {
        id: 'cy@example.net|2026-09-01T08:00', address: 'cy@example.net', kind: 'soft' as const, reason: 'mailboxfull' as const, status: '4.2.2', replyCode: '452',
        diagnostic: '452 full', remoteMta: '', webmail: 'import', seenAt: '2026-09-01T08:00:00.000Z', noticeUrl: '', day: '2026-09-01', noticeKey: 'import::old1',
      },
    ];
    for (const event of events) await raw.put('events', event);
    await raw.put('notices', { ...V1_NOTICES[0]!, rfcMessageId: 'n1@mx.example' });
    await raw.put('notices', { ...V1_NOTICES[1]!, rfcMessageId: undefined });
    await raw.put('notices', { key: 'import::old1', webmail: 'import', account: '', webmailMessageId: '', category: 'bounce', format: 'rfc3464', seenAt: events[2]!.seenAt, recordedAt: events[2]!.seenAt, eventIds: [events[2]!.id] });
    await raw.put('addresses', { ...foldEvents('ann@example.com', [events[0]!], { decision: 'kept', decidedAt: '2026-11-26T00:00:00.000Z' }), updatedAt: '2026-11-26T00:00:00.000Z' });
    await raw.put('addresses', { ...foldEvents('bob@example.org', [events[1]!]), updatedAt: '2026-11-22T00:00:00.000Z' });
    await raw.put('addresses', { ...foldEvents('cy@example.net', [events[2]!]), updatedAt: '2026-09-01T00:00:00.000Z' });
    await raw.put('selectorHealth', { webmail: 'gmail', reportedAt: NOW.toISOString(), names: [] });
    raw.close();

    store = new TallyStore({ now: () => NOW });
    expect(await store.groupCounts()).toEqual({ remove: 0, watch: 1, sender: 0, done: 0, kept: 1, clear: 1 });
    const all = await store.listPage({ group: 'all', sort: 'last' });
    expect(all.rows.map((row) => [row.address, row.verdict])).toEqual([
      ['bob@example.org', 'watch'],
      ['ann@example.com', 'kept'],
      ['cy@example.net', 'clear'],
    ]);
    expect(all.counts.all).toBe(3);
    expect((await store.listPage({ group: 'kept' })).rows.map((row) => row.address)).toEqual(['ann@example.com']);
    expect(await store.selectorHealth()).toHaveLength(1);
    const backup = await store.exportBackup();
    expect(backup.events.map((event) => event.id).sort()).toEqual(['import::old1|cy@example.net', 'mid:n1@mx.example|ann@example.com', 'outlook:me:b2|bob@example.org']);
    // The upgraded notices are still recognised.
    expect((await store.recordNotice(report('import::n1@mx.example', bounce('2026-11-20T10:00:05Z', [recipient('ann@example.com', 'hard', 'userunknown')], 'n1@mx.example'), 'import'))).duplicate).toBe(true);
  });
});
