import type { PhraseTable } from '../reasons';

/** systemfull: the receiving system's disk is full (not the user's quota). Soft. RFC 3463 X.3.1 "Mail system full". */
export const systemfull: PhraseTable = {
  reason: 'systemfull',
  phrases: [
    // Sisimai Reason/SystemFull (go-sisimai reason/why-systemfull.go)
    'mail system full',
    'requested mail action aborted: exceeded storage allocation', // MS Exchange
    // Exchange Server / Exchange Online NDR texts (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    'insufficient system resources',
  ],
};
