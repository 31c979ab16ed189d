/**
 * Clean my list end to end on bytes (pure; the worker and the bench run it): decode, parse, find
 * the column, clean, write the three files in the list's own delimiter, line breaks and encoding.
 */
import { cleanList, type CleanCounts } from './clean';
import { findAddressColumn } from './columns';
import { decodeBytes, encodeText, type DecodedText } from './decode';
import { joinLines, parseList, type ParsedList } from './parse';
import type { VerdictMap } from './status';

export interface InspectedList {
  decoded: Omit<DecodedText, 'text'>;
  list: ParsedList;
  /** The column found by header or content (-1: none). */
  column: number;
  columns: string[];
}

export interface CleanOutputs {
  annotated: Uint8Array;
  cleaned: Uint8Array;
  removal: Uint8Array;
  counts: CleanCounts;
}

/** Column names for the picker: the header's, else "Column 1: a@example.com" from the first row. */
function columnNames(list: ParsedList): string[] {
  const width = Math.max(list.header?.length ?? 0, ...list.rows.slice(0, 50).map((row) => row.length), 0);
  return Array.from({ length: width }, (_, c) => {
    const name = list.header?.[c]?.trim();
    if (name) return name;
    const sample = list.rows.find((row) => (row[c] ?? '').trim() !== '')?.[c] ?? '';
    return `Column ${c + 1}${sample ? `: ${sample.slice(0, 40)}` : ''}`;
  });
}

/** Called after each step with its name (the worker times them for the bench). */
export type Lap = (step: string) => void;

export function inspectBytes(bytes: Uint8Array, lap: Lap = () => {}): InspectedList {
  const { text, ...decoded } = decodeBytes(bytes);
  lap('decode');
  const list = parseList(text, lap);
  const column = findAddressColumn(list.header, list.rows);
  lap('column');
  return { decoded, list, column, columns: columnNames(list) };
}

/**
 * A file's contents: bytes, or (for UTF-8) the text and whether it starts with a BOM, which a
 * page turns into bytes natively (a Blob of strings is UTF-8) instead of transcoding 11 MB in script.
 */
export type FileBody = Uint8Array | { utf8: string; bom: boolean };

export interface CleanBodies {
  annotated: FileBody;
  cleaned: FileBody;
  removal: FileBody;
  counts: CleanCounts;
}

/** The three files, UTF-8 ones as text (the worker's answer). */
export function cleanToBodies(inspected: InspectedList, column: number, map: VerdictMap, lap: Lap = () => {}, known?: readonly string[][]): CleanBodies {
  const { list, decoded } = inspected;
  const result = cleanList(list, column, map, known);
  lap('clean');
  const write = (lines: string[]): FileBody => {
    const text = joinLines(list.shape, lines);
    return decoded.encoding === 'utf-8' ? { utf8: text, bom: decoded.bom } : encodeText(text, decoded.encoding, decoded.bom);
  };
  const out = { annotated: write(result.annotated), cleaned: write(result.cleaned), removal: write(result.removal), counts: result.counts };
  lap('write');
  return out;
}

/** A body as bytes. */
export function bytesOf(body: FileBody): Uint8Array {
  return body instanceof Uint8Array ? body : encodeText(body.utf8, 'utf-8', body.bom);
}

/** The three files as bytes. */
export function cleanInspected(inspected: InspectedList, column: number, map: VerdictMap, lap: Lap = () => {}): CleanOutputs {
  const out = cleanToBodies(inspected, column, map, lap);
  return { annotated: bytesOf(out.annotated), cleaned: bytesOf(out.cleaned), removal: bytesOf(out.removal), counts: out.counts };
}
