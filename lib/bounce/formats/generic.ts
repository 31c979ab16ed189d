/**
 * Last resort for notices no family module claims: failed recipients from X-Failed-Recipients
 * (Exim and others) or from addresses in the error prose, with the words around each. Runs only on
 * notices that look like bounces (the classifier checks that first).
 */
import type { FormatModule, ParsedRecipient } from '../format-types';
import type { Message } from '../message';
import { header, headerValues } from '../message';
import { errorPart, factsFromWords, inlineReturnedHeaders, scanRecipientBlocks } from '../scan';
import { findAddressSpans } from '../text';
import { sameAddress } from '../address';
import { reportsOnlySuccess } from '../dsn';
import { isFeedbackReport, isReadReceipt, hasBounceMarkers } from '../notice-markers';

export function failedRecipientsHeader(msg: Message): string[] {
  const out: string[] = [];
  for (const v of headerValues(msg.headers, 'x-failed-recipients')) for (const a of findAddressSpans(v, 100)) out.push(a.address);
  return out;
}

/**
 * With a single failed recipient whose own block says little, the whole error part is its
 * diagnostic (the notice speaks of that recipient only).
 */
export function withWholeText(msg: Message, list: ParsedRecipient[]): ParsedRecipient[] {
  if (list.length !== 1) return list;
  const only = list[0]!;
  const d = only.diagnostic ?? '';
  if (d.length >= 12 && (only.status || only.replyCode || d.length > 40)) return list;
  const facts = factsFromWords(errorPart(msg.text, msg.lower).slice(0, 6000));
  return [{ ...only, diagnostic: facts.diagnostic, status: only.status || facts.status, replyCode: only.replyCode || facts.replyCode }];
}

export function genericRecipients(msg: Message): ParsedRecipient[] | null {
  // Prose alone would read addresses out of any mail: only notices that look like bounces.
  if (!hasBounceMarkers(msg) || isFeedbackReport(msg) || isReadReceipt(msg) || reportsOnlySuccess(msg.dsn)) return null;
  const blocks = scanRecipientBlocks(msg.text, msg.lower, msg);
  const listed = failedRecipientsHeader(msg);
  if (listed.length) {
    return withWholeText(
      msg,
      listed.map((address) => {
        const b = blocks.find((x) => sameAddress(x.address, address));
        return { address, ...(b ? factsFromWords(b.words) : {}) };
      }),
    );
  }
  if (!blocks.length) {
    // Nothing in the words: the returned message's To is who it was for (as Sisimai falls back).
    let to = msg.returned?.to ?? [];
    if (!to.length) {
      const inline = inlineReturnedHeaders(msg.text, msg.lower);
      if (inline) to = findAddressSpans(header(inline, 'to'), 6).map((a) => a.address);
    }
    if (to.length === 0 || to.length > 5) return null;
    return withWholeText(msg, to.map((address) => ({ address })));
  }
  return withWholeText(msg, blocks.map((b) => ({ address: b.address, ...factsFromWords(b.words) })));
}

export const generic: FormatModule = {
  id: 'generic',
  parse: genericRecipients,
};
