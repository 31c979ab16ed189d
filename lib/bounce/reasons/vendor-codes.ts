import type { Reason } from '../types';

/**
 * The one table of numbered provider labels. Some providers append a label to their replies that
 * names the cause more precisely than the status code next to it (GoDaddy sends "550 5.1.1 … has
 * sent to too many recipients this hour. IB607"), so a label found here decides the reason, as a
 * reason table's `decisive` token does (Sisimai applies the same tables per remote host:
 * Rhost/GoDaddy, Rhost/FrancePTT, Rhost/Cox, Rhost/Spectrum, Rhost/IUA).
 *
 * Why these are not `decisive` literals in the reason tables: a label has parts that vary (Orange's
 * "LPN007_426" and "OFR_426" name the same cause), numeric ranges (Spectrum's "AUP#I1010" to
 * "I1080") and a boundary to respect (" IB607" but not " IB6071"), so each provider has a small
 * reader. The readers are reached through the reasons' one phrase index all the same: each
 * provider's `prefixes` are phrases of the index (lib/bounce/reasons.ts), and its reader runs only
 * on a text where one of them was found.
 */
export interface VendorLabels {
  /** Provider, for the reader's error messages and the tests. */
  provider: string;
  /** Lowercase literals every label of the provider contains; the reader runs only when one occurs. */
  prefixes: readonly string[];
  /** The reason the first label in the (lowercased, folded) text names, or ''. Linear in the text. */
  find(text: string): Reason | '';
}

/**
 * GoDaddy "IBnnn" labels: https://ca.godaddy.com/help/fix-rejected-email-with-a-bounce-error-40685
 * (Sisimai Rhost/GoDaddy).
 */
const GODADDY: Readonly<Record<string, Reason>> = {
  ib007: 'toomanyconn', // Connection refused, too many sessions from this IP
  ib101: 'speeding', // Server temporarily unavailable
  ib103: 'badreputation', // Poor reputation on Cloudmark Sender Intelligence
  ib104: 'blocked', // Listed on the Spamhaus SBL
  ib105: 'blocked', // Listed on the Spamhaus XBL
  ib106: 'blocked', // Listed on the Spamhaus PBL
  ib108: 'requireptr', // Reverse DNS for this IP failed
  ib110: 'blocked', // Temporarily blocked for sending spam
  ib111: 'blocked', // Blocked for the day for sending spam
  ib112: 'blocked', // Temporarily blocked for mailing too many invalid recipients
  ib113: 'blocked', // Blocked for the day for mailing too many invalid recipients
  ib212: 'spamdetected', // Content judged to be spam
  ib401: 'securityerror', // Authentication not allowed on inbound servers
  ib501: 'notcompliantrfc', // Blank From: address
  ib502: 'notcompliantrfc', // IP address as From: address
  ib504: 'speeding', // Too many messages this hour
  ib506: 'rejected', // From: domain is invalid
  ib508: 'authfailure', // Invalid SPF record
  ib510: 'speeding', // Too many messages per session
  ib605: 'toomanyconn', // Too many recipients
  ib607: 'speeding', // Too many recipients this hour
  ib705: 'virusdetected', // Virus infected message
};

/**
 * Orange / La Poste "LPNnnn_NNN", "OFRnnn_NNN", "OFR_NNN", "OUK_NNN" labels: the last three digits
 * name the cause (https://www.postmastery.com/orange-postmaster-smtp-error-codes-ofr/, Sisimai
 * Rhost/FrancePTT). Codes Orange uses for several causes ("please try later") are left out.
 */
const ORANGE: Readonly<Record<string, Reason>> = {
  '101': 'blocked',
  '102': 'blocked',
  '103': 'blocked',
  '104': 'toomanyconn',
  '305': 'securityerror',
  '401': 'authfailure',
  '402': 'securityerror',
  '403': 'rejected',
  '405': 'rejected',
  '415': 'rejected',
  '416': 'userunknown',
  '417': 'mailboxfull',
  '420': 'suspend',
  '421': 'rejected',
  '426': 'suspend',
  '505': 'systemerror',
  '506': 'spamdetected',
  '510': 'blocked',
  '514': 'mesgtoobig',
  '517': 'authfailure',
  '630': 'policyviolation',
  '999': 'blocked',
};

/**
 * Cox "AUP#CODE" labels: https://www.cox.com/residential/support/email-error-codes.html
 * (Sisimai Rhost/Cox).
 */
const COX: Readonly<Record<string, Reason>> = {
  cdrbl: 'blocked', // Temporarily blocked for spam-like behaviour
  cxbl: 'blocked', // Blocked for spam-like behaviour
  cxcnct: 'toomanyconn', // Too many concurrent connections per IP
  cxdns: 'blocked', // DNS problem with the connecting IP
  cxmj: 'securityerror', // Suspicious activity on the primary account
  cxmxrt: 'toomanyconn', // Sender exceeded the allowed number of messages
  cxsmtp: 'rejected', // Sender could not be verified
  cxsndr: 'rejected', // Problem with the sender's domain
  cxthrt: 'securityerror', // Sending limited for suspicious activity
  ipbl00001: 'blocked',
  ipbl0001: 'blocked',
  ipbl0010: 'blocked',
  ipbl0011: 'blocked',
  ipbl0100: 'blocked',
  ipbl0101: 'blocked',
  ipbl0110: 'blocked',
  ipbl0111: 'blocked',
  ipbl1000: 'blocked',
  ipbl1001: 'blocked',
  ipbl1010: 'blocked',
  ipbl1011: 'blocked',
  ipbl1100: 'blocked',
  ipbl1101: 'blocked',
  ipbl1110: 'blocked',
  ipbl1111: 'blocked',
  urlbl011: 'spamdetected', // A URL in the body is on SURBL and Spamhaus DBL
  urlbl101: 'spamdetected',
  urlbl110: 'spamdetected',
  urlbl1001: 'spamdetected',
};

