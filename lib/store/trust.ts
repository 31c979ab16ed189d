/**
 * Whether a notice may count without asking (issue #10, forged notices). Anyone can send a
 * "MAILER-DAEMON" message naming 500 addresses; opening it must not silently fill the Remove list.
 * A notice counts at once when it can be tied to the user's own sent mail and stays within what one
 * real bounce names; otherwise its bounces are recorded as unverified, shown apart, and count only
 * when the user says so. Pure.
 *
 * What ties a notice to the user's mail: the returned message (RFC 3462/6522 §3: a DSN "SHOULD"
 * include the returned message or its headers) sent From, Sender or Return-Path the account the
 * notice arrived in. A notice that carries no returned message (a webmail's rendered view, some
 * MTAs) cannot be tied either way; it counts when it names few addresses, as real bounces of one
 * send to one domain do.
 */
import type { ClassifiedNotice } from '../bounce/types';
import { normaliseAddress } from '../policy';

/** At most this many addresses from one notice count without asking. */
export const MAX_ADDRESSES_PER_NOTICE = 100;
/** A notice that cannot be tied to a sent message counts without asking up to this many addresses. */
export const MAX_UNTIED_ADDRESSES = 5;

export type Trust = { verified: true } | { verified: false; why: string };

/**
 * @param account the webmail account the notice arrived in (an address, or a Gmail /u/N/ index,
 *   or '' for a file import: then only the size rules apply).
 * @param failed how many distinct addresses the notice says failed.
 */
export function judgeTrust(notice: Pick<ClassifiedNotice, 'returned'>, account: string, failed: number): Trust {
  if (failed > MAX_ADDRESSES_PER_NOTICE) {
    return { verified: false, why: `it names ${failed} addresses; one notice puts at most ${MAX_ADDRESSES_PER_NOTICE} on your list without asking` };
  }
  const own = normaliseAddress(account);
  const returned = notice.returned;
  const senders = returned ? [returned.from, returned.sender, returned.returnPath].map((value) => normaliseAddress(value)).filter((value): value is string => !!value) : [];
  if (own && senders.length > 0 && !senders.includes(own)) {
    return { verified: false, why: `the message it returns was not sent from ${account.trim()} (it says ${senders[0]})` };
  }
  if (senders.length === 0 && failed > MAX_UNTIED_ADDRESSES) {
    return { verified: false, why: `it does not include the message it returns, and names ${failed} addresses` };
  }
  return { verified: true };
}
