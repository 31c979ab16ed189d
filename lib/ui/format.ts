/** Small display helpers shared by the popup and the options page. */

/**
 * "2 Mar 2026" in UTC, or "2 Mar" when `now` is given and in the same year (rows stay on two
 * lines); "unknown" for a missing or broken date.
 */
export function formatDay(iso: string, now?: Date): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return 'unknown';
  const sameYear = now !== undefined && now.getUTCFullYear() === date.getUTCFullYear();
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }), timeZone: 'UTC' });
}

/** "1 bounce", "3 bounces". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
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
    return (
      parsed.protocol === 'https:' &&
      ['mail.google.com', 'outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft'].includes(parsed.hostname)
    );
  } catch {
    return false;
  }
}
