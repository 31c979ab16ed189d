/**
 * The mailbox import: every message of the chosen .mbox / .eml files is classified locally and the
 * bounces are handed on in batches, with progress. Runs inside the import worker (./import.worker.ts)
 * and, being free of DOM and `browser`, in Node tests as well.
 *
 * Messages are read as bytes and handed to the classifier undecoded, so each is decoded by its own
 * charset (lib/bounce/message.ts); an 8-bit ISO-8859-1 mailbox read as UTF-8 first came out garbled.
 *
 * Keys: "import:" + SHA-256 of the message's bytes. For a UTF-8 or ASCII file that is the SHA-256 of
 * its text, the key imports had before they read bytes. The same file imported twice gives the same
 * keys, and the tally's Message-ID and event-id layers catch the same notice reached another way
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
  /**
   * Progress is also reported inside a slice of an .mbox, at most this often (default 250 ms): a
   * slice is 4 MB, a few thousand messages, so its end alone left the counts still for seconds.
   */
  progressEveryMs?: number;
  /** The clock for progressEveryMs (tests). */
  now?: () => number;
  onBatch: (notices: ImportedNotice[]) => void | Promise<void>;
  /** Checked between messages. */
  isCancelled?: () => boolean;
}

/** A chosen file that was not read, and why, in words for the user. */
export interface SkippedFile {
  name: string;
  reason: string;
}

export interface ScanResult extends ScanProgress {
  cancelled: boolean;
  /** Files that are not mailbox files (a package.json, a photo): nothing was read from them. */
  skipped: SkippedFile[];
}

/** How many bytes of a file are looked at to tell what it is. */
const SNIFF_BYTES = 4096;

/**
 * What a file holds, from its first bytes rather than its name (a Takeout export may be renamed, a
 * .eml saved with .txt): an mbox starts with a "From " separator line (RFC 4155); a single message
 * starts with a header field (RFC 5322 §2.2: a name of printable characters but ':', then ':') and
 * its header block names at least one field every message has. Anything else is not mail.
 */
export function sniffMailFile(head: string): 'mbox' | 'message' | null {
  // A BOM (as text, or as latin1-decoded UTF-8 bytes) and blank lines before the first line are
  // tolerated: some tools write them.
  const text = head.replace(/^(?:\uFEFF|\u00EF\u00BB\u00BF)/, '').replace(/^(?:[ \t]*\r?\n)+/, '');
  if (text.startsWith('From ')) return 'mbox';
  const headerBlock = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const firstLine = headerBlock.split(/\r?\n/, 1)[0] ?? '';
  if (!/^[!-9;-~]+:/.test(firstLine)) return null;
  return /^(?:from|date|received|return-path|message-id|subject|mime-version|delivered-to):/im.test(headerBlock) ? 'message' : null;
}

async function sniffFile(file: Blob): Promise<'mbox' | 'message' | null> {
  // latin1 maps every byte to one character: the markers are ASCII, whatever the file's charset.
  const head = new TextDecoder('latin1').decode(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  return sniffMailFile(head);
}

/** A UTF-8 byte order mark at the start is no part of the message (File.text() dropped it too). */
function withoutBom(b: Uint8Array): Uint8Array {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b;
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
  const skipped: SkippedFile[] = [];
  let batch: ImportedNotice[] = [];
  let bytesBefore = 0;
  const now = options.now ?? (() => performance.now());
  const progressEveryMs = options.progressEveryMs ?? 250;
  let reportedAt = now();
  const report = () => {
    reportedAt = now();
    options.onProgress?.({ ...progress });
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const out = batch;
    batch = [];
    await options.onBatch(out);
  };
  const handle = async (source: Uint8Array) => {
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
    return { ...progress, ...(cancelled ? {} : { fileIndex: files.length }), cancelled, skipped };
  };

  for (const [index, file] of files.entries()) {
    progress.fileIndex = index;
    progress.fileName = file.name;
    const kind = file.size === 0 ? null : await sniffFile(file);
    if (kind === null) {
      skipped.push({ name: file.name, reason: file.size === 0 ? 'the file is empty' : 'not a mailbox file (.mbox) or a saved message (.eml)' });
      progress.bytesRead = bytesBefore + file.size;
      report();
    } else if (kind === 'mbox') {
      for await (const chunk of readMboxMessages(file, options.sliceBytes)) {
        // Inside the slice, the bytes are those of the messages done, never past the slice's end
        // (a message begun in the slice before is counted twice otherwise), so the bar never goes back.
        const sliceStart = progress.bytesRead;
        let done = 0;
        for (const message of chunk.messages) {
          if (options.isCancelled?.()) return finish(true);
          await handle(message);
          done += message.length;
          if (options.onProgress && now() - reportedAt >= progressEveryMs) {
            progress.bytesRead = Math.min(bytesBefore + chunk.bytesRead, sliceStart + done);
            report();
          }
        }
        progress.bytesRead = bytesBefore + chunk.bytesRead;
        report();
      }
    } else {
      if (options.isCancelled?.()) return finish(true);
      await handle(withoutBom(new Uint8Array(await file.arrayBuffer())));
      progress.bytesRead = bytesBefore + file.size;
      report();
    }
    bytesBefore += file.size;
  }
  return finish(false);
}
