/**
 * The tally: records classified notices as bounce events, keeps one folded record per address,
 * answers lookups, and backs up / restores / forgets / clears. The only code that reads or writes
 * the IndexedDB schema of ./db.ts.
 *
 * Idempotency has three layers, so that a notice seen again (re-render, another tab, an mbox
 * import of the same mailbox, a second device's backup) changes nothing:
 *  1. the notice key (webmail + account + webmail message id, or a content hash);
 *  2. the notice's own Message-ID header (the same notice reached by another route);
 *  3. the event id: address + the notice's date to the minute, so a Gmail rendered view and the
 *     raw .eml of the same notice (different keys, maybe no Message-ID in the rendered view) still
 *     give one event. Without a date the event id falls back to address + notice key.
 * Counts are always folded from the stored events (never incremented), so replaying notices in
 * any order gives the same tally.
 */
import type { ClassifiedNotice, FailedRecipient } from '../bounce/types';
import {
  DEFAULT_POLICY,
  applyDecision,
  dayOf,
  foldEvents,
  mergeDecisions,
  normaliseAddress,
  normaliseSettings,
  type DecisionState,
  type PolicySettings,
  type UserDecision,
} from '../policy';
import type { IDBPTransaction } from 'idb';
import { DB_VERSION, normaliseMessageId, openTallyDb, type AddressRecord, type EventRecord, type NoticeRecord, type SelectorHealthRecord, type TallyDatabase, type TallyDB } from './db';

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
}

export interface ImportCounts {
  noticesAdded: number;
  noticesSkipped: number;
  eventsAdded: number;
}

export const BACKUP_FORMAT = 'bounce-sweeper-backup';
/** Version of the backup file layout (independent of the database version). */
export const BACKUP_VERSION = 1;

export interface AddressDecision extends DecisionState {
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
const ALL_STORES = ['notices', 'events', 'addresses', 'settings'] as const;

function cap(value: unknown, limit: number): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().slice(0, limit) : '';
}

/** Actions that are not failures: a DSN can list delivered recipients beside failed ones. */
const NOT_FAILED = new Set(['delivered', 'relayed', 'expanded']);

export class TallyStore {
  private connection: Promise<TallyDatabase> | undefined;

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

