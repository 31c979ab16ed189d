/** Apache James (AbstractNotify.java: "Error message below:", "Message details:"; Sisimai Lhost/ApacheJames.pm, BSD-2-Clause). */
import type { ParsedRecipient } from '../format-types';
import type { Message } from '../message';
import { findReplyCode, findStatusCode, firstAddress, foldWhitespace } from '../text';
import { defineProseFormat } from '../prose-format';

function jamesRecipients(msg: Message): ParsedRecipient[] | null {
  const lower = msg.lower;
  const details = lower.indexOf('message details:');
  if (details < 0) return null;
  const rcpt = lower.indexOf('rcpt to:', details);
  if (rcpt < 0) return null;
  const lineEnd = lower.indexOf('\n', rcpt);
  const address = firstAddress(msg.text.slice(rcpt + 8, lineEnd < 0 ? undefined : lineEnd));
  if (!address) return null;
  const errStart = lower.indexOf('error message below:');
  const diagnostic = foldWhitespace(errStart >= 0 && errStart < details ? msg.text.slice(errStart + 20, details) : msg.text.slice(0, details));
  return [{ address, diagnostic, status: findStatusCode(diagnostic), replyCode: findReplyCode(diagnostic) }];
}

export const apachejames = defineProseFormat({
  id: 'apachejames',
  subject: ['[bounce]'],
  body: ['error message below:'],
  bodyRequired: ['message details:'],
  extract: jamesRecipients,
});
