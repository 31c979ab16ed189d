import type { PhraseTable } from '../reasons';

/**
 * hasmoved: the mailbox moved and mail is not forwarded. Hard.
 * RFC 3463 §3.2 X.1.6 "Destination mailbox has moved, No forwarding address".
 */
export const hasmoved: PhraseTable = {
  reason: 'hasmoved',
  phrases: [
    // Sisimai Reason/HasMoved.pm: qmail "… has been replaced by <new address>"
    ' has been replaced by ',
    // Sendmail 551 "User not local" / "not our customer" (RFC 5321 §3.4 551: try another forward-path)
    'not our customer',
    'user not local; please try',
    // Apple iCloud Mail (support.apple.com/en-us/102322; Sisimai Rhost/Apple)
    'recipient no longer on server',
  ],
  replies: [
    // Apple iCloud Mail (support.apple.com/en-us/102322; Sisimai Rhost/Apple)
    { phrase: 'recipient no longer on server', provider: 'apple' },
  ],
};
