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

export function inspectBytes(bytes: Uint8Array): InspectedList {
  const { text, ...decoded } = decodeBytes(bytes);
  const list = parseList(text);
  return { decoded, list, column: findAddressColumn(list.header, list.rows), columns: columnNames(list) };
}

export function cleanInspected(inspected: InspectedList, column: number, map: VerdictMap): CleanOutputs {
  const { list, decoded } = inspected;
  const result = cleanList(list, column, map);
  const write = (lines: string[]) => encodeText(joinLines(list.shape, lines), decoded.encoding, decoded.bom);
  return { annotated: write(result.annotated), cleaned: write(result.cleaned), removal: write(result.removal), counts: result.counts };
}
