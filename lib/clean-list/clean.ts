/**
 * Clean my list (pure): the user's rows, the address column and the addresses on record in, the
 * three files' lines out, in the list's own delimiter and quoting:
 *   annotated  every row as it was, with a status column added (remove / sender problem / watch /
 *              ok; empty for a row without an address);
 *   cleaned    the list without the addresses to remove: a row whose addresses are all to remove is
 *              left out; a cell holding several keeps the others ("a@x; b@y" → "b@y");
 *   removal    the rows (all their columns) with the addresses to remove, each cell reduced to those.
 * Every original column stays, in its place; a row that is not changed is written back exactly as
 * it stood in the file (ParsedList.raw), quotes and all.
 */
import { addressesIn, splitCell } from './addresses';
import { writeRow, type ParsedList } from './parse';
import { addressStatus, statusOf, type RowStatus, type VerdictMap } from './status';

export const STATUS_COLUMN = 'Bounce Sweeper status';

export interface CleanCounts {
  rows: number;
  /** Rows by status; `none`: rows without an address in the column. */
  remove: number;
  sender: number;
  watch: number;
  ok: number;
  none: number;
  /** Addresses taken out of cells that keep others. */
  partial: number;
}

export interface CleanResult {
  /** Lines of each file, header first when the list has one (no line breaks added yet). */
  annotated: string[];
  cleaned: string[];
  removal: string[];
  /** Each data row's status ('' for a row without an address), in order. */
  statuses: Array<RowStatus | ''>;
  counts: CleanCounts;
}

/** Each row's addresses in `column` (store keys), computed ahead while the verdicts are on their way. */
export function addressesByRow(list: ParsedList, column: number): string[][] {
  return list.rows.map((row) => addressesIn(row[column] ?? ''));
}

export function cleanList(list: ParsedList, column: number, map: VerdictMap, known?: readonly string[][]): CleanResult {
  const { shape, header, rows, raw } = list;
  const status = statusOf(map);
  const toRemove = (address: string) => addressStatus(map, address) === 'remove';
  const offset = header ? 1 : 0;
  const line = (r: number): string => raw?.[r + offset] ?? writeRow(shape, rows[r]!);
  const width = Math.max(header?.length ?? 0, column + 1);
  const quote = (cell: string) => (shape.quoteAll ? `"${cell}"` : cell);
  const counts: CleanCounts = { rows: rows.length, remove: 0, sender: 0, watch: 0, ok: 0, none: 0, partial: 0 };
  const annotated: string[] = [];
  const cleaned: string[] = [];
  const removal: string[] = [];
  const statuses: Array<RowStatus | ''> = new Array(rows.length);
  if (header) {
    const headerLine = raw?.[0] ?? writeRow(shape, header);
    const pad = shape.delimiter.repeat(Math.max(0, width - header.length));
    annotated.push(headerLine + pad + shape.delimiter + quote(STATUS_COLUMN));
    cleaned.push(headerLine);
    removal.push(headerLine);
  }
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const cell = row[column] ?? '';
    const addresses = known?.[r] ?? addressesIn(cell);
    const rowStatus = status(addresses);
    statuses[r] = rowStatus ?? '';
    // Short rows are padded so the status column lines up under its header.
    const pad = row.length < width ? shape.delimiter.repeat(width - row.length) : '';
    annotated.push(line(r) + pad + shape.delimiter + quote(rowStatus ?? ''));
    if (rowStatus === null) counts.none++;
    else if (rowStatus === 'sender problem') counts.sender++;
    else counts[rowStatus]++;
    if (rowStatus !== 'remove') {
      cleaned.push(line(r));
      continue;
    }
    const doomed = addresses.filter(toRemove);
    if (doomed.length === addresses.length) {
      removal.push(line(r));
      continue;
    }
    // Several addresses, some to remove: the row stays with the others, the removal file gets those.
    const { kept, dropped } = splitCell(cell, toRemove);
    counts.partial += doomed.length;
    const keptRow = [...row];
    keptRow[column] = kept;
    cleaned.push(writeRow(shape, keptRow));
    const goneRow = [...row];
    goneRow[column] = dropped;
    removal.push(writeRow(shape, goneRow));
  }
  return { annotated, cleaned, removal, statuses, counts };
}
