/**
 * The Clean my list page's state (signals, as the popup's). The list is read and cleaned in a
 * worker (injected, so tests run the real worker code in-process); the addresses on record come
 * from the background through the pages' Transport (`listVerdicts`). Nothing leaves the browser:
 * the list goes from the file to the worker and back to three downloads.
 */
import { signal, type Signal } from '@preact/signals';
import type { Transport } from '../pages/transport';
import type { ListGroup } from '../store/db';
import type { CleanCounts } from './clean';
import type { FromWorker, ListSummary, ToWorker } from './protocol';


export interface CleanWorkerLike {
  postMessage(message: ToWorker, transfer?: ArrayBuffer[]): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  terminate(): void;
}

export type CleanFileKind = 'annotated' | 'cleaned' | 'removal';

export interface CleanFile {
  kind: CleanFileKind;
  filename: string;
  mimeType: string;
  /** The file's bytes, made by the worker (a Blob crosses to the page by reference, not by copy). */
  blob: Blob;
}

export interface CleanOutcome {
  column: number;
  counts: CleanCounts;
  files: Record<CleanFileKind, CleanFile>;
  /** Time per step, ms: the worker's (decode, papaparse, rows, column, verdicts, clean, write) and the page's (listVerdicts). */
  timings: Record<string, number>;
}

/** What the page needs of a File. */
export interface ListFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface CleanListState {
  phase: Signal<'idle' | 'reading' | 'cleaning' | 'done' | 'error'>;
  error: Signal<string>;
  name: Signal<string>;
  summary: Signal<ListSummary | null>;
  outcome: Signal<CleanOutcome | null>;
  /** How many addresses on record are to remove, to watch or sender problems (from the last listVerdicts). */
  onRecord: Signal<number>;
  /** Reads a file the user chose or dropped (a File), then cleans it with the column found. */
  openFile(file: ListFile): Promise<void>;
  /** Pasted addresses (one per line, or a pasted sheet): read like a file. */
  openText(text: string): Promise<void>;
  /** Cleans again with another column. */
  chooseColumn(column: number): Promise<void>;
}

/** The groups whose addresses are not 'ok' on the user's list (lib/clean-list/status.ts). */
const FLAGGED_GROUPS: readonly ListGroup[] = ['remove', 'done', 'sender', 'watch'];

const SUFFIX: Record<CleanFileKind, string> = { annotated: 'with-status', cleaned: 'cleaned', removal: 'to-remove' };

function fileNames(name: string): { base: string; extension: string } {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return { base: dot > 0 ? name.slice(0, dot) : name || 'list', extension: ['csv', 'txt', 'tsv', 'tab'].includes(extension) ? extension : 'csv' };
}

