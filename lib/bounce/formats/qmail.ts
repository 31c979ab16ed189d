/** qmail-send notices ("Hi. This is the qmail-send program"; Sisimai Lhost/qmail.pm, BSD-2-Clause). */
import { defineProseFormat } from '../prose-format';

export const qmail = defineProseFormat({
  id: 'qmail',
  body: ['this is the qmail-send program', 'this is the qmail-send', 'qmail-send program at'],
  start: ['to the following addresses', 'following addresses'],
  delayed: ['i\'m not going to try again', 'this is not a permanent error; i\'ve been trying to deliver'],
});
