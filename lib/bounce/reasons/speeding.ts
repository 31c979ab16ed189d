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
  ],
};
