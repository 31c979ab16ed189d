import type { PhraseTable } from '../reasons';

/**
 * hostunknown: the domain part (right of "@") does not exist or has no mail host. Hard.
 * RFC 3463 §3.2 X.1.2 "Bad destination system address"; X.4.4 "Unable to route" as a permanent error.
 */
export const hostunknown: PhraseTable = {
  reason: 'hostunknown',
  phrases: [
    // Sisimai Reason/HostUnknown (go-sisimai reason/why-hostunknown.go)
    'domain does not exist',
    'domain is not reachable',
    'domain must exist',
    'host or domain name not found',
    'host unknown',
    'host unreachable',
    'mail domain mentioned in email address is unknown',
    'name or service not known',
    'no such domain',
    'recipient address rejected: unknown domain name',
    'recipient domain must exist',
    'the account or domain may not exist',
    'unknown host',
    'unroutable address',
    'unrouteable address',
    // Postfix "Host or domain name not found. Name service error for name=… type=MX: Host not found"
    'type=mx: host not found',
    // Microsoft Exchange Online 5.4.310 "DNS domain … does not exist" (learn.microsoft.com NDR 5.4.310)
    'dns domain does not exist',
    // qmail-remote.c "Sorry, I couldn't find any host by that name" (Sisimai Lhost/qmail)
    "sorry, i couldn't find any host ",
    // Exim error strings (exim src/route.c, routers/dnslookup.c, transports/smtp.c, deliver.c; Sisimai Lhost/Exim)
    'all host address lookups failed permanently',
    'all relevant mx records point to non-existent hosts',
    // Older Gmail notices (Sisimai Lhost/Gmail)
    'dns error: dns server returned answer with no data',
    'dns error: domain name not found',
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google): 553 5.1.2
    "we weren't able to find the recipient domain",
    // Oracle Communications Messaging Server "Reason: Illegal host/domain name found" (Sisimai Lhost/MessagingServer)
    'illegal host/domain name found',
    // Exchange 2000/2003 NDR text printed under the recipient (MSEXCH:IMS; Sisimai Lhost/Exchange2003)
    "the message could not be delivered because the recipient's destination email system is unknown",
  ],
  sequences: [
    // go-sisimai why-hostunknown.go
    ['553 ', ' does not exist'],
    // Exchange 5.4.310
    ['dns domain ', ' does not exist'],
  ],
  decisive: [
    // Exchange 2007+ NDR codes (learn.microsoft.com "Email non-delivery reports in Exchange Online"; Sisimai Lhost/Exchange2007)
    'smtpsend.dns.nonexistentdomain',
  ],
};
