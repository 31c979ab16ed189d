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
