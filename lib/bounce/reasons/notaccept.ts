import type { PhraseTable } from '../reasons';

/**
 * notaccept: the destination host accepts no mail at all (null MX, RFC 7505). Hard with 5xx.
 * RFC 3463 X.3.2 "System not accepting network messages"; RFC 7505 X.1.10 "Recipient address has null MX".
 */
export const notaccept: PhraseTable = {
  reason: 'notaccept',
  phrases: [
    // Sisimai Reason/NotAccept (go-sisimai reason/why-notaccept.go)
    'host does not accept mail', // Sendmail
    'host/domain does not accept mail', // iCloud
    'mail receiving disabled',
    'name server: .: host not found', // Sendmail
    'no mx record found for domain=', // Oath (Yahoo!)
    'no route for current request',
    'smtp protocol returned a permanent error',
    // notqmail 1.08 for a null MX (Sisimai Lhost/qmail); Gmail null MX (RFC 7505)
    "doesn't receive email according to the administrator",
    // Exim error strings (exim src/route.c, routers/dnslookup.c, transports/smtp.c, deliver.c; Sisimai Lhost/Exim)
    'an mx or srv record indicated no smtp service',
    'no host found for existing smtp connection',
    // OpenSMTPD smtpd/mta.c and queue.c (Sisimai Lhost/OpenSMTPD)
    'destination seem to reject all mails',
    'no mx found for destination',
    'no mx found for domain',
    // Exchange Server / Exchange Online NDR texts (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    'hosted tenant which has no mail-enabled subscriptions',
    'storedrv.deliver: missing or bad storedriver mdb properties',
    'system not accepting network messages',
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    'account inbounds disabled',
  ],
  decisive: [
    // A null MX (RFC 7505) means no mail at all, whatever else the code says (notqmail 1.08, Gmail, Sisimai Lhost/qmail)
    'does not accept mail (nullmx)',
    'returned null mx',
    "sorry, i couldn't find a mail exchanger or ip address",
  ],
  replies: [
    // Apple iCloud Mail (support.apple.com/en-us/102322; Sisimai Rhost/Apple)
    { phrase: 'host/domain does not accept mail', provider: 'apple' },
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    { phrase: 'account inbounds disabled', reply: '451', provider: 'mimecast' },
  ],
};
