/** Verizon Wireless MMS gateway ("Message could not be delivered to mobile"; Sisimai Lhost/Verizon.pm, BSD-2-Clause). */
import type { ParsedRecipient } from '../format-types';
import type { Message } from '../message';
import { findAddressSpans, foldWhitespace } from '../text';
import { defineProseFormat } from '../prose-format';

function verizonRecipients(msg: Message): ParsedRecipient[] | null {
  const i = msg.lower.indexOf('original message:');
  if (i < 0) return null;
  const tail = msg.text.slice(i, i + 4000);
  const toLine = tail.split('\n').find((l) => l.toLowerCase().startsWith('to:'));
  const address = toLine ? findAddressSpans(toLine, 1)[0]?.address : undefined;
  if (!address) return null;
  const err = msg.lower.indexOf('error:');
  const diagnostic = foldWhitespace(err >= 0 && err < i ? msg.text.slice(err, i) : msg.text.slice(0, i));
  return [{ address, diagnostic }];
}

export const verizon = defineProseFormat({
  id: 'verizon',
  from: ['vzwpix.com', 'vtext.com'],
  bodyRequired: ['message could not be delivered to mobile', 'original message:'],
  extract: verizonRecipients,
});
