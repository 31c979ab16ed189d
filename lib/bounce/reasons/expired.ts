import type { PhraseTable } from '../reasons';

/** expired: delivery kept failing until the queue lifetime ran out. Soft. RFC 3463 X.4.7 "Delivery time expired". */
export const expired: PhraseTable = {
  reason: 'expired',
  phrases: [
    // Sisimai Reason/Expired (go-sisimai reason/why-expired.go)
    'connection timed out',
    'could not find a gateway for',
    'delivery attempts will continue to be',
    'delivery expired',
    'delivery time expired',
    'failed to deliver to domain ',
    'giving up on',
    'has been delayed',
    'have been failing for a long time',
    'it has not been collected after',
    'message expired after sitting in queue for',
    'message expired, cannot connect to remote server',
    'message expired, connection refulsed',
    'message timed out',
    'retry time not reached for any host after a long failure period',
    'server did not respond',
    'this message has been in the queue too long',
    'unable to deliver message after multiple retries',
    'was not reachable within the allowed queue period',
    'your message could not be delivered for more than',
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google)
    'connection expired',
    'timeout - closing connection',
    // Exchange 4.4.7 / 5.4.300 "Message expired" (Sisimai Rhost/Microsoft); GoDaddy "Delivery timeout"
    'delivery timeout',
    'message expired',
    'queue expired',
    // Exim "retry timeout exceeded" (Sisimai Lhost/Exim); Gmail delay notices (Sisimai Lhost/Gmail)
    'message will be retried for',
    'retry timeout exceeded',
    'the recipient server did not accept our requests to connect',
    // Zoho Mail 421 "Host not reachable" (Sisimai Lhost/Zoho)
    'host not reachable',
    // Exchange delay and give-up notices ("unable to connect successfully to the destination mail server", "The server will continue trying for up to 21 hours")
    'the server will continue trying for up to',
    'unable to connect successfully to the destination mail server',
    // Exim error strings (exim src/route.c, routers/dnslookup.c, transports/smtp.c, deliver.c; Sisimai Lhost/Exim) (delays and frozen messages)
    'all hosts have been failing for a long time and were last tried',
    'delay reason: ',
    'has been frozen',
    'no action is required on your part',
    'was frozen on arrival by ',
    // OpenSMTPD smtpd/mta.c and queue.c (Sisimai Lhost/OpenSMTPD)
    'envelope expired',
    // Older Gmail notices (Sisimai Lhost/Gmail)
    'delivery to the following recipient has been delayed',
    'dns error: could not contact dns servers',
    // au EZweb (Sisimai Lhost/EZweb)
    'your message was not delivered within ',
    // Sendmail "Message could not be delivered for too long" (queue timeout)
    'could not be delivered for too long',
  ],
  sequences: [['could not be delivered for', ' days']],
  decisiveSequences: [
    // Sendmail "Message could not be delivered for 5 days": the queue lifetime ran out, whatever the
    // last attempt said. (The "for 8 hours" warning is a delay notice: the last attempt's words count.)
    ['message could not be delivered for ', ' days'],
  ],
  decisive: [
    // Exchange 2007+ NDR codes (learn.microsoft.com "Email non-delivery reports in Exchange Online"; Sisimai Lhost/Exchange2007)
    'queue.expired',
  ],
  replies: [
    // Google SMTP errors (support.google.com/a/answer/3726730; Sisimai Rhost/Google)
    { phrase: 'connection expired', reply: '421', status: '4.7.0' },
    { phrase: 'timeout - closing connection', reply: '451', status: '4.4.2' },
    // Exchange Online NDR codes (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    { phrase: 'connection timed out', status: '4.4.1' },
    { phrase: 'message delayed', status: '4.4.7' },
    { phrase: 'message expired', status: '4.4.7' },
    { phrase: 'message expired', status: '5.4.300' },
    { phrase: 'message expired', status: '5.4.316' },
  ],
};
