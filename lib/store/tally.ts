/**
 * The tally: records classified notices as bounce events, keeps one folded record per address,
 * answers lookups, and backs up / restores / forgets / clears. The only code that reads or writes
 * the IndexedDB schema of ./db.ts.
 *
 * Idempotency has three layers, so that a notice seen again (re-render, another tab, an mbox
 * import of the same mailbox, a second device's backup) changes nothing:
 *  1. the notice key (webmail + account + webmail message id, or a content hash);
 *  2. the notice's own Message-ID header (the same notice reached by another route);
 *  3. the event id: the notice's identity (its Message-ID, else its key) + the recipient, so two
 *     bounces are never merged; a rendered view and the raw source of the same notice (no
 *     Message-ID on one side) are told apart as route twins when the tally is folded
 *     (lib/policy.ts withoutRouteTwins).
 * Tallies are always folded from the stored events (never incremented), so replaying notices in
 * any order gives the same tally. Each address's summary, its group and the per-group counts are
 * written in the same transaction as the change (./summary.ts), so a list is read from indexes,
 * one page at a time, and the badge from one counter record.
 */
import type { ClassifiedNotice, FailedRecipient } from '../bounce/types';
import {
  DEFAULT_POLICY,
  MANUAL_WEBMAIL,
  applyDecision,
  classifyEvent,
  createSummariser,
  dayOf,
  isWaitingForRemoval,
  foldEvents,
  mergeDecisions,
  normaliseAddress,
  normaliseSettings,
  type AddressTally,
  type DecisionState,
  type KeptState,
  type EventClass,
  type PolicySettings,
  type UserDecision,
} from '../policy';
import { deleteDB, openDB, type IDBPTransaction } from 'idb';
import {
  DB_NAME,
  DB_VERSION,
  LIST_GROUPS,
  emptyGroupCounts,
  eventIdOf,
  noticeIdentityOf,
  normaliseMessageId,
  openTallyDb,
  summarisedMark,
  type AddressIndex,
  type AddressRecord,
  type EventRecord,
  type GroupCounts,
  type StoredCounts,
  type SentToCounts,
  type ListGroup,
  type NoticeRecord,
  type SelectorHealthRecord,
  type SummarisedMark,
  type TallyDatabase,
  type TallyDB,
} from './db';
import { judgeTrust } from './trust';
import { readByIndexKeys, readByPrimaryKeys } from './batch-reads';
import { readPage } from './read-page';
import { sourcesOf, createFieldSummariser, type SummaryFields } from './summary';
import type { AddressSummary } from '../policy';

/** Caps on what is kept of a server's words: enough to explain a bounce, never a body. */
export const FIELD_LIMITS = {
  diagnostic: 1000,
  remoteMta: 255,
  status: 16,
  replyCode: 8,
  noticeUrl: 2048,
  webmail: 32,
  account: 320,
  webmailMessageId: 512,
  format: 64,
} as const;

/** A notice is dated by its Date header unless that is absurd (more than a day in the future). */
const FUTURE_TOLERANCE_MS = 86_400_000;

export interface NoticeToRecord {
  key: string;
  webmail: string;
  account: string;
  webmailMessageId: string;
  /** URL that reopens the notice in its webmail ('' for imports). */
  url: string;
  notice: ClassifiedNotice;
}

export interface RecordResult {
  noticeKey: string;
  /** True when the notice (or an equivalent one) had been recorded before: nothing changed. */
  duplicate: boolean;
  category: NoticeRecord['category'];
  format: string;
  /** The events of this notice (new or matched), one per failed recipient. */
  events: EventRecord[];
  /** The records of the addresses this notice names, after recording. */
  addresses: AddressRecord[];
  /** Why this notice does not count until the user confirms it (lib/store/trust.ts); absent when it counts. */
  unverified?: string;
}

export interface ImportCounts {
  noticesAdded: number;
  noticesSkipped: number;
  eventsAdded: number;
  /** Set when recording stopped early (the disk is full): in words; every whole notice before it is kept. */
  stopped?: string;
}

export type ListSort = 'last' | 'count' | 'domain';

/** A notice not tied to the user's sent mail, waiting for the user's say. */
export interface UnverifiedNotice {
  key: string;
  webmail: string;
  seenAt: string;
  why: string;
  addresses: number;
  /** The first addresses it names. */
  sample: string[];
}

/** One page of one list: a group (or every address), filtered by a search, in one order. */
export interface ListQuery {
  group: ListGroup | 'all';
  query?: string;
  /** The All view's filters (any list takes them): each narrows the list and its counts. */
  filter?: ListFilter;
  sort?: ListSort;
  offset?: number;
  limit?: number;
}

export interface ListPage {
  rows: AddressSummary[];
  /** Rows in this list under this search (all pages). */
  total: number;
  offset: number;
  /** Per group under this search, and 'all'. */
  counts: GroupCounts & { all: number };
}

export interface ListFilter {
  /** One of the record's sources (`gmail:<account>`, `outlook:<account>`, `import`, `manual`). */
  source?: string;
  /** Has bounced this way at least once. */
  kind?: 'hard' | 'soft' | 'sender' | 'undetermined';
  /** The last bounce's reason. */
  reason?: string;
  /** Last bounce on or after / on or before these UTC days (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

function matchesFilter(record: AddressRecord, filter: ListFilter): boolean {
  if (filter.source && !(record.sources ?? []).includes(filter.source)) return false;
  if (filter.kind) {
    const count = { hard: record.hardCount, soft: record.softCount, sender: record.senderProblemCount, undetermined: record.undeterminedCount }[filter.kind];
    if (!count) return false;
  }
  if (filter.reason && record.last.reason !== filter.reason) return false;
  const day = record.lastBounceAt.slice(0, 10);
  if (filter.from && day < filter.from) return false;
  if (filter.to && day > filter.to) return false;
  return true;
}

function hasFilter(filter: ListFilter | undefined): filter is ListFilter {
  return !!filter && Object.values(filter).some((value) => value !== undefined && value !== '');
}

export const LIST_PAGE_LIMIT = 5000;

/** The database was written by a newer version of the extension: nothing here can read it safely. */
export const STORE_TOO_NEW_MESSAGE =
  'Your Bounce Sweeper data was saved by a newer version of the extension than this one. Update the extension to use it, or download a backup of it and start afresh (Settings).';

export class StoreTooNewError extends Error {
  constructor(readonly foundVersion: number | undefined) {
    super(STORE_TOO_NEW_MESSAGE);
    this.name = 'StoreTooNewError';
  }
}

/** Is this failure (as it crossed the message bus: name and message only) StoreTooNewError? */
export function isStoreTooNew(error: unknown): boolean {
  return error instanceof Error && (error.name === 'StoreTooNewError' || error.message === STORE_TOO_NEW_MESSAGE);
}

/** The browser refused to store more (the disk or the origin's quota is full). */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  const inner = (error as { inner?: { name?: unknown } } | null)?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

export const QUOTA_MESSAGE =
  'The browser has no room left to store more (the disk or its storage quota is full). Everything recorded until now is kept; free some disk space and run it again to continue.';

export const BACKUP_FORMAT = 'bounce-sweeper-backup';
/** Version of the backup file layout (independent of the database version). */
export const BACKUP_VERSION = 1;

/** What a backup keeps of an address beside its events: the decision and the proof of life. */
export interface AddressDecision extends KeptState {
  address: string;
}

/** The versioned JSON backup: notices, events, decisions and settings. Tallies are re-folded on import. */
export interface TallyBackup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  schemaVersion: number;
  settings: PolicySettings;
  notices: NoticeRecord[];
  events: EventRecord[];
  decisions: AddressDecision[];
}

