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
};
