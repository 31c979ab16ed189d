import type { PhraseTable } from '../reasons';

/** vacation: an out-of-office reply, not a failure. Only used when nothing else explains the text. */
export const vacation: PhraseTable = {
  reason: 'vacation',
  phrases: [
    // Sisimai Reason/Vacation (go-sisimai reason/why-vacation.go)
    'i am away on vacation',
    'i am away until',
    'i am out of the office',
    'i will be traveling for work on',
  ],
};
