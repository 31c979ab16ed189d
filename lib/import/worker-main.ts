/**
 * The import worker's message loop, separate from the worker entry so tests can drive it through
 * a plain object. It waits for the page to confirm each batch (recorded by the background) before
 * going on, so a huge mailbox never queues more than one batch, and cancel takes effect at the
 * next message.
 */
import type { FromWorker, ToWorker } from './protocol';
import { scanFiles } from './scan';

export interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
}

export function attachImportWorker(scope: WorkerScope): void {
  let cancelled = false;
  let confirmBatch: (() => void) | null = null;
  scope.onmessage = (event) => {
    const message = event.data;
    if (message.type === 'cancel') {
      cancelled = true;
      confirmBatch?.();
    } else if (message.type === 'batch-recorded') {
      confirmBatch?.();
    } else if (message.type === 'start') {
      cancelled = false;
      scanFiles(message.files, {
        isCancelled: () => cancelled,
        onProgress: (progress) => scope.postMessage({ type: 'progress', progress }),
        onBatch: (notices) =>
          new Promise<void>((resolve) => {
            confirmBatch = () => {
              confirmBatch = null;
              resolve();
            };
            scope.postMessage({ type: 'batch', notices });
          }),
      })
        .then((result) => scope.postMessage({ type: 'done', result: { ...result, cancelled: result.cancelled || cancelled } }))
        .catch((error: unknown) => scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
    }
  };
}
