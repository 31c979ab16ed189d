/**
 * First impressions: does a list row or an opened message *look like* a bounce notice, from what it
 * shows at once (sender, subject, snippet)? This only decides where to look and what badge to show
 * before the notice is read; the classifier in the background (lib/bounce) has the last word.
 *
 * Patterns are literal phrases, lower-cased, each with where it was seen (STYLE.md principle 4).
 * Webmail-neutral: Gmail and Outlook both call it.
 */
import type { BadgeKind } from './inline-ui';

/** Sender local parts and display names of bounce generators. */
const SENDER_LOCAL_PARTS = [
  'mailer-daemon', // Gmail: "Mail Delivery Subsystem <mailer-daemon@googlemail.com>" (webmail-dom.md 1.8)
  'postmaster', // Exchange Online / Outlook.com: postmaster@outlook.com, postmaster@<tenant> (webmail-dom.md 2.7)
  'mail-daemon',
  'maildaemon',
  'mailerdaemon',
  'bounce', // many relays (bounce@, bounces@)
  'bounces',
  'mdaemon',
  'nobody-bounce',
];
const SENDER_NAMES = [
  'mail delivery subsystem', // Gmail / Google Workspace
  'mail delivery system', // Postfix / Exim default display name
  'mailer-daemon',
  'mail administrator',
  'postmaster',
  'microsoft outlook', // Outlook.com NDRs (lhost-office365-04/-11) — only counts together with a bounce subject
  'mail delivery service',
  'e-mail-zustelldienst',
];
/** Display names that are ambiguous on their own (a real person's mail also comes from Outlook). */
const WEAK_SENDER_NAMES = new Set(['microsoft outlook']);

/**
 * Subjects of notices, several languages. Sources: sisimai/set-of-emails subjects (webmail-dom.md 1.8,
 * 2.7: "Delivery Status Notification (Failure)", "Undeliverable:", "Non remis :"), Postfix bounce(5)
 * "Undelivered Mail Returned to Sender", Exim "Mail delivery failed: returning message to sender",
 * qmail "failure notice", Google's localized DSN subjects.
 */
const SUBJECT_PHRASES = [
  'delivery status notification',
  'undelivered mail returned to sender',
  'undeliverable',
  'undelivered mail',
  'mail delivery failed',
  'returned mail',
  'failure notice',
  'delivery failure',
  'delivery has failed',
  'delivery notification',
  'message not delivered',
  'address not found',
  'could not be delivered',
  'delivery failed',
  'mail system error',
  'non remis', // fr (Exchange)
  'non distribuable',
  'échec de la remise',
  "notification d'état de remise",
  'unzustellbar', // de
  'nicht zustellbar',
  'benachrichtigung zum übermittlungsstatus',
  'no se puede entregar', // es
  'notificación de estado de entrega',
  'devolución de correo',
  'onbestelbaar', // nl
  'non recapitabile', // it
  'notifica stato di consegna',
  'não é possível entregar', // pt
  'notificação de status de entrega',
  'mensagem não entregue',
  'niedostarczalne', // pl
  'nedoručitelné', // cs
  'не доставлено', // ru
  'недоставленное сообщение',
  '配信不能', // ja
  '配信状態の通知',
  '退信', // zh
  '无法投递',
  '傳遞狀態通知',
];

/** Subject phrases that say the delivery is only delayed (still retried): a soft signal, not a bounce yet. */
const DELAY_PHRASES = [
  '(delay)', // Gmail "Delivery Status Notification (Delay)" (rhost-gsuite-06)
  'delayed mail',
  'delivery delayed',
  'warning: could not send message',
  'verzögerung',
  '(retard)',
  '(retraso)',
];

