import type { PhraseTable } from '../reasons';

/** failedstarttls: TLS was required but could not be negotiated. Soft. RFC 8689 X.7.30 "REQUIRETLS support required". */
export const failedstarttls: PhraseTable = {
  reason: 'failedstarttls',
  phrases: [
    // Sisimai Reason/FailedSTARTTLS (go-sisimai reason/why-failedstarttls.go)
    'starttls is required to send mail',
    'tls required but not supported', // SendGrid
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google)
    'must issue a starttls command first',
    'senders to use tls/ssl for smtp',
    'tls required for rcpt domain',
    // Exchange Online 4.4.8 / 5.4.317 / 5.7.321 (Sisimai Rhost/Microsoft)
    ' failed mta-sts validation',
    'certificate-expired:',
    'starttls-not-supported:',
    // Older Gmail notices (Sisimai Lhost/Gmail): "(state 6)" / "(state 9)"
    'remote server does not support tls',
    'tls missing certificate',
    // Exchange Server / Exchange Online NDR texts (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    'certificate-host-mismatch:',
    'dnssec-invalid:',
    'tlsa-invalid:',
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    'this route requires encryption (tls)',
    'this route requires high-strength ciphers',
    'this route requires tls version 1.2 or greater',
    // Broadcom Symantec Email Security.cloud / MessageLabs (knowledge.broadcom.com article 169652; Sisimai Rhost/MessageLabs)
    'tls/sslv3 connection required',
  ],
  replies: [
    // Google SMTP errors (support.google.com/a/answer/3726730; Sisimai Rhost/Google)
    { phrase: 'must issue a starttls command first', reply: '530', status: '5.7.0' },
    { phrase: 'tls required for rcpt domain', reply: '421', status: '4.7.0' },
    { phrase: 'senders to use tls/ssl for smtp', reply: '421', status: '4.7.29' },
    { phrase: 'senders to use tls/ssl for smtp', reply: '550', status: '5.7.29' },
    // Exchange Online NDR codes (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    { phrase: ' failed mta-sts validation', status: '4.4.8' },
    { phrase: 'starttls is required to send mail', status: '4.4.317' },
    { phrase: 'remote certificate failed mta-sts validation', status: '4.7.5' },
    { phrase: 'starttls-not-supported:', status: '4.7.321' },
    { phrase: 'certificate-expired:', status: '5.7.322' },
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    { phrase: 'this route requires encryption (tls)', reply: '553', provider: 'mimecast' },
    { phrase: 'this route requires tls version 1.2 or greater', reply: '553', provider: 'mimecast' },
    { phrase: 'this route requires high-strength ciphers', reply: '553', provider: 'mimecast' },
  ],
};
