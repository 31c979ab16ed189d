/**
 * The sweep queue (issue #11): one record per sweep of a webmail folder or search, and one per
 * notice it found, in the `sweeps` and `sweepItems` stores of the tally's database (./db.ts, v4).
 * The background owns it; webmail pages reach it through the sweep* messages (lib/messaging.ts).
 *
 * - A sweep survives a tab reload and a browser restart: what was found and what was read is here,
 *   so a new page continues where the old one stopped (`latest`, `take`).
 * - Idempotent: an item's key is `${sweepId}|${messageId}`; adding a notice twice adds nothing, and a
 *   notice the tally already recorded is filed as read at once (the caller passes those ids).
 * - The daily cap counts every item handed out for reading today, over all sweeps of that webmail
 *   account; `take` refuses once it is reached.
 * Counters live on the sweep record and move in the same transaction as the items they count.
 */
import type { SweepItemRecord, SweepRecord, TallyDatabase } from './db';
import { openTallyDb } from './db';

export type SweepState = SweepRecord['state'];

/** Requests per day a sweep may make by default (issue #11). */
export const DEFAULT_DAILY_CAP = 2000;

/** What a webmail page knows about one notice it found. */
export interface SweepItemInput {
  /** The id the notice is reported under (Gmail: legacy hex message id). */
  messageId: string;
  /** Gmail `msg-f:<decimal>` or `msg-a:…`, when known. */
  permId?: string;
  /** Gmail legacy hex message id, when known. */
  legacyId?: string;
  /** Outlook: the row's own id (a conversation or item id), to find the row again. */
  rowId?: string;
  /** The date the webmail shows for it (ISO), when known. */
  date?: string;
}

export interface SweepItem extends SweepItemInput {
  key: string;
  sweepId: string;
  order: number;
  state: SweepItemRecord['state'];
  /** Why it could not be read (state 'failed'). */
  error?: string;
}

/** A sweep and its counters, as the pages and the popup show it. */
export interface SweepStatus {
  id: string;
  webmail: string;
  account: string;
  query: string;
  state: SweepState;
  stopReason: string;
  startedAt: string;
  updatedAt: string;
  /** Every result page (or the whole folder) has been walked. */
  collected: boolean;
  /** Result pages walked so far (Gmail), to continue collecting after a reload. */
  pages: number;
  found: number;
  read: number;
  failed: number;
  bounces: number;
  addresses: number;
  dailyCap: number;
  /** Items handed out for reading today, over this account's sweeps. */
  requestsToday: number;
  /** Ids of the notices that could not be read (at most 50, oldest first). */
  failedIds: string[];
}

/** The fields this module adds to a SweepRecord (its index signature allows them). */
interface StoredSweep extends SweepRecord {
  collected: boolean;
  pages: number;
  found: number;
  read: number;
  failed: number;
  bounces: number;
  addressList: string[];
  dailyCap: number;
  /** Items handed out per UTC day: { '2026-12-04': 37 }. */
  requests: Record<string, number>;
  failedIds: string[];
  /** Set on Cancel: the next start begins a new sweep instead of continuing this one. */
  cancelled: boolean;
  /** Creation order (sweeps started in the same millisecond). */
  seq: number;
}

/** Newest first: by start time, then by creation order. */
const newestFirst = (a: StoredSweep, b: StoredSweep): number =>
  a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : (b.seq ?? 0) - (a.seq ?? 0);

interface StoredItem extends SweepItemRecord {
  permId?: string;
  legacyId?: string;
  rowId?: string;
  date?: string;
  error?: string;
}

export interface BeginRequest {
  webmail: string;
  account: string;
  query: string;
  dailyCap?: number;
}

export interface MarkRequest {
  state: 'read' | 'failed';
  /** For 'read': was it a bounce, and the failed addresses it named. */
  bounce?: boolean;
  addresses?: readonly string[];
  error?: string;
}

const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

export class SweepQueue {
  private connection: Promise<TallyDatabase> | undefined;

  constructor(private readonly options: { name?: string; now?: () => Date; db?: () => Promise<TallyDatabase> } = {}) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** The tally's database, opened as TallyStore opens it (lazily, again after the browser closed it). */
  private db(): Promise<TallyDatabase> {
    if (this.options.db) return this.options.db();
    this.connection ??= openTallyDb({
      name: this.options.name,
      onClose: () => {
        this.connection = undefined;
      },
    }).catch((error: unknown) => {
      this.connection = undefined;
      throw error;
    });
    return this.connection;
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (connection) (await connection).close();
  }

  private async requestsToday(db: TallyDatabase, webmail: string, account: string): Promise<number> {
    const today = dayOf(this.now());
    let total = 0;
    for (const sweep of (await db.getAll('sweeps')) as StoredSweep[]) {
      if (sweep.webmail === webmail && sweep.account === account) total += sweep.requests?.[today] ?? 0;
    }
    return total;
  }

