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
import { MANUAL_WEBMAIL, type AddressSummary, type Evidence, type UserDecision, type Verdict } from './policy';

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
    case 'wrote-to-you': {
      const aside = evidence.setAside > 0 ? ` The ${plural(evidence.setAside, 'soft-bounce day', 'soft-bounce days', options.locale)} before that no longer count toward removal.` : '';
      return `${describeWroteToYou(evidence.at, options)}, after its last bounce: the address works.${aside}`;
    }
    case 'nothing-current':
      return 'No bounce within the policy window.';
  }
}

/**
 * Proof of life, the row's mark and the evidence line (issue #13): "Wrote to you on 3 Dec". The
 * date is the webmail's date of that message, recorded for an address already on the list only.
 */
export function describeWroteToYou(at: string, options: DayOptions = {}): string {
  return `Wrote to you on ${formatDay(at, options)}`;
}

// The webmail pages: list badge, banner, compose warning and compose summary ---------------------
// (lib/webmail/inline-ui.ts draws them; every word they show is chosen here.)

/** What a badge or a banner calls a problem; "sender" whatever its severity, "undetermined" before it is read. */
export type ProblemKind = 'hard' | 'soft' | 'sender' | 'undetermined';

const BADGE_LABELS: Record<ProblemKind, string> = {
  hard: 'Hard bounce',
  soft: 'Soft bounce',
  sender: 'Sender problem',
  undetermined: 'Bounce',
};

/** The list badge's words: "Hard bounce", "Sender problem", "Delivery delayed", or "Bounce" (not read yet). */
export function describeBadge(kind: ProblemKind, options: { delayed?: boolean } = {}): string {
  if (options.delayed) return 'Delivery delayed';
  return BADGE_LABELS[kind] ?? 'Bounce';
}

/** "and 2 more" (a notice naming several failed addresses). */
export function describeMore(count: number, locale?: string): string {
  return `and ${formatCount(count, locale)} more`;
}

const ORDINAL_SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
let ordinalRules: Intl.PluralRules | undefined;

/** 1 → "1st", 22 → "22nd": English, as every sentence around it is. */
export function ordinal(n: number): string {
  ordinalRules ??= new Intl.PluralRules('en', { type: 'ordinal' });
  return `${n}${ORDINAL_SUFFIX[ordinalRules.select(n)] ?? 'th'}`;
}

/**
 * When the user put this address on the Remove list by hand, or null: the hard event behind its
 * verdict is the one added by hand (lib/policy.ts `byHand`), or the last event came from "manual".
 */
export function addedByHandAt(summary: AddressSummary): string | null {
  for (const evidence of summary.evidence) if (evidence.fact === 'hard-bounce') return evidence.byHand ? evidence.at : null;
  return summary.lastWebmail === MANUAL_WEBMAIL ? summary.lastBounceAt : null;
}

/**
 * The banner's tally line: what has happened to this address so far, then what to do about it, in
 * sentences. The user's own decision is a line of its own (describeDecision), so it is left out here.
 */
export function describeTally(summary: AddressSummary, options: DayOptions = {}): string {
  const byHand = addedByHandAt(summary);
  if (byHand) return `On your Remove list: added by you on ${formatDay(byHand, options)}.`;
  const parts: string[] = [];
  if (summary.hardCount > 0) parts.push(`${ordinal(summary.hardCount)} hard bounce`);
  if (summary.softDaysInWindow > 0) {
    parts.push(`${ordinal(summary.softDaysInWindow)} day with a soft bounce in the policy window (${summary.softDaysThreshold} make it removable)`);
  }
  if (summary.senderProblemCount > 0 && !parts.length) parts.push(`${ordinal(summary.senderProblemCount)} refusal of your sending`);
  const head = parts.length ? `${parts.join('; ')}.` : '';
  if (summary.decision !== 'none') return head || 'No bounce within the policy window.';
  return `${head ? `${head} ` : ''}${describeVerdict(summary.verdict)}.`;
}

/** The decision line: "You marked this removed on 3 Dec.", "You chose to keep it on 3 Dec.", or "" (none). */
export function describeDecision(summary: Pick<AddressSummary, 'decision' | 'decidedAt'>, options: DayOptions = {}): string {
  if (summary.decision === 'none') return '';
  const on = summary.decidedAt ? ` on ${formatDay(summary.decidedAt, options)}` : '';
  return summary.decision === 'removed' ? `You marked this removed${on}.` : `You chose to keep it${on}.`;
}

