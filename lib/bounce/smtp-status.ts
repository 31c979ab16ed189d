import type { Reason } from './types';

/**
 * What the codes alone say: RFC 3463 enhanced status codes (and their later additions in RFC 5248,
 * RFC 7372, RFC 7505, RFC 8689) mapped to a default reason, and a few SMTP reply codes that name a
 * reason on their own. These are defaults only: lib/bounce/reasons.ts lets the server's words win.
 *
 * The mapping follows Sisimai's table (p5-sisimai lib/Sisimai/SMTP/Status.pm, go-sisimai smtp/status/lib.go,
 * BSD-2-Clause), which is what the corpus labels were made with. Codes left out (x.0.0, 4.3.0, 4.4.0,
 * 4.5.0, 4.7.0 …) say only "something failed" and deliberately map to nothing.
 */
const STATUS_REASON: Readonly<Record<string, Reason>> = {
  '2.1.5': 'delivered', // Destination address valid
  // --- persistent transient failures (4.x.x)
  '4.1.6': 'hasmoved', // Destination mailbox has moved, no forwarding address
  '4.1.7': 'rejected', // Bad sender's mailbox address syntax
  '4.1.8': 'rejected', // Bad sender's system address
  '4.1.9': 'systemerror', // Message relayed to non-compliant mailer
  '4.2.1': 'blocked', // Mailbox disabled, not accepting messages (Sisimai 5: blocked for 4xx)
  '4.2.2': 'mailboxfull', // Mailbox full
  '4.2.3': 'exceedlimit', // Message length exceeds administrative limit
  '4.2.4': 'filtered', // Mailing list expansion problem
  '4.3.1': 'systemfull', // Mail system full
  '4.3.2': 'notaccept', // System not accepting network messages
  '4.3.3': 'systemerror', // System not capable of selected features
  '4.3.5': 'systemerror', // System incorrectly configured
  '4.4.1': 'expired', // No answer from host
  '4.4.2': 'networkerror', // Bad connection
  '4.4.3': 'systemerror', // Directory server failure
  '4.4.4': 'networkerror', // Unable to route
  '4.4.5': 'systemfull', // Mail system congestion
  '4.4.6': 'networkerror', // Routing loop detected
  '4.4.7': 'expired', // Delivery time expired
  '4.4.8': 'networkerror', // Retry on IPv4 (RFC 9422 registry addition)
  '4.5.3': 'systemerror', // Too many recipients
  '4.5.5': 'systemerror', // Wrong protocol version
  '4.6.0': 'contenterror', // Other or undefined media error
  '4.6.2': 'contenterror', // Conversion required and prohibited
  '4.6.5': 'contenterror', // Conversion failed
  '4.7.1': 'blocked', // Delivery not authorized, message refused (as a temporary error: a block)
  '4.7.2': 'blocked', // Mailing list expansion prohibited
  '4.7.5': 'securityerror', // Cryptographic failure
  '4.7.6': 'securityerror', // Cryptographic algorithm not supported
  '4.7.7': 'securityerror', // Message integrity failure
  '4.7.12': 'securityerror', // A password transition is needed (RFC 4954)
  '4.7.15': 'securityerror', // Priority level is too low (RFC 6710)
  '4.7.16': 'mesgtoobig', // Message is too big for the specified priority (RFC 6710)
  '4.7.24': 'authfailure', // SPF validation error (RFC 7372)
  '4.7.25': 'requireptr', // Reverse DNS validation failed (RFC 7372)
  '4.7.26': 'authfailure', // Multiple authentication checks failed (RFC 7372)
  // --- permanent failures (5.x.x)
  '5.1.0': 'userunknown', // Other address status
  '5.1.1': 'userunknown', // Bad destination mailbox address
  '5.1.2': 'hostunknown', // Bad destination system address
  '5.1.3': 'userunknown', // Bad destination mailbox address syntax
  '5.1.4': 'filtered', // Destination mailbox address ambiguous
  '5.1.6': 'hasmoved', // Destination mailbox has moved, no forwarding address
  '5.1.7': 'rejected', // Bad sender's mailbox address syntax
  '5.1.8': 'rejected', // Bad sender's system address
  '5.1.9': 'systemerror', // Message relayed to non-compliant mailer
  '5.1.10': 'notaccept', // Recipient address has null MX (RFC 7505)
  '5.2.0': 'filtered', // Other or undefined mailbox status
  '5.2.1': 'filtered', // Mailbox disabled, not accepting messages
  '5.2.2': 'mailboxfull', // Mailbox full
  '5.2.3': 'exceedlimit', // Message length exceeds administrative limit
  '5.2.4': 'filtered', // Mailing list expansion problem
  '5.3.0': 'systemerror', // Other or undefined mail system status
  '5.3.1': 'systemfull', // Mail system full
  '5.3.2': 'notaccept', // System not accepting network messages
  '5.3.3': 'systemerror', // System not capable of selected features
  '5.3.4': 'mesgtoobig', // Message too big for system
  '5.3.5': 'systemerror', // System incorrectly configured
  '5.4.0': 'networkerror', // Other or undefined network or routing status
  '5.4.3': 'systemerror', // Directory server failure
  '5.4.4': 'hostunknown', // Unable to route
  '5.5.2': 'syntaxerror', // Syntax error
  '5.5.3': 'toomanyconn', // Too many recipients
  '5.5.4': 'systemerror', // Invalid command arguments
  '5.5.5': 'systemerror', // Wrong protocol version
  '5.5.6': 'syntaxerror', // Authentication exchange line is too long (RFC 4954)
  '5.6.0': 'contenterror', // Other or undefined media error
  '5.6.1': 'contenterror', // Media not supported
  '5.6.2': 'contenterror', // Conversion required and prohibited
  '5.6.3': 'contenterror', // Conversion required but not supported
  '5.6.5': 'contenterror', // Conversion failed
  '5.6.6': 'contenterror', // Message content not available
  '5.6.7': 'contenterror', // Non-ASCII addresses not permitted (RFC 6531)
  '5.6.8': 'contenterror', // UTF-8 string reply is required (RFC 6531)
  '5.6.9': 'contenterror', // UTF-8 header message cannot be transferred (RFC 6531)
  '5.7.0': 'securityerror', // Other or undefined security status
  '5.7.1': 'securityerror', // Delivery not authorized, message refused
  '5.7.2': 'securityerror', // Mailing list expansion prohibited
  '5.7.3': 'securityerror', // Security conversion required but not possible
  '5.7.4': 'securityerror', // Security features not supported
  '5.7.5': 'securityerror', // Cryptographic failure
  '5.7.6': 'securityerror', // Cryptographic algorithm not supported
  '5.7.7': 'securityerror', // Message integrity failure
  '5.7.8': 'securityerror', // Authentication credentials invalid (RFC 4954)
  '5.7.9': 'securityerror', // Authentication mechanism is too weak (RFC 4954)
  '5.7.10': 'securityerror', // Encryption needed (RFC 5248)
  '5.7.11': 'securityerror', // Encryption required for requested authentication mechanism (RFC 4954)
  '5.7.13': 'suspend', // User account disabled (RFC 5248)
  '5.7.14': 'securityerror', // Trust relationship required (RFC 5248)
  '5.7.15': 'securityerror', // Priority level is too low (RFC 6710)
  '5.7.16': 'mesgtoobig', // Message is too big for the specified priority (RFC 6710)
  '5.7.17': 'hasmoved', // Mailbox owner has changed (RFC 7293)
  '5.7.18': 'hasmoved', // Domain owner has changed (RFC 7293)
  '5.7.19': 'securityerror', // RRVS test cannot be completed (RFC 7293)
  '5.7.20': 'authfailure', // No passing DKIM signature found (RFC 7372)
  '5.7.21': 'authfailure', // No acceptable DKIM signature found (RFC 7372)
  '5.7.22': 'authfailure', // No valid author-matched DKIM signature found (RFC 7372)
  '5.7.23': 'authfailure', // SPF validation failed (RFC 7372)
  '5.7.24': 'authfailure', // SPF validation error (RFC 7372)
  '5.7.25': 'requireptr', // Reverse DNS validation failed (RFC 7372)
  '5.7.26': 'authfailure', // Multiple authentication checks failed (RFC 7372)
  '5.7.27': 'notaccept', // Sender address has null MX (RFC 7505)
  '5.7.28': 'spamdetected', // Mail flood detected (RFC 8689 registry addition)
  '5.7.29': 'authfailure', // ARC validation failure (RFC 8617)
  '5.7.30': 'failedstarttls', // REQUIRETLS support required (RFC 8689)
};