  private async toStatus(db: TallyDatabase, sweep: StoredSweep): Promise<SweepStatus> {
    return {
      id: sweep.id,
      webmail: sweep.webmail,
      account: sweep.account,
      query: sweep.query,
      state: sweep.state,
      stopReason: sweep.stopReason,
      startedAt: sweep.startedAt,
      updatedAt: sweep.updatedAt,
      collected: sweep.collected,
      pages: sweep.pages,
      found: sweep.found,
      read: sweep.read,
      failed: sweep.failed,
      bounces: sweep.bounces,
      addresses: sweep.addressList.length,
      dailyCap: sweep.dailyCap,
      requestsToday: await this.requestsToday(db, sweep.webmail, sweep.account),
      failedIds: sweep.failedIds.slice(0, 50),
    };
  }

  private async get(db: TallyDatabase, id: string): Promise<StoredSweep> {
    const sweep = (await db.get('sweeps', id)) as StoredSweep | undefined;
    if (!sweep) throw new Error(`no sweep ${JSON.stringify(id.slice(0, 80))}`);
    return sweep;
  }

  /** The newest sweep of a webmail account ('' account: of any account of that webmail), or null. */
  async latest(webmail: string, account?: string): Promise<SweepStatus | null> {
    const db = await this.db();
    const sweeps = ((await db.getAll('sweeps')) as StoredSweep[]).filter((s) => s.webmail === webmail && (!account || s.account === account));
    sweeps.sort(newestFirst);
    const newest = sweeps[0];
    return newest ? this.toStatus(db, newest) : null;
  }

  async status(id: string): Promise<SweepStatus> {
    const db = await this.db();
    return this.toStatus(db, await this.get(db, id));
  }

  /**
   * Starts a sweep, or continues the account's unfinished one (paused, or stopped without Cancel:
   * "pressing start again continues with the rest"). Its state becomes 'running'. A notice that
   * failed stays failed in that sweep: it is not handed out again.
   */
  async begin(request: BeginRequest): Promise<SweepStatus> {
    const db = await this.db();
    const at = this.now().toISOString();
    const tx = db.transaction('sweeps', 'readwrite');
    const all = (await tx.store.getAll()) as StoredSweep[];
    const open = all
      .filter((s) => s.webmail === request.webmail && s.account === request.account && s.state !== 'done' && !s.cancelled)
      .sort(newestFirst)[0];
    let sweep: StoredSweep;
    if (open) {
      sweep = { ...open, state: 'running', stopReason: '', updatedAt: at, ...(request.dailyCap ? { dailyCap: request.dailyCap } : {}) };
    } else {
      sweep = {
        // The start time orders sweeps; the suffix keeps two started in the same millisecond apart.
        id: `${request.webmail}|${request.account}|${at}|${Math.random().toString(36).slice(2, 8)}`,
        webmail: request.webmail,
        account: request.account,
        query: request.query,
        state: 'running',
        startedAt: at,
        updatedAt: at,
        stopReason: '',
        collected: false,
        pages: 0,
        found: 0,
        read: 0,
        failed: 0,
        bounces: 0,
        addressList: [],
        dailyCap: request.dailyCap ?? DEFAULT_DAILY_CAP,
        requests: {},
        failedIds: [],
        cancelled: false,
        seq: all.reduce((max, s) => Math.max(max, s.seq ?? 0), 0) + 1,
      };
    }
    await tx.store.put(sweep);
    await tx.done;
    return this.toStatus(db, sweep);
  }

  /**
   * Adds the notices a page found, in the order given, after those already queued. `recorded`:
   * ids the tally already holds (filed as read at once, never requested). Returns the status.
   */
  async add(id: string, items: readonly SweepItemInput[], recorded: ReadonlySet<string> = new Set(), progress: { pages?: number; collected?: boolean } = {}): Promise<SweepStatus> {
    const db = await this.db();
    const tx = db.transaction(['sweeps', 'sweepItems'], 'readwrite');
    const sweeps = tx.objectStore('sweeps');
    const store = tx.objectStore('sweepItems');
    const sweep = (await sweeps.get(id)) as StoredSweep | undefined;
    if (!sweep) {
      tx.abort();
      throw new Error('no such sweep');
    }
    const seen = new Set<string>();
    for (const item of items) {
      if (!item.messageId || seen.has(item.messageId)) continue;
      seen.add(item.messageId);
      const key = `${id}|${item.messageId}`;
      if (await store.getKey(key)) continue;
      const already = recorded.has(item.messageId);
      const record: StoredItem = {
        key,
        sweepId: id,
        order: sweep.found,
        messageId: item.messageId,
        state: already ? 'read' : 'queued',
        ...(item.permId ? { permId: item.permId } : {}),
        ...(item.legacyId ? { legacyId: item.legacyId } : {}),
        ...(item.rowId ? { rowId: item.rowId } : {}),
        ...(item.date ? { date: item.date } : {}),
        ...(already ? { already: true } : {}),
      };
      await store.put(record);
      sweep.found += 1;
      if (already) sweep.read += 1;
    }
    if (progress.pages !== undefined) sweep.pages = Math.max(sweep.pages, progress.pages);
    if (progress.collected) sweep.collected = true;
    sweep.updatedAt = this.now().toISOString();
    await sweeps.put(sweep);
    await tx.done;
    return this.toStatus(db, sweep);
  }