/** A decision button: its plain label, or the chosen one's (shown pressed and disabled). */
export function describeDecisionButton(decision: 'removed' | 'kept', chosen: boolean): string {
  if (decision === 'removed') return chosen ? '✓ Marked removed' : 'Mark removed';
  return chosen ? '✓ Kept anyway' : 'Keep anyway';
}

/** What the banner says once a decision was saved (Undo is the decision "none"). */
export function describeDecisionSaved(decision: UserDecision): string {
  switch (decision) {
    case 'removed':
      return 'Marked removed.';
    case 'kept':
      return 'Kept: it will not be suggested for removal.';
    case 'none':
      return 'Undone: no decision for this address.';
  }
}

/** Every other fixed word of the webmail pages, in one place. */
export const WEBMAIL_WORDS = {
  reading: 'Bounce Sweeper is reading this bounce notice…',
  unreadable: 'Bounce Sweeper could not read this notice',
  undo: 'Undo',
  copy: 'Copy address',
  copied: 'Address copied.',
  copyRefused: (address: string) => `Copy was refused; the address is ${address}`,
  saveRefused: 'Could not save here: open the Bounce Sweeper button in the toolbar to decide.',
  notOnRecord: 'This address is not in your list yet.',
  nothingToUndo: 'There was no decision to undo.',
} as const;

/** The banner's title, from how many addresses failed and whether the server is still retrying. */
export function describeBannerTitle(failed: number, delayed: boolean, locale?: string): string {
  if (failed === 0) return 'Bounce notice: no failed address could be read';
  if (delayed) return 'Delivery delayed: the server is still retrying';
  return `Bounce notice: ${failed === 1 ? 'one address' : plural(failed, 'address', 'addresses', locale)} failed`;
}

/**
 * How a notice was read: from its original source ('raw', said nothing), from the screen because
 * the original could not be fetched ('fallback'), or from the screen because that is all the
 * webmail shows ('screen': Outlook, which is normal, not an error).
 */
export type NoticeReading = 'raw' | 'fallback' | 'screen';

export function describeReading(reading: NoticeReading, webmail: string): string {
  const name = describeWebmail(webmail);
  if (reading === 'screen') return `${name} shows notices as text: read from the screen.`;
  if (reading === 'fallback') return `Read from the text on screen: ${name}'s original message could not be fetched.`;
  return '';
}

/** The label before the server's own words: "The server said (550 5.1.1):", or the codes alone. */
export function describeServerWords(replyCode: string, status: string, hasWords: boolean): string {
  const codes = describeCodes(replyCode, status);
  if (!hasWords) return codes ? `Code ${codes}` : '';
  return codes ? `The server said (${codes}):` : 'The server said:';
}

/** Verdicts worth a warning in compose: the address is, or may soon be, on the removal list. */
const WARN_VERDICTS: ReadonlySet<Verdict> = new Set<Verdict>(['remove', 'remove-repeated-soft', 'watch', 'removed']);

export function shouldWarn(summary: Pick<AddressSummary, 'verdict'>): boolean {
  return WARN_VERDICTS.has(summary.verdict);
}

/**
 * The warning beside one compose recipient: "hard-bounced on 3 Nov: address does not exist",
 * "on your Remove list: added by you on 3 Dec", "marked removed; …".
 */
export function describeRecipientWarning(summary: AddressSummary, options: DayOptions = {}): string {
  const byHand = addedByHandAt(summary);
  const core = byHand ? `on your Remove list: added by you on ${formatDay(byHand, options)}` : describeLastBounce(summary, options);
  return summary.decision === 'removed' ? `marked removed; ${core}` : core;
}

function describeLastBounce(summary: AddressSummary, options: DayOptions): string {
  const when = summary.lastBounceAt ? ` on ${formatDay(summary.lastBounceAt, options)}` : '';
  const reason = describeReason(summary.lastReason);
  if (isSenderProblem(summary.lastReason)) return `sender problem${when}: ${reason}`;
  const kind = summary.lastKind === 'hard' ? 'hard-bounced' : summary.lastKind === 'soft' ? 'soft-bounced' : 'bounced';
  const days = summary.verdict === 'remove-repeated-soft' ? ` (${plural(summary.softDaysInWindow, 'day', 'days', options.locale)})` : '';
  return `${kind}${days}${when}: ${reason}`;
}

