/**
 * Plain words for the classifier's vocabulary, for people who have never read an SMTP reply.
 * Shared by the popup, the options page and the webmail banners (issues #4, #5): one wording everywhere.
 * Reason names are Sisimai's (lib/bounce/types.ts); the wording follows Sisimai's reason docs
 * (https://libsisimai.org/en/reason/) rephrased for non-technical readers.
 */
import type { BounceKind, Reason } from './bounce/types';
import type { Verdict } from './policy';

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
  remove: 'remove: the address is bad',
  'remove-repeated-soft': 'remove: keeps bouncing',
  watch: 'watch: bounced, not yet enough to remove',
  'sender-problem': 'sender problem: do not remove',
  removed: 'marked removed',
  kept: 'kept anyway',
  clear: 'nothing current',
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

/** "remove-repeated-soft" → "remove: keeps bouncing". */
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
