import type { PhraseTable } from '../reasons';

/** policyviolation: the message broke a local policy (attachments, closed lists, organisation rules). Soft. */
export const policyviolation: PhraseTable = {
  reason: 'policyviolation',
  phrases: [
    // Sisimai Reason/PolicyViolation (go-sisimai reason/why-policyviolation.go)
    'an illegal attachment on your message',
    'because the recipient is not accepting mail with ', // AOL Phoenix
    'by non-member to a members-only list',
    'closed mailing list',
    'denied by policy',
    'email not accepted for policy reasons',
    'header are not accepted',
    'header error',
    'local policy violation',
    'message bounced due to organizational settings',
    'message given low priority',
    'message not accepted for policy reasons',
    'message rejected due to local policy',
    'messages with multiple addresses',
    'protocol violation',
    'rejected for policy reasons',
    'the email address used to send your message is not subscribed to this group',
    'the message was rejected by organization policy',
    'this message was blocked because its content presents a potential',
    'we do not accept messages containing images or other attachments',
    "you're using a mass mailer",
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google)
    'sending messages with the same message-id:',
    'you are sending to (or from) has a policy that prohibited',
    // Zoho Mail 554 5.7.7
    'email policy violation detected',
    // Exchange Server / Exchange Online NDR texts (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    'policy violation detected (as345)',
    'x-dg-ref header is too long',
    // Apple iCloud Mail (support.apple.com/en-us/102322; Sisimai Rhost/Apple)
    'due to local policy',
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    'anti-spoofing policy - inbound not allowed',
    'message bounced due to content examination policy',
    'rejected by header-based anti-spoofing policy',
    // Zoho Mail (zoho.com/mail/help/spam-reason.html, smtpfieldmanual.com/provider/zoho; Sisimai Rhost/Zoho)
    'mailbox delivery restricted by policy error',
  ],
  sequences: [['you have exceeded the', 'allowable number of posts without solving a captcha']],
  decisive: [
    // Outlook.com postmaster codes (substrate.office.com postmaster troubleshooting; Sisimai Rhost/Microsoft)
    ' sc-002 ',
  ],
  replies: [
    // Google SMTP errors (support.google.com/a/answer/3726730; Sisimai Rhost/Google)
    { phrase: 'illegal attachment on your message', reply: '552', status: '5.7.0' },
    { phrase: 'blocked because its content presents a potential security issue', reply: '552', status: '5.7.0' },
    { phrase: 'you are sending to (or from) has a policy that prohibited', reply: '550', status: '5.7.1' },
    { phrase: 'sending messages with the same message-id:', reply: '421', status: '4.7.28' },
    // Yahoo SMTP error codes (senders.yahooinc.com/smtp-error-codes; Sisimai Rhost/YahooInc)
    { phrase: 'not accepted for policy reasons', provider: 'yahoo' },
    // Apple iCloud Mail (support.apple.com/en-us/102322; Sisimai Rhost/Apple)
    { phrase: 'due to local policy', provider: 'apple' },
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    { phrase: 'anti-spoofing policy - inbound not allowed', reply: '550', provider: 'mimecast' },
    { phrase: 'rejected by header-based anti-spoofing policy', reply: '550', provider: 'mimecast' },
    { phrase: 'host network not allowed', reply: '554', provider: 'mimecast' },
    { phrase: 'host network, not allowed', reply: '554', provider: 'mimecast' },
  ],
};