/** Why a compose recipient is flagged, in the groups the compose summary counts. */
export type RecipientGroup = 'no-address' | 'no-domain' | 'hard' | 'keeps-bouncing' | 'removed' | 'by-hand' | 'watch';

const GROUP_ORDER: readonly RecipientGroup[] = ['no-address', 'no-domain', 'hard', 'keeps-bouncing', 'removed', 'by-hand', 'watch'];

const GROUP_WORDS: Record<RecipientGroup, (n: string, one: boolean) => string> = {
  'no-address': (n, one) => (one ? `${n} address does not exist` : `${n} addresses do not exist`),
  'no-domain': (n, one) => (one ? `${n} is at a domain that does not exist` : `${n} are at domains that do not exist`),
  hard: (n) => `${n} cannot receive mail`,
  'keeps-bouncing': (n, one) => (one ? `${n} keeps bouncing` : `${n} keep bouncing`),
  removed: (n) => `${n} you marked removed`,
  'by-hand': (n) => `${n} you added to the Remove list`,
  watch: (n) => `${n} bounced recently`,
};

/** The group of a recipient that shouldWarn. */
export function recipientGroupOf(summary: AddressSummary): RecipientGroup {
  if (summary.decision === 'removed' || summary.verdict === 'removed') return 'removed';
  if (addedByHandAt(summary)) return 'by-hand';
  if (summary.verdict === 'remove-repeated-soft') return 'keeps-bouncing';
  if (summary.verdict === 'watch') return 'watch';
  const hard = summary.evidence.find((evidence) => evidence.fact === 'hard-bounce');
  const reason = hard?.fact === 'hard-bounce' ? hard.reason : summary.lastReason;
  if (reason === 'userunknown') return 'no-address';
  if (reason === 'hostunknown') return 'no-domain';
  return 'hard';
}

/**
 * The compose summary's sentence: "3 of 500 recipients bounced before: 2 addresses do not exist,
 * 1 keeps bouncing". `flagged` are the distinct recipients that shouldWarn, `total` the distinct
 * recipients of the message.
 */