function isAlnum(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'));
}

/** " ib607" → 'speeding' (text already lowercased). */
function findGoDaddy(text: string): Reason | '' {
  let at = text.indexOf(' ib');
  while (at >= 0) {
    const label = text.slice(at + 1, at + 6);
    if (!isAlnum(text[at + 6])) {
      const reason = GODADDY[label];
      if (reason) return reason;
    }
    at = text.indexOf(' ib', at + 3);
  }
  return '';
}

/** "lpn007_426", "ofr_416", "ofr006_102" → the reason of the last three digits (text lowercased). */
const ORANGE_PREFIXES = ['lpn', 'ofr', 'ouk'];

function findOrange(text: string): Reason | '' {
  for (const prefix of ORANGE_PREFIXES) {
    let at = text.indexOf(prefix);
    while (at >= 0) {
      if (!isAlnum(text[at - 1])) {
        let i = at + prefix.length;
        const stop = Math.min(text.length, i + 6);
        while (i < stop && isAlnum(text[i])) i++; // "007", "aaa"
        if (text[i] === '_' || text[i] === '-') {
          const code = text.slice(i + 1, i + 4);
          if (code.length === 3 && !isAlnum(text[i + 4])) {
            const reason = ORANGE[code];
            if (reason) return reason;
          }
        }
      }
      at = text.indexOf(prefix, at + prefix.length);
    }
  }
  return '';
}

/**
 * Spectrum (Charter) "AUP#I1000" / "AUP#O1500" labels: four digits, looked up by range
 * (https://www.spectrumbusiness.net/support/internet/understanding-email-error-codes; Sisimai Rhost/Spectrum).
 */
const SPECTRUM: readonly (readonly [number, number, Reason])[] = [
  [1000, 1000, 'blocked'], // IP blocked for suspicious activity
  [1010, 1080, 'rejected'], // Sending account blocked or limited
  [1090, 1090, 'systemerror'], // Cannot be processed now
  [1100, 1150, 'requireptr'], // Full-circle DNS required
  [1160, 1190, 'policyviolation'], // Against the domain's security policies
  [1200, 1250, 'blocked'], // Cloudmark CSI or Spamhaus listing
  [1260, 1260, 'networkerror'], // IPv6 not processed
  [1300, 1340, 'toomanyconn'], // Too many connections
  [1350, 1490, 'speeding'], // Message, recipient and spam volume limits
  [1500, 1520, 'rejected'], // Sending as another address
  [1530, 1530, 'mesgtoobig'], // Larger than 20 MB
  [1540, 1550, 'speeding'], // Too many messages per session or recipients per message
  [1560, 1560, 'policyviolation'], // Too many invalid recipients
  [1580, 1580, 'speeding'], // Too many recipients in a short time
];

function spectrumReason(label: string): Reason | '' {
  const digits = label.startsWith('i') || label.startsWith('o') ? label.slice(1, 5) : label.slice(0, 4);
  if (digits.length !== 4 || !/^[0-9]{4}$/.test(digits)) return '';
  const n = Number(digits);
  for (const [low, high, reason] of SPECTRUM) if (n >= low && n <= high) return reason;
  return '';
}

/** "aup#cdrbl" (Cox) or "aup#i1000" (Spectrum) → the reason (text lowercased). */
function findCox(text: string): Reason | '' {
  let at = text.indexOf('aup#');
  while (at >= 0) {
    let end = at + 4;
    while (end < text.length && end - at < 16 && isAlnum(text[end])) end++;
    const label = text.slice(at + 4, end);
    const reason = COX[label] || spectrumReason(label);
    if (reason) return reason;
    at = text.indexOf('aup#', end);
  }
  return '';
}

/** I.UA "https://mail.i.ua/err/N/" links (Sisimai Rhost/IUA). */
const IUA: Readonly<Record<string, Reason>> = {
  '1': 'norelaying', // SMTP as a mail gate is forbidden
  '2': 'userunknown', // User is not found
  '3': 'suspend', // Mailbox unused for more than 3 months
  '4': 'mailboxfull', // Mailbox is full
  '5': 'toomanyconn', // Sending limit exceeded
  '6': 'norelaying', // Use your provider's SMTP server
  '7': 'blocked', // Wrong HELO/EHLO parameter
  '8': 'rejected', // Sender address could not be checked
  '9': 'blocked', // Sender IP address blacklisted
  '10': 'filtered', // Not in the recipient's address management list
};

function findIua(text: string): Reason | '' {
  const at = text.indexOf('.i.ua/err/');
  if (at < 0) return '';
  const end = text.indexOf('/', at + 10);
  if (end < 0 || end - at > 13) return '';
  return IUA[text.slice(at + 10, end)] ?? '';
}

/** Every provider's labels, in the order they are tried (the first label found decides). */
export const VENDOR_LABELS: readonly VendorLabels[] = [
  { provider: 'GoDaddy', prefixes: [' ib'], find: findGoDaddy },
  { provider: 'Orange', prefixes: ORANGE_PREFIXES, find: findOrange },
  { provider: 'Cox / Spectrum', prefixes: ['aup#'], find: findCox },
  { provider: 'I.UA', prefixes: ['.i.ua/err/'], find: findIua },
];
