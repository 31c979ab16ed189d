/**
 * The sweep driver (issue #11) over a fake source and the real queue behind a fake messenger: it
 * collects, reads in order, reports each notice, stops at the first failure with the source's
 * words, continues on Start without asking again for the failed one, and continues a running
 * sweep after a "reload" (a new driver over the same store).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { NoticeReport, NoticeResult } from '../../../lib/messaging';
import { SweepQueue } from '../../../lib/store/sweep-queue';
import { createSweepDriver, type SweepMessenger, type SweepSource } from '../../../lib/webmail/sweep/driver';
import { freshIndexedDb } from '../../store/notices';

function messengerOver(queue: SweepQueue, reports: NoticeReport[]): SweepMessenger {
  return {
    begin: (request) => queue.begin(request),
    add: (request) => queue.add(request.sweepId, request.items, new Set(), { pages: request.pages, collected: request.collected }),
    take: async (id) => {
      const status = await queue.status(id);
      return status.state === 'running' ? queue.take(id) : { item: null, capReached: false, status };
    },
    mark: (request) => queue.mark(request.sweepId, request.messageId, { state: request.state, bounce: request.state === 'read', error: request.error }),
    control: async ({ sweepId, action, reason }) => {
      if (action === 'pause') return queue.setState(sweepId, 'paused');
      if (action === 'resume') return queue.begin({ webmail: 'gmail', account: 'a', query: '' });
      if (action === 'done') return queue.setState(sweepId, 'done');
      return queue.setState(sweepId, 'stopped', reason ?? '', { cancelled: action === 'cancel' });
    },
    status: (webmail, account) => queue.latest(webmail, account),
    report: async (report) => {
      reports.push(report);
      return { noticeKey: report.messageId, duplicate: false, notice: { isBounce: true, category: 'bounce', format: 'x', subject: '', notes: [], recipients: [] }, addresses: [] } satisfies NoticeResult;
    },
  };
}

function source(ids: string[], failing: Set<string>, reads: string[]): SweepSource {
  return {
    webmail: 'gmail',
    defaultQuery: 'q',
    account: () => 'a',
    async collect(_status, add) {
      await add(ids.slice(0, 2).map((messageId) => ({ messageId })), { pages: 1 });
      await add(ids.slice(2).map((messageId) => ({ messageId })), { pages: 2 });
    },
    async read(item) {
      reads.push(item.messageId);
      if (failing.has(item.messageId)) return { error: `Stopped: Gmail answered 500 (message ${item.messageId}).` };
      return { report: { webmail: 'gmail', account: 'a', messageId: item.messageId, url: '', raw: 'From: x\n\n' } };
    },
  };
}

let queue: SweepQueue;
beforeEach(() => {
  freshIndexedDb();
  queue = new SweepQueue();
});

describe('sweep driver', () => {
  it('reads every notice in order, stops at a failure in words, and Start continues without asking for it again', async () => {
    const reports: NoticeReport[] = [];
    const reads: string[] = [];
    const driver = createSweepDriver(source(['m0', 'm1', 'm2', 'm3'], new Set(['m1']), reads), { messenger: messengerOver(queue, reports) });
    await driver.start();
    await driver.idle();
    expect(driver.status).toMatchObject({ state: 'stopped', found: 4, read: 1, failed: 1, stopReason: 'Stopped: Gmail answered 500 (message m1).' });
    await driver.start();
    await driver.idle();
    expect(driver.status).toMatchObject({ state: 'done', found: 4, read: 3, failed: 1 });
    expect(reads).toEqual(['m0', 'm1', 'm2', 'm3']);
    expect(reports.map((r) => r.messageId)).toEqual(['m0', 'm2', 'm3']);
  });

  it('a new page continues a running sweep where the store says it was (a reload)', async () => {
    const reports: NoticeReport[] = [];
    const messenger = messengerOver(queue, reports);
    const begun = await queue.begin({ webmail: 'gmail', account: 'a', query: 'q' });
    await queue.add(begun.id, [{ messageId: 'm0' }, { messageId: 'm1' }, { messageId: 'm2' }], new Set(), { pages: 2, collected: true });
    await queue.take(begun.id);
    await queue.mark(begun.id, 'm0', { state: 'read' });
    const reads: string[] = [];
    const driver = createSweepDriver(source([], new Set(), reads), { messenger });
    await driver.resumeIfRunning();
    await driver.idle();
    expect(reads).toEqual(['m1', 'm2']);
    expect(driver.status).toMatchObject({ state: 'done', read: 3 });
  });

  it('Pause stops handing out notices; Resume continues', async () => {
    const reports: NoticeReport[] = [];
    const messenger = messengerOver(queue, reports);
    const reads: string[] = [];
    const src = source(['m0', 'm1', 'm2'], new Set(), reads);
    const slow: SweepSource = { ...src, read: async (item) => { await new Promise((r) => setTimeout(r, 20)); return src.read(item); } };
    const driver = createSweepDriver(slow, { messenger });
    await driver.start();
    await new Promise((r) => setTimeout(r, 30));
    await driver.pause();
    await driver.idle();
    const readWhilePaused = reads.length;
    expect(driver.status?.state).toBe('paused');
    expect(readWhilePaused).toBeLessThan(3);
    await driver.resume();
    await driver.idle();
    expect(driver.status).toMatchObject({ state: 'done', read: 3 });
  });
});