const SETTINGS_KEY = 'policy';
const ALL_STORES = ['notices', 'events', 'addresses', 'settings', 'meta'] as const;

const INDEX_OF: Record<ListSort, { group: AddressIndex; all: AddressIndex; descending: boolean }> = {
  last: { group: 'by-group-last', all: 'by-last', descending: true },
  count: { group: 'by-group-count', all: 'by-count', descending: true },
  domain: { group: 'by-group-domain', all: 'by-domain', descending: false },
};

/** Every key of one group in a [group, …] index: arrays sort after every string and number. */
function groupRange(group: ListGroup): IDBKeyRange {
  return IDBKeyRange.bound([group], [group, []]);
}

/** What a write transaction carries: one summariser (policy, today) and the counts it moves. */
interface WriteContext {
  tx: WriteTransaction;
  at: string;
  summarise: (tally: AddressTally) => SummaryFields;
  counts: StoredCounts;
  countsChanged: boolean;
  /**
   * Writes made without waiting for them (issue #12: a batch of 500 notices was bound by waiting
   * for each request in turn, not by IndexedDB's work). A transaction runs its requests in the
   * order they are made, so later reads see them; finishWrite waits for them all, and any failure
   * aborts the transaction as before.
   */
  pending: Array<Promise<unknown>>;
}

function cap(value: unknown, limit: number): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().slice(0, limit) : '';
}

const NO_DECISION: DecisionState = { decision: 'none', decidedAt: '' };

/**
 * How many keys a batch's one range read may bring back before it gives up for one get per key
 * (./batch-reads.ts): about the cost of the 500 gets of a full batch it replaces.
 */
const RANGE_READ_LIMIT = 1000;

/** `read` asked at most once per key: later calls share the first answer. */
function once<T>(read: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const asked = new Map<string, Promise<T>>();
  return (key) => {
    let answer = asked.get(key);
    if (!answer) {
      answer = read(key);
      asked.set(key, answer);
    }
    return answer;
  };
}

/** Actions that are not failures: a DSN can list delivered recipients beside failed ones. */
const NOT_FAILED = new Set(['delivered', 'relayed', 'expanded']);

export class TallyStore {
  private connection: Promise<TallyDatabase> | undefined;
  /** `${day}#${policy}` the stored summaries are known to be current for (checked once per day). */
  private currentFor = '';

  constructor(private readonly options: { name?: string; now?: () => Date } = {}) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Opens lazily and reopens after the browser or a newer version closed the connection. */
  private db(): Promise<TallyDatabase> {
    this.connection ??= openTallyDb({
      name: this.options.name,
      onClose: () => {
        this.connection = undefined;
      },
    }).catch(async (error: unknown) => {
      this.connection = undefined;
      // Opening at a version lower than the one on disk (an older build installed over a newer one).
      if ((error as { name?: unknown } | null)?.name === 'VersionError') throw new StoreTooNewError(await this.versionOnDisk());
      throw error;
    });
    return this.connection;
  }

  private async versionOnDisk(): Promise<number | undefined> {
    try {
      const databases = await indexedDB.databases?.();
      return databases?.find((info) => info.name === (this.options.name ?? DB_NAME))?.version;
    } catch {
      return undefined;
    }
  }

  /** The data as a backup, read as it is on disk (for a database a newer version wrote). */
  async rescueBackup(): Promise<TallyBackup> {
    return rescueBackup(this.options.name ?? DB_NAME, this.now());
  }

  /** Deletes the database; the next call opens a new, empty one at this version. */
  async reset(): Promise<void> {
    await this.close();
    await deleteTallyDb(this.options.name ?? DB_NAME);
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    this.currentFor = '';
    if (connection) (await connection).close();
  }

  // -- writing ---------------------------------------------------------------------------------

  private async beginWrite(tx: WriteTransaction, at: string): Promise<WriteContext> {
    const [settings, counts] = await Promise.all([tx.objectStore('settings').get(SETTINGS_KEY), tx.objectStore('meta').get('counts')]);
    return { tx, at, summarise: createFieldSummariser(settings, this.now()), counts: { ...emptyGroupCounts(), ...(counts as StoredCounts | undefined) }, countsChanged: false, pending: [] };
  }

  private async finishWrite(ctx: WriteContext): Promise<void> {
    await Promise.all(ctx.pending);
    if (ctx.countsChanged) await ctx.tx.objectStore('meta').put(ctx.counts, 'counts');
  }

  /** Writes a tally with its summary, moving the group counts from `old`'s group to the new one. */
  private async putAddress(ctx: WriteContext, tally: AddressTally, old: AddressRecord | undefined, sources?: string[]): Promise<AddressRecord> {
    const record: AddressRecord = { ...tally, updatedAt: ctx.at, ...ctx.summarise(tally), sources: sources ?? old?.sources ?? [] };
    await ctx.tx.objectStore('addresses').put(record);
    this.moveCount(ctx, old?.group, record.group);
    return record;
  }

  /**
   * The one fold of an address (recording, refolding): its tally from its events (all of them;
   * bounces of a notice the user has not confirmed are kept but never counted) and its decision,
   * with the summary under ctx's policy; undefined when nothing is left to keep (no counted
   * bounce and no decision), so no record is written for it.
   */
  private foldAddress(ctx: WriteContext, address: string, events: readonly EventRecord[], decision: KeptState): AddressRecord | undefined {
    const counted = events.filter((event) => !event.unverified);
    if (counted.length === 0 && decision.decision === 'none') return undefined;
    const tally = foldEvents(address, counted, decision);
    return { ...tally, updatedAt: ctx.at, ...ctx.summarise(tally), sources: sourcesOf(counted) };
  }

  private stage(ctx: WriteContext, request: Promise<unknown>): void {
    // Marked handled here (an abort would otherwise report each one); finishWrite still sees the failure.
    request.catch(() => undefined);
    ctx.pending.push(request);
  }

  private async deleteAddress(ctx: WriteContext, old: AddressRecord): Promise<void> {
    await ctx.tx.objectStore('addresses').delete(old.address);
    this.moveCount(ctx, old.group, undefined);
  }

  private moveCount(ctx: WriteContext, from: ListGroup | undefined, to: ListGroup | undefined): void {
    if (from === to) return;
    if (from) ctx.counts[from] = Math.max(0, ctx.counts[from] - 1);
    if (to) ctx.counts[to] += 1;
    ctx.countsChanged = true;
  }

  /** Runs `work` in one read-write transaction over every store: all of it, or (on any failure) none of it. */
  private async write<T>(work: (ctx: WriteContext) => Promise<T>): Promise<T> {
    const db = await this.db();
    const tx = db.transaction(ALL_STORES, 'readwrite');
    try {
      const ctx = await this.beginWrite(tx, this.now().toISOString());
      const result = await work(ctx);
      await this.finishWrite(ctx);
      await tx.done;
      return result;
    } catch (error) {
      abortQuietly(tx);
      throw error;
    }
  }

