/** Small display helpers shared by the popup and the options page. */
import { WEBMAIL_HOSTS } from '../webmail/registry';

/**
 * "2 Mar 2026" in UTC, or "2 Mar" when `now` is given and in the same year (rows stay on two
 * lines); "unknown" for a missing or broken date.
 */
export function formatDay(iso: string, now?: Date): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return 'unknown';
  // By hand, not toLocaleDateString: that builds an Intl formatter per call (the bench saw ~1 ms a row).
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  return now !== undefined && now.getUTCFullYear() === date.getUTCFullYear() ? day : `${day} ${date.getUTCFullYear()}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 12345 → "12,345" (en-US grouping without an Intl formatter per call). */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 bounce", "3 bounces". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** Webmail id → name a user knows. */
export function describeWebmail(webmail: string): string {
  switch (webmail) {
    case 'gmail':
      return 'Gmail';
    case 'outlook':
      return 'Outlook';
    case 'import':
      return 'an imported mailbox file';
    default:
      return webmail || 'unknown';
  }
}

/** Only links back into the webmails we read are rendered as links (the URL came from a page). */
export function isSafeNoticeUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && WEBMAIL_HOSTS.has(parsed.hostname);
  } catch {
    return false;
  }
}

const BYTE_UNITS = [
  { unit: 'byte', size: 1 },
  { unit: 'kilobyte', size: 1024 },
  { unit: 'megabyte', size: 1024 ** 2 },
  { unit: 'gigabyte', size: 1024 ** 3 },
] as const;
/** Intl formatters cost far more to build than to use: one per locale and unit, made on first use. */
const byteFormatters = new Map<string, Intl.NumberFormat>();

/** A file size in the largest unit that keeps it at 1 or more: "512 bytes", "3.4 kB", "12 MB", "1.2 GB" (as the locale writes them). */
export function formatBytes(bytes: number, locale?: string): string {
  const safe = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  const { unit, size } = [...BYTE_UNITS].reverse().find((candidate) => safe >= candidate.size) ?? BYTE_UNITS[0];
  const value = safe / size;
  const key = `${locale ?? ''}|${unit}|${value < 10 && unit !== 'byte' ? 1 : 0}`;
  let formatter = byteFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: value < 10 && unit !== 'byte' ? 1 : 0 });
    byteFormatters.set(key, formatter);
  }
  return formatter.format(value);
}
