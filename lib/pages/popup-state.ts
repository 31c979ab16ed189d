/**
 * The popup's one state module (signals, after preact-devtools' store): the address list from the
 * background, what the user filters, sorts and selects, and the actions they take. Components read
 * signals and call actions; only this module talks to the Transport.
 */
import { batch, computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { AddressSummary, PolicySettings, UserDecision } from '../policy';
import { buildExport, findExportFormat, type ExportFile, type ExportFormat } from '../export';
import { firstNonEmptyGroup, groupAddresses, type GroupId, type Grouped, type SortKey } from './groups';
import type { Transport } from './transport';
import { plural } from '../vocabulary';

export interface Toast {
  text: string;
  /** The action button offered with the toast, if any. */
  action?: { label: string; run: () => Promise<void> };
}

export interface PopupState {
  status: Signal<'loading' | 'ready' | 'error'>;
  error: Signal<string>;
  addresses: Signal<AddressSummary[]>;
  settings: Signal<PolicySettings | null>;
  query: Signal<string>;
  sort: Signal<SortKey>;
  group: Signal<GroupId>;
  selected: Signal<ReadonlySet<string>>;
  expanded: Signal<ReadonlySet<string>>;
  toast: Signal<Toast | null>;
  busy: Signal<boolean>;
  /** The popup's "today" (fixed at creation): dates of this year drop the year. */
  now: Date;
  /** How dates and numbers are written (undefined: the browser's own locale). */
  locale: string | undefined;
  grouped: ReadonlySignal<Grouped>;
  visible: ReadonlySignal<AddressSummary[]>;
  /** Addresses an export or a decision applies to: the selection, else the whole visible group. */
  target: ReadonlySignal<AddressSummary[]>;
  load(): Promise<void>;
  setGroup(group: GroupId): void;
  /** Toggle one row, or with `range` select every row from the last toggled one to this one. */
  toggle(address: string, range?: boolean): void;
  /** Select (or clear) every visible row of the current group. */
  selectAll(on: boolean): void;
  toggleExpanded(address: string): void;
  decide(decision: UserDecision, addresses?: string[]): Promise<void>;
  exportFile(format: ExportFormat, contactLabel?: string): ExportFile;
  /** After the user downloaded or copied an export: offer to mark those addresses removed. */
  offerMarkRemoved(file: ExportFile, addresses: string[], how?: 'download' | 'copy'): void;
}

const DECISION_WORDS: Record<UserDecision, string> = {
  removed: 'marked removed',
  kept: 'kept',
  none: 'moved back',
};

export function createPopupState(transport: Transport, now: () => Date = () => new Date(), locale?: string): PopupState {
  const status = signal<'loading' | 'ready' | 'error'>('loading');
  const error = signal('');
  const addresses = signal<AddressSummary[]>([]);
  const settings = signal<PolicySettings | null>(null);
  const query = signal('');
  const sort = signal<SortKey>('last');
  const group = signal<GroupId>('remove');
  const selected = signal<ReadonlySet<string>>(new Set());
  const expanded = signal<ReadonlySet<string>>(new Set());
  const toast = signal<Toast | null>(null);
  const busy = signal(false);
  let anchor: string | null = null;
  let loadedOnce = false;

  const grouped = computed(() => groupAddresses(addresses.value, query.value, sort.value));
  const visible = computed(() => grouped.value[group.value]);
  const target = computed(() => {
    const chosen = selected.value;
    const rows = visible.value;
    return chosen.size === 0 ? rows : rows.filter((row) => chosen.has(row.address));
  });

  async function load(): Promise<void> {
    try {
      const result = await transport('listAddresses');
      batch(() => {
        addresses.value = result.addresses;
        settings.value = result.settings;
        status.value = 'ready';
        error.value = '';
        if (!loadedOnce) {
          loadedOnce = true;
          // Open on the first group that has something in it, so a user never lands on an empty tab.
          group.value = firstNonEmptyGroup(result.addresses);
        }
        // Drop selections of rows that moved out of the group.
        if (selected.value.size > 0) {
          const present = new Set(visible.value.map((row) => row.address));
          const kept = [...selected.value].filter((address) => present.has(address));
          if (kept.length !== selected.value.size) selected.value = new Set(kept);
        }
      });
    } catch (reason) {
      batch(() => {
        status.value = 'error';
        error.value = reason instanceof Error ? reason.message : String(reason);
      });
    }
  }

  function setGroup(next: GroupId): void {
    if (next === group.value) return;
    batch(() => {
      group.value = next;
      selected.value = new Set();
      anchor = null;
    });
  }

  function toggle(address: string, range = false): void {
    const rows = visible.value;
    const next = new Set(selected.value);
    const to = rows.findIndex((row) => row.address === address);
    const from = anchor === null ? -1 : rows.findIndex((row) => row.address === anchor);
    if (range && from >= 0 && to >= 0) {
      const on = selected.value.has(anchor!);
      for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
        const row = rows[i]!;
        if (on) next.add(row.address);
        else next.delete(row.address);
      }
    } else if (next.has(address)) {
      next.delete(address);
    } else {
      next.add(address);
    }
    anchor = address;
    selected.value = next;
  }

  function selectAll(on: boolean): void {
    selected.value = on ? new Set(visible.value.map((row) => row.address)) : new Set();
    anchor = null;
  }

  function toggleExpanded(address: string): void {
    const next = new Set(expanded.value);
    if (next.has(address)) next.delete(address);
    else next.add(address);
    expanded.value = next;
  }

  async function decide(decision: UserDecision, list?: string[]): Promise<void> {
    const chosen = list ?? target.value.map((row) => row.address);
    if (chosen.length === 0) return;
    const byAddress = new Map(addresses.value.map((row) => [row.address, row]));
    // Remember each address's previous decision so "Undo" restores exactly that.
    const previous = new Map<UserDecision, string[]>();
    for (const address of chosen) {
      const before = byAddress.get(address)?.decision ?? 'none';
      previous.set(before, [...(previous.get(before) ?? []), address]);
    }
    busy.value = true;
    try {
      await transport('setDecision', { addresses: chosen, decision });
      selected.value = new Set();
      anchor = null;
      await load();
      toast.value = {
        text: `${plural(chosen.length, 'address', 'addresses')} ${DECISION_WORDS[decision]}.`,
        action: {
          label: 'Undo',
          run: async () => {
            busy.value = true;
            try {
              for (const [before, group] of previous) await transport('setDecision', { addresses: group, decision: before });
              await load();
              toast.value = { text: 'Undone.' };
            } finally {
              busy.value = false;
            }
          },
        },
      };
    } catch (reason) {
      toast.value = { text: `Could not save: ${reason instanceof Error ? reason.message : String(reason)}` };
    } finally {
      busy.value = false;
    }
  }

  function exportFile(format: ExportFormat, contactLabel?: string): ExportFile {
    return buildExport(format, target.value, { now: now(), contactLabel });
  }

  function offerMarkRemoved(file: ExportFile, list: string[], how: 'download' | 'copy' = 'download'): void {
    const byAddress = new Map(addresses.value.map((row) => [row.address, row]));
    // Sender problems are not the recipients' fault: never offer to remove them.
    const pending = group.value === 'sender' ? [] : list.filter((address) => byAddress.get(address)?.decision !== 'removed');
    const info = findExportFormat(file.format);
    const done =
      how === 'download'
        ? `Exported ${plural(file.count, 'address', 'addresses')} (${file.filename}). ${info.howTo}`
        : `Copied ${plural(file.count, 'address', 'addresses')} to the clipboard${file.format === 'text' ? '' : ` (${info.label} format)`}.`;
    toast.value = {
      text: done + (pending.length ? ' Once they are off your list, mark them removed here.' : ''),
      action: pending.length ? { label: `Mark ${plural(pending.length, 'address', 'addresses')} removed`, run: () => decide('removed', pending) } : undefined,
    };
  }

  return {
    status, error, addresses, settings, query, sort, group, selected, expanded, toast, busy,
    now: now(),
    locale,
    grouped, visible, target,
    load, setGroup, toggle, selectAll, toggleExpanded, decide, exportFile, offerMarkRemoved,
  };
}