  /** What was recorded under this key (events and address records), or undefined when never seen. */
  async findRecorded(key: string): Promise<RecordResult | undefined> {
    await this.ensureCurrent();
    const tx = (await this.db()).transaction(ALL_STORES, 'readonly');
    const notice = await tx.objectStore('notices').get(key);
    const result = notice ? await this.describeRecorded(tx, key, notice) : undefined;
    await tx.done;
    return result;
  }

  /** The webmails that reported a bounce for this address ('import' for imports). */
  async webmailsOf(address: string): Promise<Set<string>> {
    const key = normaliseAddress(address);
    if (!key) return new Set();
    const events = await (await this.db()).getAllFromIndex('events', 'by-address', key);
    return new Set(events.map((event) => event.webmail));
  }

  /** Records one classified notice in one transaction: all of it, or (on any failure) none of it. */
  async recordNotice(input: NoticeToRecord): Promise<RecordResult> {
    await this.ensureCurrent();
    return this.write(async (ctx) => (await this.recordBatch(ctx, [input], true))[0]!);
  }

  /**
   * Records notices in ctx's transaction, each seeing the ones before it, exactly as recording
   * them one by one would (tests/store/scale.test.ts compares the two). Issue #12: in Chromium each
   * IndexedDB request costs a round trip whatever it carries, so a batch reads in a few waves, all
   * of it requested before any answer is awaited, folds in memory, and writes each address once:
   *  - the notices by key and by Message-ID (./batch-reads.ts: one range read when they lie close);
   *  - for each notice not seen before, its addresses' records and, for those that have one, their
   *    events. An address without a record has no counted event (a record is written with its
   *    first counted bounce and deleted with its last), so nothing of it is needed for a fold;
   *  - for a notice seen before, its events and their addresses (for the result);
   *  - then every new notice and event, and each changed address once, with the counts moved from
   *    the group it had before the batch to the group it has after.
   * `describeKnown: false` (an import, which only counts): a notice seen before is answered as a
   * duplicate with no events or addresses, so nothing of it is read but its notice record.
   * `thorough` (one notice; and the one-by-one retry after a failed batch) reads by plain gets,
   * and reads every address's events, so that an event stored without its notice (a partial
   * backup) is found, as the batch would find it only by its add failing.
   */
  private async recordBatch(ctx: WriteContext, inputs: readonly NoticeToRecord[], thorough: boolean, describeKnown = true): Promise<RecordResult[]> {
    const { tx } = ctx;
    const notices = tx.objectStore('notices');
    const eventStore = tx.objectStore('events');
    const addressStore = tx.objectStore('addresses');
    const prepared = inputs.map((input) => {
      const noticeDate = Date.parse(input.notice.date);
      const dated = Number.isFinite(noticeDate) && noticeDate <= this.now().getTime() + FUTURE_TOLERANCE_MS;
      const seenAt = dated ? new Date(noticeDate).toISOString() : ctx.at;
      const rfcMessageId = normaliseMessageId(input.notice.messageId ?? '');
      return { input, seenAt, rfcMessageId, events: this.eventsOf(input, seenAt, noticeIdentityOf(input.key, rfcMessageId)) };
    });
    const byKey = thorough
      ? (key: string) => notices.get(key)
      : readByPrimaryKeys(notices, inputs.map((input) => input.key), RANGE_READ_LIMIT);
    const byMessageId = thorough
      ? (id: string) => notices.index('by-rfc-message-id').get(id)
      : readByIndexKeys(notices.index('by-rfc-message-id'), prepared.map((p) => p.rfcMessageId).filter((id) => id !== ''), RANGE_READ_LIMIT, (record) => record.rfcMessageId);

    // The store as it was before the batch, read ahead; the batch's own changes are kept beside it.
    const addressReads = new Map<string, Promise<{ record: AddressRecord | undefined; events: EventRecord[] }>>();
    const readAddress = (address: string) => {
      let read = addressReads.get(address);
      if (!read) {
        const record = addressStore.get(address);
        const events = thorough ? eventStore.index('by-address').getAll(address) : undefined;
        read = record.then(async (found) => ({ record: found, events: events ? await events : found ? await eventStore.index('by-address').getAll(address) : [] }));
        read.catch(() => undefined);
        addressReads.set(address, read);
      }
      return read;
    };
    const readEvent = once((id: string) => eventStore.get(id));
    const readRecord = once((address: string) => addressStore.get(address));
    const lookups = prepared.map(({ input, rfcMessageId, events }) => {
      const lookup = Promise.all([byKey(input.key), rfcMessageId ? byMessageId(rfcMessageId) : undefined]).then((found) => {
        const [known, twin] = found;
        const recorded = known ?? twin;
        // A notice seen before reports what it recorded: its events and their addresses.
        if (recorded) {
          if (describeKnown) for (const id of recorded.eventIds) void readEvent(id).then((event) => event && readRecord(event.address)).catch(() => undefined);
        } else for (const event of events) void readAddress(event.address).catch(() => undefined);
        return found;
      });
      lookup.catch(() => undefined);
      return lookup;
    });

    const batchNotices = new Map<string, NoticeRecord>();
    /** Per Message-ID, the notice of the batch with the lowest key (what the index answers first). */
    const batchByMessageId = new Map<string, NoticeRecord>();
    const batchEvents = new Map<string, EventRecord>();
    /** Addresses the batch touched: the record before the batch, the record now, and its events. */
    const touched = new Map<string, { before: AddressRecord | undefined; now: AddressRecord | undefined; events: EventRecord[]; changed: boolean }>();
    const addNotice = (record: NoticeRecord) => {
      batchNotices.set(record.key, record);
      const id = record.rfcMessageId;
      const first = id ? batchByMessageId.get(id) : undefined;
      if (id && (!first || record.key < first.key)) batchByMessageId.set(id, record);
    };
    const describe = async (key: string, notice: NoticeRecord): Promise<RecordResult> => {
      if (!describeKnown) return recordedResult(key, notice, [], []);
      const events: EventRecord[] = [];
      for (const id of notice.eventIds) {
        const event = batchEvents.get(id) ?? (await readEvent(id));
        if (event) events.push(event); // absent: forgotten since
      }
      const addresses: AddressRecord[] = [];
      for (const event of events) {
        const record = touched.has(event.address) ? touched.get(event.address)!.now : await readRecord(event.address);
        if (record) addresses.push(record);
      }
      return recordedResult(key, notice, events, addresses);
    };

    const results: RecordResult[] = [];
    for (const [i, { input, seenAt, rfcMessageId }] of prepared.entries()) {
      const [storedKnown, storedTwin] = await lookups[i]!;
      // The key wins over the Message-ID; the batch's own notices over what was read before it.
      const known = batchNotices.get(input.key) ?? storedKnown;
      if (known) {
        results.push(await describe(input.key, known));
        continue;
      }
      const inBatch = rfcMessageId ? batchByMessageId.get(rfcMessageId) : undefined;
      const twin = inBatch && (!storedTwin || inBatch.key < storedTwin.key) ? inBatch : storedTwin;
      if (twin) {
        // Another route to a notice we have: remember this key too, so the next look is by key.
        const record: NoticeRecord = { ...this.noticeRecord(input, seenAt, ctx.at, rfcMessageId, twin.eventIds), sameAs: twin.sameAs ?? twin.key };
        this.stage(ctx, notices.put(record));
        addNotice(record);
        results.push(await describe(input.key, twin));
        continue;
      }

      let events = prepared[i]!.events;
      const judged = input.webmail === MANUAL_WEBMAIL ? ({ verified: true } as const) : judgeTrust(input.notice, input.account, events.length);
      // Not tied to the user's sent mail (./trust.ts): keep its bounces, count none until the user says so.
      if (!judged.verified) {
        events = events.map((event) => ({ ...event, unverified: true as const }));
        ctx.counts.unverified = (ctx.counts.unverified ?? 0) + 1;
        ctx.countsChanged = true;
      }
      const stored: EventRecord[] = [];
      const changed: AddressRecord[] = [];
      const unchanged: AddressRecord[] = [];
      // A route twin (lib/policy.ts withoutRouteTwins) is kept as an event but counts nothing new.
      let countsNothingNew = true;
      for (const event of events) {
        let state = touched.get(event.address);
        if (!state) {
          const read = await readAddress(event.address);
          state = { before: read.record, now: read.record, events: [...read.events], changed: false };
          touched.set(event.address, state);
        }
        const existing = state.now;
        const found = state.events.find((candidate) => candidate.id === event.id);
        if (found) {
          stored.push(found);
          if (existing) unchanged.push(existing);
          continue;
        }
        this.stage(ctx, eventStore.add(event));
        batchEvents.set(event.id, event);
        state.events.push(event);
        stored.push(event);
        // A new event is folded with the address's events so far: what a refold would read.
        const record = this.foldAddress(ctx, event.address, state.events, existing ?? NO_DECISION);
        if (!record) {
          if (existing) unchanged.push(existing);
          continue;
        }
        if ((existing?.bounceTotal ?? -1) !== record.bounceTotal) countsNothingNew = false;
        state.now = record;
        state.changed = true;
        changed.push(record);
      }
      const record = this.noticeRecord(input, seenAt, ctx.at, rfcMessageId, stored.map((event) => event.id));
      const notice = judged.verified ? record : { ...record, unverified: { why: judged.why, addresses: events.length, state: 'ask' as const } };
      this.stage(ctx, notices.add(notice));
      addNotice(notice);
      results.push({
        ...(judged.verified ? {} : { unverified: judged.why }),
        noticeKey: input.key,
        duplicate: stored.length > 0 && countsNothingNew,
        category: input.notice.category,
        format: input.notice.format,
        events: stored,
        addresses: [...changed, ...unchanged],
      });
    }
    // Each changed address once, moving the counts from where it was before the batch.
    for (const state of touched.values()) {
      if (!state.changed || !state.now) continue;
      this.stage(ctx, addressStore.put(state.now));
      this.moveCount(ctx, state.before?.group, state.now.group);
    }
    return results;
  }

