/** OpenSMTPD (smtpd/bounce.c texts; Sisimai Lhost/OpenSMTPD.pm, BSD-2-Clause). */
import { defineProseFormat } from './prose-format';

export const opensmtpd = defineProseFormat({
  id: 'opensmtpd',
  body: ['this is the mailer-daemon, please do not reply', 'this is the mailer-daemon at', 'an error has occurred while attempting to deliver a message for the following list of recipients'],
  bodyRequired: ['an error has occurred while attempting to deliver a message', 'this is the mailer-daemon'],
  start: ['an error has occurred while attempting to deliver a message for the following list of recipients', 'following list of recipients'],
  delayed: ['please note that this is only a temporary failure report'],
  // smtpd/mta.c and queue.c failure strings, as Sisimai Lhost/OpenSMTPD.pm groups them.
  hints: [
    ['envelope expired', 'expired'],
    ['invalid domain name', 'hostunknown'],
    ['domain does not exist', 'hostunknown'],
    ['destination seem to reject all mails', 'notaccept'],
    ['address family mismatch on destination mxs', 'networkerror'],
    ['all routes to destination blocked', 'networkerror'],
    ['bad dns lookup error code', 'networkerror'],
    ['could not retrieve source address', 'networkerror'],
    ['loop detected', 'networkerror'],
    ['network error on destination mxs', 'networkerror'],
    ['no valid route to remote mx', 'networkerror'],
    ['no valid route to destination', 'networkerror'],
    ['temporary failure in mx lookup', 'networkerror'],
    ['could not retrieve credentials', 'securityerror'],
  ],
});
