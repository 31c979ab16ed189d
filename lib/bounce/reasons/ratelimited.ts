import type { PhraseTable } from '../reasons';

/**
 * ratelimited: the recipient's side limits how much mail it takes per time (newer Sisimai name, which folds
 * in speeding and toomanyconn). Soft, sender problem. Kept narrow: the corpus labels use speeding/toomanyconn.
 */
export const ratelimited: PhraseTable = {
  reason: 'ratelimited',
  phrases: [
    // Gmail 4.2.1 "The user you are trying to contact is receiving mail too quickly"
    // (support.google.com/mail/?p=ReceivingRatePerm)
    'is receiving mail too quickly',
    // Gmail 4.7.28 / 5.7.28 "unusual rate of unsolicited mail" is spam; "rate limited" without reputation:
    'our system has detected an unusual rate of',
  ],
};
