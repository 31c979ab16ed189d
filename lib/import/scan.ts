/**
 * The mailbox import: every message of the chosen .mbox / .eml files is classified locally and the
 * bounces are handed on in batches, with progress. Runs inside the import worker (./import.worker.ts)
 * and, being free of DOM and `browser`, in Node tests as well.
 *
 * Keys: "import:" + SHA-256 of the message text. The same file imported twice gives the same keys,
 * and the tally's Message-ID and event-id layers catch the same notice reached another way
 * (lib/store/tally.ts), so re-importing changes nothing.
 */
import { classifyNotice } from '../bounce/classify';
import type { ClassifiedNotice } from '../bounce/types';
import { importedNoticeKey } from '../notice-key';
import { readMboxMessages } from './mbox-stream';

export interface ImportedNotice {
  key: string;
  notice: ClassifiedNotice;
}

export interface ScanProgress {
  /** Files done, and the one being read. */
  fileIndex: number;
  fileCount: number;
  fileName: string;
  bytesRead: number;
  bytesTotal: number;
  messages: number;
  bounces: number;
}

export interface ScanOptions {
  /** Bounces are handed on in batches of this size (one importNotices message each). */
  batchSize?: number;
  sliceBytes?: number;
  onProgress?: (progress: ScanProgress) => void;
  onBatch: (notices: ImportedNotice[]) => void | Promise<void>;
  /** Checked between messages. */
  isCancelled?: () => boolean;
}

export interface ScanResult extends ScanProgress {
  cancelled: boolean;
}

export function isMboxFile(file: { name: string }): boolean {
  return /\.(mbox|mbx|mbs)$/i.test(file.name) || !/\.eml$/i.test(file.name);
}

/** Classifies every message of `files` (.mbox split into messages; anything named .eml is one message). */
export async function scanFiles(files: readonly File[], options: ScanOptions): Promise<ScanResult> {
  const batchSize = options.batchSize ?? 200;
  const progress: ScanProgress = {
    fileIndex: 0,
    fileCount: files.length,
    fileName: '',
    bytesRead: 0,
    bytesTotal: files.reduce((sum, file) => sum + file.size, 0),
    messages: 0,
    bounces: 0,
  };
  let batch: ImportedNotice[] = [];
  let bytesBefore = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const out = batch;
    batch = [];
    await options.onBatch(out);
  };
  const handle = async (source: string) => {
    progress.messages++;
    // Parsing resolves in microtasks only: yield a task now and then so a cancel message gets in.
    if (progress.messages % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const notice = await classifyNotice({ view: 'raw', source });
    if (!notice.isBounce || notice.recipients.length === 0) return;
    progress.bounces++;
    batch.push({ key: await importedNoticeKey(source), notice });
    if (batch.length >= batchSize) await flush();
  };

  // On cancel, what was already classified is still handed on: recording it is harmless and saves work.
  const finish = async (cancelled: boolean): Promise<ScanResult> => {
    await flush();
    return { ...progress, ...(cancelled ? {} : { fileIndex: files.length }), cancelled };
  };

  for (const [index, file] of files.entries()) {
    progress.fileIndex = index;
    progress.fileName = file.name;
    if (isMboxFile(file)) {
      for await (const chunk of readMboxMessages(file, options.sliceBytes)) {
        for (const message of chunk.messages) {
          if (options.isCancelled?.()) return finish(true);
          await handle(message);
        }
        progress.bytesRead = bytesBefore + chunk.bytesRead;
        options.onProgress?.({ ...progress });
      }
    } else {
      if (options.isCancelled?.()) return finish(true);
      await handle(await file.text());
      progress.bytesRead = bytesBefore + file.size;
      options.onProgress?.({ ...progress });
    }
    bytesBefore += file.size;
  }
  return finish(false);
}