  private noticeRecord(input: NoticeToRecord, seenAt: string, recordedAt: string, rfcMessageId: string, eventIds: string[]): NoticeRecord {
    return {
      key: input.key,
      webmail: cap(input.webmail, FIELD_LIMITS.webmail),
      account: cap(input.account, FIELD_LIMITS.account),
      webmailMessageId: cap(input.webmailMessageId, FIELD_LIMITS.webmailMessageId),
      ...(rfcMessageId ? { rfcMessageId } : {}),
      category: input.notice.category,
      format: cap(input.notice.format, FIELD_LIMITS.format),
      seenAt,
      recordedAt,
      eventIds,
      ...(sentOf(input.notice) ? { sent: sentOf(input.notice)! } : {}),
    };
  }

  /** One event per failed recipient (deduplicated by address); nothing for a non-bounce. */
  private eventsOf(input: NoticeToRecord, seenAt: string, identity: string): EventRecord[] {
    const { notice } = input;
    if (!notice.isBounce || notice.category !== 'bounce') return [];
    const byId = new Map<string, EventRecord>();
    for (const recipient of notice.recipients) {
      if (NOT_FAILED.has(recipient.action)) continue;
      const address = normaliseAddress(recipient.address);
      if (!address) continue;
      const id = eventIdOf(identity, address);
      if (byId.has(id)) continue;
      const newAddress = recipient.newAddress ? normaliseAddress(recipient.newAddress) : null;
      byId.set(id, {
        id,
        address,
        kind: recipient.kind,
        reason: recipient.reason,
        status: cap(recipient.status, FIELD_LIMITS.status),
        replyCode: cap(recipient.replyCode, FIELD_LIMITS.replyCode),
        diagnostic: cap(recipient.diagnostic, FIELD_LIMITS.diagnostic),
        remoteMta: cap(recipient.remoteMta, FIELD_LIMITS.remoteMta),
        webmail: cap(input.webmail, FIELD_LIMITS.webmail),
        seenAt,
        day: dayOf(seenAt),
        noticeUrl: cap(input.url, FIELD_LIMITS.noticeUrl),
        noticeKey: input.key,
        ...(newAddress && newAddress !== address ? { newAddress } : {}),
      });
    }
    return [...byId.values()];
  }

  private async describeRecorded(tx: AnyTransaction, key: string, notice: NoticeRecord): Promise<RecordResult> {
    // All the events in one round trip, then all their addresses in another.
    const events = (await Promise.all(notice.eventIds.map((id) => tx.objectStore('events').get(id)))).filter((event): event is EventRecord => !!event); // absent: forgotten since
    const addresses = (await Promise.all(events.map((event) => tx.objectStore('addresses').get(event.address)))).filter((record): record is AddressRecord => !!record);
    return recordedResult(key, notice, events, addresses);
  }

  /**
   * Re-folds each address from all its events, keeping its decision, and re-summarises it.
   * `before` (when given) receives each address's bounceTotal before the change (-1: no record).
   * Every read is made at once and awaited once, then every write (issue #12: one round trip per
   * step, not per address); the records come back in the order of `addresses`.
   */
  private async refold(ctx: WriteContext, addresses: Iterable<string>, decisions?: Map<string, DecisionState>, before?: Map<string, number>): Promise<AddressRecord[]> {
    const keys = [...addresses];
    const byAddress = ctx.tx.objectStore('events').index('by-address');
    const store = ctx.tx.objectStore('addresses');
    const read = await Promise.all(keys.map((address) => Promise.all([byAddress.getAll(address), store.get(address)])));
    const writes: Array<Promise<AddressRecord | undefined>> = [];
    keys.forEach((address, i) => {
      const [events, existing] = read[i]!;
      before?.set(address, existing?.bounceTotal ?? -1);
      const record = this.foldAddress(ctx, address, events, decisions?.get(address) ?? existing ?? NO_DECISION);
      if (record) {
        writes.push(store.put(record).then(() => record));
        this.moveCount(ctx, existing?.group, record.group);
      } else if (existing) {
        writes.push(this.deleteAddress(ctx, existing).then(() => undefined));
      }
    });
    return (await Promise.all(writes)).filter((record): record is AddressRecord => !!record);
  }

  // -- keeping summaries current -----------------------------------------------------------------

