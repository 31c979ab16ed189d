/** Exchange 2000/2003 ("did not reach the following recipient(s)"; Sisimai Lhost/Exchange2003.pm, BSD-2-Clause). */
import { defineProseFormat } from '../prose-format';

export const exchange2003 = defineProseFormat({
  id: 'exchange2003',
  body: ['did not reach the following recipient(s)', 'msexch:ims', 'msexch:msexchmta'],
  start: ['did not reach the following recipient(s)'],
});
