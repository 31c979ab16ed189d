/**
 * The IndexedDB schema of the tally, its version, and one upgrade step per version. Only the
 * background opens it (the background owns IndexedDB). No email body is ever stored: a notice is
 * its key and a few identifiers, an event is the fields below with the diagnostic capped.
 *
 * Adding a version: append one step to UPGRADES (never edit an old one), bump nothing else
 * (DB_VERSION follows the list), and add a test in tests/store/upgrade.test.ts that writes data
 * with the previous version and opens it with the new one.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { NoticeCategory } from '../bounce/types';
import { DEFAULT_POLICY, dayOf, foldEvents, normaliseSettings, type AddressSummary, type AddressTally, type PolicySettings, type TallyEvent } from '../policy';
import { createFieldSummariser, sourcesOf } from './summary';

export const DB_NAME = 'bounce-sweeper';

/** One notice as seen once: enough to recognise it again, nothing of its content. */
export interface NoticeRecord {
  /** Stable notice key: `${webmail}:${account}:${messageId}`, or `hash:<sha-256>` of the content. */
  key: string;
  webmail: string;
  account: string;
  /** The webmail's own id for the message, or ''. */
  webmailMessageId: string;
  /**
   * Message-ID header of the notice (without <>), absent when unknown. The same notice reached
   * through Gmail, an mbox import or a second device's backup has the same one (v2 index).
   */
  rfcMessageId?: string;
  category: NoticeCategory;
  format: string;
  /** Date of the notice, or when it was first recorded when it has none. */
  seenAt: string;
  recordedAt: string;
  /** Events this notice produced (or matched: see EventRecord.id). */
  eventIds: string[];
  /** Set when this key is another way to reach a notice already recorded under `sameAs`. */
  sameAs?: string;
  /**
   * Set when the notice could not be tied to the user's sent mail (./trust.ts): its events are kept
   * but count only once the user says so ('ask'), or never ('ignored').
   */
  unverified?: { why: string; addresses: number; state: 'ask' | 'ignored' };
  /**
   * The user's own message this notice returns (its Subject, Message-ID and Date, capped): groups
   * bounces by send for the per-send report. Stays in this browser like everything else.
   */
  sent?: { subject: string; messageId: string; date: string };
}

/** One failed delivery to one address. */
export interface EventRecord extends TallyEvent {
  /** Key of the notice that first reported it. */
  noticeKey: string;
  /** UTC day of seenAt (added in v2 so the same-day rule can be read without parsing dates). */
  day: string;
  /** From a notice not tied to the user's sent mail, not confirmed: kept, never counted. */
  unverified?: true;
}

/** The list an address is filed in ('clear': nothing current, shown only under All). */
export type ListGroup = 'remove' | 'watch' | 'sender' | 'done' | 'kept' | 'clear';
export const LIST_GROUPS: readonly ListGroup[] = ['remove', 'watch', 'sender', 'done', 'kept', 'clear'];

/**
 * The per-address record: the policy's tally (folded from events), the user's decision, and (v4)
 * the summary under today's policy with the fields the paged lists are indexed by. The summary is
 * written in the same transaction as whatever changes it (./summary.ts), never folded per open.
 */
export interface AddressRecord extends AddressTally {
  updatedAt: string;
  summary: AddressSummary;
  group: ListGroup;
  /** Every bounce of any kind (the "Bounce count" sort). */
  bounceTotal: number;
  /** UTC day on which the verdict can change with no new bounce (a day leaves the window); '~' never. */
  resummariseOn: string;
  /** Where its bounces were seen: `gmail:<account>`, `outlook:<account>`, `import`, `manual` (the All view's filter). */
  sources?: string[];
}

/** Per-group counts, kept in step with every address write (the toolbar badge and the tabs). */
export type GroupCounts = Record<ListGroup, number>;

export function emptyGroupCounts(): GroupCounts {
  return { remove: 0, watch: 0, sender: 0, done: 0, kept: 0, clear: 0 };
}

