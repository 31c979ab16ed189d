/**
 * Office 365 / Exchange Online NDRs ("Your message to … couldn't be delivered", X-MS-Exchange-
 * Message-Is-Ndr, "Diagnostic information for administrators"). After Sisimai Lhost/Office365.pm (BSD-2-Clause).
 *
 * The modern layout (2017 on, see ../shared/fixtures/webmail/bounces/exchange-online/
 * sisimai__lhost-office365-13.eml) keeps its facts in labelled lines under "More Info for Email
 * Admins": "Status code: 550 5.1.10", "Reported error: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; …",
 * "Recipient Address: …" (beside a "Sender Address:" that must never be taken for the recipient).
 * A webmail's rendered view has no headers and no DSN part, so these lines are all there is.
 */
import type { ParsedRecipient } from '../format-types';
import type { Message } from '../message';
import { cleanAddress, findAddressSpans, findFailureStatus, findReplyCode, foldWhitespace, indexOfAny } from '../text';
import { defineProseFormat } from '../prose-format';

const ADMIN_SECTION = ['more info for email admins', 'informations supplémentaires pour les administrateurs', 'weitere informationen für e-mail-administratoren', 'más información para administradores'];

/** The value after a label at the start of a line ("Status code: 550 5.1.10"), or ''. */
function labelledValue(text: string, lower: string, labels: readonly string[]): string {
  for (const label of labels) {
    let i = lower.indexOf(label);
    while (i >= 0) {
      if (i === 0 || lower[i - 1] === '\n' || lower[i - 1] === ' ' || lower[i - 1] === '\t') {
        const start = i + label.length;
        const end = text.indexOf('\n', start);
        const value = text.slice(start, end < 0 ? text.length : end).replace(/^[\s:]+/, '').trim();
        if (value) return value;
      }
      i = lower.indexOf(label, i + label.length);
    }
  }
  return '';
}

/** Recipients of the modern layout, or null when the notice is not in it. */
function modernLayout(msg: Message): ParsedRecipient[] | null {
  // The raw message's delivery-status part says it better (Action, Remote-MTA): let the DSN path read it.
  if (msg.dsn?.recipients.length) return null;
  const text = msg.text;
  const lower = msg.lower;
  if (indexOfAny(lower, ADMIN_SECTION) < 0) return null;
  const statusLine = labelledValue(text, lower, ['status code:', 'code d’état :', "code d'état :", 'statuscode:', 'código de estado:']);
  const reported = labelledValue(text, lower, ['reported error:', 'erreur signalée :', 'gemeldeter fehler:', 'error notificado:', 'remote server returned']);
  const diagnostic = foldWhitespace(reported.replace(/^'|'$/g, '') || statusLine);
  const status = findFailureStatus(reported) || findFailureStatus(statusLine);
  const replyCode = findReplyCode(reported) || findReplyCode(statusLine);
  const addresses = new Set<string>();
  const recipientLine = labelledValue(text, lower, ['recipient address:', 'adresse du destinataire :', 'empfängeradresse:', 'dirección del destinatario:']);
  for (const a of findAddressSpans(recipientLine, 50)) addresses.add(a.address);
  if (!addresses.size) {
    // "Your message to ana@example.org couldn't be delivered."
    const lead = labelledValue(text, lower, ['your message to']);
    const first = cleanAddress(lead);
    if (first) addresses.add(first);
  }
  if (!addresses.size) return null;
  return [...addresses].map((address) => ({ address, status, replyCode, diagnostic }));
}

export const office365 = defineProseFormat({
  id: 'office365',
  headers: ['x-ms-exchange-message-is-ndr'],
  body: [
    'your message couldn\'t be delivered',
    'your message wasn\'t delivered',
    'office 365 couldn\'t deliver',
    ...ADMIN_SECTION,
    // Exchange Online's delay DSN (Microsoft Learn, "Delivery status notifications in Exchange Server and Exchange Online").
    'delivery is delayed to these recipients or groups',
  ],
  start: ['delivery has failed to these recipients or groups', 'delivery is delayed to these recipients or groups', 'diagnostic information for administrators', 'your message to'],
  extract: modernLayout,
});
