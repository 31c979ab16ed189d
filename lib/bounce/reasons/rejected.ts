import type { PhraseTable } from '../reasons';

/**
 * rejected: the envelope sender (MAIL FROM) was refused. Soft, never the recipient's fault.
 * RFC 3463 §3.2 X.1.7 / X.1.8 "Bad sender's mailbox address syntax / system address".
 */
export const rejected: PhraseTable = {
  reason: 'rejected',
  unless: [
    // These mention "address rejected" but are about the recipient or the client IP (go-sisimai why-rejected.go "isnot")
    '5.1.0 address rejected',
    'recipient address rejected',
    'sender ip address rejected',
  ],
  phrases: [
    // Sisimai Reason/Rejected (go-sisimai reason/why-rejected.go)
    'access denied (in reply to mail from command)',
    'access denied (sender blacklisted)',
    'address rejected',
    'administrative prohibition',
    'backscatter protection detected an invalid or expired email address', // MDaemon
    'batv failed to verify', // SonicWall
    'batv validation failure', // SonicWall
    "because the sender isn't on the recipient's list of senders to accept mail from",
    'bogus mail from', // IMail
    "can't determine purported responsible address",
    'connections not accepted from servers without a valid sender domain',
    'delivery not authorized, message refused',
    'denied [bouncedeny]', // McAfee
    'denied by secumail valid-address-filter',
    'does not exist e2110',
    'domain of sender address ',
    'email address is on senderfilterconfig list',
    'emetteur invalide',
    'empty envelope senders not allowed',
    'envelope blocked - ',
    'error: no third-party dsns', // SpamWall
    'from: domain is invalid. please provide a valid from:',
    'fully qualified email address required', // McAfee
    'invalid domain, see <url:',
    'invalid sender',
    'is not a registered gateway user',
    'mail from not owned by user',
    'message rejected: email address is not verified',
    'mx records for ',
    'null sender is not allowed',
    'recipient addresses rejected : access denied',
    'recipient not accepted. (batv: no tag',
    'returned mail not accepted here',
    'rfc 1035 violation: recursive cname records for',
    'rule imposed mailbox access for', // MailMarshal
    'sender address has been blacklisted',
    'sender domain is empty',
    'sender email address rejected',
    'sender is in my black list',
    'sender is spammer',
    'sender not pre-approved',
    'sender rejected',
    'sender verify failed', // Exim callout
    'sender was rejected', // qmail
    'sending this from a different address or alias using the ',
    'spam reporting address', // SendGrid
    'syntax error: empty email address',
    'the message has been rejected by batv defense',
    'this server does not accept mail from',
    'transaction failed unsigned dsn for',
    'unroutable sender address',
    'you are not allowed to post to this mailing list',
    'you are sending to/from an address that has been blacklisted',
    'your access to submit messages to this e-mail system has been rejected',
    'your email address has been blacklisted', // MessageLabs
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google)
    'mail sending denied',
    'unauthenticated email is not accepted',
    // Google Groups "the group you tried to contact may not exist, or you may not have permission to post" (Sisimai Lhost/GoogleGroups), in the languages Google sends it
    'may not have permission to post messages to the group',
    'グループにメッセージを投稿する権限がない',
    'nicht die erforderlichen berechtigungen haben, um der gruppe nachrichten zu posten',
    'no tienes los permisos necesarios para publicar mensajes',
    'que vous ne soyez pas autorisé à lui envoyer des messages',
    'nemáte oprávnění do ní přidávat příspěvky',
    'не маєте дозволу публікувати в ній дописи',
    // Google Groups, more languages, and the help link every language carries
    'groups.google.com/support',
    'इस समूह को संदेश पोस्ट करने की अनुमति न हो',
    'شاید شما مجوز لازم برای ارسال پیام به این گروه را ندارید',
    // Exchange Server / Exchange Online NDR texts (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    'access denied, bad outbound sender',
    'access denied, message must be rfc 5322 section 3.6.2 compliant',
    'access denied, spam abuse detected',
    'sender denied',
    'sender not authenticated for group',
    'sender not in allowed-senders list',
    'sender was not authenticated by organization',
    'sender was not authenticated for mailbox',
    'sender was not authenticated for public folder',
    'unknown sender address',
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    'envelope rejected - block policy for envelope from address',
    'rejected by header-based blocked senders',
    'rejected by header-based manually blocked senders',
    // Yahoo Inc. [TSS09]/[TSS11] "All messages from … will be permanently deferred" and unresolvable
    // RFC 5321 MAIL FROM domains (senders.yahooinc.com/smtp-error-codes; Sisimai Rhost/YahooInc)
    ' will be permanently deferred',
    'due to unresolvable rfc.5321 domain',
    // Tencent QQ Mail (service.mail.qq.com/detail/122; Sisimai Rhost/Tencent)
    'mail is rejected by recipients',
    // Zoho Mail (zoho.com/mail/help/spam-reason.html, smtpfieldmanual.com/provider/zoho; Sisimai Rhost/Zoho)
    'email cannot be delivered. reason: email flagged as spam',
    'mail rejected by destination domain',
    // Broadcom Symantec Email Security.cloud / MessageLabs (knowledge.broadcom.com article 169652; Sisimai Rhost/MessageLabs)
    'sender envelope domain not allowed for sender ip address',
    'your domain has been blacklisted',
    'your domain has been blocked',
    'your email address has been blocked',
    'your envelope sender is in my badmailfrom list',
  ],
  decisive: [
    // Exchange 2007+ NDR codes (learn.microsoft.com "Email non-delivery reports in Exchange Online"; Sisimai Lhost/Exchange2007)
    'resolver.rst.notauthorized',
    // Facebook response codes (facebook.com/postmaster/response_codes; Sisimai Rhost/Facebook)
    ' dns-p1',
    ' dns-p2',
    ' dns-t1',
  ],
  replies: [
    // Google SMTP errors (support.google.com/a/answer/3726730; Sisimai Rhost/Google)
    { phrase: 'mail sending denied', reply: '550', status: '5.7.0' },
    { phrase: 'unauthenticated email is not accepted', reply: '550', status: '5.7.1' },
    // Yahoo SMTP error codes (senders.yahooinc.com/smtp-error-codes; Sisimai Rhost/YahooInc)
    { phrase: ' will be permanently deferred', provider: 'yahoo' },
    // Apple iCloud Mail (support.apple.com/en-us/102322; Sisimai Rhost/Apple)
    { phrase: 'sender address rejected', provider: 'apple' },
    // Tencent QQ Mail (service.mail.qq.com/detail/122; Sisimai Rhost/Tencent)
    { phrase: 'mail is rejected by recipients', provider: 'tencent' },
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    { phrase: 'administrative prohibition envelope blocked', reply: '550', provider: 'mimecast' },
    { phrase: 'envelope blocked - user entry', reply: '550', provider: 'mimecast' },
    { phrase: 'envelope blocked - user domain entry', reply: '550', provider: 'mimecast' },
    { phrase: 'envelope rejected - block policy for envelope from address', reply: '550', provider: 'mimecast' },
  ],
};
