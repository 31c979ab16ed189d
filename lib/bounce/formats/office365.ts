/**
 * Office 365 / Exchange Online NDRs ("Your message to … couldn't be delivered", X-MS-Exchange-
 * Message-Is-Ndr, "Diagnostic information for administrators"). After Sisimai Lhost/Office365.pm (BSD-2-Clause).
 */
import { defineProseFormat } from './prose-format';

export const office365 = defineProseFormat({
  id: 'office365',
  headers: ['x-ms-exchange-message-is-ndr'],
  body: ['your message couldn\'t be delivered', 'your message wasn\'t delivered', 'office 365 couldn\'t deliver'],
  start: ['delivery has failed to these recipients or groups', 'diagnostic information for administrators', 'your message to'],
  hints: [
    ['resolver.adr.recipnotfound', 'userunknown'],
    ['resolver.adr.exrecipnotfound', 'userunknown'],
    ['resolver.adr.recipientnotfound', 'userunknown'],
    ['resolver.adr.invalidinsmtp', 'userunknown'],
    ['resolver.rst.recipsizelimit', 'mesgtoobig'],
    ['resolver.rst.notauthorized', 'rejected'],
  ],
});
