/**
 * Everything a user reads, in one module: the badge, the banner, the compose warning, the popup,
 * the options and welcome pages and the exports all word things through here (pure: no DOM).
 * Plain words first; the codes and the server's own words follow as evidence. Dates and numbers are
 * written the way the reader's locale writes them (Intl), with each formatter built once.
 *
 * Reason names are Sisimai's (lib/bounce/types.ts); the wording follows Sisimai's reason docs
 * (https://libsisimai.org/en/reason/) rephrased for non-technical readers.
 */
import { isSenderProblem } from './bounce/severity';
import type { BounceKind, Reason } from './bounce/types';
import { MANUAL_WEBMAIL, type Evidence, type Verdict } from './policy';

const REASON_LABELS: Record<Reason, string> = {
  userunknown: 'address does not exist',
  hostunknown: 'domain does not exist',
  hasmoved: 'address has moved',
  notaccept: 'domain does not accept mail',
  mailboxfull: 'mailbox full',
  exceedlimit: 'message larger than the mailbox allows',
  mesgtoobig: 'message too big',
  filtered: 'refused by the recipient’s filter',
  blocked: 'your sending server was blocked',
  spamdetected: 'flagged as spam',
  virusdetected: 'flagged as a virus',
  policyviolation: 'refused by the receiving server’s policy',
  securityerror: 'refused for a security reason',
  authfailure: 'your sender authentication failed (SPF/DKIM/DMARC)',
  requireptr: 'your sending server has no reverse DNS',
  badreputation: 'your sender reputation is too low',
  norelaying: 'the server refused to relay',
  rejected: 'your sender address was refused',
  suspend: 'mailbox suspended or disabled',
  expired: 'gave up after retrying',
  networkerror: 'network problem',
  systemerror: 'receiving server error',
  systemfull: 'receiving server full',
  toomanyconn: 'too many connections',
  ratelimited: 'sending too fast (rate limited)',
  contenterror: 'message content refused',
  mailererror: 'mail program error',
  syntaxerror: 'mail command error',
  onhold: 'on hold, cause unclear',
  emptyaddress: 'empty address',
  failedstarttls: 'secure connection (TLS) failed',
  speeding: 'sending too fast',
  suppressed: 'your sending service had already blocked this address (earlier bounce or complaint)',
  notcompliantrfc: 'message not standards-compliant',
  vacation: 'out-of-office reply',
  feedback: 'spam complaint',
  delivered: 'delivered after all (not a bounce)',
  undefined: 'cause unknown',
};

const VERDICT_LABELS: Record<Verdict, string> = {
  remove: 'Remove it: this address cannot receive mail',
  'remove-repeated-soft': 'Remove it: it keeps bouncing',
  watch: 'Watch it: it bounced, but not often enough to remove',
  'sender-problem': 'Sender problem: do not remove it, fix the sending',
  removed: 'You marked it removed',
  kept: 'You chose to keep it',
  clear: 'Nothing current: its bounces have expired',
};

const KIND_LABELS: Record<BounceKind, string> = {
  hard: 'hard bounce',
  soft: 'soft bounce',
  undetermined: 'unclear',
};

/** "userunknown" → "address does not exist". Unknown input (a newer store) falls back to the raw name. */
export function describeReason(reason: Reason): string {
  return REASON_LABELS[reason] ?? String(reason);
}

/** "remove-repeated-soft" → "Remove it: it keeps bouncing". */
export function describeVerdict(verdict: Verdict): string {
  return VERDICT_LABELS[verdict] ?? String(verdict);
}

/** "hard" → "hard bounce". */
export function describeKind(kind: BounceKind): string {
  return KIND_LABELS[kind] ?? String(kind);
}

/** What each kind of bounce means and what to do, for people who never read an SMTP reply (first-run page). */
export const KIND_EXPLANATIONS: ReadonlyArray<{ id: 'hard' | 'soft' | 'sender'; title: string; meaning: string; action: string }> = [
  {
    id: 'hard',
    title: 'Hard bounce',
    meaning: 'The address or its domain does not exist, or the domain takes no mail.',
    action: 'Take it off your lists: mail to it will never arrive.',
  },
  {
    id: 'soft',
    title: 'Soft bounce',
    meaning: 'The address exists but the mail did not get through this time: mailbox full, server busy, message too big.',
    action: 'Keep it. Bounce Sweeper moves it to Remove only if it keeps bouncing (3 different days within 30, by default).',
  },
  {
    id: 'sender',
    title: 'Sender problem',
    meaning: 'Your own server, domain or sending volume was refused: a blocklist, failed SPF/DKIM/DMARC, sending too fast.',
    action: 'Do not remove the recipient: it is not their fault. Fix the sending, and the same address will work.',
  },
];

/**
 * What kind of problem one bounce was, as the badge, the banner and the popup all name it: a
 * sender problem is named as such whatever its kind (it is never the recipient's fault).
 */
export function describeProblem(kind: BounceKind, reason: Reason): string {
  if (isSenderProblem(reason)) return 'Sender problem';
  return kind === 'hard' ? 'Hard bounce' : kind === 'soft' ? 'Soft bounce' : 'Unclear bounce';
}

