import type { PhraseTable } from '../reasons';

/** suspend: the recipient's account exists but is disabled or suspended. Soft. RFC 3463 X.2.1; RFC 5248 X.7.13. */
export const suspend: PhraseTable = {
  reason: 'suspend',
  phrases: [
    // Sisimai Reason/Suspend (go-sisimai reason/why-suspend.go)
    ' is currently suspended',
    ' temporary locked',
    'archived recipient',
    'boite du destinataire archivee',
    'email account that you tried to reach is disabled',
    'has been suspended',
    'inactive account',
    'invalid/inactive user',
    'is a deactivated mailbox', // QQ mail help 1000742
    'is unavailable: user is terminated',
    'mailbox currently suspended',
    'mailbox disabled',
    'mailbox is frozen',
    'mailbox unavailable or access denied',
    'recipient rejected: temporarily inactive',
    'recipient suspend the service',
    'the email account that you tried to reach is inactive',
    'this account has been disabled or discontinued',
    'this account has been temporarily suspended',
    'this address no longer accepts mail',
    'this mailbox is disabled',
    'user or domain is disabled',
    'user suspended', // mail.163.com help_spam_16
    'vdelivermail: account is locked email bounced',
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google)
    'account that you tried to reach is disabled',
    'account that you tried to reach is inactive',
    // GoDaddy "Account disabled"; Orange LPN007_426 "Le compte du destinataire est bloque"
    'account disabled',
    'le compte du destinataire est bloque',
    'the recipient account is blocked',
    // au EZweb (Sisimai Lhost/EZweb)
    'the user(s) account is disabled.',
    'the user(s) account is temporarily limited.',
    // Exchange Server / Exchange Online NDR texts (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    'access denied, banned recipient',
    'mailbox cannot be accessed',
    // Yahoo Inc. SMTP error codes (senders.yahooinc.com/smtp-error-codes; Sisimai Rhost/YahooInc): "dd <address> is no longer valid."
    ' is no longer valid.',
  ],
  decisive: [
    // Facebook response codes (facebook.com/postmaster/response_codes; Sisimai Rhost/Facebook)
    ' rcp-t4',
  ],
  replies: [
    // Google SMTP errors (support.google.com/a/answer/3726730; Sisimai Rhost/Google)
    { phrase: 'account that you tried to reach is disabled', reply: '550', status: '5.2.1' },
    { phrase: 'account that you tried to reach is inactive', reply: '550', status: '5.2.1' },
    // Exchange Online NDR codes (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    { phrase: 'recipient address rejected: access denied', status: '5.7.504' },
    { phrase: 'access denied, banned recipient', status: '5.7.505' },
    { phrase: 'mailbox cannot be accessed', status: '5.2.1' },
    // Yahoo SMTP error codes (senders.yahooinc.com/smtp-error-codes; Sisimai Rhost/YahooInc)
    { phrase: ' is no longer valid.', provider: 'yahoo' },
    { phrase: 'this mailbox is disabled', provider: 'yahoo' },
    // Tencent QQ Mail (service.mail.qq.com/detail/122; Sisimai Rhost/Tencent)
    { phrase: 'is a deactivated mailbox', provider: 'tencent' },
  ],
};
