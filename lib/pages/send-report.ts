/**
 * The per-send report's arithmetic (pure): a send's bounce rate against the lines mailbox
 * providers and sending services hold senders to.
 *
 * The lines, from Amazon SES's documentation (Developer Guide, "Understanding bounce and complaint
 * rates" / sending review FAQ): keep the bounce rate under 2 %; at 5 % an account is placed under
 * review; at 10 % sending may be paused. SES counts hard bounces (to addresses that do not exist),
 * and so do we here; soft bounces and sender problems are shown beside it, not in it. Google's and
 * Yahoo's bulk-sender rules (2024) ask for a valid list too and judge by the same kind of failure.
 */
import type { SendReport } from '../store/tally';

export type RateLevel = 'ok' | 'high' | 'review' | 'pause';

export const BOUNCE_RATE_LINES: ReadonlyArray<{ at: number; level: Exclude<RateLevel, 'ok'> }> = [
  { at: 0.1, level: 'pause' },
  { at: 0.05, level: 'review' },
  { at: 0.02, level: 'high' },
];

export interface SendJudgement {
  /** Hard bounces / recipients, when the user said how many it went to. */
  rate: number | null;
  level: RateLevel | null;
}

export function judgeSend(send: Pick<SendReport, 'hard' | 'sentTo'>): SendJudgement {
  if (!send.sentTo || send.sentTo <= 0) return { rate: null, level: null };
  const rate = send.hard / send.sentTo;
  return { rate, level: BOUNCE_RATE_LINES.find((line) => rate >= line.at)?.level ?? 'ok' };
}
