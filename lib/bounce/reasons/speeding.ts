import type { PhraseTable } from '../reasons';

/** speeding: the sender sends too fast and is rate limited. Soft, sender problem. */
export const speeding: PhraseTable = {
  reason: 'speeding',
  phrases: [
    // Sisimai Reason/Speeding (go-sisimai reason/why-speeding.go)
    'mail sent from your ip address has been temporarily rate limited',
    'please try again slower',
    'receiving mail at a rate that prevents additional messages from being delivered',
  ],
};
