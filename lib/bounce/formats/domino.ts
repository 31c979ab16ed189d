/** IBM Domino ("DELIVERY FAILURE:", "not listed in Domino Directory"; Sisimai Lhost/Domino.pm, BSD-2-Clause). */
import { defineProseFormat } from '../prose-format';

export const domino = defineProseFormat({
  id: 'domino',
  subject: ['delivery failure:', 'delivery_failure:', 'delivery report (failure)'],
  body: ['not listed in domino directory', 'your message was not delivered to the following recipients'],
  start: ['was not delivered to:', 'your message'],
});
