/**
 * First impressions: does a list row or an opened message *look like* a bounce notice, from what it
 * shows at once (sender, subject, snippet)? This only decides where to look and what badge to show
 * before the notice is read; the classifier in the background (lib/bounce) has the last word.
 *
 * Patterns are literal phrases, lower-cased, each with where it was seen (STYLE.md principle 4).
 * The sender and subject markers are the core's (lib/bounce/envelope-markers.ts): the classifier
 * starts from the same lists, so a notice the badge announces is one the classifier looks at.
 * Webmail-neutral: Gmail and Outlook both call it.
 */
import { NOTICE_SENDER_LOCAL_PARTS, NOTICE_SENDER_NAMES, NOTICE_SUBJECT_OPENINGS } from '../bounce/envelope-markers';
import type { BadgeKind } from './inline-ui';

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
    if (NOTICE_SENDER_LOCAL_PARTS.some((part) => local === part || local.startsWith(`${part}+`))) return true;
  }
  // Display names are checked on what is left once the addresses are cut out ("postmaster-fan@…" is a person).
  const names = lower.replace(ADDRESS_RE, ' ');
  return NOTICE_SENDER_NAMES.some((name) => names.includes(name));
}

/**
 * A subject alone counts only when it *starts* with a notice phrase: "Undeliverable: Invoice" is a
 * notice, "Re: the undeliverable parcel" is a person writing.
 */
export function isBounceSubject(subject: string): boolean {
  const lower = subject.toLowerCase().trimStart();
  return NOTICE_SUBJECT_OPENINGS.some((phrase) => lower.startsWith(phrase));
}

/** Addresses named in a text, lower-cased, deduplicated, in order, without the sender's own. */
export function findAddresses(text: string, exclude: readonly string[] = []): string[] {
  const skip = new Set(exclude.map((a) => a.toLowerCase()));
  const out: string[] = [];
  for (const match of text.matchAll(ADDRESS_RE)) {
    const address = match[0].toLowerCase().replace(/\.+$/, '');
    const local = address.split('@')[0] ?? '';
    if (skip.has(address) || NOTICE_SENDER_LOCAL_PARTS.includes(local)) continue;
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
