/**
 * The single call site of the reason tables. core-reasons owns lib/bounce/reasons.ts
 * (`findReason`); until it lands, a temporary fallback here maps the status code (Sisimai's
 * SMTP/Status.pm table, BSD-2-Clause) and a few phrases. Delete the fallback once reasons.ts exists.
 */
import type { Reason } from './types';

export interface ReasonFacts {
  status: string;
  replyCode: string;
  diagnostic: string;
  action: string;
  hint?: Reason;
}

// TEMPORARY FALLBACK (core-pipeline) — replaced by `export { findReason } from './reasons'`.
const STATUS: Record<string, Reason> = {
  '2.1.5': 'delivered', '4.1.6': 'hasmoved', '4.1.7': 'rejected', '4.1.8': 'rejected', '4.1.9': 'systemerror',
  '4.2.1': 'suspend', '4.2.2': 'mailboxfull', '4.2.3': 'exceedlimit', '4.2.4': 'filtered', '4.3.1': 'systemfull',
  '4.3.2': 'notaccept', '4.3.3': 'systemerror', '4.3.5': 'systemerror', '4.4.1': 'expired', '4.4.2': 'networkerror',
  '4.4.4': 'networkerror', '4.4.5': 'systemfull', '4.4.6': 'networkerror', '4.4.7': 'expired', '4.5.3': 'systemerror',
  '4.5.5': 'systemerror', '4.6.0': 'contenterror', '4.6.2': 'contenterror', '4.6.5': 'contenterror', '4.7.1': 'blocked',
  '4.7.2': 'blocked', '4.7.5': 'securityerror', '4.7.25': 'blocked',
  '5.1.0': 'userunknown', '5.1.1': 'userunknown', '5.1.2': 'hostunknown', '5.1.3': 'userunknown', '5.1.4': 'filtered',
  '5.1.6': 'hasmoved', '5.1.7': 'rejected', '5.1.8': 'rejected', '5.1.9': 'systemerror', '5.1.10': 'notaccept',
  '5.2.0': 'filtered', '5.2.1': 'filtered', '5.2.2': 'mailboxfull', '5.2.3': 'exceedlimit', '5.2.4': 'filtered',
  '5.3.0': 'systemerror', '5.3.1': 'systemfull', '5.3.2': 'notaccept', '5.3.3': 'systemerror', '5.3.4': 'mesgtoobig',
  '5.3.5': 'systemerror', '5.4.0': 'networkerror', '5.4.3': 'systemerror', '5.4.4': 'hostunknown', '5.5.3': 'toomanyconn',
  '5.5.4': 'systemerror', '5.5.5': 'systemerror', '5.6.0': 'contenterror', '5.6.1': 'contenterror', '5.7.0': 'securityerror',
  '5.7.1': 'securityerror', '5.7.13': 'suspend', '5.7.17': 'hasmoved', '5.7.18': 'hasmoved', '5.7.25': 'blocked',
  '5.7.27': 'notaccept',
};
const PHRASES: [Reason, string[]][] = [
  ['mailboxfull', ['mailbox full', 'mailbox is full', 'over quota', 'quota exceeded', 'mailbox size limit', 'insufficient disk space']],
  ['userunknown', ['user unknown', 'no such user', 'unknown user', 'does not exist', "doesn't exist", 'recipient address rejected', 'no mailbox', 'invalid recipient', 'unknown recipient', 'address not found', 'mailbox unavailable', 'no such recipient', 'not our customer', 'addressee unknown']],
  ['hostunknown', ['host unknown', 'domain not found', 'no mx', 'name or service not known', 'host not found', 'unrouteable address', 'domain does not exist', 'mx record']],
  ['suspend', ['disabled', 'suspended', 'inactive', 'deactivated']],
  ['expired', ['retry timeout exceeded', 'delivery time expired', 'too long', 'retry time not reached', 'could not be delivered for', 'giving up']],
  ['spamdetected', ['spam', 'junk']],
  ['blocked', ['blocked', 'blacklist', 'blocklist', 'spamhaus', 'listed', 'rbl']],
  ['mesgtoobig', ['message too large', 'message size exceeds', 'too big']],
  ['networkerror', ['connection timed out', 'connection refused', 'mail loop', 'too many hops']],
];

export function findReason(facts: ReasonFacts): Reason {
  if (facts.hint) return facts.hint;
  const d = facts.diagnostic.toLowerCase();
  for (const [reason, phrases] of PHRASES) for (const p of phrases) if (d.includes(p)) return reason;
  if (facts.action === 'delayed') return 'expired';
  const s = STATUS[facts.status];
  if (s) return s;
  if (facts.status.startsWith('5.1.')) return 'userunknown';
  if (facts.replyCode === '550') return 'userunknown';
  if (facts.replyCode === '552') return 'mailboxfull';
  return facts.status || facts.replyCode ? 'undefined' : 'undefined';
}
