/**
 * The sweep's driver, shared by Gmail and Outlook (issue #11): it walks the webmail's results
 * (SweepSource.collect), then reads the queued notices one at a time (SweepSource.read), reporting
 * each through the ordinary reportNotice path and filing it in the queue, which lives in the store
 * (lib/store/sweep-queue.ts, through the sweep* messages). The page holds nothing it cannot lose:
 * after a reload, `resumeIfRunning` continues a sweep the store says was running.
 *
 * It stops at the first answer that is not the notice (the source says why, in plain words), on
 * the daily cap, on Pause and on Cancel; what was read before is kept. Never blocks the page: every
 * step awaits the network or the store.
 */
import { sendMessage, type NoticeReport, type NoticeResult, type SweepAddRequest, type SweepControlRequest, type SweepItem, type SweepMarkRequest, type SweepStatus } from '../../messaging';
import type { RegisteredWebmailId } from '../registry';
import { SWEEP_WORDS } from '../../vocabulary';

/** How the driver talks to the background (tests pass their own). */
export interface SweepMessenger {
  begin(request: { webmail: RegisteredWebmailId; account: string; query: string }): Promise<SweepStatus>;
  add(request: SweepAddRequest): Promise<SweepStatus>;
  take(sweepId: string): Promise<{ item: SweepItem | null; capReached: boolean; status: SweepStatus }>;
  mark(request: SweepMarkRequest): Promise<SweepStatus>;
  control(request: SweepControlRequest): Promise<SweepStatus>;
  status(webmail: RegisteredWebmailId, account: string): Promise<SweepStatus | null>;
  report(report: NoticeReport): Promise<NoticeResult>;
}

export const extensionSweepMessenger: SweepMessenger = {
  begin: (request) => sendMessage('sweepBegin', request),
  add: (request) => sendMessage('sweepAdd', request),
  take: (sweepId) => sendMessage('sweepTake', { sweepId }),
  mark: (request) => sendMessage('sweepMark', request),
  control: (request) => sendMessage('sweepControl', request),
  status: (webmail, account) => sendMessage('sweepStatus', { webmail, account }),
  report: (report) => sendMessage('reportNotice', report),
};

/** A stop the source decides (an unexpected answer, a page that did not load): its message is in plain words. */
export class SweepStop extends Error {}

export type ReadOutcome = { report: NoticeReport } | { error: string };

/** What a webmail gives the driver. */
export interface SweepSource {
  webmail: RegisteredWebmailId;
  account(): string;
  /** The default query (Gmail search) or '' (Outlook: the folder on screen). */
  defaultQuery: string;
  /**
   * Walks the results from where `status` left off, handing each page's notices to `add` (which
   * returns the sweep's status, with its state: stop walking when it is no longer 'running').
   * Throws SweepStop when the webmail does not show what it should.
   */
  collect(status: SweepStatus, add: (items: SweepAddRequest['items'], progress: { pages?: number; collected?: boolean }) => Promise<SweepStatus>): Promise<void>;
  /** Reads one notice: a report for reportNotice, or why it could not be read (the sweep stops there). */
  read(item: SweepItem): Promise<ReadOutcome>;
}

export interface SweepDriver {
  /** The latest status (null before any sweep), and what the driver is doing. */
  readonly status: SweepStatus | null;
  readonly phase: 'idle' | 'collecting' | 'reading';
  onChange(listener: () => void): void;
  /** Starts a sweep, or continues this account's unfinished one. */
  start(query?: string): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  cancel(): Promise<void>;
  /** On page load: show the last sweep, and continue it when the store says it was running. */
  resumeIfRunning(): Promise<void>;
  /** Resolves when the current run (if any) has ended (tests). */
  idle(): Promise<void>;
  stop(): void;
}

export interface DriverOptions {
  messenger?: SweepMessenger;
  /** Each notice the sweep recorded, with the background's answer (the page's badges follow it). */
  onReported?: (messageId: string, result: NoticeResult) => void;
  isInvalid?: () => boolean;
}

