/**
 * Reads an .mbox file a slice at a time and hands out whole messages, as bytes, so a Google Takeout
 * export of several gigabytes never sits in memory at once and each message reaches the classifier
 * undecoded (its own Content-Type charset decides how it reads: an ISO-8859-1 or windows-1252
 * mailbox is not UTF-8). Splitting itself is `splitMboxBytes` (lib/mbox.ts, RFC 4155); this only
 * finds safe cut points: a message starts at a "From " line after a line end.
 */
import { isFromLine, splitMboxBytes } from '../mbox';

export const DEFAULT_SLICE_BYTES = 4 * 1024 * 1024;

/** "\nFrom " is six bytes: a "\n" among the last five of a slice cannot be seen to start a message. */
const OVERLAP = 5;

/** The index in `b` just after the last "\n" that starts a "From " line wholly inside `b`, or -1. */
function lastMessageStart(b: Uint8Array): number {
  for (let i = b.lastIndexOf(0x0a, b.length - 1 - OVERLAP); i >= 0; i = i > 0 ? b.lastIndexOf(0x0a, i - 1) : -1) {
    if (isFromLine(b, i + 1)) return i + 1;
  }
  return -1;
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export interface MboxChunk {
  /** Whole messages, the separator line dropped and ">From " lines unescaped, bytes as in the file. */
  messages: Uint8Array[];
  /** Bytes of the file read so far. */
  bytesRead: number;
}

/** Yields the messages of `file` in file order, with how far the reading got. */
export async function* readMboxMessages(file: Blob, sliceBytes = DEFAULT_SLICE_BYTES): AsyncGenerator<MboxChunk> {
  // The bytes after the last message start, not split yet: kept as the slices they came in, joined
  // once a later message start shows they are complete (so a message bigger than a slice is copied
  // once, not once per slice).
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  for (let offset = 0; offset < file.size; offset += sliceBytes) {
    const bytes = new Uint8Array(await file.slice(offset, offset + sliceBytes).arrayBuffer());
    const bytesRead = Math.min(file.size, offset + sliceBytes);
    // The last message start inside the new slice, counted from the start of `pending`. One whose
    // "\n" or "From " lies across the slice edge is not looked for: the region it starts is cut at
    // the next message start instead (or at the end of the file), which splits it alike.
    const inside = lastMessageStart(bytes);
    const cut = inside < 0 ? -1 : pendingLength + inside;
    pending.push(bytes);
    pendingLength += bytes.length;
    if (cut > 0) {
      // Everything before the last message start is complete; the rest waits for the next slice.
      const all = concat(pending, pendingLength);
      pending = [all.subarray(cut)];
      pendingLength = all.length - cut;
      yield { messages: splitMboxBytes(all.subarray(0, cut)), bytesRead };
    } else {
      yield { messages: [], bytesRead };
    }
  }
  yield { messages: splitMboxBytes(concat(pending, pendingLength)), bytesRead: file.size };
}
