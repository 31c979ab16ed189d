/**
 * Processed notices out of the way (issue #11): after a sweep, one explicit click moves the notices
 * that sweep read AND recorded out of the inbox, in the webmail's own terms and through its own UI
 * (Gmail: the label "Bounce Sweeper/Processed", then Archive, ../gmail/tidy.ts; Outlook: Archive,
 * ../outlook/tidy.ts), as a user would: the rows' own checkboxes, then the toolbar's commands.
 *
 * Which notices: the background's answer to sweepReadItems (read in this sweep and in the tally
 * now), never an unread or failed one, and each webmail's target touches only rows whose own ids
 * are among them. Polite: the targets wait between commands; at most TIDY_CAP notices a click. It
 * stops at the first unexpected state, saying why in words; nothing runs without a click.
 */
import { sendMessage, type SweepStatus } from '../../messaging';
import { TIDY_WORDS } from '../../vocabulary';
import type { RegisteredWebmailId } from '../registry';
import { SweepStop } from './driver';

/** At most this many notices move per click (the rest wait for the next click). */
export const TIDY_CAP = 1000;

export interface TidyItem {
  messageId: string;
  rowId?: string;
}

/** What the page and the popup show of a tidy. */
export interface TidyStatus {
  state: 'idle' | 'running' | 'done' | 'stopped';
  /** Notices offered (read and recorded, at most TIDY_CAP). */
  total: number;
  /** Notices moved out of the inbox. */
  done: number;
  /** Offered but not found on their own in the inbox (already moved, or threaded with other mail). */
  left: number;
  /** Why it stopped, in words ('stopped'). */
  reason: string;
  /** More than TIDY_CAP were read: the rest wait for the next click. */
  capped: boolean;
  /** How many commands moved them, and how many the last one moved (the webmail's Undo takes back only its last action). */
  batches: number;
  lastBatch: number;
}

export const IDLE_TIDY: TidyStatus = { state: 'idle', total: 0, done: 0, left: 0, reason: '', capped: false, batches: 0, lastBatch: 0 };

/** A webmail's way of moving notices out of its inbox. */
export interface TidyTarget {
  webmail: RegisteredWebmailId;
  /**
   * Moves these notices out of the inbox through the webmail's UI, calling `moved` with the ids of
   * each batch once the webmail took them out of the list. Throws SweepStop (plain words) at the
   * first state it did not expect; what was moved before stays moved (the webmail's Undo applies).
   */
  tidy(items: readonly TidyItem[], sweep: SweepStatus, moved: (ids: string[]) => void): Promise<void>;
}

export interface TidyRunner {
  readonly status: TidyStatus;
  onChange(listener: () => void): void;
  /** Starts a tidy of the sweep's read notices (returns once it has begun; `idle()` waits for the end). */
  start(sweep: SweepStatus | null): Promise<void>;
  idle(): Promise<void>;
}

export interface TidyRunnerOptions {
  readItems?: (sweepId: string) => Promise<{ items: TidyItem[] }>;
  cap?: number;
}

export function createTidyRunner(target: TidyTarget, options: TidyRunnerOptions = {}): TidyRunner {
  const readItems = options.readItems ?? ((sweepId: string) => sendMessage('sweepReadItems', { sweepId }));
  const cap = options.cap ?? TIDY_CAP;
  const listeners = new Set<() => void>();
  let status: TidyStatus = IDLE_TIDY;
  let running: Promise<void> | null = null;

  const emit = (next: Partial<TidyStatus>): void => {
    status = { ...status, ...next };
    for (const listener of listeners) listener();
  };

  async function run(sweep: SweepStatus): Promise<void> {
    emit({ ...IDLE_TIDY, state: 'running' });
    try {
      const { items: all } = await readItems(sweep.id);
      const items = all.slice(0, cap);
      emit({ total: items.length, capped: all.length > items.length });
      if (!items.length) {
        emit({ state: 'done' });
        return;
      }
      const done = new Set<string>();
      await target.tidy(items, sweep, (ids) => {
        for (const id of ids) done.add(id);
        emit({ done: done.size, batches: status.batches + 1, lastBatch: ids.length });
      });
      emit({ state: 'done', done: done.size, left: items.length - done.size });
    } catch (error) {
      const why = error instanceof SweepStop ? error.message : TIDY_WORDS.failed(error instanceof Error ? error.message : String(error));
      emit({ state: 'stopped', reason: TIDY_WORDS.stopped(why), left: Math.max(0, status.total - status.done) });
    }
  }

  return {
    get status() {
      return status;
    },
    onChange(listener) {
      listeners.add(listener);
    },
    async start(sweep) {
      if (running || !sweep || sweep.webmail !== target.webmail) return;
      running = run(sweep).finally(() => {
        running = null;
      });
    },
    async idle() {
      while (running) await running;
    },
  };
}

/** Can this sweep's read notices be moved now? After a sweep that is done, or stopped with some read. */
export function canTidy(sweep: SweepStatus | null, phase: string, tidy: TidyStatus): boolean {
  return !!sweep && (sweep.state === 'done' || sweep.state === 'stopped') && sweep.read > 0 && phase === 'idle' && tidy.state !== 'running';
}

// --- shared page helpers for the targets -------------------------------------------------------

/**
 * Presses a control as a pointer would: Gmail's Closure buttons act on mousedown/mouseup, most
 * other controls on click; the whole sequence serves both (each target checks the outcome).
 */
export function press(element: HTMLElement): void {
  const view = element.ownerDocument.defaultView;
  const init = { bubbles: true, cancelable: true, view, button: 0 } as MouseEventInit;
  const Mouse = view?.MouseEvent ?? MouseEvent;
  element.dispatchEvent(new Mouse('mouseover', init));
  element.dispatchEvent(new Mouse('mousedown', init));
  element.dispatchEvent(new Mouse('mouseup', init));
  element.dispatchEvent(new Mouse('click', init));
}

/** Waits until `test` answers something truthy (polling), or null after `timeoutMs`. */
export async function waitUntil<T>(test: () => T | null | undefined | false, options: { timeoutMs: number; sleep: (ms: number) => Promise<void>; now: () => number; pollMs?: number }): Promise<T | null> {
  const started = options.now();
  for (;;) {
    const value = test();
    if (value) return value;
    if (options.now() - started >= options.timeoutMs) return null;
    await options.sleep(options.pollMs ?? 50);
  }
}

/**
 * The rows to select in one batch: those whose own id is among the notices still to move (`idOf`
 * answers '' for a row that must never be touched, e.g. a conversation with other mail in it).
 */
export function rowsToSelect<R>(rows: readonly R[], idOf: (row: R) => string, remaining: ReadonlySet<string>, max: number): R[] {
  const picked: R[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const id = idOf(row);
    if (!id || !remaining.has(id) || seen.has(id)) continue;
    seen.add(id);
    picked.push(row);
    if (picked.length >= max) break;
  }
  return picked;
}

/** The one element among `found` that is on screen, or why not (none, or several: never guess). */
export function theOneShown<T>(found: readonly T[], isShown: (el: T) => boolean): { element: T } | { count: number } {
  const shown = found.filter(isShown);
  const [first] = shown;
  return shown.length === 1 && first ? { element: first } : { count: shown.length };
}