  /**
   * The policy window moves with the calendar: on the first call of a new day, the addresses whose
   * summary changes today (by-resummarise ≤ today) are re-summarised, once; after a policy change,
   * all of them. Bounded work: what expired, not a scan per open.
   */
  private async ensureCurrent(): Promise<void> {
    const db = await this.db();
    const now = this.now();
    const settings = await db.get('settings', SETTINGS_KEY);
    const mark = summarisedMark(settings, now);
    const current = `${mark.day}#${mark.policy}`;
    if (this.currentFor === current) return;
    const stored = (await db.get('meta', 'summarised')) as SummarisedMark | undefined;
    if (!stored || stored.policy !== mark.policy || stored.day !== mark.day) {
      await this.write(async (ctx) => {
        const again = (await ctx.tx.objectStore('meta').get('summarised')) as SummarisedMark | undefined;
        if (again && again.policy === mark.policy && again.day === mark.day) return;
        const everything = !again || again.policy !== mark.policy || again.day > mark.day;
        const store = ctx.tx.objectStore('addresses');
        const due = everything ? await store.getAll() : await store.index('by-resummarise').getAll(IDBKeyRange.upperBound(mark.day));
        for (const old of due) await this.putAddress(ctx, tallyOf(old), old);
        await ctx.tx.objectStore('meta').put(mark, 'summarised');
      });
    }
    this.currentFor = current;
  }

  // -- reading -----------------------------------------------------------------------------------

  /** Records of these addresses (normalised), in one read transaction; unknown ones are left out. */
  async lookup(addresses: readonly string[]): Promise<AddressRecord[]> {
    const keys = [...new Set(addresses.map(normaliseAddress).filter((address): address is string => !!address))];
    if (keys.length === 0) return [];
    await this.ensureCurrent();
    const tx = (await this.db()).transaction('addresses', 'readonly');
    const found = await Promise.all(keys.map((key) => tx.store.get(key)));
    await tx.done;
    return found.filter((record): record is AddressRecord => !!record);
  }

  /** Every address record (backups, tests, migrations): lists page through listPage instead. */
  async allAddresses(): Promise<AddressRecord[]> {
    await this.ensureCurrent();
    return (await this.db()).getAll('addresses');
  }

  /**
   * How many addresses each policy would put on the Remove list, exactly, from the tallies (the
   * options page's preview): one read of every record, then one summariser per policy.
   */
  async previewRemovals(policies: readonly PolicySettings[]): Promise<number[]> {
    const records = await (await this.db()).getAll('addresses');
    const now = this.now();
    return policies.map((policy) => {
      const summarise = createSummariser(policy, now);
      let remove = 0;
      for (const record of records) if (isWaitingForRemoval(summarise(tallyOf(record)))) remove += 1;
      return remove;
    });
  }

  /** How many addresses each group holds: one counter record, not a scan. */
  async groupCounts(): Promise<GroupCounts> {
    await this.ensureCurrent();
    return groupsOf((await (await this.db()).get('meta', 'counts')) as StoredCounts | undefined);
  }

  /**
   * One page of a list, read from the index of its order. A search reads the index's keys (no
   * records) to count matches per group, then only the page's records.
   */
  async listPage(request: ListQuery): Promise<ListPage> {
    await this.ensureCurrent();
    const sort = INDEX_OF[request.sort ?? 'last'];
    const offset = Math.max(0, Math.floor(request.offset ?? 0));
    const limit = Math.min(LIST_PAGE_LIMIT, Math.max(0, Math.floor(request.limit ?? 100)));
    const needle = (request.query ?? '').trim().toLowerCase();
    const tx = (await this.db()).transaction(['addresses', 'meta'], 'readonly');
    const addresses = tx.objectStore('addresses');
    let rows: AddressRecord[] = [];
    let counts: GroupCounts;
    let total: number;
    if (hasFilter(request.filter)) {
      // A filter reads the records: one pass in the list's order over every address (the order of
      // the all-addresses index restricted to one group is that group's order), counting per group.
      const filter = request.filter;
      counts = emptyGroupCounts();
      let matched = 0;
      let cursor = await addresses.index(sort.all).openCursor(null, sort.descending ? 'prev' : 'next');
      for (; cursor; cursor = await cursor.continue()) {
        const record = cursor.value;
        if ((needle !== '' && !record.address.includes(needle)) || !matchesFilter(record, filter)) continue;
        counts[record.group] += 1;
        if (request.group !== 'all' && record.group !== request.group) continue;
        if (matched >= offset && rows.length < limit) rows.push(record);
        matched += 1;
      }
      total = request.group === 'all' ? sumCounts(counts) : counts[request.group];
    } else if (needle === '') {
      counts = groupsOf((await tx.objectStore('meta').get('counts')) as StoredCounts | undefined);
      total = request.group === 'all' ? sumCounts(counts) : counts[request.group];
      if (limit > 0 && offset < total) {
        const index = addresses.index(request.group === 'all' ? sort.all : sort.group);
        rows = await readPage<AddressRecord>(index, request.group === 'all' ? null : groupRange(request.group), sort.descending ? 'prev' : 'next', offset, limit);
      }
    } else {
      counts = emptyGroupCounts();
      let matches: string[] = [];
      for (const group of LIST_GROUPS) {
        const keys = (await addresses.index(sort.group).getAllKeys(groupRange(group))).filter((address) => address.includes(needle));
        counts[group] = keys.length;
        if (group === request.group) matches = keys;
      }
      if (request.group === 'all') matches = (await addresses.index(sort.all).getAllKeys()).filter((address) => address.includes(needle));
      if (sort.descending) matches.reverse();
      total = matches.length;
      const page = matches.slice(offset, offset + limit);
      rows = (await Promise.all(page.map((address) => addresses.get(address)))).filter((record): record is AddressRecord => !!record);
    }
    await tx.done;
    return { rows: rows.map((record) => record.summary), total, offset, counts: { ...counts, all: sumCounts(counts) } };
  }

  /** The sources and last reasons on record, for the All view's filter menus. */
  async filterOptions(): Promise<{ sources: string[]; reasons: string[] }> {
    const sources = new Set<string>();
    const reasons = new Set<string>();
    const db = await this.db();
    for (let cursor = await db.transaction('addresses').store.openCursor(); cursor; cursor = await cursor.continue()) {
      for (const source of cursor.value.sources ?? []) sources.add(source);
      reasons.add(cursor.value.last.reason);
    }
    return { sources: [...sources].sort(), reasons: [...reasons].sort() };
  }

  /** Every address of a group (or all), with its group, in list order: keys only, for a whole-list action. */
  async listVerdicts(request: { group?: ListGroup | 'all'; query?: string; filter?: ListFilter } = {}): Promise<Array<{ address: string; group: ListGroup }>> {
    await this.ensureCurrent();
    const needle = (request.query ?? '').trim().toLowerCase();
    if (hasFilter(request.filter)) {
      const filter = request.filter;
      const found: Array<{ address: string; group: ListGroup }> = [];
      const db = await this.db();
      for (let cursor = await db.transaction('addresses').store.index('by-last').openCursor(null, 'prev'); cursor; cursor = await cursor.continue()) {
        const record = cursor.value;
        if (request.group && request.group !== 'all' && record.group !== request.group) continue;
        if ((needle === '' || record.address.includes(needle)) && matchesFilter(record, filter)) found.push({ address: record.address, group: record.group });
      }
      return found;
    }
    const groups = !request.group || request.group === 'all' ? LIST_GROUPS : [request.group];
    const tx = (await this.db()).transaction('addresses', 'readonly');
    const index = tx.store.index('by-group-last');
    const verdicts: Array<{ address: string; group: ListGroup }> = [];
    for (const group of groups) {
      const keys = await index.getAllKeys(groupRange(group));
      for (let i = keys.length - 1; i >= 0; i--) {
        const address = keys[i]!;
        if (needle === '' || address.includes(needle)) verdicts.push({ address, group });
      }
    }
    await tx.done;
    return verdicts;
  }

