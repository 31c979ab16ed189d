/** IBM Domino ("DELIVERY FAILURE:", "not listed in Domino Directory"; Sisimai Lhost/Domino.pm, BSD-2-Clause). */
import { defineProseFormat } from './prose-format';

export const domino = defineProseFormat({
  id: 'domino',
  subject: ['delivery failure:', 'delivery_failure:', 'delivery report (failure)'],
  body: ['not listed in domino directory', 'your message was not delivered to the following recipients'],
  start: ['was not delivered to:', 'your message'],
  hints: [
    ['not listed in domino directory', 'userunknown'],
    ['not listed in public name & address book', 'userunknown'],
    ['no se encuentra en el directorio de domino', 'userunknown'],
    ['non répertorié dans l\'annuaire domino', 'userunknown'],
  ],
});