/** The codes, one way everywhere: reply code then enhanced status, "550 5.1.1"; "" when neither. */
export function describeCodes(replyCode: string, status: string): string {
  return [replyCode, status].filter(Boolean).join(' ');
}

/** Where a bounce was seen, in words a user knows. */
export function describeWebmail(webmail: string): string {
  switch (webmail) {
    case 'gmail':
      return 'Gmail';
    case 'outlook':
      return 'Outlook';
    case 'import':
      return 'an imported mailbox file';
    case MANUAL_WEBMAIL:
      return 'added by you';
    default:
      return webmail || 'unknown';
  }
}

// Numbers and dates -------------------------------------------------------------------------

/** Intl formatters cost far more to build than to use: each is built once per locale and shape. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

const numberFormat = (locale: string | undefined, options: Intl.NumberFormatOptions) =>
  cached(`n|${locale ?? ''}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));

const dateFormat = (locale: string | undefined, options: Intl.DateTimeFormatOptions) =>
  cached(`d|${locale ?? ''}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

/** 12345 → "12,345" (or "12.345", as the locale groups digits). */
export function formatCount(count: number, locale?: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(count);
}

/** "1 bounce", "3 bounces". */
export function plural(count: number, one: string, many = `${one}s`, locale?: string): string {
  return `${formatCount(count, locale)} ${count === 1 ? one : many}`;
}

export interface DayOptions {
  /** Dates in this year drop the year ("24 Nov" / "Nov 24"), so rows stay short. */
  now?: Date;
  locale?: string;
  /** For tests; the reader's own time zone otherwise. */
  timeZone?: string;
}

/** A day as the locale writes it ("24 Nov 2026", "Nov 24, 2026", "24.11.2026"); "unknown" for a broken date. */
export function formatDay(iso: string, options: DayOptions = {}): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return 'unknown';
  const { now, locale, timeZone } = options;
  const year = (d: Date) => dateFormat(locale, { year: 'numeric', ...(timeZone ? { timeZone } : {}) }).format(d);
  const sameYear = now !== undefined && year(now) === year(date);
  return dateFormat(locale, { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }), ...(timeZone ? { timeZone } : {}) }).format(date);
}

const BYTE_UNITS = [
  { unit: 'byte', size: 1 },
  { unit: 'kilobyte', size: 1024 },
  { unit: 'megabyte', size: 1024 ** 2 },
  { unit: 'gigabyte', size: 1024 ** 3 },
] as const;

/** A file size in the largest unit that keeps it at 1 or more: "512 bytes", "3.4 kB", "12 MB", "1.2 GB" (as the locale writes them). */
export function formatBytes(bytes: number, locale?: string): string {
  const safe = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  const { unit, size } = [...BYTE_UNITS].reverse().find((candidate) => safe >= candidate.size) ?? BYTE_UNITS[0];
  const value = safe / size;
  const digits = value < 10 && unit !== 'byte' ? 1 : 0;
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: digits }).format(value);
}

// Evidence ----------------------------------------------------------------------------------

/** One fact behind a verdict, in a sentence (lib/policy.ts Evidence). */
export function describeEvidence(evidence: Evidence, options: DayOptions = {}): string {
  const day = (iso: string) => formatDay(iso, options);
  const reasons = (list: readonly Reason[]) => list.map(describeReason).join('; ');
  switch (evidence.fact) {
    case 'decided': {
      const on = evidence.at ? ` on ${day(evidence.at)}` : '';
      const did = evidence.decision === 'removed' ? `You marked it removed${on}` : `You chose to keep it${on}`;
      return `${did}. The bounces alone say: ${describeVerdict(evidence.bouncesSay)}.`;
    }
    case 'hard-bounce': {
      if (evidence.byHand) return `Added to the list by you on ${day(evidence.at)}.`;
      const codes = describeCodes(evidence.replyCode, evidence.status);
      return `Hard bounce on ${day(evidence.at)}: ${describeReason(evidence.reason)}${codes ? ` (${codes})` : ''}.`;
    }
    case 'hard-bounces':
      return `${plural(evidence.count, 'hard bounce', 'hard bounces', options.locale)} in all.`;
    case 'soft-days':
      return `Soft bounces on ${evidence.inWindow} of ${evidence.threshold} days within ${plural(evidence.windowDays, 'day', 'days', options.locale)}.`;
    case 'unclear-days':
      return `Failures of unclear cause on ${plural(evidence.inWindow, 'day', 'days', options.locale)} within ${evidence.windowDays} days (never enough to remove).`;
    case 'sender-refused':
      return `Your sending was refused on ${plural(evidence.inWindow, 'day', 'days', options.locale)} within ${evidence.windowDays} days (${reasons(evidence.reasons)}): removing the recipient would not fix this.`;
    case 'sender-refusals-expired':
      return `Older refusals of your sending (${reasons(evidence.reasons)}) have expired.`;
    case 'soft-days-expired':
      return `${plural(evidence.days, 'soft-bounce day', 'soft-bounce days', options.locale)} older than ${evidence.windowDays} days expired.`;
    case 'nothing-current':
      return 'No bounce within the policy window.';
  }
}
