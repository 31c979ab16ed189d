/** Postfix bounce(5) notices. Markers after Sisimai Lhost/Postfix.pm (BSD-2-Clause) and postfix.org/bounce.5.html. */
import { defineProseFormat } from '../prose-format';

export const postfix = defineProseFormat({
  id: 'postfix',
  subject: ['undelivered mail returned to sender', 'delayed mail (still being retried)'],
  body: ['this is the mail system at host'],
  start: ['this is the mail system at host', 'the mail system'],
  delayed: ['delayed mail (still being retried)', 'this is a warning only. you do not need to resend your message'],
});