  // -- per send ----------------------------------------------------------------------------------------

  /**
   * Bounces grouped by the message they answer (newest send first): one pass over the notices that
   * name their returned message, and their events. Unconfirmed notices are left out (they do not count).
   */
  async sendReports(): Promise<SendReport[]> {
    const tx = (await this.db()).transaction(['notices', 'events', 'meta'], 'readonly');
    const sentTo = ((await tx.objectStore('meta').get('sentTo')) ?? {}) as SentToCounts;
    const sends = new Map<string, SendReport & { classes: Map<string, EventClass> }>();
    for (let cursor = await tx.objectStore('notices').openCursor(); cursor; cursor = await cursor.continue()) {
      const notice = cursor.value;
      if (!notice.sent || notice.sameAs || notice.unverified) continue;
      const key = notice.sent.messageId ? `mid:${notice.sent.messageId}` : `subject:${notice.sent.subject}|${(notice.sent.date || notice.seenAt).slice(0, 10)}`;
      let send = sends.get(key);
      if (!send) {
        send = { key, subject: notice.sent.subject, sentAt: notice.sent.date || notice.seenAt, hard: 0, soft: 0, sender: 0, undetermined: 0, notices: 0, classes: new Map() };
        sends.set(key, send);
      }
      send.notices += 1;
      if (!notice.sent.date && notice.seenAt < send.sentAt) send.sentAt = notice.seenAt;
      const events = await Promise.all(notice.eventIds.map((id) => tx.objectStore('events').get(id)));
      for (const event of events) if (event && !event.unverified) send.classes.set(event.address, classifyEvent(event));
    }
    await tx.done;
    return [...sends.values()]
      .map(({ classes, ...send }) => {
        for (const kind of classes.values()) send[kind === 'sender-problem' ? 'sender' : kind] += 1;
        return { ...send, ...(sentTo[send.key] ? { sentTo: sentTo[send.key] } : {}) };
      })
      .sort((a, b) => (a.sentAt < b.sentAt ? 1 : a.sentAt > b.sentAt ? -1 : 0));
  }

  /** The user says how many a send went to (0: forget it). */
  async setSentTo(key: string, count: number): Promise<void> {
    const db = await this.db();
    const tx = db.transaction('meta', 'readwrite');
    const sentTo: SentToCounts = { ...((await tx.store.get('sentTo')) as SentToCounts | undefined) };
    if (count > 0) sentTo[key] = Math.floor(count);
    else delete sentTo[key];
    await tx.store.put(sentTo, 'sentTo');
    await tx.done;
  }

  // -- notices not tied to the user's mail -----------------------------------------------------------

  /** The notices waiting for the user's say (newest first), with the first addresses each names. */
  async listUnverified(limit = 200): Promise<UnverifiedNotice[]> {
    const tx = (await this.db()).transaction(['notices', 'events'], 'readonly');
    const found: Array<UnverifiedNotice & { eventIds: string[] }> = [];
    for (let cursor = await tx.objectStore('notices').openCursor(); cursor; cursor = await cursor.continue()) {
      const notice = cursor.value;
      if (notice.unverified?.state !== 'ask' || notice.sameAs) continue;
      found.push({ key: notice.key, webmail: notice.webmail, seenAt: notice.seenAt, why: notice.unverified.why, addresses: notice.unverified.addresses, sample: [], eventIds: notice.eventIds });
    }
    found.sort((a, b) => (a.seenAt < b.seenAt ? 1 : a.seenAt > b.seenAt ? -1 : 0));
    const page = found.slice(0, limit);
    for (const item of page) {
      const events = await Promise.all(item.eventIds.slice(0, 10).map((id) => tx.objectStore('events').get(id)));
      item.sample = events.filter((event): event is EventRecord => !!event).map((event) => event.address);
    }
    await tx.done;
    return page.map(({ eventIds: _ids, ...item }) => item);
  }

  async unverifiedCount(): Promise<number> {
    return ((await (await this.db()).get('meta', 'counts')) as StoredCounts | undefined)?.unverified ?? 0;
  }

  /** The user's say on unverified notices: count their bounces now, or never. */
  async settleUnverified(keys: readonly string[], count: boolean): Promise<number> {
    await this.ensureCurrent();
    return this.write(async (ctx) => {
      const { tx } = ctx;
      let settled = 0;
      const changed = new Set<string>();
      for (const key of new Set(keys)) {
        const notice = await tx.objectStore('notices').get(key);
        if (notice?.unverified?.state !== 'ask') continue;
        if (count) {
          const { unverified: _unverified, ...counted } = notice;
          await tx.objectStore('notices').put(counted);
          for (const id of notice.eventIds) {
            const event = await tx.objectStore('events').get(id);
            if (!event?.unverified) continue;
            const { unverified: _flag, ...confirmed } = event;
            await tx.objectStore('events').put(confirmed);
            changed.add(event.address);
          }
        } else {
          await tx.objectStore('notices').put({ ...notice, unverified: { ...notice.unverified, state: 'ignored' } });
        }
        ctx.counts.unverified = Math.max(0, (ctx.counts.unverified ?? 0) - 1);
        ctx.countsChanged = true;
        settled += 1;
      }
      await this.refold(ctx, changed);
      return settled;
    });
  }

  // -- proof of life (issue #13) -------------------------------------------------------------------

  /**
   * Each address that sent the user a message dated `at` (the webmail's date for it). Only an
   * address already on record is touched, and only a later date is kept: every other sender is
   * dropped here, never stored. A forged From can at most keep an address out of Remove by soft
   * bounces (lib/policy.ts judge); it never adds, removes or hides one. Returns how many changed.
   */
  async noteLifeSigns(signs: ReadonlyArray<{ address: string; at: string }>): Promise<number> {
    const latest = new Map<string, string>();
    const limit = this.now().getTime() + FUTURE_TOLERANCE_MS;
    for (const sign of signs) {
      const address = normaliseAddress(sign.address);
      const time = Date.parse(sign.at);
      if (!address || !Number.isFinite(time) || time > limit) continue;
      const at = new Date(time).toISOString();
      if ((latest.get(address) ?? '') < at) latest.set(address, at);
    }
    if (!latest.size) return 0;
    await this.ensureCurrent();
    return this.write(async (ctx) => {
      const store = ctx.tx.objectStore('addresses');
      const keys = [...latest.keys()];
      const found = await Promise.all(keys.map((key) => store.get(key)));
      const writes: Array<Promise<AddressRecord>> = [];
      keys.forEach((address, i) => {
        const old = found[i];
        const at = latest.get(address)!;
        if (old && (old.wroteAt ?? '') < at) writes.push(this.putAddress(ctx, { ...tallyOf(old), wroteAt: at }, old));
      });
      await Promise.all(writes);
      return writes.length;
    });
  }

