/**
 * Proof of life in the store (issue #13): a message from an address on record, after its bounces,
 * keeps soft bounces alone from moving it to Remove; no other sender is ever stored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyStore } from '../../lib/store/tally';
import { bounce, freshIndexedDb, recipient, report } from './notices';

const NOW = new Date('2026-11-27T12:00:00Z');
let store: TallyStore;

/** bob: mailbox full on three days → Remove (repeated soft); ann: one hard bounce → Remove. */
async function seed(): Promise<void> {
  for (const [key, date] of [
    ['gmail:0:b1', '2026-11-10T09:00:00Z'],
    ['gmail:0:b2', '2026-11-15T09:00:00Z'],
    ['gmail:0:b3', '2026-11-20T09:00:00Z'],
  ] as const) {
    await store.recordNotice(report(key, bounce(date, [recipient('Bob@Example.org', 'soft', 'mailboxfull')])));
  }
  await store.recordNotice(report('gmail:0:a1', bounce('2026-11-12T09:00:00Z', [recipient('ann@example.com', 'hard', 'userunknown')])));
}

beforeEach(async () => {
  freshIndexedDb();
  store = new TallyStore({ now: () => NOW });
  await seed();
});
afterEach(async () => {
  await store.close();
});

describe('noteLifeSigns', () => {
  it('moves a repeated-soft address from Remove to Watch, with the date, and keeps the counters exact', async () => {
    expect(await store.groupCounts()).toMatchObject({ remove: 2, watch: 0 });
    expect(await store.noteLifeSigns([{ address: 'bob@example.org', at: '2026-11-22T16:40:00Z' }])).toBe(1);
    const [bob] = await store.lookup(['bob@example.org']);
    expect(bob).toMatchObject({ group: 'watch', wroteAt: '2026-11-22T16:40:00.000Z', summary: { verdict: 'watch', wroteAt: '2026-11-22T16:40:00.000Z' } });
    expect(await store.groupCounts()).toMatchObject({ remove: 1, watch: 1 });
    expect((await store.listPage({ group: 'watch', offset: 0, limit: 10 })).rows.map((row) => row.address)).toEqual(['bob@example.org']);
  });

  it('stores nothing for a sender not on record, and ignores dates far in the future', async () => {
    const before = await store.allAddresses();
    expect(await store.noteLifeSigns([{ address: 'stranger@example.net', at: '2026-11-26T08:00:00Z' }, { address: 'bob@example.org', at: '2026-12-25T08:00:00Z' }])).toBe(0);
    expect(await store.allAddresses()).toEqual(before);
    expect(await store.lookup(['stranger@example.net'])).toEqual([]);
  });

  it('keeps the latest date only: an older or equal one changes nothing', async () => {
    await store.noteLifeSigns([{ address: 'bob@example.org', at: '2026-11-22T16:40:00Z' }]);
    expect(await store.noteLifeSigns([{ address: 'bob@example.org', at: '2026-11-21T08:00:00Z' }, { address: 'bob@example.org', at: '2026-11-22T16:40:00Z' }])).toBe(0);
    expect((await store.lookup(['bob@example.org']))[0]!.wroteAt).toBe('2026-11-22T16:40:00.000Z');
  });

  it('a hard bounce stays on Remove, marked', async () => {
    await store.noteLifeSigns([{ address: 'ann@example.com', at: '2026-11-25T08:00:00Z' }]);
    const [ann] = await store.lookup(['ann@example.com']);
    expect(ann).toMatchObject({ group: 'remove', wroteAt: '2026-11-25T08:00:00.000Z' });
    expect(ann!.summary.evidence).toContainEqual({ fact: 'wrote-to-you', at: '2026-11-25T08:00:00.000Z', setAside: 0 });
  });

  it('survives new bounces, and soft bounces after the message count again', async () => {
    await store.noteLifeSigns([{ address: 'bob@example.org', at: '2026-11-20T18:00:00Z' }]);
    await store.recordNotice(report('gmail:0:b4', bounce('2026-11-23T09:00:00Z', [recipient('bob@example.org', 'soft', 'mailboxfull')])));
    await store.recordNotice(report('gmail:0:b5', bounce('2026-11-24T09:00:00Z', [recipient('bob@example.org', 'soft', 'mailboxfull')])));
    let [bob] = await store.lookup(['bob@example.org']);
    expect(bob).toMatchObject({ group: 'watch', wroteAt: '2026-11-20T18:00:00.000Z', summary: { softDaysInWindow: 2 } });
    // Not after the last bounce any more: no "wrote to you" mark.
    expect(bob!.summary.evidence.some((fact) => fact.fact === 'wrote-to-you')).toBe(false);
    await store.recordNotice(report('gmail:0:b6', bounce('2026-11-26T09:00:00Z', [recipient('bob@example.org', 'soft', 'mailboxfull')])));
    [bob] = await store.lookup(['bob@example.org']);
    expect(bob).toMatchObject({ group: 'remove', summary: { verdict: 'remove-repeated-soft', softDaysInWindow: 3 } });
  });

  it('travels in a backup and comes back on import into an empty store', async () => {
    await store.noteLifeSigns([{ address: 'bob@example.org', at: '2026-11-22T16:40:00Z' }]);
    await store.setDecision(['ann@example.com'], 'kept');
    const backup = await store.exportBackup();
    expect(backup.decisions).toContainEqual({ address: 'bob@example.org', decision: 'none', decidedAt: '', wroteAt: '2026-11-22T16:40:00.000Z' });
    await store.clear();
    expect(await store.lookup(['bob@example.org'])).toEqual([]);
    await store.importBackup(JSON.parse(JSON.stringify(backup)));
    expect((await store.lookup(['bob@example.org']))[0]).toMatchObject({ group: 'watch', wroteAt: '2026-11-22T16:40:00.000Z' });
    expect((await store.lookup(['ann@example.com']))[0]).toMatchObject({ group: 'kept' });
  });
});
