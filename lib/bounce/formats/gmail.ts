/**
 * Gmail / Google Workspace notices ("Delivery to the following recipient failed permanently",
 * "Technical details of … failure", "Address not found", "Message not delivered", "Delivery incomplete").
 * After Sisimai Lhost/Gmail.pm (BSD-2-Clause).
 */
import { defineProseFormat } from '../prose-format';

export const gmail = defineProseFormat({
  id: 'gmail',
  from: ['mailer-daemon@googlemail.com', 'mailer-daemon@gmail.com', 'mailer-daemon@google.com'],
  body: ['delivery to the following recipient failed permanently', 'delivery to the following recipient has been delayed', 'technical details of permanent failure', 'technical details of temporary failure', 'google tried to deliver your message', 'there was a temporary problem delivering your message to'],
  start: ['delivery to the following recipient', 'address not found', 'message not delivered', 'delivery incomplete', 'message blocked'],
  delayed: ['delivery to the following recipient has been delayed', 'technical details of temporary failure', 'message will be retried', 'delivery incomplete', 'will retry for'],
});
