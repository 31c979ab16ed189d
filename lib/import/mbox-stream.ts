/**
 * Reads an .mbox file a slice at a time and hands out whole messages, so a Google Takeout export
 * of several gigabytes never sits in memory at once. Splitting itself is `splitMbox` (lib/mbox.ts,
 * RFC 4155); this only finds safe cut points: a message starts at a "From " line after a line end.
 */
import { splitMbox } from '../mbox';

export const DEFAULT_SLICE_BYTES = 4 * 1024 * 1024;

/** The last position in `text` where a new message starts ("From " right after "\n"), or -1. */
function lastMessageStart(text: string): number {
  const at = text.lastIndexOf('\nFrom ');
  return at < 0 ? -1 : at + 1;
}

export interface MboxChunk {
  messages: string[];
  /** Bytes of the file read so far. */
  bytesRead: number;
}

/** Yields the messages of `file` in file order, with how far the reading got. */
export async function* readMboxMessages(file: Blob, sliceBytes = DEFAULT_SLICE_BYTES): AsyncGenerator<MboxChunk> {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  for (let offset = 0; offset < file.size; offset += sliceBytes) {
    const bytes = new Uint8Array(await file.slice(offset, offset + sliceBytes).arrayBuffer());
    const text = carry + decoder.decode(bytes, { stream: true });
    const cut = lastMessageStart(text);
    // Everything before the last message start is complete; the rest waits for the next slice.
    if (cut > 0) {
      carry = text.slice(cut);
      yield { messages: splitMbox(text.slice(0, cut)), bytesRead: Math.min(file.size, offset + sliceBytes) };
    } else {
      carry = text;
      yield { messages: [], bytesRead: Math.min(file.size, offset + sliceBytes) };
    }
  }
  const rest = carry + decoder.decode();
  yield { messages: splitMbox(rest), bytesRead: file.size };
}
