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
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google)
    'aligned with either the authenticated spf or dkim',
    'does not have authentication information or fails to pass',
    'fails to pass authentication checks',
    'fails to pass spf checks',
    'has an spf record with a hard fail policy',
    "is not accepted due to domain's dmarc policy",
    'senders to authenticate their email with',
    'senders to authenticate with dkim',
    'senders to authenticate with either spf or dkim',
    'senders to authenticate with spf',
    'the spf record of the sending domain',
    'to add a dmarc record to ',
    // Exchange Online 4.7.26 / 5.7.509 (Sisimai Rhost/Microsoft)
    'does not pass dmarc verification',
    'must pass either spf or dkim validation',
    // Orange (Sisimai Rhost/FrancePTT); GoDaddy IB508
    'invalid spf record',
    'spf/dns de votre nom de domaine',
    // Yahoo Inc. SMTP error codes (senders.yahooinc.com/smtp-error-codes; Sisimai Rhost/YahooInc)
    'yahoo requires all senders to authenticate with either spf or dkim',
    // Apple iCloud Mail (support.apple.com/en-us/102322; Sisimai Rhost/Apple)
    'blocked for failing both spf and dkim autentication checks',
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    'dkim sender invalid - envelope rejected',
    'dmarc sender invalid - envelope rejected',
    'spf sender invalid - envelope rejected',
    // Tencent QQ Mail (service.mail.qq.com/detail/122; Sisimai Rhost/Tencent)
    'dmarc check failed',
    'spf check failed',
    // Zoho Mail (zoho.com/mail/help/spam-reason.html, smtpfieldmanual.com/provider/zoho; Sisimai Rhost/Zoho)
    'email rejected per dmarc policy',
  ],
  sequences: [
    [' is not allowed to send mail.', '_401'],
    ['is not allowed to send from <', " per it's spf record"],
  ],
  decisive: [
    // Facebook response codes (facebook.com/postmaster/response_codes; Sisimai Rhost/Facebook)
    ' pol-p7',
  ],
  replies: [
    // Gmail sender guidelines (support.google.com/mail/answer/81126; Sisimai Rhost/Google)
    { phrase: 'the spf record of the sending domain', reply: '451', status: '4.7.24' },
    { phrase: 'senders to authenticate with either spf or dkim', reply: '421', status: '4.7.26' },
    { phrase: 'fails to pass spf checks for an spf record with a hard fail', reply: '550', status: '5.7.26' },
    { phrase: 'has an spf record with a hard fail policy', reply: '550', status: '5.7.26' },
    { phrase: "is not accepted due to domain's dmarc policy", reply: '451', status: '4.7.26' },
    { phrase: 'fails to pass authentication checks', reply: '550', status: '5.7.1' },
    { phrase: 'fails to pass authentication checks', reply: '550', status: '5.7.26' },
    { phrase: 'senders to authenticate with spf', reply: '421', status: '4.7.27' },
    { phrase: 'senders to authenticate their email with spf', reply: '421', status: '4.7.27' },
    { phrase: 'senders to authenticate their email with dkim', reply: '421', status: '4.7.30' },
    { phrase: 'senders to authenticate with dkim', reply: '550', status: '5.7.30' },
    { phrase: 'aligned with either the authenticated spf or dkim', reply: '421', status: '4.7.32' },
    { phrase: 'to add a dmarc record to ', reply: '421', status: '4.7.40' },
    // Exchange Online NDR codes (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    { phrase: 'must pass either spf or dkim validation, this message is not signed', status: '4.7.26' },
    { phrase: 'the message was rejected because of sender policy framework violation', status: '5.7.23' },
    { phrase: 'does not pass dmarc verification', status: '5.7.509' },
    { phrase: "doesn't meet the required authentication level", status: '5.7.515' },
    // Yahoo SMTP error codes (senders.yahooinc.com/smtp-error-codes; Sisimai Rhost/YahooInc)
    { phrase: 'yahoo requires all senders to authenticate with either spf or dkim', provider: 'yahoo' },
    // Tencent QQ Mail (service.mail.qq.com/detail/122; Sisimai Rhost/Tencent)
    { phrase: 'spf check failed', provider: 'tencent' },
    { phrase: 'dmarc check failed', provider: 'tencent' },
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    { phrase: 'spf sender invalid - envelope rejected', reply: '550', provider: 'mimecast' },
    { phrase: 'dkim sender invalid - envelope rejected', reply: '550', provider: 'mimecast' },
    { phrase: 'dmarc sender invalid - envelope rejected', reply: '550', provider: 'mimecast' },
  ],
};
