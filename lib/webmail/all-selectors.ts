/**
 * Every registered webmail's selector table with the words users read about each name, for the
 * places that look at all webmails at once: the background checks a page's selector report against
 * it and words it for the options page (lib/background/selector-health.ts), and
 * tests/webmail/selector-tables.test.ts checks every table. Content scripts import their own
 * table directly, so one webmail's bundle does not carry the other's. The type makes a newly
 * registered webmail (./registry.ts) add its line here.
 */
import type { RegisteredWebmailId } from './registry';
import type { SelectorTable } from './selector-table';
import { GMAIL_SELECTOR_WORDS, GMAIL_SELECTORS } from './gmail/selectors';
import { OUTLOOK_SELECTOR_WORDS, OUTLOOK_SELECTORS } from './outlook/selectors';

export interface WebmailSelectors {
  readonly table: SelectorTable;
  /** Per name, what it finds in plain words ("the message list"). */
  readonly words: Readonly<Record<string, string>>;
}

export const ALL_SELECTORS = {
  gmail: { table: GMAIL_SELECTORS, words: GMAIL_SELECTOR_WORDS },
  outlook: { table: OUTLOOK_SELECTORS, words: OUTLOOK_SELECTOR_WORDS },
} as const satisfies Record<RegisteredWebmailId, WebmailSelectors>;
