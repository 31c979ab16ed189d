/** Sendmail V5/8 early transcripts: "----- Unsent message follows -----" (Sisimai Lhost/V5sendmail.pm, BSD-2-Clause). */
import { defineProseFormat } from '../prose-format';

export const v5sendmail = defineProseFormat({
  id: 'v5sendmail',
  subject: ['returned mail: '],
  bodyRequired: ['----- unsent message follows -----', '----- no message was collected -----'],
  start: ['----- transcript of session follows -----'],
});
