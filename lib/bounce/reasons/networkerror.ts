import type { PhraseTable } from '../reasons';

/** networkerror: DNS or routing trouble, mail loops. Soft. RFC 3463 X.4.x. */
export const networkerror: PhraseTable = {
  reason: 'networkerror',
  phrases: [
    // Sisimai Reason/NetworkError (go-sisimai reason/why-networkerror.go)
    'could not connect and send the mail to',
    'dns records for the destination computer could not be found',
    'hop count exceeded - possible mail loop',
    'host is unreachable',
    'host name lookup failure',
    'host not found, try again',
    'mail forwarding loop for ',
    'malformed name server reply',
    'malformed or unexpected name server reply',
    'maximum forwarding loop count exceeded',
    'message looping',
    'message probably in a routing loop',
    'no route to host',
    'too many hops',
    'unable to resolve route ',
    'unrouteable mail domain',
    // qmail-remote.c (Sisimai Lhost/qmail)
    "sorry, i wasn't able to establish an smtp connection",
    "sorry. although i'm listed as a best-preference mx or a for that host",
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google)
    'dns error: ',
    'message exceeded 50 hops',
    // Postfix "lost connection with … while …"; Exchange 4.4.6 "forwarded more than the maximum allowed times" (loop)
    'forwarded more than the maximum allowed times',
    'lost connection with ',
    // OpenSMTPD smtpd/mta.c and queue.c (Sisimai Lhost/OpenSMTPD)
    'address family mismatch on destination mxs',
    'all routes to destination blocked',
    'bad dns lookup error code',
    'could not retrieve source address',
    'loop detected',
    'network error on destination mxs',
    'no valid route to destination',
    'no valid route to remote mx',
    'temporary failure in mx lookup',
    // Courier esmtpclient.c (Sisimai Lhost/Courier)
    'dns lookup failed.',
    // HCL Notes (Sisimai Lhost/Notes)
    'message has exceeded maximum hop count',
    // Exchange Server / Exchange Online NDR texts (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    'dns query failed',
    'routing loop detected',
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    'mail loop detected',
    'the incorrect hostname used for inbounds',
  ],
  decisive: [
    // Exchange 2007+ NDR codes (learn.microsoft.com "Email non-delivery reports in Exchange Online"; Sisimai Lhost/Exchange2007)
    'smtpsend.dns.mxloopback',
    // Exchange 2000/2003 "MSEXCH:IMS:… (code)" diagnostic codes (Sisimai Lhost/Exchange2003): too many hops
    '(00120270)',
  ],
  replies: [
    // Google SMTP errors (support.google.com/a/answer/3726730; Sisimai Rhost/Google)
    { phrase: 'message exceeded 50 hops', reply: '554', status: '5.4.6' },
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    { phrase: 'the incorrect hostname used for inbounds', reply: '451', provider: 'mimecast' },
    { phrase: 'mail loop detected', reply: '554', provider: 'mimecast' },
  ],
};