export function createCleanListState(
  transport: Transport,
  createWorker: () => CleanWorkerLike,
  mark: (name: string) => void = () => {},
): CleanListState {
  const phase = signal<'idle' | 'reading' | 'cleaning' | 'done' | 'error'>('idle');
  const error = signal('');
  const name = signal('');
  const summary = signal<ListSummary | null>(null);
  const outcome = signal<CleanOutcome | null>(null);
  const onRecord = signal(0);
  let worker: CleanWorkerLike | null = null;
  /** The page's own steps of the current run, ms. */
  let pageTimings: Record<string, number> = {};
  const round = (ms: number) => Math.round(ms * 10) / 10;
  let waiting: { resolve: (message: FromWorker) => void } | null = null;

  function ask(message: ToWorker, transfer: ArrayBuffer[] = []): Promise<FromWorker> {
    if (!worker) {
      worker = createWorker();
      worker.onmessage = ({ data }) => {
        const pending = waiting;
        waiting = null;
        pending?.resolve(data);
      };
    }
    return new Promise((resolve) => {
      waiting = { resolve };
      worker!.postMessage(message, transfer);
    });
  }

  function fail(reason: unknown): void {
    error.value = reason instanceof Error ? reason.message : String(reason);
    phase.value = 'error';
  }

  /** The addresses on record, asked for as the file is read (the background answers meanwhile). */
  let verdictsAsked: Promise<{ verdicts: Array<{ address: string; group: ListGroup }>; ms: number }> | null = null;
  function askVerdicts() {
    const asked = performance.now();
    // Only the groups that give a row a status other than ok (kept and expired addresses read as
    // ok, like an address not on record): fewer to send, and the four answers come in parallel.
    verdictsAsked = Promise.all(FLAGGED_GROUPS.map((group) => transport('listVerdicts', { group }))).then((replies) => ({
      verdicts: replies.flatMap((reply) => reply.verdicts),
      ms: performance.now() - asked,
    }));
    // A failure is reported by whoever awaits it.
    verdictsAsked.catch(() => {});
    return verdictsAsked;
  }

  async function clean(column: number): Promise<void> {
    phase.value = 'cleaning';
    const waitStart = performance.now();
    const { verdicts, ms: listed } = await (verdictsAsked ?? askVerdicts());
    const waited = performance.now() - waitStart;
    const cleanStart = performance.now();
    verdictsAsked = null;
    onRecord.value = verdicts.length;
    const reply = await ask({ type: 'clean', column, verdicts });
    const cleanTrip = performance.now() - cleanStart;
    if (reply.type === 'error') throw new Error(reply.message);
    if (reply.type !== 'cleaned') throw new Error('unexpected answer from the worker');
    const { base, extension } = fileNames(name.value);
    const mimeType = extension === 'csv' ? 'text/csv' : 'text/plain';
    // Wrapping a Blob in a Blob with its type refers to the same bytes.
    const file = (kind: CleanFileKind, blob: Blob): CleanFile => ({ kind, filename: `${base}-${SUFFIX[kind]}.${extension}`, mimeType, blob: new Blob([blob], { type: mimeType }) });
    outcome.value = {
      column,
      counts: reply.counts,
      timings: {
        ...pageTimings,
        ...(summary.value?.timings ?? {}),
        listVerdicts: round(listed),
        'waiting for listVerdicts': round(waited),
        ...reply.timings,
        'clean round trip': round(cleanTrip),
      },
      files: { annotated: file('annotated', reply.annotated), cleaned: file('cleaned', reply.cleaned), removal: file('removal', reply.removal) },
    };
    phase.value = 'done';
    mark('clean-list-done');
  }

  async function openFile(file: ListFile): Promise<void> {
    // One list at a time (the worker answers one question at a time).
    if (phase.value === 'reading' || phase.value === 'cleaning') return;
    mark('clean-list-start');
    name.value = file.name;
    outcome.value = null;
    summary.value = null;
    error.value = '';
    phase.value = 'reading';
    askVerdicts();
    try {
      const readStart = performance.now();
      const bytes = await file.arrayBuffer();
      pageTimings = { 'read file': round(performance.now() - readStart) };
      const inspectStart = performance.now();
      const reply = await ask({ type: 'inspect', bytes }, [bytes]);
      pageTimings['inspect round trip'] = round(performance.now() - inspectStart);
      if (reply.type === 'error') throw new Error(reply.message);
      if (reply.type !== 'inspected') throw new Error('unexpected answer from the worker');
      summary.value = reply.summary;
      if (reply.summary.column < 0) throw new Error('No column holds an email address. Choose the column, or check that this is the list.');
      await clean(reply.summary.column);
    } catch (reason) {
      fail(reason);
    }
  }

  return {
    phase, error, name, summary, outcome, onRecord,
    openFile,
    async openText(text) {
      const bytes = new TextEncoder().encode(text).buffer as ArrayBuffer;
      await openFile({ name: 'pasted-addresses.csv', arrayBuffer: async () => bytes });
    },
    async chooseColumn(column) {
      if (!summary.value) return;
      try {
        await clean(column);
      } catch (reason) {
        fail(reason);
      }
    },
  };
}
