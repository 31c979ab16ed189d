/** Courier MTA (courier/module.dsn texts; Sisimai Lhost/Courier.pm, BSD-2-Clause). */
import { defineProseFormat } from '../prose-format';

export const courier = defineProseFormat({
  id: 'courier',
  subject: ['notice: mail delivery status.', 'warning: delayed mail.'],
  body: ['this is a delivery status notification from', 'undeliverable mail', 'delays in delivering your message'],
  bodyRequired: ['courier', 'undeliverable mail', 'delays in delivering your message'],
  start: ['undeliverable mail', 'delays in delivering your message'],
  delayed: ['delays in delivering your message'],
});
