import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyStore, type TallyBackup } from '../../lib/store/tally';
import { DB_VERSION, type AddressRecord } from '../../lib/store/db';
import { bounce, freshIndexedDb, recipient, report } from './notices';

const NOW = new Date('2026-11-27T12:00:00Z');
const stores: TallyStore[] = [];

function newStore(name: string, now = NOW): TallyStore {
  const store = new TallyStore({ name, now: () => now });
  stores.push(store);
  return store;
}
beforeEach(() => freshIndexedDb());
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

const withoutTimes = (records: AddressRecord[]) =>
  records.map(({ updatedAt: _updatedAt, ...rest }) => rest).sort((a, b) => a.address.localeCompare(b.address));

const deviceA = [
  report('gmail:0:a1', bounce('2026-11-20T10:00:00Z', [recipient('ann@example.com', 'hard', 'userunknown')], 'n1@mx.example')),
  report('gmail:0:a2', bounce('2026-11-21T09:00:00Z', [recipient('bob@example.org', 'soft', 'mailboxfull')])),
  report('gmail:0:a3', bounce('2026-11-24T09:00:00Z', [recipient('bob@example.org', 'soft', 'mailboxfull')])),
];
// Device B saw the Message-ID twin of a1 through Outlook, bob's 24th through its own mbox, and one new bounce.
const deviceB = [
  report('outlook:me:x1', bounce('2026-11-20T10:00:00Z', [recipient('ann@example.com', 'hard', 'userunknown')], 'n1@mx.example'), 'outlook'),
  report('import::hash1', bounce('2026-11-24T09:00:20Z', [recipient('bob@example.org', 'soft', 'mailboxfull')]), 'import'),
  report('outlook:me:x3', bounce('2026-11-26T09:00:00Z', [recipient('bob@example.org', 'soft', 'mailboxfull')]), 'outlook'),
];

describe('backup and restore', () => {
  it('round-trips through JSON into an empty store', async () => {
    const source = newStore('a');
    for (const notice of deviceA) await source.recordNotice(notice);
    await source.setDecision(['bob@example.org'], 'kept');
    await source.setSettings({ preset: 'lenient', softBounceDays: 7, windowDays: 30 });
    const backup = JSON.parse(JSON.stringify(await source.exportBackup())) as TallyBackup;
    expect(backup).toMatchObject({ format: 'bounce-sweeper-backup', version: 1, schemaVersion: DB_VERSION, exportedAt: NOW.toISOString() });

    const target = newStore('b');
    expect(await target.importBackup(backup)).toEqual({ noticesAdded: 3, noticesSkipped: 0, eventsAdded: 3 });
    expect(withoutTimes(await target.allAddresses())).toEqual(withoutTimes(await source.allAddresses()));
    expect(await target.getSettings()).toEqual({ preset: 'lenient', softBounceDays: 7, windowDays: 30 });
    // The restored store still recognises the notices it came with.
    expect((await target.recordNotice(deviceA[1]!)).duplicate).toBe(true);
  });

  it('importing the same backup twice adds nothing', async () => {
    const source = newStore('a');
    for (const notice of deviceA) await source.recordNotice(notice);
    const backup = await source.exportBackup();
    const before = withoutTimes(await source.allAddresses());
    expect(await source.importBackup(backup)).toEqual({ noticesAdded: 0, noticesSkipped: 3, eventsAdded: 0 });
    expect(withoutTimes(await source.allAddresses())).toEqual(before);
  });

  it('merges a second device without counting a bounce twice', async () => {
    const a = newStore('a');
    for (const notice of deviceA) await a.recordNotice(notice);
    const b = newStore('b');
    for (const notice of deviceB) await b.recordNotice(notice);
    await a.importBackup(await b.exportBackup());

    const [ann, bob] = await a.lookup(['ann@example.com', 'bob@example.org']);
    expect(ann?.hardCount).toBe(1);
    expect(bob).toMatchObject({ softCount: 3, softDays: ['2026-11-21', '2026-11-24', '2026-11-26'] });

    // Merging the other way gives the same tallies. Only where the shared bounce was seen (its
    // webmail, link and sources) may differ: each store keeps the copy of an event it recorded first.
    await b.importBackup(await a.exportBackup());
    const counts = (records: AddressRecord[]) =>
      withoutTimes(records).map(({ last: { webmail: _w, noticeUrl: _u, ...last }, summary: { lastWebmail: _sw, lastNoticeUrl: _su, ...summary }, sources: _s, ...rest }) => ({ ...rest, last, summary }));
    expect(counts(await b.allAddresses())).toEqual(counts(await a.allAddresses()));
  });

  it('keeps the later decision when both sides decided', async () => {
    const a = newStore('a', new Date('2026-11-25T00:00:00Z'));
    for (const notice of deviceA) await a.recordNotice(notice);
    await a.setDecision(['ann@example.com'], 'kept');
    const b = newStore('b', new Date('2026-11-26T00:00:00Z'));
    await b.recordNotice(deviceB[0]!);
    await b.setDecision(['ann@example.com'], 'removed');
    const olderBackup = await a.exportBackup();

    await a.importBackup(await b.exportBackup());
    expect((await a.lookup(['ann@example.com']))[0]).toMatchObject({ decision: 'removed', decidedAt: '2026-11-26T00:00:00.000Z' });
    await b.importBackup(olderBackup);
    expect((await b.lookup(['ann@example.com']))[0]?.decision).toBe('removed');
  });

  it('does not overwrite settings already chosen here', async () => {
    const source = newStore('a');
    await source.setSettings({ preset: 'strict', softBounceDays: 2, windowDays: 30 });
    const target = newStore('b');
    await target.setSettings({ preset: 'custom', softBounceDays: 4, windowDays: 20 });
    await target.importBackup(await source.exportBackup());
    expect(await target.getSettings()).toEqual({ preset: 'custom', softBounceDays: 4, windowDays: 20 });
  });
});
