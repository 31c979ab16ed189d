/**
 * The page side of a mailbox import: starts the worker, records each batch through the background
 * (`importNotices`, the same idempotent recording as everything else), reports progress, cancels.
 */
import type { ImportResult } from '../messaging';
import type { Transport } from '../pages/transport';
import type { FromWorker, ToWorker } from './protocol';
import type { ScanProgress, ScanResult } from './scan';

export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  terminate(): void;
}

export interface ImportOutcome {
  scan: ScanResult;
  recorded: ImportResult;
}

export interface ImportRun {
  cancel(): void;
  done: Promise<ImportOutcome>;
}

export function runImport(
  files: File[],
  transport: Transport,
  worker: WorkerLike,
  onProgress: (progress: ScanProgress, recorded: ImportResult) => void,
): ImportRun {
  const recorded: ImportResult = { noticesAdded: 0, noticesSkipped: 0, eventsAdded: 0 };
  let recording: Promise<void> = Promise.resolve();
  const done = new Promise<ImportOutcome>((resolve, reject) => {
    const fail = (error: unknown) => {
      worker.terminate();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    worker.onmessage = ({ data }) => {
      switch (data.type) {
        case 'progress':
          onProgress(data.progress, { ...recorded });
          break;
        case 'batch':
          // Batches are recorded in order, and a cancel lets the worker finish before the batch in
          // flight is recorded: 'done' waits for every one of them (else the counts, and the page's
          // "Cancelled" line, would come before the last notices are in the store).
          recording = recording.then(() =>
            transport('importNotices', { notices: data.notices }).then((result) => {
              recorded.noticesAdded += result.noticesAdded;
              recorded.noticesSkipped += result.noticesSkipped;
              recorded.eventsAdded += result.eventsAdded;
              // The disk is full: stop here, in the store's words (every whole notice so far is kept).
              if (result.stopped) throw new Error(result.stopped);
              worker.postMessage({ type: 'batch-recorded' });
            }),
          );
          recording.catch(fail);
          break;
        case 'done':
          void recording.then(() => {
            worker.terminate();
            resolve({ scan: data.result, recorded: { ...recorded } });
          }, fail);
          break;
        case 'error':
          fail(new Error(data.message));
          break;
      }
    };
  });
  worker.postMessage({ type: 'start', files });
  return { cancel: () => worker.postMessage({ type: 'cancel' }), done };
}
