/**
 * The date a webmail shows for a message (issue #11: a notice is dated as the webmail dates it,
 * never by when it was read; issue #13: "wrote to you on …"), read in any locale: Outlook's row or
 * header title ("Fri 11/27/2026 10:42 AM", "Fr 27.11.2026 10:42", "2026/11/27 (金) 10:42"), Gmail's
 * row and message titles in another UI language ("mar. 24 nov. 2026, 08:02"). The day, month and
 * year order, the month names and the AM/PM words come from Intl for the page's locale, not from a
 * list of ours. Short forms ("10:42", "Yesterday") carry no date: those give undefined, and the
 * caller looks elsewhere (the reading pane's header).
 */

type Order = Array<'day' | 'month' | 'year'>;

const cache = new Map<string, { order: Order; months: Map<string, number>; pm: string[]; am: string[] }>();

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\./g, '').trim();
}

function localeFacts(locale: string) {
  const hit = cache.get(locale);
  if (hit) return hit;
  const sample = new Date(Date.UTC(2026, 10, 27, 15, 4));
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' }).formatToParts(sample);
  const order = parts.map((p) => p.type).filter((t): t is 'day' | 'month' | 'year' => t === 'day' || t === 'month' || t === 'year');
  const months = new Map<string, number>();
  for (const style of ['long', 'short'] as const) {
    for (let m = 0; m < 12; m += 1) {
      const date = new Date(Date.UTC(2026, m, 15));
      // Both the stand-alone and the in-date form ("März" / "März", "novembre" / "nov.").
      for (const name of [
        new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' }).format(date),
        new Intl.DateTimeFormat(locale, { month: style, day: 'numeric', timeZone: 'UTC' }).formatToParts(date).find((p) => p.type === 'month')?.value ?? '',
      ]) {
        const key = fold(name);
        if (key && !/^\d+$/.test(key)) months.set(key, m);
      }
    }
  }
  const period = (hour: number) =>
    fold(new Intl.DateTimeFormat(locale, { hour: 'numeric', hour12: true, timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2026, 0, 1, hour))).find((p) => p.type === 'dayPeriod')?.value ?? '');
  const facts = { order: order.length === 3 ? order : (['month', 'day', 'year'] as Order), months, am: [period(9), 'am'].filter(Boolean), pm: [period(15), 'pm'].filter(Boolean) };
  cache.set(locale, facts);
  return facts;
}

/**
 * `text` as Outlook wrote it for `locale` → ISO timestamp (the reader's time zone), or undefined
 * when it names no full date.
 */
export function parseShownDate(text: string, locale = 'en-US'): string | undefined {
  const source = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!source) return undefined;
  let facts: ReturnType<typeof localeFacts>;
  try {
    facts = localeFacts(locale);
  } catch {
    facts = localeFacts('en-US');
  }
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  // Year first (ISO, Japanese, Chinese, Korean, Swedish): 2026-11-27, 2026/11/27, 2026年11月27日.
  const ymd = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(source);
  const numeric = /(\d{1,4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2,4})/.exec(source);
  let rest = source;
  if (ymd) {
    [year, month, day] = [Number(ymd[1]), Number(ymd[2]) - 1, Number(ymd[3])];
    rest = source.replace(ymd[0], ' ');
  } else if (numeric) {
    const values = [numeric[1], numeric[2], numeric[3]].map(Number);
    const order = facts.order;
    const at = (part: 'day' | 'month' | 'year') => values[order.indexOf(part)] ?? NaN;
    [year, month, day] = [at('year'), at('month') - 1, at('day')];
    rest = source.replace(numeric[0], ' ');
  } else {
    // A month name: "27 nov. 2026", "November 27, 2026", "27. November 2026".
    const words = fold(source).split(/[\s,]+/);
    const named = words.findIndex((word) => facts.months.has(word));
    const found = /\b(\d{4})\b/.exec(source);
    if (named >= 0 && found) {
      month = facts.months.get(words[named] ?? '');
      year = Number(found[1]);
      const days = source.replace(found[0], ' ').match(/\b\d{1,2}\b(?!\s*:)/g) ?? [];
      day = Number(days[0]);
      rest = source.replace(found[0], ' ');
    }
  }
  if (year === undefined || month === undefined || day === undefined) return undefined;
  if (year < 100) year += 2000;
  if (!(month >= 0 && month < 12 && day >= 1 && day <= 31 && year >= 1990 && year <= 2200)) return undefined;
  let hours = 0;
  let minutes = 0;
  const time = /(\d{1,2})\s*[:h時]\s*(\d{2})/.exec(rest);
  if (time) {
    hours = Number(time[1]);
    minutes = Number(time[2]);
    const words = fold(rest);
    const pm = facts.pm.some((word) => word && words.includes(word));
    const am = facts.am.some((word) => word && words.includes(word));
    if (pm && hours < 12) hours += 12;
    if (am && !pm && hours === 12) hours = 0;
  }
  const date = new Date(year, month, day, hours, minutes);
  if (date.getMonth() !== month) return undefined; // 31 February
  return date.toISOString();
}
