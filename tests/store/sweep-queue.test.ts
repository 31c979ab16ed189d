/**
 * The sweep queue (issue #11) on fake-indexeddb: idempotent adds, order, the daily cap counted in
 * the store across sweeps, marks that count once, continuing a stopped sweep, and Cancel.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { SweepQueue, DEFAULT_DAILY_CAP } from '../../lib/store/sweep-queue';
import { freshIndexedDb } from './notices';

let now = new Date('2026-12-04T10:00:00Z');
let queue: SweepQueue;
const items = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => ({ messageId: `m${from + i}` }));

beforeEach(() => {
  freshIndexedDb();
  now = new Date('2026-12-04T10:00:00Z');
  queue = new SweepQueue({ now: () => now });
});

describe('SweepQueue', () => {
  it('adds each notice once, in the order found, and hands them out in that order', async () => {
    const sweep = await queue.begin({ webmail: 'gmail', account: 'a@example.com', query: 'q' });
    expect(sweep).toMatchObject({ state: 'running', found: 0, dailyCap: DEFAULT_DAILY_CAP });
    await queue.add(sweep.id, items(0, 3));
    const again = await queue.add(sweep.id, [...items(1, 5), { messageId: 'm4' }], new Set(['m4']), { pages: 2 });
    expect(again).toMatchObject({ found: 5, read: 1, pages: 2 });
    expect((await queue.items(sweep.id)).map((i) => [i.messageId, i.state])).toEqual([
      ['m0', 'queued'],
      ['m1', 'queued'],
      ['m2', 'queued'],
      ['m3', 'queued'],
      ['m4', 'read'],
    ]);
    const first = await queue.take(sweep.id);
    expect(first.item?.messageId).toBe('m0');
    // Marking twice counts once.
    await queue.mark(sweep.id, 'm0', { state: 'read', bounce: true, addresses: ['x@example.com'] });
    const twice = await queue.mark(sweep.id, 'm0', { state: 'read', bounce: true, addresses: ['x@example.com'] });
    expect(twice).toMatchObject({ read: 2, bounces: 1, addresses: 1 });
    expect((await queue.take(sweep.id)).item?.messageId).toBe('m1');
  });

  it('leaves a failed notice unread and listed, and Start again continues the same sweep without it', async () => {
    const sweep = await queue.begin({ webmail: 'gmail', account: 'a', query: 'q' });
    await queue.add(sweep.id, items(0, 3));
    await queue.take(sweep.id);
    await queue.mark(sweep.id, 'm0', { state: 'failed', error: 'Gmail answered 500' });
    const stopped = await queue.setState(sweep.id, 'stopped', 'Stopped: Gmail answered 500.');
    expect(stopped).toMatchObject({ state: 'stopped', failed: 1, failedIds: ['m0'], stopReason: 'Stopped: Gmail answered 500.' });
    const continued = await queue.begin({ webmail: 'gmail', account: 'a', query: 'other' });
    expect(continued.id).toBe(sweep.id);
    expect(continued).toMatchObject({ state: 'running', stopReason: '', query: 'q' });
    expect((await queue.take(sweep.id)).item?.messageId).toBe('m1');
  });

  it('counts the daily cap in the store, over the account\'s sweeps, and refuses past it until the next day', async () => {
    const sweep = await queue.begin({ webmail: 'gmail', account: 'a', query: 'q', dailyCap: 3 });
    await queue.add(sweep.id, items(0, 6));
    for (let i = 0; i < 2; i += 1) {
      const { item } = await queue.take(sweep.id);
      await queue.mark(sweep.id, item!.messageId, { state: 'read' });
    }
    await queue.setState(sweep.id, 'done');
    // A second sweep of the same account shares today's count.
    const second = await queue.begin({ webmail: 'gmail', account: 'a', query: 'q', dailyCap: 3 });
    expect(second.id).not.toBe(sweep.id);
    await queue.add(second.id, items(10, 14));
    expect((await queue.take(second.id)).item?.messageId).toBe('m10');
    await queue.mark(second.id, 'm10', { state: 'read' });
    const refused = await queue.take(second.id);
    expect(refused).toMatchObject({ item: null, capReached: true });
    expect(refused.status.requestsToday).toBe(3);
    // Another account is not held to it; the next day the count starts again.
    const other = await queue.begin({ webmail: 'gmail', account: 'b', query: 'q', dailyCap: 3 });
    await queue.add(other.id, items(0, 1));
    expect((await queue.take(other.id)).item?.messageId).toBe('m0');
    now = new Date('2026-12-05T00:00:01Z');
    expect((await queue.take(second.id)).item?.messageId).toBe('m11');
  });

  it('Cancel ends a sweep for good: the next start is a new sweep', async () => {
    const sweep = await queue.begin({ webmail: 'gmail', account: 'a', query: 'q' });
    await queue.setState(sweep.id, 'stopped', 'Cancelled.', { cancelled: true });
    const next = await queue.begin({ webmail: 'gmail', account: 'a', query: 'q' });
    expect(next.id).not.toBe(sweep.id);
    expect((await queue.latest('gmail', 'a'))?.id).toBe(next.id);
  });

  it('survives a new connection (a reload, a restarted worker): the same queue, the same counts', async () => {
    const sweep = await queue.begin({ webmail: 'gmail', account: 'a', query: 'q' });
    await queue.add(sweep.id, items(0, 4), new Set(), { pages: 1 });
    await queue.take(sweep.id);
    await queue.mark(sweep.id, 'm0', { state: 'read', bounce: true, addresses: ['x@example.com'] });
    await queue.close();
    const reopened = new SweepQueue({ now: () => now });
    expect(await reopened.latest('gmail', 'a')).toMatchObject({ id: sweep.id, state: 'running', found: 4, read: 1, bounces: 1, pages: 1 });
    expect((await reopened.take(sweep.id)).item?.messageId).toBe('m1');
  });
});
