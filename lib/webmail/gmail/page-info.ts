/**
 * The bridge from Gmail's page world. `GLOBALS` (Gmail's embedded page data) is invisible to an
 * isolated-world content script, so entrypoints/gmail-main.content.ts (world: 'MAIN') copies two
 * values onto <html> attributes, InboxSDK's pattern (webmail-dom.md §1.2):
 *   GLOBALS[9]  → data-bounce-sweeper-ik    (the account key Gmail puts in its own request URLs)
 *   GLOBALS[10] → data-bounce-sweeper-user  (the signed-in address)
 * Anything on the page can write those attributes, so what we read is validated, never trusted.
 */

export const IK_ATTRIBUTE = 'data-bounce-sweeper-ik';
export const USER_ATTRIBUTE = 'data-bounce-sweeper-user';

/** Gmail's ik is a short lower-case hex string (e.g. "1f119f7bbb" in InboxSDK's test data). */
const IK_RE = /^[0-9a-f]{6,24}$/;
const EMAIL_RE = /^[^\s@<>"']{1,64}@[a-z0-9.-]{1,253}$/i;

export function isValidIk(value: unknown): value is string {
  return typeof value === 'string' && IK_RE.test(value);
}

export function isValidEmail(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 320 && EMAIL_RE.test(value);
}

export interface GmailPageInfo {
  ik: string;
  userEmail: string;
}

/** Values from the main-world script, else DOM fallbacks; '' when unknown. */
export function readPageInfo(doc: Document): GmailPageInfo {
  const root = doc.documentElement;
  let ik = root.getAttribute(IK_ATTRIBUTE) ?? '';
  if (!isValidIk(ik)) ik = ikFromLinks(doc);
  let userEmail = (root.getAttribute(USER_ATTRIBUTE) ?? '').toLowerCase();
  if (!isValidEmail(userEmail)) userEmail = userFromTitle(doc);
  return { ik, userEmail };
}

/** Gmail's own attachment links carry ik= (InboxSDK gmail-attachment-card-view test data). */
function ikFromLinks(doc: Document): string {
  const link = doc.querySelector<HTMLAnchorElement>('a[href*="ik="]');
  if (!link) return '';
  try {
    const ik = new URL(link.href, doc.location.href).searchParams.get('ik') ?? '';
    return isValidIk(ik) ? ik : '';
  } catch {
    return '';
  }
}

/** "Inbox (3) - someone@example.com - Gmail" (Mailvelope getUserInfo reads the title). */
function userFromTitle(doc: Document): string {
  const match = /[^\s()<>"']+@[a-z0-9.-]+\.[a-z]{2,}/i.exec(doc.title);
  return match && isValidEmail(match[0]) ? match[0].toLowerCase() : '';
}

/**
 * The /mail/u/<n>/ (or delegated /mail/b/<id>/u/<n>/) prefix of the current account, the base of
 * every same-origin request (InboxSDK getOriginalMessagePage builds it from location.pathname).
 */
export function accountPath(pathname: string): string {
  const match = /^\/mail(?:\/b\/[A-Za-z0-9_-]{1,64})?\/u\/\d{1,2}\//.exec(pathname);
  return match ? match[0] : '/mail/u/0/';
}

/** "u/0", "b/xyz/u/1": the account index part, for when the address is unknown. */
export function accountIndex(pathname: string): string {
  return accountPath(pathname).replace(/^\/mail\//, '').replace(/\/$/, '');
}
