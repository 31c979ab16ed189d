import type { PhraseTable } from '../reasons';

/** notcompliantrfc: the message is not RFC 5322 compliant (duplicate or multiple headers). Soft. */
export const notcompliantrfc: PhraseTable = {
  reason: 'notcompliantrfc',
  phrases: [
    // Sisimai Reason/NotCompliantRFC (go-sisimai reason/why-notcompliantrfc.go)
    'duplicate header',
    'https://support.google.com/mail/?p=rfcmessagenoncompliant',
    'this message is not rfc 5322 compliant',
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google)
    'contains a unicode character in a disallowed header',
    'encoded-word syntax is not permitted',
    'mail message is malformed',
    'missing a valid address in the from: header',
    'missing a valid message-id: header',
    'multiple addresses in from: header are not accepted',
    // Sendmail/Gmail "Messages with multiple addresses in From: header"; GoDaddy IB501
    'blank from: addresses are not allowed',
    'messages with multiple addresses in from:',
    // Yahoo Inc. SMTP error codes (senders.yahooinc.com/smtp-error-codes; Sisimai Rhost/YahooInc)
    'headers are not rfc compliant',
    // Broadcom Symantec Email Security.cloud / MessageLabs (knowledge.broadcom.com article 169652; Sisimai Rhost/MessageLabs)
    '550 requested action aborted [4]',
    'has detected that this message is not rfc 5322',
  ],
  sequences: [
    // go-sisimai why-notcompliantrfc.go ("pairs")
    [' multiple ', ' header'],
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google): 553 5.1.7 "The sender address … is not a valid RFC 5321 address"
    ['the sender address', 'is not a valid rfc 5321 address'],
  ],
  decisive: [
    // Facebook response codes (facebook.com/postmaster/response_codes; Sisimai Rhost/Facebook)
    ' msg-p3',
  ],
  replies: [
    // Gmail sender guidelines (support.google.com/mail/answer/81126; Sisimai Rhost/Google)
    { phrase: 'missing a valid address in the from: header', reply: '550', status: '5.7.1' },
    { phrase: 'multiple addresses in from: header are not accepted', reply: '550', status: '5.7.1' },
    { phrase: 'is not rfc 5322 compliant', reply: '550', status: '5.7.1' },
    { phrase: 'missing a valid message-id: header', reply: '550', status: '5.7.1' },
    { phrase: 'contains a unicode character in a disallowed header', reply: '550', status: '5.7.1' },
    { phrase: 'encoded-word syntax is not permitted', reply: '550', status: '5.7.1' },
    { phrase: 'mail message is malformed', reply: '554', status: '5.6.0' },
    // Yahoo SMTP error codes (senders.yahooinc.com/smtp-error-codes; Sisimai Rhost/YahooInc)
    { phrase: 'headers are not rfc compliant', provider: 'yahoo' },
  ],
};