/** 'sentTo' in `meta`: how many recipients the user says each send went to (per-send report). */
export type SentToCounts = Record<string, number>;

/** The counter record: per-group counts and the unverified notices waiting for the user. */
export type StoredCounts = GroupCounts & { unverified?: number };

/**
 * Bookkeeping records in the `meta` store, by key: 'counts' (GroupCounts, and 'unverified': the
 * notices waiting for the user's say) and 'summarised' (the day and policy the stored summaries
 * were computed for).
 */
export interface SummarisedMark {
  day: string;
  policy: string;
}

/** One sweep of a webmail folder or search (issue #11): its query, progress and why it stopped. */
export interface SweepRecord {
  id: string;
  webmail: string;
  account: string;
  query: string;
  state: 'running' | 'paused' | 'done' | 'stopped';
  startedAt: string;
  updatedAt: string;
  /** In words, why the sweep stopped ('' while it runs). */
  stopReason: string;
  [field: string]: unknown;
}

/** One notice a sweep found: queued until its source is read and recorded (or failed). */
export interface SweepItemRecord {
  /** `${sweepId}|${messageId}`. */
  key: string;
  sweepId: string;
  /** Position in the order found. */
  order: number;
  messageId: string;
  state: 'queued' | 'read' | 'failed';
  [field: string]: unknown;
}

/**
 * What a webmail's pages last said about finding their parts: the selector names they could find
 * only with an older layout's variant (lib/background/selector-health.ts). Names and dates only,
 * nothing about mail; one record per webmail, the latest replacing the one before.
 */
export interface SelectorHealthRecord {
  webmail: string;
  /** When the background received the report (ISO timestamp). */
  reportedAt: string;
  names: Array<{ name: string; matchedSince: string; newestSince: string }>;
}

/** The paged lists' sort orders, per group and over all addresses (v4 indexes). */
export type AddressIndex = 'by-group-last' | 'by-group-count' | 'by-group-domain' | 'by-last' | 'by-count' | 'by-domain';

export interface TallyDB extends DBSchema {
  notices: { key: string; value: NoticeRecord; indexes: { 'by-rfc-message-id': string } };
  events: { key: string; value: EventRecord; indexes: { 'by-address': string } };
  addresses: {
    key: string;
    value: AddressRecord;
    indexes: {
      'by-group-last': [string, string, string];
      'by-group-count': [string, number, string, string];
      'by-group-domain': [string, string, string];
      'by-last': [string, string];
      'by-count': [number, string, string];
      'by-domain': [string, string];
      'by-resummarise': string;
    };
  };
  /** Out-of-line keys: 'counts' and 'summarised' (v4). */
  meta: { key: string; value: StoredCounts | SummarisedMark | SentToCounts };
  /** Sweeps by id, and the notices each found (v4, issue #11). */
  sweeps: { key: string; value: SweepRecord };
  sweepItems: { key: string; value: SweepItemRecord; indexes: { 'by-sweep': [string, number] } };
  /** Out-of-line keys; 'policy' holds the PolicySettings. */
  settings: { key: string; value: PolicySettings };
  /** By webmail id (v3). */
  selectorHealth: { key: string; value: SelectorHealthRecord };
}

export type TallyDatabase = IDBPDatabase<TallyDB>;

// Steps see the database as it was at their version, not as TallyDB describes it today.
type UpgradeStep = (db: IDBPDatabase<unknown>, tx: IDBPTransaction<unknown, string[], 'versionchange'>) => void | Promise<void>;

