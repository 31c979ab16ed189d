/** Outlook.com / Hotmail DSNs (X-Message-Delivery, X-Message-Info; Sisimai Lhost/Outlook.pm, BSD-2-Clause). */
import { defineProseFormat } from '../prose-format';

export const outlook = defineProseFormat({
  id: 'outlook',
  headers: ['x-message-delivery', 'x-message-info'],
  bodyRequired: ['this is an automatically generated delivery status notification', 'delivery to the following recipients failed'],
  start: ['delivery to the following recipients failed', 'this is an automatically generated delivery status notification'],
});
