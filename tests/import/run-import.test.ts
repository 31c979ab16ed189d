import { describe, expect, it } from 'vitest';
import { attachImportWorker, type WorkerScope } from '../../lib/import/worker-main';
import { runImport, type WorkerLike } from '../../lib/import/run-import';
import type { ScanProgress } from '../../lib/import/scan';
import { createFakeBackground } from '../pages/fake-transport';
import { dsnBounce, ordinaryMail, toMbox } from './bounce-fixtures';

/** The real worker loop, reached through asynchronous message hops as in a browser (no cloning). */
function inProcessWorker(): WorkerLike & { terminated: boolean } {
  const scope: WorkerScope = { onmessage: null, postMessage: (message) => setTimeout(() => page.onmessage?.({ data: message })) };
  attachImportWorker(scope);
  const page: WorkerLike & { terminated: boolean } = {
    onmessage: null,
    terminated: false,
    postMessage: (message) => setTimeout(() => scope.onmessage?.({ data: message })),
    terminate: () => {
      page.terminated = true;
    },
  };
  return page;
}

const mbox = toMbox([
  dsnBounce('ann@example.com'),
  ordinaryMail('Lunch'),
  dsnBounce('bob@example.org', { date: 'Tue, 03 Mar 2026 11:00:00 +0000' }),
]);

describe('runImport', () => {
  it('records the bounces through importNotices, reports progress, and re-importing adds nothing', async () => {
    const background = createFakeBackground([]);
    const progress: ScanProgress[] = [];
    const worker = inProcessWorker();
    const first = await runImport([new File([mbox], 'Takeout.mbox')], background.transport, worker, (p) => progress.push(p)).done;
    expect(first.scan).toMatchObject({ messages: 3, bounces: 2, cancelled: false });
    expect(first.recorded).toEqual({ noticesAdded: 2, noticesSkipped: 0, eventsAdded: 2 });
    expect(progress.length).toBeGreaterThan(0);
    expect(worker.terminated).toBe(true);
    const sent = background.calls.filter((call) => call.type === 'importNotices');
    expect(sent).toHaveLength(1);

    const again = await runImport([new File([mbox], 'Takeout.mbox')], background.transport, inProcessWorker(), () => {}).done;
    expect(again.recorded).toEqual({ noticesAdded: 0, noticesSkipped: 2, eventsAdded: 0 });
  });

  it('cancels: the worker stops and says so', async () => {
    const background = createFakeBackground([]);
    const big = toMbox(Array.from({ length: 400 }, (_, i) => dsnBounce(`user${i}@example.com`, { id: `n${i}@mx.example.net` })));
    const run = runImport([new File([big], 'big.mbox')], background.transport, inProcessWorker(), () => {});
    run.cancel();
    const outcome = await run.done;
    expect(outcome.scan.cancelled).toBe(true);
    expect(outcome.scan.messages).toBeLessThan(400);
  });

  it('fails the run when the background refuses a batch', async () => {
    const background = createFakeBackground([]);
    background.failNext('importNotices', 'store is full');
    const worker = inProcessWorker();
    await expect(runImport([new File([mbox], 'a.mbox')], background.transport, worker, () => {}).done).rejects.toThrow('store is full');
    expect(worker.terminated).toBe(true);
  });
});
