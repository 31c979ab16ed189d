import type { PhraseTable } from '../reasons';

/** speeding: the sender sends too fast and is rate limited. Soft, sender problem. */
export const speeding: PhraseTable = {
  reason: 'speeding',
  phrases: [
    // Sisimai Reason/Speeding (go-sisimai reason/why-speeding.go)
    'mail sent from your ip address has been temporarily rate limited',
    'please try again slower',
    'receiving mail at a rate that prevents additional messages from being delivered',
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google)
    'daily sending quota exceeded',
    'daily smtp relay limit exceeded for',
    'daily smtp relay sending limit exceeded for',
    'daily user sending limit exceeded',
    'is receiving mail too quickly',
    'peak smtp relay limit exceeded for customer',
    'this mail has been rate limited',
    // GoDaddy IB504 / IB607
    'has sent too many messages this hour',
    'sent to too many recipients this hour',
    // Exchange Server / Exchange Online NDR texts (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    "recipient's per hour message receive limit",
    'has exceeded permitted limits within',
    'reached your daily limit for message recipients',
    'tenant has exceeded threshold',
    'the recipient has exceeded their limit for',
    'traffic not accepted from this ip',
    // Apple iCloud Mail (support.apple.com/en-us/102322; Sisimai Rhost/Apple)
    'due to excessive volume',
    // Tencent QQ Mail (service.mail.qq.com/detail/122; Sisimai Rhost/Tencent)
    'frequency of receiving messages is limited',
    'mailbox unavailable or access denined',
  ],
  decisive: [
    // Exchange Server / Exchange Online NDR texts (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft): "Submission quota exceeded" is a sending limit, not a full mailbox
    'submission quota exceeded',
  ],
  replies: [
    // Google SMTP errors (support.google.com/a/answer/3726730; Sisimai Rhost/Google)
    { phrase: 'is receiving mail too quickly', reply: '450', status: '4.2.1' },
    { phrase: 'peak smtp relay limit exceeded for customer', reply: '450', status: '4.2.1' },
    { phrase: 'rate that prevents additional messages from being delivered', reply: '450', status: '4.2.1' },
    { phrase: 'daily sending quota exceeded', reply: '550', status: '5.4.5' },
    { phrase: 'daily user sending limit exceeded', reply: '550', status: '5.4.5' },
    { phrase: 'daily smtp relay limit exceeded for', reply: '550', status: '5.4.5' },
    { phrase: 'daily smtp relay limit exceeded for', reply: '550', status: '5.7.1' },
    { phrase: 'daily smtp relay sending limit exceeded for', reply: '550', status: '5.7.1' },
    { phrase: 'this mail has been rate limited', reply: '550', status: '5.7.1' },
    // Exchange Online NDR codes (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    { phrase: 'reached your daily limit for message recipients', status: '5.1.90' },
    { phrase: 'submission quota exceeded', status: '5.2.2' },
    { phrase: "recipient's per hour message receive limit", status: '5.2.121' },
    { phrase: "recipient's per hour message receive limit", status: '5.2.122' },
    { phrase: 'the recipient has exceeded their limit for', status: '5.2.122' },
    { phrase: 'has exceeded permitted limits within', status: '5.7.508' },
    // Yahoo SMTP error codes (senders.yahooinc.com/smtp-error-codes; Sisimai Rhost/YahooInc)
    { phrase: 'user is receiving mail too quickly', provider: 'yahoo' },
    // Apple iCloud Mail (support.apple.com/en-us/102322; Sisimai Rhost/Apple)
    { phrase: 'due to excessive volume', provider: 'apple' },
    // Tencent QQ Mail (service.mail.qq.com/detail/122; Sisimai Rhost/Tencent)
    { phrase: 'frequency of receiving messages is limited', provider: 'tencent' },
  ],
};