export function describeComposeSummary(flagged: readonly AddressSummary[], total: number, locale?: string): string {
  const counts = new Map<RecipientGroup, number>();
  for (const summary of flagged) {
    const group = recipientGroupOf(summary);
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  const byHand = counts.get('by-hand') ?? 0;
  const are = flagged.length === 1 ? 'is' : 'are';
  const verb =
    byHand === flagged.length ? `${are} on your Remove list` : byHand > 0 ? `bounced before or ${are} on your Remove list` : 'bounced before';
  const head = `${formatCount(flagged.length, locale)} of ${plural(total, 'recipient', 'recipients', locale)} ${verb}`;
  const groups = GROUP_ORDER.filter((group) => counts.has(group)).map((group) => {
    const n = counts.get(group) ?? 0;
    return GROUP_WORDS[group](formatCount(n, locale), n === 1);
  });
  return groups.length ? `${head}: ${groups.join(', ')}` : head;
}

/** The compose summary's button. */
export function describeComposeRemove(count: number): string {
  return count === 1 ? 'Remove it from this message' : 'Remove them from this message';
}

/** What the compose summary says after "Remove them from this message". */
export function describeComposeRemoved(removed: number, failed: number, locale?: string): string {
  const done = removed ? `Removed ${plural(removed, 'recipient', 'recipients', locale)} from this message.` : '';
  const left = failed
    ? `${plural(failed, 'recipient', 'recipients', locale)} could not be removed here: remove ${failed === 1 ? 'it' : 'them'} by hand.`
    : '';
  return [done, left].filter(Boolean).join(' ');
}

/** What the compose summary says when Undo could not put recipients back. */
export function describeComposeRestoreFailed(addresses: readonly string[]): string {
  return `Could not put ${addresses.length === 1 ? 'it' : 'them'} back here: add ${addresses.join(', ')} by hand.`;
}

// The options page's "Webmail check" ------------------------------------------------------

/**
 * A selector's date as precisely as it is known: the tables write a source's "2014" as 2014-01-01
 * and "2014-12" as 2014-12-01 (lib/webmail/selector-table.ts), so those read "2014", "December 2014".
 */
export function describeLayoutDate(day: string, locale?: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  const [, month, dayOfMonth] = day.split('-');
  const shape: Intl.DateTimeFormatOptions =
    dayOfMonth === '01' && month === '01' ? { year: 'numeric' } : dayOfMonth === '01' ? { month: 'long', year: 'numeric' } : { day: 'numeric', month: 'long', year: 'numeric' };
  return dateFormat(locale, { ...shape, timeZone: 'UTC' }).format(date);
}

/** One part a webmail page found only with an older layout, in a sentence. */
export function describeStaleLayout(webmailName: string, stale: { what: string; matchedSince: string; newestSince: string }, locale?: string): string {
  return `${webmailName}: ${stale.what} matched only the layout of ${describeLayoutDate(stale.matchedSince, locale)} (the newest known is from ${describeLayoutDate(stale.newestSince, locale)}).`;
}

// --- Sweeping the mailbox (issue #11) --------------------------------------------------------

/** Every fixed word of a sweep, in the webmail page and the popup. */
export const SWEEP_WORDS = {
  title: 'Sweep bounce notices',
  /** A list badge before the notice is read and recorded (never with a guessed address). */
  unreadBadge: 'Bounce, not read yet',
  unreadDelayBadge: 'Delay notice, not read yet',
  start: 'Sweep bounce notices',
  continue: 'Continue sweep',
  again: 'Sweep again',
  pause: 'Pause',
  resume: 'Resume',
  cancel: 'Cancel',
  queryLabel: 'Search',
  collecting: 'Finding notices…',
  reading: 'Reading notices…',
  paused: 'Paused.',
  done: 'Done: every notice found was read.',
  cancelled: 'Cancelled. What was read so far is kept.',
  noTab: 'Open Gmail or Outlook in a tab to sweep it.',
  notInPage: 'The webmail tab did not answer: reload it and try again.',
  capReached: (cap: number) => `Stopped: the daily limit of ${formatCount(cap)} notices is reached. Press start tomorrow to continue.`,
  failed: (why: string) => `Stopped: ${why}.`,
  noResults: 'Stopped: Gmail did not show the search results in time.',
  noFolder: 'Stopped: no message list is on screen. Open a folder and try again.',
  notShown: 'Stopped: Outlook did not open the notice in the reading pane.',
  didNotRead: (why: string) => `Stopped: ${why}. That notice is left unread; press start to continue with the rest.`,
} as const;

/** "Found 120 · read 40 · 35 bounces · 30 addresses", then, once stopped, why. */
export function describeSweepProgress(
  status: { state: string; found: number; read: number; failed: number; bounces: number; addresses: number; stopReason: string },
  phase: 'idle' | 'collecting' | 'reading' = 'idle',
  locale?: string,
): string {
  const counts = [
    `Found ${formatCount(status.found, locale)}`,
    `read ${formatCount(status.read, locale)}`,
    plural(status.bounces, 'bounce', 'bounces', locale),
    plural(status.addresses, 'address', 'addresses', locale),
    ...(status.failed ? [`${formatCount(status.failed, locale)} not read`] : []),
  ].join(' · ');
  if (status.state === 'stopped') return `${counts}. ${status.stopReason}`;
  if (status.state === 'paused') return `${counts}. ${SWEEP_WORDS.paused}`;
  if (status.state === 'done') return `${counts}. ${SWEEP_WORDS.done}`;
  return `${counts}. ${phase === 'collecting' ? SWEEP_WORDS.collecting : SWEEP_WORDS.reading}`;
}

// --- Processed notices out of the way (issue #11) ---------------------------------------------
// After a sweep, one click moves the notices it read and recorded out of the inbox, in the
// webmail's own terms (lib/webmail/sweep/tidy.ts). The words say what happens and how to undo it.

/** The Gmail label the processed notices get before they are archived. */
export const TIDY_GMAIL_LABEL = 'Bounce Sweeper/Processed';

export const TIDY_WORDS = {
  /** The button: what one click does, with the count of notices read and recorded. */
  action: (webmail: string, count: number, locale?: string): string =>
    webmail === 'gmail'
      ? `Label and archive the ${plural(count, 'read notice', 'read notices', locale)}`
      : `Archive the ${plural(count, 'read notice', 'read notices', locale)}`,
  /** Under the button, before it is clicked. */
  explain: (webmail: string): string =>
    webmail === 'gmail'
      ? `Only notices this sweep read and recorded: they get the label "${TIDY_GMAIL_LABEL}" and leave the inbox. Unread ones stay.`
      : 'Only notices this sweep read and recorded: they go to the Archive folder. Unread ones stay.',
  running: (done: number, total: number, locale?: string): string => `Moving notices out of the inbox… ${formatCount(done, locale)} of ${formatCount(total, locale)}`,
  none: 'No notice of this sweep is read and recorded yet: nothing to move.',
  /**
   * What the webmail itself offers to take it back. Its Undo takes back only its last action: with
   * several batches, that is the last batch, and the words say so.
   */
  undo: (webmail: string, batches: number, lastBatch: number, locale?: string): string => {
    const undoes = batches > 1 ? `puts the last ${plural(lastBatch, 'one', 'ones', locale)} back in the inbox while it shows (it undoes only its last action)` : 'puts them back in the inbox while it shows';
    return webmail === 'gmail'
      ? `Gmail's own Undo, in its message at the bottom of the page, ${undoes}. Later, or for all of them: open the label "${TIDY_GMAIL_LABEL}", select them and choose Move to Inbox (the label stays on them).`
      : `Outlook's own Undo, in the message it shows after the move, ${undoes}. Later, or for all of them: open the Archive folder, select them and move them to the Inbox.`;
  },
  done: (webmail: string, done: number, locale?: string): string =>
    webmail === 'gmail'
      ? `Labelled "${TIDY_GMAIL_LABEL}" and archived ${plural(done, 'notice', 'notices', locale)}.`
      : `Archived ${plural(done, 'notice', 'notices', locale)}.`,
  /** Read notices that were not moved: not found on their own in the inbox. */
  leftAlone: (left: number, locale?: string): string =>
    `${plural(left, 'read notice was', 'read notices were', locale)} left where ${left === 1 ? 'it was' : 'they were'}: not in the inbox on ${left === 1 ? 'its' : 'their'} own (already moved, or in a conversation with other mail).`,
  stopped: (why: string): string => `Stopped: ${why}. Nothing else was moved.`,
  capped: (cap: number, locale?: string): string => `At most ${formatCount(cap, locale)} notices a click: click again for the rest.`,
  // Why it stopped (plain words, at the first unexpected state).
  noList: (webmail: string): string => (webmail === 'gmail' ? 'Gmail did not show the search results in time' : 'no message list is on screen (open the folder that was swept)'),
  noControl: (webmail: string, control: string, found: number): string =>
    found === 0 ? `${webmail === 'gmail' ? 'Gmail' : 'Outlook'} shows no ${control} button on screen` : `${webmail === 'gmail' ? 'Gmail' : 'Outlook'} shows ${found} ${control} buttons on screen, so it is not clear which one to use`,
  notTicked: 'a notice\'s row did not show as selected after its checkbox was clicked',
  otherSelected: (count: number): string => `${plural(count, 'other row was', 'other rows were', undefined)} selected too, so nothing was moved`,
  noLabelMenu: "Gmail's label menu did not open",
  noLabelOption: `Gmail's label menu offered neither the label "${TIDY_GMAIL_LABEL}" nor to create it`,
  labelNotApplied: "Gmail's label menu or its new-label window did not close",
  notMoved: (webmail: string): string => `${webmail === 'gmail' ? 'Gmail' : 'Outlook'} did not take the selected notices out of the list in time`,
  failed: (why: string): string => `something unexpected happened (${why})`,
} as const;

/** One line for a tidy's state, as the page and the popup show it. */
export function describeTidy(
  tidy: { state: string; total: number; done: number; left: number; reason: string; capped: boolean; batches: number; lastBatch: number },
  webmail: string,
  locale?: string,
): string {
  const undo = TIDY_WORDS.undo(webmail, tidy.batches, tidy.lastBatch, locale);
  if (tidy.state === 'running') return TIDY_WORDS.running(tidy.done, tidy.total, locale);
  if (tidy.state === 'stopped') return [tidy.reason, tidy.done ? TIDY_WORDS.done(webmail, tidy.done, locale) : '', tidy.done ? undo : ''].filter(Boolean).join(' ');
  if (tidy.state !== 'done') return TIDY_WORDS.explain(webmail);
  if (!tidy.total) return TIDY_WORDS.none;
  return [TIDY_WORDS.done(webmail, tidy.done, locale), tidy.left ? TIDY_WORDS.leftAlone(tidy.left, locale) : '', tidy.capped ? TIDY_WORDS.capped(tidy.total, locale) : '', tidy.done ? undo : '']
    .filter(Boolean)
    .join(' ');
}

// --- Sender problems: what to fix (issue 13, item 6) -----------------------------------------
// A sender problem is not the recipient's fault, so the popup offers no "mark removed" for it;
// instead the expanded row names the provider's requirement behind the refusal and how to meet it.
// Keyed by Sisimai reason, then by the status or reply code and the provider's own words where one
// provider's code names one requirement (Gmail's 5.7.26, Microsoft's 5.7.515, …). Each note cites
// the page that states the requirement.

export interface SenderFixSource {
  /** Who says so, as the link reads: "Google: Email sender guidelines". */
  name: string;
  url: string;
}

export interface SenderFix {
  /** Stable id, for tests and data-testid. */
  id: string;
  /** Sisimai reasons this note answers. */
  reasons: readonly Reason[];
  /** Enhanced status or reply codes that pick this note ("5.7.26", "421"); none: the reason's default. */
  codes?: readonly string[];
  /** Lowercase literal phrases, one of which must be in the server's words. */
  words?: readonly string[];
  /** The fix, in one or two plain sentences. */
  advice: string;
  source: SenderFixSource;
}

const GMAIL_SENDER_GUIDELINES: SenderFixSource = { name: 'Google: Email sender guidelines', url: 'https://support.google.com/mail/answer/81126' };
const GMAIL_SMTP_ERRORS: SenderFixSource = { name: 'Google: Gmail SMTP errors and codes', url: 'https://support.google.com/a/answer/3726730' };
const MICROSOFT_NDR: SenderFixSource = {
  name: 'Microsoft: Email non-delivery reports and SMTP errors in Exchange Online',
  url: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online',
};
const SPAMHAUS_LOOKUP: SenderFixSource = { name: 'Spamhaus: IP and domain reputation checker', url: 'https://check.spamhaus.org/' };

/** Words that say the sending server or domain is on a blocklist (DNSBL). */
const BLOCKLIST_WORDS = ['spamhaus', 'listed', 'blocklist', 'block list', 'blacklist', 'dnsbl', 'spamcop', 'barracuda', 'sorbs'] as const;

/** Most specific first: a note with codes or words is tried before its reason's default. */
export const SENDER_FIXES: readonly SenderFix[] = [
  {
    id: 'gmail-unauthenticated',
    reasons: ['authfailure', 'blocked', 'policyviolation', 'securityerror'],
    codes: ['5.7.26'],
    advice:
      'Gmail refused the message as unauthenticated. Gmail requires every sender to pass SPF or DKIM, and senders of 5,000 or more messages a day to pass SPF, DKIM and DMARC aligned with the From domain: publish or fix those records for your domain (your mail provider lists the values).',
    source: GMAIL_SENDER_GUIDELINES,
  },
  {
    id: 'gmail-spf',
    reasons: ['authfailure', 'blocked', 'policyviolation', 'securityerror'],
    codes: ['5.7.27'],
    advice:
      'Gmail refused the message because SPF failed: the server that sent it is not in your domain’s SPF record. Add your mail provider’s SPF include (or the server’s IP address) to that record.',
    source: GMAIL_SMTP_ERRORS,
  },
  {
    id: 'microsoft-authentication-level',
    reasons: ['authfailure', 'blocked', 'policyviolation', 'securityerror', 'rejected'],
    codes: ['5.7.515'],
    advice:
      'Outlook.com refused the message: a domain that sends 5,000 or more messages to Microsoft’s consumer mailboxes must pass SPF and DKIM and publish a DMARC record (at least p=none) that SPF or DKIM aligns with. Publish or fix those records for the domain in your From address.',
    source: { name: 'Microsoft: Fix NDR error 550 5.7.515 in Outlook.com', url: 'https://support.microsoft.com/topic/fix-ndr-error-550-5-7-515-in-outlook-com-34cfe8f8-6fbf-457e-9e8b-9e4dbaf4e0ef' },
  },
  {
    id: 'microsoft-dmarc-reject',
    reasons: ['authfailure', 'blocked', 'policyviolation', 'securityerror', 'rejected'],
    codes: ['5.7.509'],
    advice:
      'Microsoft refused the message because it failed DMARC and your domain’s DMARC policy says reject: sign your mail with DKIM for the From domain, or send it through a server your SPF record lists.',
    source: MICROSOFT_NDR,
  },
  {
    id: 'microsoft-banned-ip',
    reasons: ['blocked', 'badreputation', 'policyviolation'],
    codes: ['5.7.606', '5.7.511'],
    advice:
      'Microsoft has banned the sending server’s IP address. Request removal through Microsoft’s delisting portal (sender.office.com); if you send through a provider, ask them to do it or to move you to another IP.',
    source: MICROSOFT_NDR,
  },
  {
    id: 'blocklist',
    reasons: ['blocked', 'badreputation', 'spamdetected', 'policyviolation', 'rejected'],
    words: BLOCKLIST_WORDS,
    advice:
      'The receiving server found your sending server’s IP address or domain on a blocklist (the server’s words name it). Look the address up on that list, fix what got it listed (an infected machine, an open relay, mail nobody asked for), then follow the list’s removal steps; if you send through a provider, tell them.',
    source: SPAMHAUS_LOOKUP,
  },
  {
    id: 'gmail-ptr',
    reasons: ['requireptr', 'blocked', 'policyviolation'],
    codes: ['5.7.25'],
    advice:
      'Gmail requires the sending server’s IP address to have reverse DNS (a PTR record) whose name resolves back to that same address. Ask whoever runs the sending server (your host or mail provider) to set it.',
    source: GMAIL_SENDER_GUIDELINES,
  },
  {
    id: 'gmail-ptr-temporary',
    reasons: ['requireptr'],
    codes: ['4.7.0', '421'],
    advice:
      'Gmail deferred the message because the sending server has no reverse DNS (PTR) matching its name; Gmail requires valid forward and reverse DNS for the sending IP. Ask whoever runs the sending server to set the PTR record.',
    source: GMAIL_SMTP_ERRORS,
  },
  {
    id: 'gmail-rate',
    reasons: ['ratelimited', 'speeding', 'toomanyconn', 'blocked', 'badreputation', 'spamdetected'],
    codes: ['4.7.28'],
    advice:
      'Gmail is slowing down mail from your server or domain because of an unusual rate of mail it sees as unsolicited. Send more slowly and only to people who asked, keep the spam rate Postmaster Tools shows under 0.3%, and retry later.',
    source: GMAIL_SMTP_ERRORS,
  },
  {
    id: 'microsoft-reputation-rate',
    reasons: ['badreputation', 'ratelimited', 'speeding', 'toomanyconn', 'blocked'],
    codes: ['4.7.650', '4.7.651', '4.7.652'],
    advice:
      'Outlook.com is rate-limiting your sending server’s IP address for its reputation. Send less at a time, stop mailing addresses that bounce, and check the IP’s standing in Microsoft’s SNDS (the reply points to postmaster.live.com).',
    source: { name: 'Microsoft: Outlook.com postmaster', url: 'https://postmaster.live.com' },
  },
  // The reason's own note, when no provider code above matched.
  {
    id: 'authentication',
    reasons: ['authfailure'],
    advice: 'Your sender authentication failed. Publish SPF and DKIM for the domain in your From address and a DMARC record that one of them aligns with; Gmail, Yahoo and Microsoft all require it of bulk senders.',
    source: GMAIL_SENDER_GUIDELINES,
  },
  {
    id: 'reverse-dns',
    reasons: ['requireptr'],
    advice: 'The sending server’s IP address needs reverse DNS (a PTR record) whose name resolves back to it. Ask whoever runs the sending server to set it.',
    source: GMAIL_SENDER_GUIDELINES,
  },
  {
    id: 'rate-limit',
    reasons: ['ratelimited', 'speeding', 'toomanyconn'],
    advice: 'The receiving server limits how fast it takes mail from you. Send in smaller batches, more slowly, and retry later: a delay is not the recipient’s fault.',
    source: GMAIL_SMTP_ERRORS,
  },
  {
    id: 'reputation',
    reasons: ['badreputation'],
    advice: 'The receiving server rates your sending server’s or domain’s reputation too low. Stop mailing addresses that bounce, mail only people who asked, and ask your provider to check the IP’s standing.',
    source: GMAIL_SENDER_GUIDELINES,
  },
  {
    id: 'blocked',
    reasons: ['blocked'],
    advice: 'The receiving server refused your sending server. Check its IP address and domain on the blocklists, and that SPF, DKIM and reverse DNS are set; the server’s words usually name the cause.',
    source: SPAMHAUS_LOOKUP,
  },
  {
    id: 'spam',
    reasons: ['spamdetected', 'contenterror', 'virusdetected'],
    advice: 'The receiving server judged the message itself as spam or unsafe. Check its links and attachments, send it authenticated (SPF, DKIM, DMARC) and only to people who asked for it.',
    source: GMAIL_SENDER_GUIDELINES,
  },
  {
    id: 'policy',
    reasons: ['policyviolation', 'securityerror', 'rejected', 'norelaying', 'failedstarttls', 'notcompliantrfc'],
    advice: 'The receiving server refused the message by its own rules (the server’s words say which one): a From address it does not accept, no TLS, a malformed message. Fix the sending setup; the recipient’s address is not at fault.',
    source: GMAIL_SENDER_GUIDELINES,
  },
];

/** Whether `code` is one of the codes the status or reply code gives. */
function hasCode(fix: SenderFix, status: string, replyCode: string): boolean {
  return !fix.codes || fix.codes.includes(status) || fix.codes.includes(replyCode);
}

/** The fix-it note for a sender problem (reason, status, reply code, the server's words); null when it is not one. */
export function findSenderFix(reason: Reason, status = '', replyCode = '', diagnostic = ''): SenderFix | null {
  if (!isSenderProblem(reason)) return null;
  const words = diagnostic.toLowerCase();
  return (
    SENDER_FIXES.find(
      (fix) =>
        fix.reasons.includes(reason) &&
        (fix.codes || fix.words) &&
        hasCode(fix, status, replyCode) &&
        (!fix.words || fix.words.some((phrase) => words.includes(phrase))),
    ) ??
    SENDER_FIXES.find((fix) => fix.reasons.includes(reason) && !fix.codes && !fix.words) ??
    null
  );
}

// --- notices not tied to the user's mail (lib/store/trust.ts) ------------------------------------

/** The banner's line over a notice whose bounces do not count until the user confirms it. */
export function describeUnverified(why: string): string {
  return `Not counted yet: ${why}, so this could be a forged notice. Nothing was put on your lists; review it in Bounce Sweeper's settings.`;
}

// --- the per-send report (lib/pages/send-report.ts) ------------------------------------------------

/** "Open house, 26 Nov: 14 hard, 3 soft, 1 sender problem". */
export function describeSend(send: { subject: string; sentAt: string; hard: number; soft: number; sender: number; undetermined: number }, options: DayOptions = {}): string {
  const parts = [`${formatCount(send.hard, options.locale)} hard`, `${formatCount(send.soft, options.locale)} soft`];
  if (send.sender) parts.push(plural(send.sender, 'sender problem', 'sender problems', options.locale));
  if (send.undetermined) parts.push(`${formatCount(send.undetermined, options.locale)} unclear`);
  return `${send.subject.trim() || '(no subject)'}, ${formatDay(send.sentAt, options)}: ${parts.join(', ')}`;
}

const RATE_WORDS: Record<'ok' | 'high' | 'review' | 'pause', string> = {
  ok: 'under the 2 % line senders are held to',
  high: 'over 2 %: mailbox providers and sending services start to treat this as a poorly kept list; remove the hard bounces before the next send',
  review: 'over 5 %: a sending service such as Amazon SES puts an account under review at this rate; clean the list before sending again',
  pause: 'over 10 %: sending services pause accounts at this rate; do not send to this list again until it is cleaned',
};

/** "Hard-bounce rate 3.2 % of 500: over 2 %: …". */
export function describeRate(rate: number, sentTo: number, level: keyof typeof RATE_WORDS, locale?: string): string {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
  return `Hard-bounce rate ${percent} of ${formatCount(sentTo, locale)}: ${RATE_WORDS[level]}.`;
}
