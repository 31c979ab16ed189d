/**
 * What the webmail pages last said about their selectors: which names a page could find only with
 * an older layout's variant (lib/webmail/selector-table.ts), kept per webmail for the options page.
 * A new report from a webmail replaces its previous one (the latest page is the one that counts).
 *
 * The store is an interface so the handlers stay pure of `browser` and testable: the service worker
 * uses a one-store IndexedDB database of its own (an MV3 worker is stopped after a short idle, so a
 * report kept in memory would be gone by the time the options page asks), tests pass the memory
 * one. It holds selector names and dates only, nothing about mail.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { SelectorHealthReport, WebmailSelectorHealth } from '../messaging';
import { ALL_SELECTORS, type WebmailSelectors } from '../webmail/all-selectors';
import { WEBMAILS, type RegisteredWebmailId } from '../webmail/registry';

export interface SelectorHealthRecord {
  webmail: RegisteredWebmailId;
  /** When the background received the report (ISO timestamp). */
  reportedAt: string;
  names: Array<{ name: string; matchedSince: string; newestSince: string }>;
}

export interface SelectorHealthStore {
  /** Keeps `record` as its webmail's latest, replacing the one before. */
  put(record: SelectorHealthRecord): Promise<void>;
  all(): Promise<SelectorHealthRecord[]>;
}

export function createMemorySelectorHealthStore(): SelectorHealthStore {
  const records = new Map<RegisteredWebmailId, SelectorHealthRecord>();
  return {
    async put(record) {
      records.set(record.webmail, structuredClone(record));
    },
    async all() {
      return [...records.values()].map((record) => structuredClone(record));
    },
  };
}

export const DIAGNOSTICS_DB_NAME = 'bounce-sweeper-diagnostics';

interface DiagnosticsDb extends DBSchema {
  selectorHealth: { key: string; value: SelectorHealthRecord };
}

/** The worker's store: its own small database, so the tally's schema (lib/store/db.ts) is not involved. */
export function createIdbSelectorHealthStore(name = DIAGNOSTICS_DB_NAME): SelectorHealthStore {
  let connection: Promise<IDBPDatabase<DiagnosticsDb>> | undefined;
  const db = (): Promise<IDBPDatabase<DiagnosticsDb>> => {
    connection ??= openDB<DiagnosticsDb>(name, 1, {
      // v1: one record per webmail. A later version appends a step here, as lib/store/db.ts does.
      upgrade(database) {
        database.createObjectStore('selectorHealth', { keyPath: 'webmail' });
      },
      blocking() {
        void connection?.then((open) => open.close());
        connection = undefined;
      },
      terminated() {
        connection = undefined;
      },
    }).catch((error: unknown) => {
      connection = undefined;
      throw error;
    });
    return connection;
  };
  return {
    async put(record) {
      await (await db()).put('selectorHealth', record);
    },
    async all() {
      return (await db()).getAll('selectorHealth');
    },
  };
}

/**
 * The names of a report this version's tables confirm as old-layout answers, with the tables' own
 * dates: a page is untrusted, so an unknown name, a date no variant has, or a "stale" newest variant
 * is dropped rather than shown. Run again when describing, so a report made before an update is
 * read against the tables the extension has now.
 */
export function confirmedStaleNames(webmail: RegisteredWebmailId, names: SelectorHealthReport['names']): SelectorHealthRecord['names'] {
  const { table }: WebmailSelectors = ALL_SELECTORS[webmail];
  const confirmed: SelectorHealthRecord['names'] = [];
  for (const { name, matchedSince } of names) {
    if (!Object.hasOwn(table, name) || confirmed.some((entry) => entry.name === name)) continue;
    const variants = table[name] ?? [];
    const newestSince = variants[0]?.since;
    if (!newestSince || matchedSince >= newestSince || !variants.some((variant) => variant.since === matchedSince)) continue;
    confirmed.push({ name, matchedSince, newestSince });
  }
  return confirmed;
}

/** The records as the options page shows them: worded, one per webmail, the latest report first. */
export function describeSelectorHealth(records: readonly SelectorHealthRecord[]): WebmailSelectorHealth[] {
  return records
    .filter((record) => Object.hasOwn(ALL_SELECTORS, record.webmail))
    .map((record) => ({
      webmail: record.webmail,
      webmailName: WEBMAILS[record.webmail].name,
      reportedAt: record.reportedAt,
      stale: confirmedStaleNames(record.webmail, record.names).map((entry) => ({
        ...entry,
        what: (ALL_SELECTORS[record.webmail] as WebmailSelectors).words[entry.name] ?? entry.name,
      })),
    }))
    .sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
}
