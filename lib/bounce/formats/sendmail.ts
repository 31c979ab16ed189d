/** Sendmail DSNs and transcripts (savemail.c; markers after Sisimai Lhost/Sendmail.pm, BSD-2-Clause). */
import { defineProseFormat } from '../prose-format';

export const sendmail = defineProseFormat({
  id: 'sendmail',
  subject: ['returned mail: see transcript for details', 'warning: could not send message for past'],
  body: ['----- transcript of session follows -----', 'the original message was received at'],
  start: ['----- the following addresses had', '----- transcript of session follows -----'],
  delayed: ['warning: could not send message for past', 'will keep trying until message is', 'this is only a warning'],
});