/** UPGRADES[n] takes a database from version n to n + 1. */
export const UPGRADES: readonly UpgradeStep[] = [
  // v1: notices by key, events by id with an address index, one record per address, settings.
  (db) => {
    db.createObjectStore('notices', { keyPath: 'key' });
    const events = db.createObjectStore('events', { keyPath: 'id' });
    events.createIndex('by-address', 'address');
    db.createObjectStore('addresses', { keyPath: 'address' });
    db.createObjectStore('settings');
  },
  // v2: cross-webmail idempotency. v1 kept rfcMessageId as '' when unknown and with its <>; v2
  // strips the brackets, drops the empty ones (so the new index skips them) and indexes it. Events
  // gain `day`, backfilled from seenAt.
  async (_db, tx) => {
    const notices = tx.objectStore('notices');
    notices.createIndex('by-rfc-message-id', 'rfcMessageId');
    for (let cursor = await notices.openCursor(); cursor; cursor = await cursor.continue()) {
      const notice = { ...(cursor.value as NoticeRecord) };
      const id = normaliseMessageId(notice.rfcMessageId ?? '');
      if (id) notice.rfcMessageId = id;
      else delete notice.rfcMessageId;
      await cursor.update(notice);
    }
    const events = tx.objectStore('events');
    for (let cursor = await events.openCursor(); cursor; cursor = await cursor.continue()) {
      const event = cursor.value as EventRecord;
      await cursor.update({ ...event, day: dayOf(event.seenAt) });
    }
  },
  // v3: the webmail pages' selector reports, kept here rather than in a second database (an MV3
  // worker forgets memory within seconds, and one database is one thing to back up, clear and migrate).
  (db) => {
    db.createObjectStore('selectorHealth', { keyPath: 'webmail' });
  },
  // v4 (issue #12): summaries kept where they change, indexed for paged lists, with per-group
  // counts; event ids from their notice and recipient (v1–v3 used address + minute, which merged a
  // soft and a hard bounce of the same minute); the sweep queue (issue #11).
  async (db, tx) => {
    const notices = tx.objectStore('notices');
    const events = tx.objectStore('events');
    const addresses = tx.objectStore('addresses');
    const settings = (await tx.objectStore('settings').get('policy')) as PolicySettings | undefined;
    // Re-key every event: <notice identity>|<address> (./event-id.ts), and point the notices at the new ids.
    // An event belongs to the notice that first listed it (older records may lack noticeKey).
    const renamed = new Map<string, string>();
    const noticeIdentity = new Map<string, string>();
    const firstNoticeOf = new Map<string, string>();
    for (let cursor = await notices.openCursor(); cursor; cursor = await cursor.continue()) {
      const notice = cursor.value as NoticeRecord;
      const identity = noticeIdentityOf(notice.key, notice.rfcMessageId ?? '');
      noticeIdentity.set(notice.key, identity);
      for (const id of notice.eventIds) if (!notice.sameAs && !firstNoticeOf.has(id)) firstNoticeOf.set(id, identity);
    }
    const rekeyed: EventRecord[] = [];
    for (let cursor = await events.openCursor(); cursor; cursor = await cursor.continue()) {
      const event = cursor.value as EventRecord;
      const identity = (event.noticeKey ? noticeIdentity.get(event.noticeKey) : undefined) ?? firstNoticeOf.get(event.id) ?? event.noticeKey;
      if (!identity) continue; // nothing to tie it to: it keeps its id
      const id = eventIdOf(identity, event.address);
      if (id !== event.id) {
        renamed.set(event.id, id);
        rekeyed.push({ ...event, id });
        await cursor.delete();
      }
    }
    for (const event of rekeyed) await events.put(event);
    if (renamed.size > 0) {
      for (let cursor = await notices.openCursor(); cursor; cursor = await cursor.continue()) {
        const notice = cursor.value as NoticeRecord;
        const eventIds = [...new Set(notice.eventIds.map((id) => renamed.get(id) ?? id))];
        await cursor.update({ ...notice, eventIds });
      }
    }
    // Tallies re-folded from the re-keyed events, with their summaries under the saved policy,
    // today; the first open of a later day re-summarises what expired since.
    const now = new Date();
    const summarise = createFieldSummariser(settings, now);
    const counts = emptyGroupCounts();
    const byAddress = events.index('by-address');
    for (let cursor = await addresses.openCursor(); cursor; cursor = await cursor.continue()) {
      const old = cursor.value as AddressRecord;
      const events = (await byAddress.getAll(old.address)) as EventRecord[];
      const tally = foldEvents(old.address, events, old);
      const record: AddressRecord = { ...tally, updatedAt: old.updatedAt, ...summarise(tally), sources: sourcesOf(events) };
      counts[record.group] += 1;
      await cursor.update(record);
    }
    addresses.createIndex('by-group-last', ['group', 'lastBounceAt', 'address']);
    addresses.createIndex('by-group-count', ['group', 'bounceTotal', 'lastBounceAt', 'address']);
    addresses.createIndex('by-group-domain', ['group', 'domain', 'address']);
    addresses.createIndex('by-last', ['lastBounceAt', 'address']);
    addresses.createIndex('by-count', ['bounceTotal', 'lastBounceAt', 'address']);
    addresses.createIndex('by-domain', ['domain', 'address']);
    addresses.createIndex('by-resummarise', 'resummariseOn');
    const meta = db.createObjectStore('meta');
    await meta.put(counts, 'counts');
    await meta.put(summarisedMark(settings, now), 'summarised');
    db.createObjectStore('sweeps', { keyPath: 'id' });
    db.createObjectStore('sweepItems', { keyPath: 'key' }).createIndex('by-sweep', ['sweepId', 'order']);
  },
];

