/**
 * Japanese mobile carriers' notices: au/KDDI EZweb ("Mail System Error - Returned Mail") and
 * KDDI ("Your mail sent on … could not be delivered"), NTT docomo. After Sisimai Lhost/EZweb.pm
 * and Lhost/KDDI.pm (BSD-2-Clause).
 */
import { defineProseFormat } from '../prose-format';

export const japaneseMobile = defineProseFormat({
  id: 'japanese-mobile',
  from: ['@ezweb.ne.jp', '.dion.ne.jp', '@app.auone-net.jp', '@docomo.ne.jp'],
  subject: ['mail system error - returned mail'],
  start: ['the following recipients', 'each of the following recipients', 'your mail sent on', 'your mail attempted to be delivered on'],
});