  /** What was recorded under this key (events and address records), or undefined when never seen. */
  async findRecorded(key: string): Promise<RecordResult | undefined> {
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
    const db = await this.db();
    const now = this.now();
    const recordedAt = now.toISOString();
    const noticeDate = Date.parse(input.notice.date);
    const dated = Number.isFinite(noticeDate) && noticeDate <= now.getTime() + FUTURE_TOLERANCE_MS;
    const seenAt = dated ? new Date(noticeDate).toISOString() : recordedAt;
    const rfcMessageId = normaliseMessageId(input.notice.messageId ?? '');
    const tx = db.transaction(ALL_STORES, 'readwrite');
    try {
      const notices = tx.objectStore('notices');
      const known = await notices.get(input.key);
      if (known) {
        const result = await this.describeRecorded(tx, input.key, known);
        await tx.done;
        return result;
      }
      const twin = rfcMessageId ? await notices.index('by-rfc-message-id').get(rfcMessageId) : undefined;
      if (twin) {
        // Another route to a notice we have: remember this key too, so the next look is by key.
        await notices.put({ ...this.noticeRecord(input, seenAt, recordedAt, rfcMessageId, twin.eventIds), sameAs: twin.sameAs ?? twin.key });
        const result = await this.describeRecorded(tx, input.key, twin);
        await tx.done;
        return result;
      }

      const events = this.eventsOf(input, seenAt, dated);
      const eventStore = tx.objectStore('events');
      const stored: EventRecord[] = [];
      const changedAddresses = new Set<string>();
      for (const event of events) {
        const existing = await eventStore.get(event.id);
        if (existing) {
          stored.push(existing);
        } else {
          await eventStore.add(event);
          stored.push(event);
          changedAddresses.add(event.address);
        }
      }
      const addresses = await this.refold(tx, changedAddresses, recordedAt);
      for (const event of stored) {
        if (!changedAddresses.has(event.address)) {
          const record = await tx.objectStore('addresses').get(event.address);
          if (record) addresses.push(record);
        }
      }
      await notices.add(this.noticeRecord(input, seenAt, recordedAt, rfcMessageId, stored.map((event) => event.id)));
      await tx.done;
      return {
        noticeKey: input.key,
        duplicate: changedAddresses.size === 0 && stored.length > 0,
        category: input.notice.category,
        format: input.notice.format,
        events: stored,
        addresses,
      };
    } catch (error) {
      abortQuietly(tx);
      throw error;
    }
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
    };
  }

  /** One event per failed recipient (deduplicated by address); nothing for a non-bounce. */
  private eventsOf(input: NoticeToRecord, seenAt: string, dated: boolean): EventRecord[] {
    const { notice } = input;
    if (!notice.isBounce || notice.category !== 'bounce') return [];
    const byId = new Map<string, EventRecord>();
    for (const recipient of notice.recipients) {
      if (NOT_FAILED.has(recipient.action)) continue;
      const address = normaliseAddress(recipient.address);
      if (!address) continue;
      // Minute precision: a Date header has seconds, a webmail's rendered date usually not.
      const id = dated ? `${address}|${seenAt.slice(0, 16)}` : `${address}|${input.key}`;
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
    const events: EventRecord[] = [];
    const addresses: AddressRecord[] = [];
    for (const id of notice.eventIds) {
      const event = await tx.objectStore('events').get(id);
      if (!event) continue; // forgotten since
      events.push(event);
      const record = await tx.objectStore('addresses').get(event.address);
      if (record) addresses.push(record);
    }
    return { noticeKey: key, duplicate: true, category: notice.category, format: notice.format, events, addresses };
  }

  /** Re-folds each address from all its events, keeping its decision. */
  private async refold(tx: WriteTransaction, addresses: Iterable<string>, updatedAt: string, decisions?: Map<string, DecisionState>): Promise<AddressRecord[]> {
    const records: AddressRecord[] = [];
    const addressStore = tx.objectStore('addresses');
    for (const address of addresses) {
      const events = await tx.objectStore('events').index('by-address').getAll(address);
      const existing = await addressStore.get(address);
      const decision = decisions?.get(address) ?? existing ?? { decision: 'none' as const, decidedAt: '' };
      if (events.length === 0 && decision.decision === 'none') {
        if (existing) await addressStore.delete(address);
        continue;
      }
      const record: AddressRecord = { ...foldEvents(address, events, decision), updatedAt };
      await addressStore.put(record);
      records.push(record);
    }
    return records;
  }

  /** Records of these addresses (normalised), in one read transaction; unknown ones are left out. */
  async lookup(addresses: readonly string[]): Promise<AddressRecord[]> {
    const keys = [...new Set(addresses.map(normaliseAddress).filter((address): address is string => !!address))];
    if (keys.length === 0) return [];
    const tx = (await this.db()).transaction('addresses', 'readonly');
    const found = await Promise.all(keys.map((key) => tx.store.get(key)));
    await tx.done;
    return found.filter((record): record is AddressRecord => !!record);
  }

  async listAddresses(): Promise<AddressRecord[]> {
    return (await this.db()).getAll('addresses');
  }

  /** Sets the user's decision; an address with no bounce yet gets a record so the decision is kept. */
  async setDecision(addresses: readonly string[], decision: UserDecision): Promise<number> {
    const keys = [...new Set(addresses.map(normaliseAddress).filter((address): address is string => !!address))];
    const at = this.now().toISOString();
    const tx = (await this.db()).transaction(['events', 'addresses'], 'readwrite');
    try {
      let updated = 0;
      for (const address of keys) {
        const existing = await tx.objectStore('addresses').get(address);
        if (!existing && decision === 'none') continue;
        const base: AddressRecord = existing ?? { ...foldEvents(address, []), updatedAt: at };
        const next = applyDecision(base, decision, at);
        if (next === base) continue;
        await tx.objectStore('addresses').put({ ...next, updatedAt: at });
        updated += 1;
      }
      await tx.done;
      return updated;
    } catch (error) {
      abortQuietly(tx);
      throw error;
    }
  }

  /**
   * Forgets addresses: their record and every event naming them. Notices stay recorded (they hold
   * no address), so re-seeing an old notice does not bring the address back; a new bounce does.
   */
  async forget(addresses: readonly string[]): Promise<number> {
    const keys = [...new Set(addresses.map(normaliseAddress).filter((address): address is string => !!address))];
    if (keys.length === 0) return 0;
    const tx = (await this.db()).transaction(['notices', 'events', 'addresses'], 'readwrite');
    try {
      let removed = 0;
      const forgotten = new Set<string>();
      for (const address of keys) {
        const existed = (await tx.objectStore('addresses').count(address)) > 0;
        const eventKeys = await tx.objectStore('events').index('by-address').getAllKeys(address);
        for (const key of eventKeys) {
          await tx.objectStore('events').delete(key);
          forgotten.add(key);
        }
        await tx.objectStore('addresses').delete(address);
        if (existed || eventKeys.length > 0) removed += 1;
      }
      // Event ids name their address: take them out of the notices too (a scan: forgetting is rare).
      if (forgotten.size > 0) {
        for (let cursor = await tx.objectStore('notices').openCursor(); cursor; cursor = await cursor.continue()) {
          const kept = cursor.value.eventIds.filter((id) => !forgotten.has(id));
          if (kept.length !== cursor.value.eventIds.length) await cursor.update({ ...cursor.value, eventIds: kept });
        }
      }
      await tx.done;
      return removed;
    } catch (error) {
      abortQuietly(tx);
      throw error;
    }
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
    const tx = (await this.db()).transaction(['notices', 'events', 'addresses'], 'readwrite');
    await Promise.all([tx.objectStore('notices').clear(), tx.objectStore('events').clear(), tx.objectStore('addresses').clear(), tx.done]);
  }

  async getSettings(): Promise<PolicySettings> {
    const stored = await (await this.db()).get('settings', SETTINGS_KEY);
    return stored ? normaliseSettings(stored) : { ...DEFAULT_POLICY };
  }

  async setSettings(settings: PolicySettings): Promise<PolicySettings> {
    const normalised = normaliseSettings(settings);
    await (await this.db()).put('settings', normalised, SETTINGS_KEY);
    return normalised;
  }

  async exportBackup(): Promise<TallyBackup> {
    const tx = (await this.db()).transaction(ALL_STORES, 'readonly');
    const [notices, events, addresses, settings] = await Promise.all([
      tx.objectStore('notices').getAll(),
      tx.objectStore('events').getAll(),
      tx.objectStore('addresses').getAll(),
      tx.objectStore('settings').get(SETTINGS_KEY),
    ]);
    await tx.done;
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: this.now().toISOString(),
      schemaVersion: DB_VERSION,
      settings: settings ? normaliseSettings(settings) : { ...DEFAULT_POLICY },
      notices,
      events,
      decisions: addresses
        .filter((record) => record.decidedAt !== '')
        .map(({ address, decision, decidedAt, previous }) => ({ address, decision, decidedAt, ...(previous ? { previous } : {}) })),
    };
  }

  /**
   * Merges a backup in one transaction: notices and events already present are skipped (by key
   * and id), decisions keep the later one, addresses are re-folded from the merged events. The
   * backup's settings are taken only when none were ever saved here.
   */
  async importBackup(backup: TallyBackup): Promise<ImportCounts> {
    const counts: ImportCounts = { noticesAdded: 0, noticesSkipped: 0, eventsAdded: 0 };
    const at = this.now().toISOString();
    const tx = (await this.db()).transaction(ALL_STORES, 'readwrite');
    try {
      const changed = new Set<string>();
      for (const event of backup.events) {
        const address = normaliseAddress(event.address);
        if (!address || address !== event.address) continue;
        if (await tx.objectStore('events').count(event.id)) continue;
        await tx.objectStore('events').add({ ...event, day: dayOf(event.seenAt) });
        counts.eventsAdded += 1;
        changed.add(address);
      }
      for (const notice of backup.notices) {
        const existing = await tx.objectStore('notices').get(notice.key);
        if (existing) {
          counts.noticesSkipped += 1;
          const union = [...new Set([...existing.eventIds, ...notice.eventIds])];
          if (union.length !== existing.eventIds.length) await tx.objectStore('notices').put({ ...existing, eventIds: union });
        } else {
          await tx.objectStore('notices').add(notice);
          counts.noticesAdded += 1;
        }
      }
      const decisions = new Map<string, DecisionState>();
      for (const incoming of backup.decisions) {
        const address = normaliseAddress(incoming.address);
        if (!address) continue;
        const existing = (await tx.objectStore('addresses').get(address)) ?? { decision: 'none' as const, decidedAt: '' };
        const merged = mergeDecisions(existing, incoming);
        if (merged !== existing) {
          const { decision, decidedAt, previous } = merged;
          decisions.set(address, { decision, decidedAt, ...(previous ? { previous } : {}) });
          changed.add(address);
        }
      }
      await this.refold(tx, changed, at, decisions);
      if (!(await tx.objectStore('settings').count(SETTINGS_KEY))) {
        await tx.objectStore('settings').put(normaliseSettings(backup.settings), SETTINGS_KEY);
      }
      await tx.done;
      return counts;
    } catch (error) {
      abortQuietly(tx);
      throw error;
    }
  }

  /** Records notices classified elsewhere (the options page's mbox/.eml import), one transaction each. */
  async importNotices(notices: readonly NoticeToRecord[]): Promise<ImportCounts> {
    const counts: ImportCounts = { noticesAdded: 0, noticesSkipped: 0, eventsAdded: 0 };
    for (const notice of notices) {
      const result = await this.recordNotice(notice);
      if (result.duplicate) {
        counts.noticesSkipped += 1;
      } else {
        counts.noticesAdded += 1;
        counts.eventsAdded += result.events.filter((event) => event.noticeKey === notice.key).length;
      }
    }
    return counts;
  }
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
