/** Yahoo! Mail ("Sorry, we were unable to deliver your message"; Sisimai Lhost/Yahoo.pm, BSD-2-Clause). */
import { defineProseFormat } from '../prose-format';

export const yahoo = defineProseFormat({
  id: 'yahoo',
  from: ['mailer-daemon@yahoo', '@yahoo-inc.com', 'mailer-daemon@mail.yahoo'],
  body: ['sorry, we were unable to deliver your message to the following address'],
  start: ['sorry, we were unable to deliver your message'],
  delayed: ['this is not a permanent error', 'will be retried'],
});
