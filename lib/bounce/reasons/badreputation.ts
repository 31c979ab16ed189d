import type { PhraseTable } from '../reasons';

/** badreputation: the sending IP or domain has a poor reputation. Soft, sender problem. */
export const badreputation: PhraseTable = {
  reason: 'badreputation',
  phrases: [
    // Sisimai Reason/BadReputation (go-sisimai reason/why-badreputation.go)
    'a poor email reputation score',
    'has been temporarily rate limited due to ip reputation',
    'ip/domain reputation problems',
    'likely suspicious due to the very low reputation',
    'none/bad reputation', // t-online.de
    // Yahoo Inc. [TSS04]: Sisimai labels it badreputation in two samples and rejected when it applies
    // Rhost/YahooInc; a reputation problem of the sending host either way.
    'temporarily deferred due to unexpected volume or user complaints',
    "the sending mta's poor reputation",
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google)
    'very low reputation of the sending',
    // GoDaddy IB103
    'poor reputation on cloudmark',
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    'local ct ip reputation - (reject)',
    // Broadcom Symantec Email Security.cloud / MessageLabs (knowledge.broadcom.com article 169652; Sisimai Rhost/MessageLabs)
    'connection rejected by policy',
  ],
  decisive: [
    // Outlook.com postmaster codes (substrate.office.com postmaster troubleshooting; Sisimai Rhost/Microsoft)
    ' ou-002 ',
    ' rp-001 ',
    ' rp-002 ',
    ' rp-003 ',
    ' sc-001 ',
  ],
  replies: [
    // Gmail "Why has Gmail blocked my messages?" (support.google.com/mail/answer/188131; Sisimai Rhost/Google)
    { phrase: 'very low reputation of the sending ip address', reply: '421', status: '4.7.0' },
    { phrase: 'very low reputation of the sending domain', reply: '421', status: '4.7.0' },
    { phrase: 'due to the very low reputation of the sending ip address', reply: '550', status: '5.7.1' },
    { phrase: 'due to the very low reputation of the sending domain', reply: '550', status: '5.7.1' },
    // Exchange Online NDR codes (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    { phrase: 'has been temporarily rate limited due to ip reputation', status: '4.7.650' },
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    { phrase: 'local ct ip reputation - (reject)', reply: '550', provider: 'mimecast' },
  ],
};