export const DB_VERSION = UPGRADES.length;

/**
 * A notice's identity for its events: its Message-ID where it has one (the same notice reached by
 * another route is the same notice), else its key.
 */
export function noticeIdentityOf(key: string, rfcMessageId: string): string {
  return rfcMessageId ? `mid:${rfcMessageId}` : key;
}

/** An event is one recipient of one notice: never two events merged, never one counted twice. */
export function eventIdOf(noticeIdentity: string, address: string): string {
  return `${noticeIdentity}|${address}`;
}

/** The day and policy a summary was computed for: a summary is current while both match. */
export function summarisedMark(settings: PolicySettings | undefined, now: Date): SummarisedMark {
  return { day: dayOf(now.toISOString()), policy: policyKey(settings) };
}

export function policyKey(settings: PolicySettings | undefined): string {
  const policy = normaliseSettings(settings ?? DEFAULT_POLICY);
  return `${policy.softBounceDays}/${policy.windowDays}`;
}

/** "<abc@host>" → "abc@host"; '' when there is nothing usable. */
export function normaliseMessageId(raw: string): string {
  return raw.trim().replace(/^<+/, '').replace(/>+$/, '').trim().slice(0, 998);
}

export interface OpenOptions {
  name?: string;
  /** Open at an older version (upgrade tests only). */
  version?: number;
  /** Called when the connection goes away (another version wants it, or the browser closed it). */
  onClose?: () => void;
}

export function openTallyDb(options: OpenOptions = {}): Promise<TallyDatabase> {
  const version = options.version ?? DB_VERSION;
  return openDB<TallyDB>(options.name ?? DB_NAME, version, {
    upgrade(db, oldVersion, _newVersion, tx) {
      const untypedDb = db as unknown as IDBPDatabase<unknown>;
      const untypedTx = tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
      // Steps run in order, chained on promises (microtasks), so the upgrade transaction stays
      // alive; a failing step aborts it and the database stays at its old version.
      let chain = Promise.resolve();
      for (let step = oldVersion; step < version; step += 1) {
        const upgrade = UPGRADES[step];
        if (upgrade) chain = chain.then(() => upgrade(untypedDb, untypedTx));
      }
      chain.catch((error: unknown) => {
        console.error('[store] upgrade failed', error);
        try {
          tx.abort();
        } catch {
          // already finished
        }
      });
    },
    blocking(_current, _blocked, event) {
      // A newer version of the extension wants to upgrade: let it.
      (event.target as IDBDatabase).close();
      options.onClose?.();
    },
    terminated() {
      options.onClose?.();
    },
  });
}
