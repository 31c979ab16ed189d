/** Trend Micro InterScan ("Message from InterScan Messaging Security Suite"; Sisimai Lhost/TrendMicro.pm, BSD-2-Clause). */
import { defineProseFormat } from '../prose-format';

export const trendmicro = defineProseFormat({
  id: 'trendmicro',
  from: ['interscan'],
  body: ['message from interscan messaging security suite'],
  start: ['message from interscan messaging security suite'],
});
