/**
 * Exim notices (exim/src/deliver.c texts; markers after Sisimai Lhost/Exim.pm, BSD-2-Clause):
 * "This message was created automatically by mail delivery software", X-Failed-Recipients.
 */
import { defineProseFormat } from '../prose-format';

export const exim = defineProseFormat({
  id: 'exim',
  headers: ['x-failed-recipients'],
  body: ['this message was created automatically by mail delivery software', 'the following address(es) failed', 'a message that you sent could not be delivered to one or more of its'],
  start: ['the following address(es) failed', 'the following address failed', 'could not be delivered to one or more of its'],
  delayed: ['message has not yet been delivered', 'has been frozen', 'no action is required on your part'],
});
