/**
 * The popup's sweep (issue #11): which webmail tab can sweep, the last sweep's progress (asked of
 * that tab, which runs it, else of the store through the background), and the start, pause,
 * resume and cancel commands, sent to the tab (lib/webmail/sweep/tab-commands.ts).
 */
import { signal, type Signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { SweepStatus } from '../messaging';
import { WEBMAIL_HOSTS, WEBMAIL_MATCHES, type RegisteredWebmailId } from '../webmail/registry';
import { sendSweepCommand, type SweepCommand } from '../webmail/sweep/tab-commands';
import type { TidyStatus } from '../webmail/sweep/tidy';
import { SWEEP_WORDS } from '../vocabulary';
import type { Transport } from './transport';

export type SweepPhase = 'idle' | 'collecting' | 'reading';

export interface SweepTab {
  tabId: number;
  webmail: RegisteredWebmailId;
}

/** How the state reaches webmail tabs (tests pass their own). */
export interface SweepTabs {
  find(): Promise<SweepTab | null>;
  command(tab: SweepTab, command: SweepCommand): Promise<{ status: SweepStatus | null; phase: SweepPhase; tidy?: TidyStatus }>;
}

export const browserSweepTabs: SweepTabs = {
  async find() {
    // Host permissions let the popup see these tabs' URLs (no "tabs" permission needed).
    const tabs = await browser.tabs.query({ url: [...WEBMAIL_MATCHES] });
    const ranked = [...tabs].sort((a, b) => Number(!!b.active) - Number(!!a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
    for (const tab of ranked) {
      if (tab.id === undefined || !tab.url) continue;
      const webmail = WEBMAIL_HOSTS.get(new URL(tab.url).hostname);
      if (webmail) return { tabId: tab.id, webmail };
    }
    return null;
  },
  command: (tab, command) => sendSweepCommand('sweepCommand', command, tab.tabId),
};

export interface SweepPopupState {
  status: Signal<SweepStatus | null>;
  phase: Signal<SweepPhase>;
  tab: Signal<SweepTab | null>;
  note: Signal<string>;
  busy: Signal<boolean>;
  /** The tab's "out of the way" of the read notices (issue #11), when the tab offers it. */
  tidy: Signal<TidyStatus | null>;
  load(): Promise<void>;
  start(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  cancel(): Promise<void>;
  /** Moves the last sweep's read notices out of the inbox, in the tab (only on this explicit call). */
  tidyNow(): Promise<void>;
  /** Keeps the progress fresh while the popup is open; returns the stop function. */
  poll(everyMs?: number): () => void;
}

export function createSweepState(transport: Transport, tabs: SweepTabs = browserSweepTabs): SweepPopupState {
  const status = signal<SweepStatus | null>(null);
  const phase = signal<SweepPhase>('idle');
  const tab = signal<SweepTab | null>(null);
  const note = signal('');
  const busy = signal(false);
  const tidy = signal<TidyStatus | null>(null);

  async function load(): Promise<void> {
    tab.value = await tabs.find().catch(() => null);
    const current = tab.value;
    if (current) {
      try {
        const answer = await tabs.command(current, { action: 'status' });
        phase.value = answer.phase;
        tidy.value = answer.tidy ?? null;
        status.value = answer.status ?? (await transport('sweepStatus', { webmail: current.webmail }));
        note.value = '';
        return;
      } catch {
        // The tab has no content script yet (still loading, or opened before the extension): the store knows.
      }
    }
    phase.value = 'idle';
    tidy.value = null;
    status.value = await transport('sweepStatus', { webmail: current?.webmail ?? 'gmail' }).catch(() => null);
    note.value = current ? SWEEP_WORDS.notInPage : SWEEP_WORDS.noTab;
  }

  async function send(command: SweepCommand): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    try {
      const current = tab.value ?? (await tabs.find().catch(() => null));
      tab.value = current;
      if (!current) {
        note.value = SWEEP_WORDS.noTab;
        return;
      }
      const answer = await tabs.command(current, command);
      status.value = answer.status;
      phase.value = answer.phase;
      tidy.value = answer.tidy ?? null;
      note.value = '';
    } catch {
      note.value = SWEEP_WORDS.notInPage;
    } finally {
      busy.value = false;
    }
  }

  return {
    status,
    phase,
    tab,
    note,
    busy,
    tidy,
    load,
    start: () => send({ action: 'start' }),
    pause: () => send({ action: 'pause' }),
    resume: () => send({ action: 'resume' }),
    cancel: () => send({ action: 'cancel' }),
    tidyNow: () => send({ action: 'tidy' }),
    poll(everyMs = 700) {
      const timer = setInterval(() => void load().catch(() => undefined), everyMs);
      return () => clearInterval(timer);
    },
  };
}
