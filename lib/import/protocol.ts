/** Messages between the options page and the import worker. */
import type { ImportedNotice, ScanProgress, ScanResult } from './scan';

export type ToWorker = { type: 'start'; files: File[] } | { type: 'cancel' } | { type: 'batch-recorded' };

export type FromWorker =
  | { type: 'progress'; progress: ScanProgress }
  /** The page answers each batch with 'batch-recorded' once the background has recorded it. */
  | { type: 'batch'; notices: ImportedNotice[] }
  | { type: 'done'; result: ScanResult }
  | { type: 'error'; message: string };