  // -- the user's decisions ------------------------------------------------------------------------

  /** Sets the user's decision; an address with no bounce yet gets a record so the decision is kept. */
  async setDecision(addresses: readonly string[], decision: UserDecision): Promise<number> {
    const keys = [...new Set(addresses.map(normaliseAddress).filter((address): address is string => !!address))];
    await this.ensureCurrent();
    return this.write(async (ctx) => {
      let updated = 0;
      for (const address of keys) {
        const existing = await ctx.tx.objectStore('addresses').get(address);
        if (!existing && decision === 'none') continue;
        const base: AddressTally = existing ? tallyOf(existing) : foldEvents(address, []);
        const next = applyDecision(base, decision, ctx.at);
        if (next === base) continue;
        await this.putAddress(ctx, next, existing);
        updated += 1;
      }
      return updated;
    });
  }

  /**
   * Forgets addresses: their record and every event naming them. Notices stay recorded (they hold
   * no address), so re-seeing an old notice does not bring the address back; a new bounce does.
   */
  async forget(addresses: readonly string[]): Promise<number> {
    const keys = [...new Set(addresses.map(normaliseAddress).filter((address): address is string => !!address))];
    if (keys.length === 0) return 0;
    return this.write(async (ctx) => {
      const { tx } = ctx;
      let removed = 0;
      const forgotten = new Set<string>();
      for (const address of keys) {
        const existing = await tx.objectStore('addresses').get(address);
        const eventKeys = await tx.objectStore('events').index('by-address').getAllKeys(address);
        for (const key of eventKeys) {
          await tx.objectStore('events').delete(key);
          forgotten.add(key);
        }
        if (existing) await this.deleteAddress(ctx, existing);
        if (existing || eventKeys.length > 0) removed += 1;
      }
      // Event ids name their address: take them out of the notices too (a scan: forgetting is rare).
      if (forgotten.size > 0) {
        for (let cursor = await tx.objectStore('notices').openCursor(); cursor; cursor = await cursor.continue()) {
          const kept = cursor.value.eventIds.filter((id) => !forgotten.has(id));
          if (kept.length !== cursor.value.eventIds.length) await cursor.update({ ...cursor.value, eventIds: kept });
        }
      }
      return removed;
    });
  }

  /** Keeps `record` as its webmail's latest selector report, replacing the one before. */
  async putSelectorHealth(record: SelectorHealthRecord): Promise<void> {
    await (await this.db()).put('selectorHealth', record);
  }

  async selectorHealth(): Promise<SelectorHealthRecord[]> {
    return (await this.db()).getAll('selectorHealth');
  }

  /** Clears notices, events and addresses; the settings stay. */
  async clear(): Promise<void> {
    const tx = (await this.db()).transaction(['notices', 'events', 'addresses', 'meta'], 'readwrite');
    await Promise.all([
      tx.objectStore('notices').clear(),
      tx.objectStore('events').clear(),
      tx.objectStore('addresses').clear(),
      tx.objectStore('meta').put(emptyGroupCounts(), 'counts'),
      tx.done,
    ]);
  }

  async getSettings(): Promise<PolicySettings> {
    const stored = await (await this.db()).get('settings', SETTINGS_KEY);
    return stored ? normaliseSettings(stored) : { ...DEFAULT_POLICY };
  }

  /** Saves the policy and re-summarises every address under it, in one transaction. */
  async setSettings(settings: PolicySettings): Promise<PolicySettings> {
    const normalised = normaliseSettings(settings);
    await this.write(async (ctx) => {
      await ctx.tx.objectStore('settings').put(normalised, SETTINGS_KEY);
      const under = { ...ctx, summarise: createFieldSummariser(normalised, this.now()) };
      for (const old of await ctx.tx.objectStore('addresses').getAll()) await this.putAddress(under, tallyOf(old), old);
      ctx.counts = under.counts;
      ctx.countsChanged ||= under.countsChanged;
      await ctx.tx.objectStore('meta').put(summarisedMark(normalised, this.now()), 'summarised');
    });
    this.currentFor = '';
    return normalised;
  }

  // -- backups and imports -------------------------------------------------------------------------

  async exportBackup(): Promise<TallyBackup> {
    const tx = (await this.db()).transaction(ALL_STORES, 'readonly');
    const [notices, events, addresses, settings] = await Promise.all([
      tx.objectStore('notices').getAll(),
      tx.objectStore('events').getAll(),
      tx.objectStore('addresses').getAll(),
      tx.objectStore('settings').get(SETTINGS_KEY),
    ]);
    await tx.done;
    return backupOf(notices, events, addresses, settings, this.now());
  }

  /**
   * Merges a backup in one transaction: notices and events already present are skipped (by key
   * and id, event ids re-made by today's rule, so a backup of an older version cannot count a
   * bounce twice), decisions keep the later one, addresses are re-folded from the merged events.
   * The backup's settings are taken only when none were ever saved here.
   */
  async importBackup(backup: TallyBackup): Promise<ImportCounts> {
    const counts: ImportCounts = { noticesAdded: 0, noticesSkipped: 0, eventsAdded: 0 };
    await this.ensureCurrent();
    return this.write(async (ctx) => {
      const { tx } = ctx;
      const identities = new Map<string, string>();
      for (const notice of backup.notices) identities.set(notice.key, noticeIdentityOf(notice.key, normaliseMessageId(notice.rfcMessageId ?? '')));
      const renamed = new Map<string, string>();
      const changed = new Set<string>();
      for (const event of backup.events) {
        const address = normaliseAddress(event.address);
        if (!address || address !== event.address) continue;
        let identity = identities.get(event.noticeKey);
        if (identity === undefined) {
          const local = await tx.objectStore('notices').get(event.noticeKey);
          identity = noticeIdentityOf(event.noticeKey, local?.rfcMessageId ?? '');
        }
        const id = eventIdOf(identity, address);
        renamed.set(event.id, id);
        if (await tx.objectStore('events').count(id)) continue;
        await tx.objectStore('events').add({ ...event, id, day: dayOf(event.seenAt) });
        counts.eventsAdded += 1;
        changed.add(address);
      }
      for (const incoming of backup.notices) {
        const notice = { ...incoming, eventIds: [...new Set(incoming.eventIds.map((id) => renamed.get(id) ?? id))] };
        const existing = await tx.objectStore('notices').get(notice.key);
        if (existing) {
          counts.noticesSkipped += 1;
          const union = [...new Set([...existing.eventIds, ...notice.eventIds])];
          if (union.length !== existing.eventIds.length) await tx.objectStore('notices').put({ ...existing, eventIds: union });
        } else {
          await tx.objectStore('notices').add(notice);
          counts.noticesAdded += 1;
          if (notice.unverified?.state === 'ask' && !notice.sameAs) {
            ctx.counts.unverified = (ctx.counts.unverified ?? 0) + 1;
            ctx.countsChanged = true;
          }
        }
      }
      const decisions = new Map<string, KeptState>();
      for (const incoming of backup.decisions) {
        const address = normaliseAddress(incoming.address);
        if (!address) continue;
        const existing: KeptState = (await tx.objectStore('addresses').get(address)) ?? { decision: 'none' as const, decidedAt: '' };
        const merged = mergeDecisions(existing, incoming);
        // Proof of life: the later of the two.
        const wroteAt = [existing.wroteAt, incoming.wroteAt].filter((at): at is string => !!at).sort().pop();
        if (merged !== existing || wroteAt !== existing.wroteAt) {
          const { decision, decidedAt, previous } = merged;
          decisions.set(address, { decision, decidedAt, ...(previous ? { previous } : {}), ...(wroteAt ? { wroteAt } : {}) });
          changed.add(address);
        }
      }
      await this.refold(ctx, changed, decisions);
      if (!(await tx.objectStore('settings').count(SETTINGS_KEY))) {
        await tx.objectStore('settings').put(normaliseSettings(backup.settings), SETTINGS_KEY);
        // A new policy: every summary is re-made on the next read.
        await tx.objectStore('meta').delete('summarised');
        this.currentFor = '';
      }
      return counts;
    });
  }

