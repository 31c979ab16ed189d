import { SENDER_REFUSAL_REASONS, type BounceKind, type Reason } from './types';

/**
 * The one place where hard and soft are decided (Sisimai's smtp/failure.rb `is_hardbounce`).
 * Hard means the address itself is bad: the mailbox or domain does not exist, it has moved,
 * or the host does not accept mail at all (notaccept with a permanent 5xx code). Everything
 * else that failed is soft, including a permanent spam block or a full mailbox: removing the
 * address would not be the fix.
 */
const HARD_REASONS: ReadonlySet<Reason> = new Set(['userunknown', 'hostunknown', 'hasmoved']);

/** Reasons that are not delivery failures at all. */
const NOT_A_FAILURE: ReadonlySet<Reason> = new Set(['delivered', 'feedback', 'vacation']);

export function decideKind(reason: Reason, status: string, replyCode: string, action = ''): BounceKind {
  if (NOT_A_FAILURE.has(reason)) return 'undetermined';
  // A delay (DSN Action: delayed, RFC 3464 §2.3.3) is still being tried: whatever the words, the
  // address has not failed, so it is never hard.
  if (action === 'delayed') return 'soft';
  if (HARD_REASONS.has(reason)) return 'hard';
  // notaccept is hard unless a 4xx code says the refusal is temporary; with no code at all it is
  // hard, as in Sisimai's SMTP/Error.pm soft_or_hard (a Null MX / "no MX record" needs no code).
  if (reason === 'notaccept') return isTemporary(status, replyCode) ? 'soft' : 'hard';
  // Everything else that failed is soft, a failure nobody could explain (onhold, undefined) included:
  // nothing says the address is bad (Sisimai's test tables label those soft too).
  return 'soft';
}

/** A 5.x.x status or a 5xx reply is permanent; a 4xx is temporary. Status wins when both exist. */
export function isPermanent(status: string, replyCode: string): boolean {
  if (status) return status.startsWith('5');
  return replyCode.startsWith('5');
}

/** A 4.x.x status or a 4xx reply (status wins); false when there is no code. */
export function isTemporary(status: string, replyCode: string): boolean {
  if (status) return status.startsWith('4');
  return replyCode.startsWith('4');
}

/** Sender problems never count toward removing the recipient (the list: types.ts SENDER_REFUSAL_REASONS). */
export const SENDER_PROBLEM_REASONS: ReadonlySet<Reason> = new Set(SENDER_REFUSAL_REASONS);

export function isSenderProblem(reason: Reason): boolean {
  return SENDER_PROBLEM_REASONS.has(reason);
}
