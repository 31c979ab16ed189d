/** Links a page may render: only back into the webmails we read (the URL came from a webmail page). */
import { WEBMAIL_HOSTS } from '../webmail/registry';

export function isSafeNoticeUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && WEBMAIL_HOSTS.has(parsed.hostname);
  } catch {
    return false;
  }
}