/** Snippet/body phrases → what kind the badge shows before the background answers. */
const HARD_HINTS = [
  'address not found', // Gmail card heading (rfc3464-63)
  "couldn't be found", // Gmail card body
  'does not exist',
  "wasn't found at", // Office 365 layout A
  'user unknown',
  'unknown user',
  'no such user',
  'recipient not found',
  'recipientnotfound',
  'recipnotfound',
  'mailbox unavailable',
  'invalid recipient',
];
const SENDER_HINTS = [
  'message blocked',
  'blocked',
  'spam',
  'blacklist',
  'blocklist',
  'spf',
  'dmarc',
  'dkim',
  'reputation',
];
const SOFT_HINTS = [
  'delivery incomplete', // Gmail delay card heading (rhost-gsuite-06)
  'will retry',
  'mailbox full',
  'over quota',
  'quota exceeded',
  'temporar',
  'timed out',
  'try again later',
];

const ADDRESS_RE = /[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+/gi;

export interface BounceLook {
  /** True when sender or subject says "bounce notice". */
  isBounce: boolean;
  /** What the row can show before the notice is read. */
  kind: BadgeKind;
  /** True when the subject says delivery is only delayed. */
  delayed: boolean;
  /** Addresses the snippet names (not the sender's). */
  addresses: string[];
}

export interface BounceLookInput {
  subject: string;
  /** Sender as shown: display name, address or "Name <address>"; several senders joined by ", ". */
  from: string;
  snippet?: string;
}

function includesAny(haystack: string, phrases: readonly string[]): boolean {
  return phrases.some((phrase) => haystack.includes(phrase));
}

export function isBounceSender(from: string): boolean {
  const lower = from.toLowerCase();
  for (const match of lower.matchAll(ADDRESS_RE)) {
    const local = match[0].split('@')[0] ?? '';
    if (SENDER_LOCAL_PARTS.some((part) => local === part || local.startsWith(`${part}+`))) return true;
  }
  // Display names are checked on what is left once the addresses are cut out ("postmaster-fan@…" is a person).
  const names = lower.replace(ADDRESS_RE, ' ');
  return SENDER_NAMES.some((name) => !WEAK_SENDER_NAMES.has(name) && names.includes(name));
}

/**
 * A subject alone counts only when it *starts* with a notice phrase: "Undeliverable: Invoice" is a
 * notice, "Re: the undeliverable parcel" is a person writing.
 */
export function isBounceSubject(subject: string): boolean {
  const lower = subject.toLowerCase().trimStart();
  return SUBJECT_PHRASES.some((phrase) => lower.startsWith(phrase));
}

/** Addresses named in a text, lower-cased, deduplicated, in order, without the sender's own. */
export function findAddresses(text: string, exclude: readonly string[] = []): string[] {
  const skip = new Set(exclude.map((a) => a.toLowerCase()));
  const out: string[] = [];
  for (const match of text.matchAll(ADDRESS_RE)) {
    const address = match[0].toLowerCase().replace(/\.+$/, '');
    const local = address.split('@')[0] ?? '';
    if (skip.has(address) || SENDER_LOCAL_PARTS.includes(local)) continue;
    if (!out.includes(address)) out.push(address);
  }
  return out;
}

export function looksLikeBounce(input: BounceLookInput): BounceLook {
  const subject = input.subject.toLowerCase();
  const snippet = (input.snippet ?? '').toLowerCase();
  const bySender = isBounceSender(input.from);
  const isBounce = bySender || isBounceSubject(input.subject);
  const delayed = includesAny(subject, DELAY_PHRASES);
  const addresses = isBounce ? findAddresses(input.snippet ?? '', findAddresses(input.from)) : [];
  let kind: BadgeKind = 'undetermined';
  const text = `${subject} ${snippet}`;
  if (delayed || includesAny(text, SOFT_HINTS)) kind = 'soft';
  else if (includesAny(text, HARD_HINTS)) kind = 'hard';
  else if (includesAny(snippet, SENDER_HINTS)) kind = 'sender';
  return { isBounce, kind: isBounce ? kind : 'undetermined', delayed, addresses };
}
