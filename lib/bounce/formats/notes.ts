/** Lotus Notes R4/R5 ("Undeliverable message", "------- Failure Reasons --------"; Sisimai Lhost/Notes.pm, BSD-2-Clause). */
import { defineProseFormat } from '../prose-format';

export const notes = defineProseFormat({
  id: 'notes',
  subject: ['undeliverable message'],
  bodyRequired: ['------- failure reasons', '------- returned message'],
  start: ['------- failure reasons'],
});
