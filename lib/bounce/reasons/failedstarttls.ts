import type { PhraseTable } from '../reasons';

/** failedstarttls: TLS was required but could not be negotiated. Soft. RFC 8689 X.7.30 "REQUIRETLS support required". */
export const failedstarttls: PhraseTable = {
  reason: 'failedstarttls',
  phrases: [
    // Sisimai Reason/FailedSTARTTLS (go-sisimai reason/why-failedstarttls.go)
    'starttls is required to send mail',
    'tls required but not supported', // SendGrid
  ],
};
