import type { PhraseTable } from '../reasons';

/** authfailure: SPF, DKIM or DMARC checks of the sender failed. Soft, sender problem. RFC 7372 X.7.20-26. */
export const authfailure: PhraseTable = {
  reason: 'authfailure',
  phrases: [
    // Sisimai Reason/AuthFailure (go-sisimai reason/why-authfailure.go)
    '//spf.pobox.com',
    'bad spf records for',
    'dmarc policy',
    "doesn't meet the required authentication level",
    'please inspect your spf settings',
    'sender policy framework (spf) fail',
    'sender policy framework violation',
    'spf (sender policy framework) domain authentication fail',
    'spf check: fail',
    "the 5322.from address doesn't meet the authentication requirements defined for the sender",
    // Gmail 5.7.26 "This mail has been blocked because the sender is unauthenticated"
    // (support.google.com/mail/answer/81126)
    'the sender is unauthenticated',
    'unauthenticated email from',
  ],
  sequences: [
    [' is not allowed to send mail.', '_401'],
    ['is not allowed to send from <', " per it's spf record"],
  ],
};
