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
import { dayOf, type AddressTally, type PolicySettings, type TallyEvent } from '../policy';

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
}

/** One failed delivery to one address. */
export interface EventRecord extends TallyEvent {
  /** Key of the notice that first reported it. */
  noticeKey: string;
  /** UTC day of seenAt (added in v2 so the same-day rule can be read without parsing dates). */
  day: string;
}

/** The per-address record: the policy's tally (folded from events) plus the user's decision. */
export interface AddressRecord extends AddressTally {
  updatedAt: string;
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

export interface TallyDB extends DBSchema {
  notices: { key: string; value: NoticeRecord; indexes: { 'by-rfc-message-id': string } };
  events: { key: string; value: EventRecord; indexes: { 'by-address': string } };
  addresses: { key: string; value: AddressRecord };
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
];

export const DB_VERSION = UPGRADES.length;

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
