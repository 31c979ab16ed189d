/**
 * The date Outlook shows, in the locales it writes (issue #11): order, month names and AM/PM words
 * come from Intl for the page's locale. Table-driven; short forms that name no day give undefined.
 */
import { describe, expect, it } from 'vitest';
import { parseShownDate } from '../../lib/webmail/shown-date';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();

const CASES: Array<[string, string, string | undefined]> = [
  ['Fri 11/27/2026 10:42 AM', 'en-US', local(2026, 11, 27, 10, 42)],
  ['Fri 11/27/2026 3:04 PM', 'en-US', local(2026, 11, 27, 15, 4)],
  ['Fri 11/27/2026 12:05 AM', 'en-US', local(2026, 11, 27, 0, 5)],
  ['Fri 27/11/2026 15:04', 'en-GB', local(2026, 11, 27, 15, 4)],
  ['Fr 27.11.2026 15:04', 'de-DE', local(2026, 11, 27, 15, 4)],
  ['ven. 27/11/2026 15:04', 'fr-FR', local(2026, 11, 27, 15, 4)],
  ['27 nov. 2026 15:04', 'fr-FR', local(2026, 11, 27, 15, 4)],
  ['vie 27/11/2026 15:04', 'es-ES', local(2026, 11, 27, 15, 4)],
  ['2026/11/27 (金) 15:04', 'ja-JP', local(2026, 11, 27, 15, 4)],
  ['2026-11-27 15:04', 'sv-SE', local(2026, 11, 27, 15, 4)],
  ['November 27, 2026', 'en-US', local(2026, 11, 27)],
  ['10:42', 'en-US', undefined],
  ['Yesterday', 'en-US', undefined],
  ['31/02/2026', 'en-GB', undefined],
  ['', 'en-US', undefined],
];

describe('parseShownDate', () => {
  it.each(CASES)('%s (%s)', (text, locale, expected) => {
    expect(parseShownDate(text, locale)).toBe(expected);
  });
});
