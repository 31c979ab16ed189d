/** OpenSMTPD (smtpd/bounce.c texts; Sisimai Lhost/OpenSMTPD.pm, BSD-2-Clause). */
import { defineProseFormat } from '../prose-format';

export const opensmtpd = defineProseFormat({
  id: 'opensmtpd',
  body: ['this is the mailer-daemon, please do not reply', 'this is the mailer-daemon at', 'an error has occurred while attempting to deliver a message for the following list of recipients'],
  bodyRequired: ['an error has occurred while attempting to deliver a message', 'this is the mailer-daemon'],
  start: ['an error has occurred while attempting to deliver a message for the following list of recipients', 'following list of recipients'],
  delayed: ['please note that this is only a temporary failure report'],
});