/**
 * Sisimai writes its own pseudo status codes (x.0.9NN) when a mail names no code; a format module may
 * pass one through as the status. Each stands for one reason (go-sisimai smtp/status/lib.go Code()).
 */
const PSEUDO_REASON: Readonly<Record<string, Reason>> = {
  '900': 'undefined',
  '901': 'onhold',
  '902': 'syntaxerror',
  '903': 'suppressed',
  '909': 'norelaying',
  '910': 'filtered',
  '911': 'userunknown',
  '912': 'hostunknown',
  '916': 'hasmoved',
  '918': 'rejected',
  '921': 'suspend',
  '922': 'mailboxfull',
  '923': 'exceedlimit',
  '924': 'filtered',
  '926': 'authfailure',
  '930': 'systemerror',
  '931': 'systemfull',
  '932': 'notaccept',
  '934': 'mesgtoobig',
  '939': 'mailererror',
  '944': 'networkerror',
  '945': 'toomanyconn',
  '946': 'speeding',
  '947': 'expired',
  '960': 'contenterror',
  '970': 'securityerror',
  '971': 'blocked',
  '972': 'policyviolation',
  '973': 'requireptr',
  '974': 'notcompliantrfc',
  '975': 'badreputation',
  '976': 'failedstarttls',
  '980': 'spamdetected',
  '981': 'virusdetected',
};

