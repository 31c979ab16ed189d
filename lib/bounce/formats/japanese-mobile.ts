/**
 * Japanese mobile carriers' notices: au/KDDI EZweb ("Mail System Error - Returned Mail") and
 * KDDI ("Your mail sent on … could not be delivered"), NTT docomo. After Sisimai Lhost/EZweb.pm
 * and Lhost/KDDI.pm (BSD-2-Clause).
 */
import { defineProseFormat } from './prose-format';

export const japaneseMobile = defineProseFormat({
  id: 'japanese-mobile',
  from: ['@ezweb.ne.jp', '.dion.ne.jp', '@app.auone-net.jp', '@docomo.ne.jp'],
  subject: ['mail system error - returned mail'],
  start: ['the following recipients', 'each of the following recipients', 'your mail sent on', 'your mail attempted to be delivered on'],
  hints: [
    ['was rejected by a remote mail server', 'filtered'],
    ['the user(s) account is disabled', 'suspend'],
    ['the user(s) account is temporarily over quota', 'mailboxfull'],
    ['the user(s) account is unknown', 'userunknown'],
    ['could not be delivered to the following addresses', 'userunknown'],
    ['your message was not delivered within', 'expired'],
    ['remote host is not responding', 'expired'],
  ],
});
