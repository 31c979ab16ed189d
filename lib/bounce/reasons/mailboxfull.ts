import type { PhraseTable } from '../reasons';

/**
 * mailboxfull: the recipient's mailbox is over quota. Soft: the address exists.
 * RFC 3463 §3.3 X.2.2 "Mailbox full".
 */
export const mailboxfull: PhraseTable = {
  reason: 'mailboxfull',
  phrases: [
    // Sisimai Reason/MailboxFull.pm (Debian 4.25.15) and go-sisimai reason/why-mailboxfull.go
    '452 insufficient disk space',
    'account disabled temporarly for exceeding receiving limits',
    'account is exceeding their quota',
    'account is over quota',
    'account is temporarily over quota',
    'boite du destinataire pleine',
    'delivery failed: over quota',
    'disc quota exceeded',
    'does not have enough space',
    'exceeded storage allocation',
    'exceeding its mailbox quota',
    'full mailbox',
    'is over disk quota',
    'is over quota temporarily',
    'mail file size exceeds the maximum size allowed for mail delivery',
    'mail quota exceeded',
    'mailbox exceeded the local limit',
    'mailbox exceeds allowed size',
    'mailbox full',
    'mailbox has exceeded its disk space limit',
    'mailbox is full',
    'mailbox over quota',
    'mailbox quota usage exceeded',
    'mailbox size limit exceeded',
    'mailbox would exceed maximum allowed storage',
    'maildir over quota',
    'mailfolder is full',
    'no space left on device',
    'not enough storage space in',
    'not sufficient disk space',
    'over the allowed quota',
    'quota exceeded',
    'quota violation for',
    'recipient reached disk quota',
    'too much mail data', // @docomo.ne.jp
    'user has exceeded quota, bouncing mail',
    'user has too many messages on the server',
    'user is over quota',
    'user is over the quota',
    'user over quota',
    "user's space has been used up",
    // Gmail 4.2.2 / 5.2.2 "The email account that you tried to reach is over quota" (Sisimai Rhost/GoogleApps)
    'the email account that you tried to reach is over quota',
    // Yahoo "Mailbox ... is full" / Exchange "The recipient's mailbox is full and can't accept messages now"
    "recipient's mailbox is full",
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google)
    'email quota exceeded',
    'inbox is out of storage space',
    // GoDaddy "Account storage limit"
    'account storage limit',
    // Exim error strings (exim src/route.c, routers/dnslookup.c, transports/smtp.c, deliver.c; Sisimai Lhost/Exim)
    'error: quota exceed',
    // au EZweb (Sisimai Lhost/EZweb)
    'the user(s) account is temporarily over quota',
  ],
  sequences: [
    // go-sisimai why-mailboxfull.go ("pairs")
    ['account is ', ' quota'],
    ['disk', 'quota'],
    ['enough ', ' space'],
    ['mailbox ', 'exceeded', ' limit'],
    ['mailbox ', 'full'],
    ['mailbox ', 'quota'],
    ['maildir ', 'quota'],
    ['over ', 'quota'],
    ['quota ', 'exceeded'],
  ],
  replies: [
    // Google SMTP errors (support.google.com/a/answer/3726730; Sisimai Rhost/Google)
    { phrase: 'inbox is out of storage space', reply: '452', status: '4.2.2' },
    { phrase: 'is over quota', reply: '452', status: '4.2.2' },
    { phrase: 'email quota exceeded', reply: '550', status: '5.7.1' },
    // Apple iCloud Mail (support.apple.com/en-us/102322; Sisimai Rhost/Apple)
    { phrase: 'user is over quota', provider: 'apple' },
    // NTT docomo (Sisimai Rhost/NTTDOCOMO: "550 Unknown user" is a missing user since March 2025)
    { phrase: '552 too much mail data', provider: 'nttdocomo' },
  ],
};
