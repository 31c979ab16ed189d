/**
 * The stable key of a notice, in one place for every way a notice arrives:
 * - reported from a webmail: `${webmail}:${account}:${messageId}` when the webmail gives a message
 *   id, else `hash:` + SHA-256 of the normalised content (raw source, or the rendered subject,
 *   sender, text and date);
 * - imported from a file: `import:` + SHA-256 of the message's bytes (or of its text as UTF-8, the
 *   same for a UTF-8 or ASCII message), so the same file imported twice gives the same keys.
 * crypto.subtle exists in the service worker, the import worker and Node 20.
 */
import type { NoticeReport } from './messaging';

async function sha256Hex(content: string | Uint8Array): Promise<string> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  // Never shared memory: file slices and TextEncoder output (digest refuses a SharedArrayBuffer view).
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Whitespace differences between two renders of the same message must not change the key. */
function normaliseContent(report: Pick<NoticeReport, 'raw' | 'rendered'>): string {
  if (report.raw !== undefined) return report.raw.replace(/\r\n?/g, '\n').trim();
  const rendered = report.rendered ?? { subject: '', from: '', text: '' };
  const fold = (value: string) => value.replace(/\s+/g, ' ').trim();
  return ['rendered', fold(rendered.subject), fold(rendered.from), fold(rendered.text), fold(rendered.date ?? '')].join('\n');
}

export async function noticeKeyOf(report: Pick<NoticeReport, 'webmail' | 'account' | 'messageId' | 'raw' | 'rendered'>): Promise<string> {
  if (report.messageId) {
    // Components are URI-encoded so that a ':' inside an account or id cannot make two keys equal.
    return [report.webmail, report.account, report.messageId].map(encodeURIComponent).join(':');
  }
  return `hash:${await sha256Hex(normaliseContent(report))}`;
}

export async function importedNoticeKey(source: string | Uint8Array): Promise<string> {
  return `import:${await sha256Hex(source)}`;
}