export function createSweepDriver(source: SweepSource, options: DriverOptions = {}): SweepDriver {
  const messenger = options.messenger ?? extensionSweepMessenger;
  const isInvalid = options.isInvalid ?? (() => false);
  const listeners = new Set<() => void>();
  let status: SweepStatus | null = null;
  let phase: SweepDriver['phase'] = 'idle';
  let running: Promise<void> | null = null;
  let stopped = false;

  const emit = (next: SweepStatus | null, nextPhase = phase): void => {
    if (next) status = next;
    phase = nextPhase;
    for (const listener of listeners) listener();
  };

  async function run(initial: SweepStatus): Promise<void> {
    let current = initial;
    emit(current);
    try {
      if (!current.collected) {
        emit(current, 'collecting');
        await source.collect(current, async (items, progress) => {
          current = await messenger.add({ sweepId: current.id, items, ...progress });
          // A pause or cancel from another place (the popup) shows in the state the store answers.
          const fresh = await messenger.status(source.webmail, source.account());
          if (fresh && fresh.id === current.id) current = { ...current, state: fresh.state, stopReason: fresh.stopReason };
          emit(current);
          return current;
        });
        if (current.state !== 'running') return;
        current = await messenger.add({ sweepId: current.id, items: [], collected: true });
        emit(current);
      }
      emit(current, 'reading');
      while (!stopped && !isInvalid()) {
        const { item, capReached, status: taken } = await messenger.take(current.id);
        current = taken;
        emit(current);
        if (current.state !== 'running') return;
        if (capReached) {
          current = await messenger.control({ sweepId: current.id, action: 'stop', reason: SWEEP_WORDS.capReached(current.dailyCap) });
          return;
        }
        if (!item) {
          current = await messenger.control({ sweepId: current.id, action: 'done' });
          return;
        }
        const outcome = await source.read(item);
        if ('report' in outcome) {
          const result = await messenger.report(outcome.report);
          options.onReported?.(item.messageId, result);
          current = await messenger.mark({
            sweepId: current.id,
            messageId: item.messageId,
            state: 'read',
            ...(outcome.report.messageId && outcome.report.messageId !== item.messageId ? { noticeId: outcome.report.messageId } : {}),
          });
          emit(current);
        } else {
          await messenger.mark({ sweepId: current.id, messageId: item.messageId, state: 'failed', error: outcome.error });
          current = await messenger.control({ sweepId: current.id, action: 'stop', reason: outcome.error });
          return;
        }
      }
    } catch (error) {
      const reason = error instanceof SweepStop ? error.message : SWEEP_WORDS.failed(error instanceof Error ? error.message : String(error));
      try {
        current = await messenger.control({ sweepId: current.id, action: 'stop', reason });
      } catch {
        current = { ...current, state: 'stopped', stopReason: reason };
      }
    } finally {
      emit(current, 'idle');
    }
  }

  function launch(initial: SweepStatus): Promise<void> {
    if (running) return running;
    running = run(initial).finally(() => {
      running = null;
    });
    return running;
  }

  return {
    get status() {
      return status;
    },
    get phase() {
      return phase;
    },
    onChange(listener) {
      listeners.add(listener);
    },
    async start(query) {
      if (running) return;
      const begun = await messenger.begin({ webmail: source.webmail, account: source.account(), query: query?.trim() || status?.query || source.defaultQuery });
      void launch(begun);
    },
    async pause() {
      if (!status) return;
      emit(await messenger.control({ sweepId: status.id, action: 'pause' }));
    },
    async resume() {
      if (!status) return;
      const resumed = await messenger.control({ sweepId: status.id, action: 'resume' });
      emit(resumed);
      if (running) await running; // the old run ends at its next step; this one continues
      void launch(resumed);
    },
    async cancel() {
      if (!status) return;
      emit(await messenger.control({ sweepId: status.id, action: 'cancel', reason: SWEEP_WORDS.cancelled }));
    },
    async resumeIfRunning() {
      const last = await messenger.status(source.webmail, source.account());
      if (!last) return;
      emit(last);
      if (last.state === 'running') void launch(last);
    },
    async idle() {
      while (running) await running;
    },
    stop() {
      stopped = true;
    },
  };
}