  /**
   * The next queued notice of a running sweep, counted against today's cap; null when none is left
   * (`capReached` says when the cap is what stops it).
   */
  async take(id: string): Promise<{ item: SweepItem | null; capReached: boolean; status: SweepStatus }> {
    const db = await this.db();
    const today = dayOf(this.now());
    const owner = await this.get(db, id);
    const used = await this.requestsToday(db, owner.webmail, owner.account);
    const tx = db.transaction(['sweeps', 'sweepItems'], 'readwrite');
    const sweep = (await tx.objectStore('sweeps').get(id)) as StoredSweep;
    let found: StoredItem | null = null;
    const range = IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]);
    for (let cursor = await tx.objectStore('sweepItems').index('by-sweep').openCursor(range); cursor; cursor = await cursor.continue()) {
      if (cursor.value.state === 'queued') {
        found = cursor.value as StoredItem;
        break;
      }
    }
    const capReached = !!found && used >= sweep.dailyCap;
    if (found && !capReached) {
      sweep.requests = { ...sweep.requests, [today]: (sweep.requests?.[today] ?? 0) + 1 };
      sweep.updatedAt = this.now().toISOString();
      await tx.objectStore('sweeps').put(sweep);
    }
    await tx.done;
    const item = found && !capReached ? toItem(found) : null;
    return { item, capReached, status: await this.toStatus(db, sweep) };
  }

  /** Files a notice as read (recorded in the tally) or failed (left unread, listed as such). */
  async mark(id: string, messageId: string, request: MarkRequest): Promise<SweepStatus> {
    const db = await this.db();
    const tx = db.transaction(['sweeps', 'sweepItems'], 'readwrite');
    const sweep = (await tx.objectStore('sweeps').get(id)) as StoredSweep;
    const item = (await tx.objectStore('sweepItems').get(`${id}|${messageId}`)) as StoredItem | undefined;
    if (!sweep || !item) {
      tx.abort();
      throw new Error('no such sweep item');
    }
    // Only a queued item moves: marking twice (two tabs, a retry after a reload) counts once.
    if (item.state === 'queued') {
      if (request.state === 'read') {
        item.state = 'read';
        sweep.read += 1;
        if (request.bounce) sweep.bounces += 1;
        const known = new Set(sweep.addressList);
        for (const address of request.addresses ?? []) if (!known.has(address)) {
          known.add(address);
          sweep.addressList.push(address);
        }
      } else {
        item.state = 'failed';
        item.error = (request.error ?? '').slice(0, 300);
        sweep.failed += 1;
        sweep.failedIds.push(messageId);
      }
      sweep.updatedAt = this.now().toISOString();
      await tx.objectStore('sweepItems').put(item);
      await tx.objectStore('sweeps').put(sweep);
    }
    await tx.done;
    return this.toStatus(db, sweep);
  }

  /** Pause, resume, stop (with a reason in words), finish, or cancel (stop for good). */
  async setState(id: string, state: SweepState, stopReason = '', options: { cancelled?: boolean } = {}): Promise<SweepStatus> {
    const db = await this.db();
    const tx = db.transaction('sweeps', 'readwrite');
    const sweep = (await tx.store.get(id)) as StoredSweep | undefined;
    if (!sweep) {
      tx.abort();
      throw new Error('no such sweep');
    }
    sweep.state = state;
    sweep.stopReason = state === 'stopped' ? stopReason : '';
    if (options.cancelled) sweep.cancelled = true;
    sweep.updatedAt = this.now().toISOString();
    await tx.store.put(sweep);
    await tx.done;
    return this.toStatus(db, sweep);
  }

  /** Every item of a sweep, in the order found (tests, the popup's list of unread notices). */
  async items(id: string): Promise<SweepItem[]> {
    const db = await this.db();
    const range = IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]);
    return ((await db.getAllFromIndex('sweepItems', 'by-sweep', range)) as StoredItem[]).map(toItem);
  }
}

function toItem(record: StoredItem): SweepItem {
  return {
    key: record.key,
    sweepId: record.sweepId,
    order: record.order,
    messageId: record.messageId,
    state: record.state,
    ...(record.permId ? { permId: record.permId } : {}),
    ...(record.legacyId ? { legacyId: record.legacyId } : {}),
    ...(record.rowId ? { rowId: record.rowId } : {}),
    ...(record.date ? { date: record.date } : {}),
    ...(record.error ? { error: record.error } : {}),
  };
}