/**
 * SMTP reply codes that name a reason by themselves (RFC 5321 §3.4 for 551; go-sisimai reason/why-notaccept.go, why-suspend.go,
 * why-failedstarttls.go; RFC 7504 for 521/556, RFC 3207 / RFC 4954 for 523/524/538).
 */
const REPLY_REASON: Readonly<Record<string, Reason>> = {
  '521': 'notaccept', // Host does not accept mail (RFC 7504)
  '551': 'hasmoved', // User not local; please try <forward-path> (RFC 5321 §3.4)
  '556': 'notaccept', // Domain does not accept mail (RFC 7504)
  '523': 'failedstarttls', // Encryption needed / TLS negotiation failed
  '524': 'failedstarttls',
  '538': 'failedstarttls', // Encryption required for requested authentication mechanism (RFC 4954)
  '525': 'suspend', // User account disabled (RFC 5248 X.7.13 pairs with 525)
};

/** True for "c.s.d" with class 2, 4 or 5, subject 0-7 and a detail of 1-3 digits (RFC 3463 §2). */
export function isStatusCode(text: string): boolean {
  // By hand, no split or regular expression: the code scanners ask this for every candidate.
  const n = text.length;
  if (n < 5 || n > 7 || text.charCodeAt(1) !== 46 || text.charCodeAt(3) !== 46) return false;
  const cls = text.charCodeAt(0);
  if (cls !== 50 && cls !== 52 && cls !== 53) return false;
  const subject = text.charCodeAt(2);
  if (!((subject >= 48 && subject <= 55) || subject === 57)) return false;
  for (let i = 4; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The default reason an enhanced status code stands for, or '' when the code alone says nothing specific. */
export function reasonForStatus(status: string): Reason | '' {
  const code = status.trim();
  if (!isStatusCode(code)) return '';
  const known = STATUS_REASON[code];
  if (known) return known;
  // Sisimai pseudo codes: 4.0.9NN / 5.0.9NN.
  if (code.startsWith('4.0.9') || code.startsWith('5.0.9')) return PSEUDO_REASON[code.slice(4)] ?? '';
  return '';
}

/** The reason a reply code names by itself (521, 556, 523, 524, 538, 525), or ''. */
export function reasonForReplyCode(replyCode: string): Reason | '' {
  return REPLY_REASON[replyCode.trim()] ?? '';
}

/** 401-407 and 501-507: the server could not parse a command (go-sisimai reason/why-syntaxerror.go). */
export function isSyntaxReply(replyCode: string): boolean {
  const n = Number(replyCode);
  if (!Number.isInteger(n)) return false;
  return (n > 400 && n < 408) || (n > 500 && n < 508);
}

/**
 * The status and reply-code scanner is one, in ./text.ts (findStatusCode, findReplyCode): these two
 * names stay for callers that read "the first code in a text" (a transcript's "250 2.1.5 Ok" counts).
 */
export { findStatusCode as findStatusIn, findReplyCode as findReplyCodeIn } from './text';
