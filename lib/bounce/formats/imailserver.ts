/** Ipswitch IMail Server ("Body of message generated response:"; Sisimai Lhost/IMailServer.pm, BSD-2-Clause). */
import { defineProseFormat } from '../prose-format';

export const imailserver = defineProseFormat({
  id: 'imailserver',
  subject: ['undeliverable mail'],
  body: ['body of message generated response:'],
  bodyRequired: ['unknown user:', 'body of message generated response:', 'original message follows.', 'user mailbox exceeds allowed size', 'delivery failed '],
});
