/** Messages between the Clean my list page and its worker (lib/clean-list/worker-main.ts). */
import type { ListGroup } from '../store/db';
import type { CleanCounts } from './clean';
import type { TextEncoding } from './decode';

export interface ListSummary {
  encoding: TextEncoding;
  bom: boolean;
  delimiter: string;
  rows: number;
  hasHeader: boolean;
  /** Column names for the picker (the header's, else "Column 1: first value"). */
  columns: string[];
  /** The column found by header name or content; -1: none holds an address. */
  column: number;
  problems: string[];
  /** Time per step in the worker, ms (decode, papaparse, rows, column). */
  timings: Record<string, number>;
}

export type ToWorker =
  | { type: 'inspect'; bytes: ArrayBuffer }
  | { type: 'clean'; column: number; verdicts: Array<{ address: string; group: ListGroup }> };

export type FromWorker =
  | { type: 'inspected'; summary: ListSummary }
  | { type: 'cleaned'; column: number; annotated: Blob; cleaned: Blob; removal: Blob; counts: CleanCounts; timings: Record<string, number> }
  | { type: 'error'; message: string };
