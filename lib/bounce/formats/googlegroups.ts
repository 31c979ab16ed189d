/**
 * Google Groups rejections (the group does not exist or refuses the poster), sent by Gmail's
 * mailer-daemon with X-Failed-Recipients naming the group. Sisimai Lhost/GoogleGroups.pm
 * (BSD-2-Clause) reports them all as 'rejected': the words describe the group's policy.
 */
import type { FormatModule, ParsedRecipient } from '../format-types';
import type { Message } from '../message';
import { header } from '../message';
import { errorPart, factsFromWords } from '../scan';
import { findAddressSpans } from '../text';

const GROUP_DOMAIN = '@googlegroups.com';

function parse(msg: Message): ParsedRecipient[] | null {
  const lower = msg.lower.slice(0, 20_000);
  // Only the group's own refusal; an ordinary "Address not found" for a group address is Gmail's.
  if (!(lower.includes('google groups') || lower.includes('google グループ') || lower.includes('groups.google.com'))) return null;
  let groups = findAddressSpans(header(msg.headers, 'x-failed-recipients'), 20).map((a) => a.address).filter((a) => a.endsWith(GROUP_DOMAIN));
  if (!groups.length) {
    // Rendered view: no headers; the prose names the group ("… group (libsisimai) …") and Google Groups.
    if (!msg.fromLower.includes('mailer-daemon@google')) return null;
    groups = findAddressSpans(msg.text.slice(0, 20_000), 20).map((a) => a.address).filter((a) => a.endsWith(GROUP_DOMAIN));
    if (!groups.length) return null;
  }
  const facts = factsFromWords(errorPart(msg.text, msg.lower).slice(0, 4000));
  return [...new Set(groups)].map((address) => ({ address, diagnostic: facts.diagnostic, hint: 'rejected' as const }));
}

export const googlegroups: FormatModule = { id: 'googlegroups', parse };
