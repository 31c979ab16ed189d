import type { PhraseTable } from '../reasons';

/** systemerror: the receiving system failed (configuration, loops, internal errors). Soft. RFC 3463 X.3.x. */
export const systemerror: PhraseTable = {
  reason: 'systemerror',
  phrases: [
    // Sisimai Reason/SystemError (go-sisimai reason/why-systemerror.go)
    'aliasing/forwarding loop broken',
    "can't create user output file",
    'could not load drd for domain',
    'internal error reading data', // Microsoft
    'internal server error: operation now in progress', // Microsoft
    'interrupted system call',
    'it encountered an error while being processed',
    'it would create a mail loop',
    'local configuration error',
    'local error in processing',
    'loop was found in the mail exchanger',
    'loops back to myself',
    'mail system configuration error',
    'queue file write error',
    'recipient deferred because there is no mdb',
    'remote server is misconfigured',
    'server configuration error',
    'service currently unavailable',
    'system config error',
    'temporary local problem',
    'timeout waiting for input',
    'transaction failed ',
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google)
    'domain policy size per transaction exceeded',
    'mail server has temporarily rejected this message',
    'mail server temporarily rejected message',
    'multiple destination domains per transaction is unsupported',
    'temporary system problem',
    // qmail "This message is looping: it already has my Delivered-To line" (GoDaddy help 40685)
    'message is looping',
    // Exim error strings (exim src/route.c, routers/dnslookup.c, transports/smtp.c, deliver.c; Sisimai Lhost/Exim)
    'delivery to file forbidden',
    'delivery to pipe forbidden',
    'lmtp error after ',
    'local delivery failed',
    // HCL Domino (Sisimai Lhost/Domino)
    'several matches found in domino directory',
    // Courier esmtpclient.c (Sisimai Lhost/Courier)
    "this domain's dns violates rfc 1035.",
    // Older Gmail notices (Sisimai Lhost/Gmail): "(state 8)"
    'smtp auth failed with the remote server',
    // Exchange Server / Exchange Online NDR texts (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    '(suspiciousremoteservererror)',
    'destination mailbox address ambiguous',
    'helo / ehlo requires domain address',
    'mailing list expansion problem',
    'message failed to be replicated:',
    'misconfigured forwarding address',
    'pfa agent busy, please try again.',
    'server busy. please try again later from ',
    'service not active',
    'system incorrectly configured',
    'temporary server error. please try again later',
    'when journaling archive is disabled',
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    'message ended early',
    'unable to process an email at this time',
    'unable to process connection at this time',
    // Zoho Mail (zoho.com/mail/help/spam-reason.html, smtpfieldmanual.com/provider/zoho; Sisimai Rhost/Zoho)
    'temporary system error',
  ],
  sequences: [['unable to connect ', 'daemon']],
  decisive: [
    // Exchange 2007+ NDR codes (learn.microsoft.com "Email non-delivery reports in Exchange Online"; Sisimai Lhost/Exchange2007)
    'resolver.adr.ambiguous',
    'resolver.adr.badprimary',
    'resolver.adr.invalidinsmtp',
    // Exchange 2000/2003 "MSEXCH:IMS:… (code)" diagnostic codes (Sisimai Lhost/Exchange2003): too many recipients, no proxy for recipient
    '(00010256)',
    '(000d06b5)',
    // Facebook response codes (facebook.com/postmaster/response_codes; Sisimai Rhost/Facebook)
    ' rcp-t1',
  ],
  replies: [
    // Google SMTP errors (support.google.com/a/answer/3726730; Sisimai Rhost/Google)
    { phrase: 'temporary system problem', reply: '421', status: '4.3.0' },
    { phrase: 'temporary system problem', reply: '421', status: '4.7.0' },
    { phrase: 'server busy', reply: '421', status: '4.4.5' },
    { phrase: 'multiple destination domains per transaction is unsupported', reply: '451', status: '4.3.0' },
    { phrase: 'mail server temporarily rejected message', reply: '451', status: '4.3.0' },
    { phrase: 'domain policy size per transaction exceeded', reply: '452', status: '4.5.3' },
    // Exchange Online NDR codes (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    { phrase: 'service not available', status: '4.3.2' },
    { phrase: 'service not active', status: '4.3.2' },
    { phrase: 'system incorrectly configured', status: '5.3.5' },
    { phrase: 'message failed to be replicated:', status: '4.4.22-28' },
    { phrase: '(suspiciousremoteservererror)', status: '4.4.318' },
    { phrase: 'server busy. please try again later from ', status: '4.7.500' },
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    { phrase: 'unable to process connection at this time', reply: '451', provider: 'mimecast' },
    { phrase: 'message ended early', reply: '451', provider: 'mimecast' },
    { phrase: 'unable to process command', reply: '451', provider: 'mimecast' },
  ],
};
