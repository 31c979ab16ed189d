/** Oracle/Sun Java System Messaging Server ("This report relates to a message you sent…"; Sisimai Lhost/MessagingServer.pm, BSD-2-Clause). */
import { defineProseFormat } from '../prose-format';

export const messagingserver = defineProseFormat({
  id: 'messagingserver',
  subject: ['delivery notification: '],
  body: ['this report relates to a message you sent with the following header fields'],
  start: ['your message cannot be delivered to the following recipients', 'recipient address:'],
});
