import type { PhraseTable } from '../reasons';

/** notcompliantrfc: the message is not RFC 5322 compliant (duplicate or multiple headers). Soft. */
export const notcompliantrfc: PhraseTable = {
  reason: 'notcompliantrfc',
  phrases: [
    // Sisimai Reason/NotCompliantRFC (go-sisimai reason/why-notcompliantrfc.go)
    'duplicate header',
    'https://support.google.com/mail/?p=rfcmessagenoncompliant',
    'this message is not rfc 5322 compliant',
  ],
  sequences: [[' multiple ', ' header']],
};
