/**
 * What the webmail pages last said about their selectors: which names a page could find only with
 * an older layout's variant (lib/webmail/selector-table.ts), kept per webmail for the options page.
 * A new report from a webmail replaces its previous one (the latest page is the one that counts).
 *
 * The reports are kept in the tally's database (lib/store, schema v3: an MV3 worker is stopped after
 * a short idle, so a report kept in memory would be gone by the time the options page asks). They
 * hold selector names and dates only, nothing about mail.
 */
import type { SelectorHealthReport, WebmailSelectorHealth } from '../messaging';
import type { SelectorHealthRecord } from '../store/db';
import { ALL_SELECTORS, type WebmailSelectors } from '../webmail/all-selectors';
import { WEBMAILS, type RegisteredWebmailId } from '../webmail/registry';

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
  const known = (record: SelectorHealthRecord): record is SelectorHealthRecord & { webmail: RegisteredWebmailId } => Object.hasOwn(ALL_SELECTORS, record.webmail);
  return records
    .filter(known)
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