  /**
   * Records notices classified elsewhere (the options page's mbox/.eml import, a sweep). A batch
   * is one transaction (a transaction per notice costs more than the notice); when the batch fails
   * it is recorded again one notice per transaction, so a full disk stops the import after the
   * last whole notice that fit, with `stopped` saying so.
   */
  async importNotices(notices: readonly NoticeToRecord[]): Promise<ImportCounts> {
    await this.ensureCurrent();
    const counts: ImportCounts = { noticesAdded: 0, noticesSkipped: 0, eventsAdded: 0 };
    const tally = (result: RecordResult, key: string, into: ImportCounts) => {
      if (result.duplicate) {
        into.noticesSkipped += 1;
      } else {
        into.noticesAdded += 1;
        into.eventsAdded += result.events.filter((event) => event.noticeKey === key).length;
      }
    };
    try {
      const batch: ImportCounts = { noticesAdded: 0, noticesSkipped: 0, eventsAdded: 0 };
      await this.write(async (ctx) => {
        for (const [i, result] of (await this.recordBatch(ctx, notices, false, false)).entries()) tally(result, notices[i]!.key, batch);
      });
      return batch;
    } catch {
      // Fall through: one notice at a time tells which notice did not fit.
    }
    for (const notice of notices) {
      try {
        tally(await this.recordNotice(notice), notice.key, counts);
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        return { ...counts, stopped: QUOTA_MESSAGE };
      }
    }
    return counts;
  }
}

/** The user's message a notice returns, as far as it says (subject or Message-ID needed). */
function sentOf(notice: ClassifiedNotice): NoticeRecord['sent'] | undefined {
  const returned = notice.returned;
  if (!returned || (!returned.subject.trim() && !returned.messageId)) return undefined;
  const date = Date.parse(returned.date);
  return {
    subject: cap(returned.subject, 300),
    messageId: cap(returned.messageId, FIELD_LIMITS.webmailMessageId),
    date: Number.isFinite(date) ? new Date(date).toISOString() : '',
  };
}

/** One send (a message the user sent) and what came back for it. */
export interface SendReport {
  /** The returned message's Message-ID, else its subject and day. */
  key: string;
  subject: string;
  /** When it was sent (its Date header), else the first notice's date; ISO. */
  sentAt: string;
  /** Distinct addresses per class of their latest bounce for this send. */
  hard: number;
  soft: number;
  sender: number;
  undetermined: number;
  notices: number;
  /** How many the user says it went to (for the bounce rate), if they said. */
  sentTo?: number;
}

/** The answer for a notice already on record: its events and their addresses as they stand. */
function recordedResult(key: string, notice: NoticeRecord, events: EventRecord[], addresses: AddressRecord[]): RecordResult {
  return {
    noticeKey: key,
    duplicate: true,
    category: notice.category,
    format: notice.format,
    events,
    addresses,
    ...(notice.unverified?.state === 'ask' ? { unverified: notice.unverified.why } : {}),
  };
}

/** An address record without what ./summary.ts derives from it. */
function tallyOf(record: AddressRecord): AddressTally {
  const { updatedAt: _updatedAt, summary: _summary, group: _group, bounceTotal: _total, resummariseOn: _on, sources: _sources, ...tally } = record;
  return tally;
}

/** The per-group part of the counter record. */
function groupsOf(stored: StoredCounts | undefined): GroupCounts {
  const counts = emptyGroupCounts();
  for (const group of LIST_GROUPS) counts[group] = stored?.[group] ?? 0;
  return counts;
}

function sumCounts(counts: GroupCounts): number {
  return LIST_GROUPS.reduce((sum, group) => sum + counts[group], 0);
}

function backupOf(notices: NoticeRecord[], events: EventRecord[], addresses: Array<Pick<AddressRecord, 'address' | 'decision' | 'decidedAt' | 'previous' | 'wroteAt'>>, settings: PolicySettings | undefined, now: Date): TallyBackup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    schemaVersion: DB_VERSION,
    settings: settings ? normaliseSettings(settings) : { ...DEFAULT_POLICY },
    notices,
    events,
    decisions: addresses
      .filter((record) => record.decidedAt !== '' || !!record.wroteAt)
      .map(({ address, decision, decidedAt, previous, wroteAt }) => ({ address, decision, decidedAt, ...(previous ? { previous } : {}), ...(wroteAt ? { wroteAt } : {}) })),
  };
}

/**
 * For a database a newer version wrote (StoreTooNewError): reads it as it is, without upgrading
 * or changing it, into a backup this version can import, best effort (records this version does
 * not understand are skipped by the import's own checks).
 */
export async function rescueBackup(name = DB_NAME, now = new Date()): Promise<TallyBackup> {
  const db = await openDB(name);
  try {
    const has = (store: string) => db.objectStoreNames.contains(store);
    const all = async <T>(store: string): Promise<T[]> => (has(store) ? ((await db.getAll(store)) as T[]) : []);
    const settings = has('settings') ? ((await db.get('settings', SETTINGS_KEY)) as PolicySettings | undefined) : undefined;
    return backupOf(await all<NoticeRecord>('notices'), await all<EventRecord>('events'), await all<AddressRecord>('addresses'), settings, now);
  } finally {
    db.close();
  }
}

/** Deletes the whole database (after a rescue backup): the next open creates it at this version. */
export async function deleteTallyDb(name = DB_NAME): Promise<void> {
  await deleteDB(name);
}

/** The failed recipients of a recorded notice, rebuilt from its events (for a duplicate report). */
export function recipientsOf(events: readonly EventRecord[]): FailedRecipient[] {
  return events.map((event) => ({
    address: event.address,
    kind: event.kind,
    reason: event.reason,
    status: event.status,
    replyCode: event.replyCode,
    diagnostic: event.diagnostic,
    action: '',
    remoteMta: event.remoteMta,
    ...(event.newAddress ? { newAddress: event.newAddress } : {}),
  }));
}

/** Recording and importing lock every store, so one helper type serves both. */
type WriteTransaction = IDBPTransaction<TallyDB, typeof ALL_STORES, 'readwrite'>;
type AnyTransaction = IDBPTransaction<TallyDB, typeof ALL_STORES, 'readonly' | 'readwrite'>;

function abortQuietly(tx: { abort(): void; done: Promise<void> }): void {
  // The caller rethrows the original error; the abort's own rejection would only be noise.
  tx.done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // The transaction had already finished or aborted on its own.
  }
}
