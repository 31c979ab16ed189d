import type { PhraseTable } from '../reasons';

/** norelaying: the host refused to relay for the sender (wrong server or missing authentication). Soft. */
export const norelaying: PhraseTable = {
  reason: 'norelaying',
  phrases: [
    // Sisimai Reason/NoRelaying (go-sisimai reason/why-norelaying.go)
    'as a relay',
    'email address is not verified.',
    'insecure mail relay',
    'is not permitted to relay through this server without authentication',
    'mail server requires authentication when attempting to send to a non-local e-mail address', // MailEnable
    'no relaying',
    'not a gateway',
    'not allowed to relay through this machine',
    'not an open relay, so get lost',
    'not local host',
    'relay access denied',
    'relay denied',
    'relay not permitted',
    'relaying denied', // Sendmail
    'relaying mail to ',
    'specified domain is not allowed',
    "that domain isn't in my list of allowed rcpthost",
    'this system is not configured to relay mail',
    'unable to relay ',
    "we don't handle mail for",
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    'open relay is not allowed',
    'open relay not allowed',
  ],
  replies: [
    // Google SMTP errors (support.google.com/a/answer/3726730; Sisimai Rhost/Google)
    { phrase: 'mail relay denied', reply: '550', status: '5.7.0' },
    { phrase: 'invalid credentials for relay', reply: '550', status: '5.7.1' },
    { phrase: 'is not authorized to send email directly to our servers', reply: '550', status: '5.7.1' },
    // Yahoo SMTP error codes (senders.yahooinc.com/smtp-error-codes; Sisimai Rhost/YahooInc)
    { phrase: 'relaying denied for ', provider: 'yahoo' },
    // Apple iCloud Mail (support.apple.com/en-us/102322; Sisimai Rhost/Apple)
    { phrase: 'relay access denied', provider: 'apple' },
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    { phrase: 'open relay not allowed', reply: '451', provider: 'mimecast' },
    { phrase: 'open relay is not allowed', reply: '451', provider: 'mimecast' },
  ],
};
