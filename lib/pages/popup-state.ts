/**
 * The popup's one state module (signals, after preact-devtools' store): one list at a time, read
 * from the background a page at a time (the store answers from its indexes, issue #12), what the
 * user filters, sorts and selects, and the actions they take. Components read signals and call
 * actions; only this module talks to the Transport.
 */
import { batch, computed, effect, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { AddressSummary, PolicySettings, UserDecision } from '../policy';
import type { ListGroup } from '../store/db';
import { listGroupOf } from '../store/summary';
import type { ListFilter, ListReply } from '../messaging';
import { buildExport, findExportFormat, type ExportFile, type ExportFormat } from '../export';
import { decisionOfGroup, firstNonEmptyGroup, type GroupId, type SortKey } from './groups';
import type { Transport } from './transport';
import { plural } from '../vocabulary';

export interface Toast {
  text: string;
  /** The action button offered with the toast, if any. */
  action?: { label: string; run: () => Promise<void> };
}

export type ListCounts = ListReply['counts'];

export interface PopupState {
  status: Signal<'loading' | 'ready' | 'error'>;
  error: Signal<string>;
  /** Addresses per group (under the current search), and 'all'. */
  counts: Signal<ListCounts>;
  /** Addresses on record at all (no search): whether the popup has anything to show. */
  onRecord: Signal<number>;
  /** Notices not counted until the user reviews them (not tied to the user's sent mail). */
  unverified: Signal<number>;
  settings: Signal<PolicySettings | null>;
  query: Signal<string>;
  /** The All view's filters (source, kind, reason, date range). */
  filter: Signal<ListFilter>;
  /** What the filter menus offer (null until the All view asks). */
  filterOptions: Signal<{ sources: string[]; reasons: string[] } | null>;
  loadFilterOptions(): Promise<void>;
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
  /** The current list, as long as its total: rows not fetched yet are undefined (ensureRows fetches them). */
  visible: ReadonlySignal<ReadonlyArray<AddressSummary | undefined>>;
  /** How many addresses an export or a decision applies to: the selection, else the whole list. */
  targetCount: ReadonlySignal<number>;
  load(): Promise<void>;
  /**
   * The first load, once (later calls share it): the popup's entry calls it before its first
   * render, so the list is on its way while the page renders (issue #12), and the component's
   * mount calls it too (tests, the full-page list).
   */
  start(): Promise<void>;
  /** Fetches the pages that hold rows start..end (the virtual list calls it for what it shows). */
  ensureRows(start: number, end: number): void;
  setGroup(group: GroupId): void;
  /** Toggle one row, or with `range` select every row from the last toggled one to this one. */
  toggle(address: string, range?: boolean): void;
  /** Select (or clear) every row of the current list, fetched pages or not. */
  selectAll(on: boolean): Promise<void>;
  toggleExpanded(address: string): void;
  /** The addresses an action applies to (the selection, else the whole list). */
  targetAddresses(): Promise<string[]>;
  decide(decision: UserDecision, addresses?: string[]): Promise<void>;
  exportFile(format: ExportFormat, contactLabel?: string): Promise<ExportFile>;
  /** After the user downloaded or copied an export: offer to mark those addresses removed. */
  offerMarkRemoved(file: ExportFile, addresses: string[], how?: 'download' | 'copy'): void;
}

const DECISION_WORDS: Record<UserDecision, string> = {
  removed: 'marked removed',
  kept: 'kept',
  none: 'moved back',
};

/** Rows per request while scrolling; whole-list reads (exports) use the store's largest page. */
export const PAGE_SIZE = 100;
const BULK_PAGE = 5000;
const LOOKUP_BATCH = 500;

const NO_COUNTS: ListCounts = { remove: 0, watch: 0, sender: 0, done: 0, kept: 0, clear: 0, all: 0 };

export function createPopupState(transport: Transport, now: () => Date = () => new Date(), locale?: string): PopupState {
  const status = signal<'loading' | 'ready' | 'error'>('loading');
  const error = signal('');
  const counts = signal<ListCounts>(NO_COUNTS);
  const onRecord = signal(0);
  const unverified = signal(0);
  const settings = signal<PolicySettings | null>(null);
  const query = signal('');
  const filter = signal<ListFilter>({});
  const filterOptions = signal<{ sources: string[]; reasons: string[] } | null>(null);
  const sort = signal<SortKey>('last');
  const group = signal<GroupId>('remove');
  const selected = signal<ReadonlySet<string>>(new Set());
  const expanded = signal<ReadonlySet<string>>(new Set());
  const toast = signal<Toast | null>(null);
  const busy = signal(false);
  const rows = signal<ReadonlyArray<AddressSummary | undefined>>([]);
  /** Group of each selected address, for Undo (restores exactly the decision it had). */
  const selectedGroups = new Map<string, ListGroup>();
  let anchor: string | null = null;
  let loadedOnce = false;
  /** Bumped for every new list (group, search, sort, reload): answers for an older one are dropped. */
  let generation = 0;
  const pending = new Set<number>();

  const targetCount = computed(() => (selected.value.size > 0 ? selected.value.size : rows.value.length));

  /** Filters apply under All only: the other tabs are the policy's lists as they stand. */
  const activeFilter = (): ListFilter | undefined => (group.value === 'all' ? filter.value : undefined);
  const request = (offset: number, limit: number) => ({ group: group.value, query: query.value.trim(), sort: sort.value, offset, limit, filter: activeFilter() });

  function apply(reply: ListReply, list: number): void {
    if (list !== generation) return;
    batch(() => {
      const next: Array<AddressSummary | undefined> = rows.value.length === reply.total ? [...rows.value] : new Array(reply.total);
      reply.rows.forEach((row, index) => {
        next[reply.offset + index] = row;
      });
      rows.value = next;
      counts.value = reply.counts;
      settings.value = reply.settings;
      unverified.value = reply.unverified;
    });
  }

  async function load(): Promise<void> {
    const list = ++generation;
    pending.clear();
    try {
      const reply = await transport('listAddresses', request(0, PAGE_SIZE));
      if (list !== generation) return;
      if (!loadedOnce) {
        loadedOnce = true;
        onRecord.value = reply.counts.all;
        unverified.value = reply.unverified;
        // Open on the first group that has something in it, so a user never lands on an empty tab.
        const first = firstNonEmptyGroup(reply.counts);
        if (first !== group.value) {
          group.value = first; // the effect below starts the load of that list
          return;
        }
      } else if (!query.value.trim()) {
        onRecord.value = reply.counts.all;
      }
      batch(() => {
        rows.value = new Array(reply.total);
        apply(reply, list);
        status.value = 'ready';
        error.value = '';
        // Drop selections of rows that moved out of the list (only those on fetched pages can be checked).
        if (selected.value.size > 0) {
          const present = new Set(reply.rows.map((row) => row.address));
          if (reply.total <= PAGE_SIZE) {
            const kept = [...selected.value].filter((address) => present.has(address));
            if (kept.length !== selected.value.size) selected.value = new Set(kept);
          }
        }
      });
    } catch (reason) {
      if (list !== generation) return;
      batch(() => {
        status.value = 'error';
        error.value = reason instanceof Error ? reason.message : String(reason);
      });
    }
  }

  function ensureRows(start: number, end: number): void {
    const list = generation;
    const current = rows.value;
    for (let page = Math.floor(Math.max(0, start) / PAGE_SIZE); page * PAGE_SIZE <= Math.min(end, current.length - 1); page++) {
      const offset = page * PAGE_SIZE;
      if (pending.has(page) || current[offset] !== undefined) continue;
      pending.add(page);
      transport('listAddresses', request(offset, PAGE_SIZE))
        .then((reply) => apply(reply, list))
        .catch(() => undefined)
        .finally(() => {
          if (list === generation) pending.delete(page);
        });
    }
  }

  // A new group, search or sort is a new list: read its first page (the first load sets them too).
  let started = false;
  effect(() => {
    void group.value;
    void query.value;
    void filter.value;
    void sort.value;
    if (!started) {
      started = true;
      return;
    }
    void load();
  });

  async function loadFilterOptions(): Promise<void> {
    try {
      filterOptions.value = await transport('filterOptions');
    } catch {
      filterOptions.value = { sources: [], reasons: [] };
    }
  }

  function setGroup(next: GroupId): void {
    if (next === group.value) return;
    batch(() => {
      selected.value = new Set();
      selectedGroups.clear();
      anchor = null;
      group.value = next;
    });
  }

  /** The row's own group: its tab's, or under All the one the store files it in (the same rule). */
  function groupOfRow(row: AddressSummary): ListGroup {
    return group.value === 'all' ? listGroupOf(row) : group.value;
  }

  function toggle(address: string, range = false): void {
    const list = rows.value;
    const next = new Set(selected.value);
    const to = list.findIndex((row) => row?.address === address);
    const from = anchor === null ? -1 : list.findIndex((row) => row?.address === anchor);
    const mark = (row: AddressSummary, on: boolean) => {
      if (on) {
        next.add(row.address);
        selectedGroups.set(row.address, groupOfRow(row));
      } else {
        next.delete(row.address);
        selectedGroups.delete(row.address);
      }
    };
    if (range && from >= 0 && to >= 0) {
      const on = selected.value.has(anchor!);
      for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
        const row = list[i];
        if (row) mark(row, on);
      }
    } else {
      const row = list[to];
      if (row) mark(row, !next.has(address));
      else if (next.has(address)) next.delete(address);
    }
    anchor = address;
    selected.value = next;
  }

  async function verdicts(): Promise<Array<{ address: string; group: ListGroup }>> {
    return (await transport('listVerdicts', { group: group.value, query: query.value.trim(), filter: activeFilter() })).verdicts;
  }

  async function selectAll(on: boolean): Promise<void> {
    anchor = null;
    selectedGroups.clear();
    if (!on) {
      selected.value = new Set();
      return;
    }
    const all = await verdicts();
    for (const { address, group: of } of all) selectedGroups.set(address, of);
    selected.value = new Set(all.map((entry) => entry.address));
  }

  function toggleExpanded(address: string): void {
    const next = new Set(expanded.value);
    if (next.has(address)) next.delete(address);
    else next.add(address);
    expanded.value = next;
  }

  async function targetAddresses(): Promise<string[]> {
    return selected.value.size > 0 ? [...selected.value] : (await verdicts()).map((entry) => entry.address);
  }

  async function decide(decision: UserDecision, list?: string[]): Promise<void> {
    busy.value = true;
    try {
      // Remember each address's previous decision so "Undo" restores exactly that.
      const groups = new Map<string, ListGroup>(selectedGroups);
      if (list === undefined && selected.value.size === 0) for (const entry of await verdicts()) groups.set(entry.address, entry.group);
      const chosen = list ?? (selected.value.size > 0 ? [...selected.value] : [...groups.keys()]);
      if (chosen.length === 0) return;
      const previous = new Map<UserDecision, string[]>();
      for (const address of chosen) {
        const of = groups.get(address);
        const before = of ? decisionOfGroup(of) : (rows.value.find((row) => row?.address === address)?.decision ?? 'none');
        previous.set(before, [...(previous.get(before) ?? []), address]);
      }
      await transport('setDecision', { addresses: chosen, decision });
      selected.value = new Set();
      selectedGroups.clear();
      anchor = null;
      await load();
      toast.value = {
        text: `${plural(chosen.length, 'address', 'addresses')} ${DECISION_WORDS[decision]}.`,
        action: {
          label: 'Undo',
          run: async () => {
            busy.value = true;
            try {
              for (const [before, addresses] of previous) await transport('setDecision', { addresses, decision: before });
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

  /** The summaries an export applies to, read whole: the selection by lookup, else every page of the list. */
  async function targetRows(): Promise<AddressSummary[]> {
    if (selected.value.size > 0) {
      const chosen = [...selected.value];
      const found: AddressSummary[] = [];
      for (let i = 0; i < chosen.length; i += LOOKUP_BATCH) found.push(...(await transport('lookupAddresses', { addresses: chosen.slice(i, i + LOOKUP_BATCH) })));
      // In list order, as the user sees them.
      const order = new Map(rows.value.map((row, index) => [row?.address, index]));
      return found.sort((a, b) => (order.get(a.address) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.address) ?? Number.MAX_SAFE_INTEGER));
    }
    const all: AddressSummary[] = [];
    for (let offset = 0; ; offset += BULK_PAGE) {
      const reply = await transport('listAddresses', request(offset, BULK_PAGE));
      all.push(...reply.rows);
      if (reply.rows.length < BULK_PAGE || all.length >= reply.total) return all;
    }
  }

  async function exportFile(format: ExportFormat, contactLabel?: string): Promise<ExportFile> {
    return buildExport(format, await targetRows(), { now: now(), contactLabel });
  }

  function offerMarkRemoved(file: ExportFile, list: string[], how: 'download' | 'copy' = 'download'): void {
    // Sender problems are not the recipients' fault: never offer to remove them.
    const current = group.value;
    const pending = current === 'sender' ? [] : list.filter((address) => {
      const of = selectedGroups.get(address) ?? (current === 'all' ? undefined : current);
      return of !== 'done' && of !== 'sender';
    });
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

  let first: Promise<void> | undefined;
  const start = () => (first ??= load());

  return {
    status, error, counts, onRecord, unverified, settings, query, filter, filterOptions, loadFilterOptions, sort, group, selected, expanded, toast, busy,
    now: now(),
    locale,
    visible: rows, targetCount,
    load, start, ensureRows, setGroup, toggle, selectAll, toggleExpanded, targetAddresses, decide, exportFile, offerMarkRemoved,
  };
}
