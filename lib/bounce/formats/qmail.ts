/** qmail-send notices ("Hi. This is the qmail-send program"; Sisimai Lhost/qmail.pm, BSD-2-Clause). */
import { defineProseFormat } from './prose-format';

export const qmail = defineProseFormat({
  id: 'qmail',
  body: ['this is the qmail-send program', 'this is the qmail-send', 'qmail-send program at'],
  start: ['to the following addresses', 'following addresses'],
  delayed: ['i\'m not going to try again', 'this is not a permanent error; i\'ve been trying to deliver'],
  // qmail-remote's own sentences (qmail-remote.c), which carry no code.
  hints: [
    ['sorry, no mailbox here by that name', 'userunknown'],
    ['sorry, i couldn\'t find any host named', 'hostunknown'],
    ['sorry, i couldn\'t find any host by that name', 'hostunknown'],
    ['this message is looping', 'networkerror'],
    ['sorry, i wasn\'t able to establish an smtp connection', 'networkerror'],
    ['unable to deliver to this address', 'systemerror'],
  ],
});
