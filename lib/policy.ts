/**
 * Removal policy (pure). Types first: the store, the popup and the badges all speak in these.
 * The functions are implemented with issue #3.
 */
import type { BounceKind, Reason } from './bounce/types';

export type Verdict =
  | 'remove' // a hard bounce: the address or domain does not exist
  | 'remove-repeated-soft' // soft bounces on N distinct days within the window
  | 'watch' // soft bounces below the threshold
  | 'sender-problem' // the sender was refused; removing the recipient would not help
  | 'removed' // the user marked it removed
  | 'kept' // the user chose to keep it anyway
  | 'clear'; // nothing current (e.g. every soft bounce expired)

export type PolicyPreset = 'standard' | 'lenient' | 'strict' | 'custom';

export interface PolicySettings {
  preset: PolicyPreset;
  /** Distinct soft-bounce days within the window that make an address removable. */
  softBounceDays: number;
  /** Window in days; soft bounces older than this expire. */
  windowDays: number;
}

export type UserDecision = 'none' | 'removed' | 'kept';

/** One address as the popup, the badges and the export see it. */
export interface AddressSummary {
  address: string;
  domain: string;
  verdict: Verdict;
  /** Human-readable reasons for the verdict, e.g. "soft bounces on 2 of 3 days within 30 days". */
  evidence: string[];
  hardCount: number;
  softCount: number;
  senderProblemCount: number;
  /** Distinct days with any bounce. */
  bounceDays: number;
  /** Distinct soft-bounce days inside the policy window, and the threshold, for "2 of 3". */
  softDaysInWindow: number;
  softDaysThreshold: number;
  firstBounceAt: string;
  lastBounceAt: string;
  lastKind: BounceKind;
  lastReason: Reason;
  lastStatus: string;
  lastReplyCode: string;
  lastDiagnostic: string;
  lastRemoteMta: string;
  lastWebmail: string;
  /** URL that opens the last notice in its webmail, or ''. */
  lastNoticeUrl: string;
  decision: UserDecision;
  decidedAt: string;
  /** For hasmoved bounces that name a new address. */
  suggestedReplacement?: string;
}
