/**
 * The options page's one state module: policy settings with a live preview, backup / restore,
 * forget and clear, and the mailbox import. Components read signals and call actions; only this
 * module talks to the Transport and the import worker.
 */
import { batch, computed, effect, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { DEFAULT_POLICY, normaliseAddress, normaliseSettings, POLICY_PRESETS, type PolicyPreset, type PolicySettings } from '../policy';
import type { BackupFile, ImportResult, SendReport, UnverifiedNotice, WebmailSelectorHealth } from '../messaging';
import type { ScanProgress, ScanResult } from '../import/scan';
import { runImport, type ImportRun, type WorkerLike } from '../import/run-import';
import type { PolicyPreview } from './policy-preview';
import type { Transport } from './transport';
import { isStoreTooNew } from '../store/tally';
import { plural } from '../vocabulary';

export type ImportPhase = 'idle' | 'running' | 'cancelling' | 'done' | 'cancelled' | 'error';

export interface ImportStatus {
  phase: ImportPhase;
  progress: ScanProgress | null;
  recorded: ImportResult;
  result: ScanResult | null;
  error: string;
}

export interface OptionsState {
  loaded: Signal<boolean>;
  /** Bounces per send (null until read). */
  sends: Signal<SendReport[] | null>;
  loadSends(): Promise<void>;
  setSentTo(key: string, count: number): Promise<void>;
  /** Notices not counted until the user says so (not tied to the user's sent mail); null until read. */
  unverified: Signal<UnverifiedNotice[] | null>;
  loadUnverified(): Promise<void>;
  /** Count these notices' bounces (true) or never count them (false). */
  settleUnverified(keys: string[], count: boolean): Promise<void>;
  /** The store was written by a newer version: nothing works until the user backs it up and starts afresh. */
  storeTooNew: Signal<boolean>;
  /** Addresses on record (every group, expired ones too). */
  onRecord: Signal<number>;
  /** Saved settings (what the background uses). */
  settings: Signal<PolicySettings>;
  /** What the form shows; Save sends it. */
  draft: Signal<PolicySettings>;
  /** Preview of each preset and of the draft, counted exactly by the background (null until it answers). */
  previews: ReadonlySignal<Record<PolicyPreset, PolicyPreview> | null>;
  message: Signal<OptionsMessage | null>;
  importStatus: Signal<ImportStatus>;
  /** What the webmail pages last reported about finding their parts (null: not known, or not readable). */
  selectorHealth: Signal<WebmailSelectorHealth[] | null>;
  load(): Promise<void>;
  /** Reads selectorHealth; a failure leaves it null and says nothing (it is a diagnostic, not the user's task). */
  loadDiagnostics(): Promise<void>;
  choosePreset(preset: PolicyPreset): void;
  setCustom(field: 'softBounceDays' | 'windowDays', value: number): void;
  save(): Promise<void>;
  backup(): Promise<{ filename: string; content: string } | null>;
  restore(text: string): Promise<void>;
  forget(address: string): Promise<void>;
  /** Puts one or more addresses (separated by commas, spaces or lines) on the Remove list by hand. */
  add(addresses: string): Promise<void>;
  clearAll(): Promise<void>;
  /** After storeTooNew: the data as a backup file (read without changing it), then a new, empty store. */
  rescue(save: (filename: string, content: string) => void): Promise<void>;
  startImport(files: File[]): void;
  cancelImport(): void;
}

/** The line under the heading: what just happened, and for Forget and Clear an Undo. */
export interface OptionsMessage {
  text: string;
  tone: 'info' | 'error';
  undo?: () => Promise<void>;
}

/** The part of a backup that holds one address: its events, the notices that name them, its decision. */
export function backupOf(backup: BackupFile, address: string): BackupFile {
  const events = backup.events.filter((event) => event.address === address);
  const ids = new Set(events.map((event) => event.id));
  return {
    ...backup,
    events,
    notices: backup.notices.filter((notice) => notice.eventIds.some((id) => ids.has(id))),
    decisions: backup.decisions.filter((decision) => decision.address === address),
  };
}

const IDLE_IMPORT: ImportStatus = {
  phase: 'idle',
  progress: null,
  recorded: { noticesAdded: 0, noticesSkipped: 0, eventsAdded: 0 },
  result: null,
  error: '',
};

function errorText(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

export function createOptionsState(
  transport: Transport,
  createWorker: () => WorkerLike,
  now: () => Date = () => new Date(),
): OptionsState {
  const loaded = signal(false);
  const onRecord = signal(0);
  const storeTooNew = signal(false);
  const unverified = signal<UnverifiedNotice[] | null>(null);
  const sends = signal<SendReport[] | null>(null);
  const settings = signal<PolicySettings>({ ...DEFAULT_POLICY });
  const draft = signal<PolicySettings>({ ...DEFAULT_POLICY });
  const message = signal<OptionsMessage | null>(null);
  const importStatus = signal<ImportStatus>(IDLE_IMPORT);
  const selectorHealth = signal<WebmailSelectorHealth[] | null>(null);
  let run: ImportRun | null = null;

  // The draft's preview is asked for when the draft changes; answers for an older draft are dropped.
  const onRecordVersion = signal(0);
  const previewCounts = signal<{ key: string; remove: number[] } | null>(null);
  const candidates = computed(() => [POLICY_PRESETS.standard, POLICY_PRESETS.lenient, POLICY_PRESETS.strict, normaliseSettings({ ...draft.value, preset: 'custom' })]);
  const candidatesKey = computed(() => `${onRecordVersion.value}|${JSON.stringify(candidates.value)}`);
  effect(() => {
    const key = candidatesKey.value;
    if (!loaded.value) return;
    transport('previewPolicies', { policies: candidates.peek() })
      .then(({ remove }) => {
        if (candidatesKey.peek() === key) previewCounts.value = { key, remove };
      })
      .catch(() => undefined);
  });
  const previews = computed(() => {
    const counts = previewCounts.value;
    if (!counts || counts.key !== candidatesKey.value) return null;
    const [standard = 0, lenient = 0, strict = 0, custom = 0] = counts.remove;
    return { standard: { remove: standard }, lenient: { remove: lenient }, strict: { remove: strict }, custom: { remove: custom } };
  });

  const info = (text: string, undo?: () => Promise<void>) => (message.value = { text, tone: 'info', ...(undo ? { undo } : {}) });

  /** Undo for Forget and Clear: merge back what was taken out (a restore is idempotent, like any import). */
  const restorer = (snapshot: BackupFile, done: string) => async () => {
    try {
      await transport('importBackup', snapshot);
      await load();
      info(done);
    } catch (reason) {
      fail(`Could not undo: ${errorText(reason)}`);
    }
  };
  const fail = (text: string) => (message.value = { text, tone: 'error' });

  async function load(): Promise<void> {
    try {
      const result = await transport('listAddresses', { group: 'all', limit: 0 });
      batch(() => {
        onRecord.value = result.counts.all;
        onRecordVersion.value += 1;
        // What the store holds changed (or is read for the first time): so may the sends and the review list.
        void loadSends();
        void loadUnverified();
        settings.value = result.settings;
        if (!loaded.value) draft.value = { ...result.settings };
        loaded.value = true;
      });
    } catch (reason) {
      if (isStoreTooNew(reason)) storeTooNew.value = true;
      fail(`Could not read the store: ${errorText(reason)}`);
    }
  }

  async function loadDiagnostics(): Promise<void> {
    try {
      selectorHealth.value = (await transport('getDiagnostics')).selectors;
    } catch {
      selectorHealth.value = null;
    }
  }

  function choosePreset(preset: PolicyPreset): void {
    draft.value = preset === 'custom' ? { ...draft.value, preset } : { ...POLICY_PRESETS[preset] };
  }

  function setCustom(field: 'softBounceDays' | 'windowDays', value: number): void {
    draft.value = { ...draft.value, preset: 'custom', [field]: value };
  }

  async function save(): Promise<void> {
    try {
      const saved = await transport('setSettings', normaliseSettings(draft.value));
      batch(() => {
        settings.value = saved;
        draft.value = { ...saved };
      });
      await load();
      info('Settings saved.');
    } catch (reason) {
      fail(`Could not save the settings: ${errorText(reason)}`);
    }
  }

  async function backup(): Promise<{ filename: string; content: string } | null> {
    try {
      const file = await transport('exportBackup');
      return { filename: `bounce-sweeper-backup-${now().toISOString().slice(0, 10)}.json`, content: JSON.stringify(file, null, 2) };
    } catch (reason) {
      fail(`Could not make a backup: ${errorText(reason)}`);
      return null;
    }
  }

  async function restore(text: string): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      fail('That file is not a Bounce Sweeper backup (not JSON).');
      return;
    }
    if (!parsed || typeof parsed !== 'object' || (parsed as { format?: unknown }).format !== 'bounce-sweeper-backup') {
      fail('That file is not a Bounce Sweeper backup.');
      return;
    }
    try {
      const result = await transport('importBackup', parsed as BackupFile);
      await load();
      info(`Restored: ${plural(result.noticesAdded, 'notice')} added, ${plural(result.noticesSkipped, 'notice')} already known.`);
    } catch (reason) {
      fail(`Could not restore: ${errorText(reason)}`);
    }
  }

  async function forget(raw: string): Promise<void> {
    const address = normaliseAddress(raw);
    if (!address) {
      fail(`“${raw.trim()}” is not an email address.`);
      return;
    }
    try {
      const snapshot = backupOf(await transport('exportBackup'), address);
      const result = await transport('forgetAddresses', { addresses: [address] });
      await load();
      if (result.removed) info(`Forgot ${address} and its bounces.`, restorer(snapshot, `${address} is back, with its bounces.`));
      else info(`${address} was not on record.`);
    } catch (reason) {
      fail(`Could not forget ${address}: ${errorText(reason)}`);
    }
  }

  async function add(raw: string): Promise<void> {
    const tokens = raw.split(/[\s,;]+/).filter(Boolean);
    // Typed by a person: a domain without a dot ("bob@gmail") is a typo here, though a notice may name one.
    const keyOf = (token: string) => {
      const address = normaliseAddress(token);
      return address?.slice(address.lastIndexOf('@') + 1).includes('.') ? address : null;
    };
    const valid = [...new Set(tokens.map(keyOf).filter((address): address is string => address !== null))];
    const invalid = tokens.filter((token) => keyOf(token) === null);
    if (invalid.length > 0) {
      fail(`Not an email address: ${invalid.slice(0, 3).map((token) => `“${token}”`).join(', ')}${invalid.length > 3 ? ` and ${invalid.length - 3} more` : ''}. Nothing was added.`);
      return;
    }
    if (valid.length === 0) return;
    try {
      const result = await transport('addAddresses', { addresses: valid });
      await load();
      const already = valid.length - result.added;
      const what = valid.length === 1 ? valid[0]! : plural(result.added, 'address', 'addresses');
      info(
        result.added === 0
          ? `${valid.length === 1 ? `${valid[0]} was` : 'These were'} already added by hand.`
          : `Added ${what} to the Remove list${already ? ` (${plural(already, 'was', 'were')} already there)` : ''}.`,
      );
    } catch (reason) {
      fail(`Could not add: ${errorText(reason)}`);
    }
  }

  async function clearAll(): Promise<void> {
    try {
      const snapshot = await transport('exportBackup');
      await transport('clearAll');
      await load();
      info('Everything was cleared.', restorer(snapshot, `Restored ${plural(snapshot.notices.length, 'notice')} and every address.`));
    } catch (reason) {
      fail(`Could not clear: ${errorText(reason)}`);
    }
  }

  async function loadSends(): Promise<void> {
    try {
      sends.value = (await transport('listSends')).sends;
    } catch (reason) {
      fail(`Could not read the sends: ${errorText(reason)}`);
    }
  }

  async function setSentTo(key: string, count: number): Promise<void> {
    try {
      await transport('setSentTo', { key, count: Math.max(0, Math.floor(count)) });
      await loadSends();
    } catch (reason) {
      fail(`Could not save: ${errorText(reason)}`);
    }
  }

  async function loadUnverified(): Promise<void> {
    try {
      unverified.value = (await transport('listUnverified')).notices;
    } catch (reason) {
      fail(`Could not read the notices to review: ${errorText(reason)}`);
    }
  }

  async function settleUnverified(keys: string[], count: boolean): Promise<void> {
    try {
      const { settled } = await transport('settleUnverified', { keys, count });
      await Promise.all([load(), loadUnverified()]);
      info(count ? `Counted ${plural(settled, 'notice')}: its bounces are on your lists now.` : `Ignored ${plural(settled, 'notice')}: its bounces will never count.`);
    } catch (reason) {
      fail(`Could not save: ${errorText(reason)}`);
    }
  }

  async function rescue(saveFile: (filename: string, content: string) => void): Promise<void> {
    try {
      const file = await transport('rescueBackup');
      saveFile(`bounce-sweeper-backup-${now().toISOString().slice(0, 10)}.json`, JSON.stringify(file, null, 2));
      await transport('resetStore');
      storeTooNew.value = false;
      await load();
      info(`A backup of ${plural(file.notices.length, 'notice')} was saved, and this version starts afresh. Restore that file once you are on the newer version again.`);
    } catch (reason) {
      fail(`Could not back up the data: ${errorText(reason)}. Nothing was deleted.`);
    }
  }

  function startImport(files: File[]): void {
    if (files.length === 0 || run) return;
    importStatus.value = { ...IDLE_IMPORT, phase: 'running' };
    const current = runImport(files, transport, createWorker(), (progress, recorded) => {
      importStatus.value = { ...importStatus.value, progress, recorded };
    });
    run = current;
    current.done
      .then(async ({ scan, recorded }) => {
        run = null;
        importStatus.value = { ...importStatus.value, phase: scan.cancelled ? 'cancelled' : 'done', progress: scan, result: scan, recorded };
        await load();
      })
      .catch((reason: unknown) => {
        run = null;
        importStatus.value = { ...importStatus.value, phase: 'error', error: errorText(reason) };
      });
  }

  function cancelImport(): void {
    if (!run) return;
    importStatus.value = { ...importStatus.value, phase: 'cancelling' };
    run.cancel();
  }

  return {
    loaded, storeTooNew, unverified, sends, onRecord, settings, draft, previews, message, importStatus, selectorHealth,
    load, loadDiagnostics, choosePreset, setCustom, save, backup, restore, forget, add, clearAll, rescue, loadUnverified, settleUnverified, loadSends, setSentTo, startImport, cancelImport,
  };
}
