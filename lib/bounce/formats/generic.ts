/**
 * Last resort for notices no family module claims: failed recipients from X-Failed-Recipients
 * (Exim and others) or from addresses in the error prose, with the words around each. Runs only on
 * notices that look like bounces (the classifier checks that first).
 */
import type { FormatModule, ParsedRecipient } from '../format-types';
import type { Message } from '../message';
import { headerValues } from '../message';
import { factsFromWords, scanRecipientBlocks } from '../scan';
import { findAddresses } from '../text';

export function failedRecipientsHeader(msg: Message): string[] {
  const out: string[] = [];
  for (const v of headerValues(msg.headers, 'x-failed-recipients')) for (const a of findAddresses(v, 100)) out.push(a.address);
  return out;
}

export function genericRecipients(msg: Message): ParsedRecipient[] | null {
  const blocks = scanRecipientBlocks(msg.text, msg.lower, msg);
  const listed = failedRecipientsHeader(msg);
  if (listed.length) {
    return listed.map((address) => {
      const b = blocks.find((x) => x.address.toLowerCase() === address.toLowerCase());
      return { address, ...(b ? factsFromWords(b.words) : {}) };
    });
  }
  if (!blocks.length) return null;
  return blocks.map((b) => ({ address: b.address, ...factsFromWords(b.words) }));
}

export const generic: FormatModule = {
  id: 'generic',
  parse: genericRecipients,
};
