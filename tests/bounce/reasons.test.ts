import { describe, expect, it } from 'vitest';
import { findReason, isReason, PHRASE_TABLES, type ReasonFacts } from '../../lib/bounce/reasons';
import { decideKind, isSenderProblem } from '../../lib/bounce/severity';
import { REASONS, type Reason } from '../../lib/bounce/types';

/** One realistic line per row (anonymised: example.com, 192.0.2.x), the facts a parser would pass. */
interface Row {
  name: string;
  facts: Partial<ReasonFacts>;
  reason: Reason;
}

const facts = (f: Partial<ReasonFacts>): ReasonFacts => ({ status: '', replyCode: '', diagnostic: '', action: 'failed', ...f });

// At least one row per reason that has words or a code of its own.
const PER_REASON: Row[] = [
  {
    name: 'Postfix local recipient table',
    facts: { status: '5.1.1', replyCode: '550', diagnostic: '550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in local recipient table' },
    reason: 'userunknown',
  },
  {
    name: 'Gmail address not found',
    facts: { status: '5.1.1', replyCode: '550', diagnostic: "550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address" },
    reason: 'userunknown',
  },
  {
    name: 'Postfix domain without MX',
    facts: { status: '5.1.2', diagnostic: 'Host or domain name not found. Name service error for name=example.invalid type=MX: Host not found' },
    reason: 'hostunknown',
  },
  {
    name: 'qmail mailbox replaced',
    facts: { status: '5.1.6', diagnostic: 'user@example.com has been replaced by new-user@example.org' },
    reason: 'hasmoved',
  },
  {
    name: 'null MX',
    facts: { status: '5.1.10', replyCode: '556', diagnostic: '556 5.1.10 Recipient address has null MX' },
    reason: 'notaccept',
  },
  {
    name: 'quota',
    facts: { status: '4.2.2', replyCode: '452', diagnostic: '452 4.2.2 <someone@example.com>: user is over quota' },
    reason: 'mailboxfull',
  },
  {
    name: 'per-mailbox size limit',
    facts: { status: '5.2.3', replyCode: '552', diagnostic: '552 5.2.3 Message length exceeds administrative limit' },
    reason: 'exceedlimit',
  },
  {
    name: 'system size limit',
    facts: { status: '5.3.4', replyCode: '552', diagnostic: '552 5.3.4 Error: message file too big' },
    reason: 'mesgtoobig',
  },
  {
    name: 'recipient preferences',
    facts: { status: '5.2.0', replyCode: '550', diagnostic: '550 5.2.0 Message rejected due to user rules' },
    reason: 'filtered',
  },
  {
    name: 'DNSBL listing',
    facts: { status: '5.7.1', replyCode: '554', diagnostic: '554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org' },
    reason: 'blocked',
  },
  {
    name: 'content filter',
    facts: { status: '5.7.1', replyCode: '550', diagnostic: '550 5.7.1 Message rejected as spam by Content Filtering.' },
    reason: 'spamdetected',
  },
  {
    name: 'virus scanner',
    facts: { status: '5.7.1', replyCode: '554', diagnostic: '554 5.7.1 Virus detected: Eicar-Test-Signature' },
    reason: 'virusdetected',
  },
  {
    name: 'closed list',
    facts: { status: '5.7.1', replyCode: '550', diagnostic: '550 5.7.1 Rejected posting by non-member to a members-only list' },
    reason: 'policyviolation',
  },
  {
    name: 'SMTP AUTH required',
    facts: { status: '5.7.0', replyCode: '530', diagnostic: '530 5.7.0 Authentication required' },
    reason: 'securityerror',
  },
  {
    name: 'DMARC',
    facts: { status: '5.7.1', replyCode: '550', diagnostic: "550 5.7.1 Unauthenticated email from example.com is not accepted due to domain's DMARC policy" },
    reason: 'authfailure',
  },
  {
    name: 'no PTR',
    facts: { status: '5.7.25', replyCode: '550', diagnostic: '550 5.7.25 The IP address sending this message does not have a PTR record setup' },
    reason: 'requireptr',
  },
  {
    name: 'reputation',
    facts: { status: '4.7.0', replyCode: '421', diagnostic: '421 4.7.0 Rejected due to a poor email reputation score' },
    reason: 'badreputation',
  },
  {
    name: 'open relay refused',
    facts: { status: '5.7.1', replyCode: '554', diagnostic: '554 5.7.1 <someone@example.org>: Relay access denied' },
    reason: 'norelaying',
  },
  {
    name: 'sender verification',
    facts: { status: '5.1.8', replyCode: '553', diagnostic: '553 5.1.8 <sender@example.net>: Sender address rejected: Domain not found' },
    reason: 'rejected',
  },
  {
    name: 'disabled account',
    facts: { status: '5.2.1', replyCode: '550', diagnostic: '550 5.2.1 The email account that you tried to reach is disabled.' },
    reason: 'suspend',
  },
  {
    name: 'queue lifetime',
    facts: { status: '4.4.7', action: 'failed', diagnostic: 'retry timeout exceeded' },
    reason: 'expired',
  },
  {
    name: 'mail loop',
    facts: { status: '5.4.6', diagnostic: 'Hop count exceeded - possible mail loop' },
    reason: 'networkerror',
  },
  {
    name: 'local configuration',
    facts: { status: '4.3.0', replyCode: '451', diagnostic: '451 4.3.0 Error: queue file write error' },
    reason: 'systemerror',
  },
  {
    name: 'disk full',
    facts: { status: '4.3.1', replyCode: '452', diagnostic: '452 4.3.1 Insufficient system storage' },
    reason: 'systemfull',
  },
  {
    name: 'connection limit',
    facts: { status: '4.7.0', replyCode: '421', diagnostic: '421 4.7.0 Too many connections from your host.' },
    reason: 'toomanyconn',
  },
  {
    name: 'sending too fast',
    facts: { status: '4.7.1', replyCode: '451', diagnostic: '451 4.7.1 <mx.example.org[192.0.2.2]>: Client host rejected: Please try again slower' },
    reason: 'speeding',
  },
  {
    name: 'header problems',
    facts: { status: '5.6.0', replyCode: '554', diagnostic: '554 5.6.0 Message header size, or recipient list, exceeds policy limit' },
    reason: 'contenterror',
  },
  {
    name: 'procmail',
    facts: { status: '5.3.0', diagnostic: 'X-Unix; procmail: Error while writing to "/var/mail/someone"' },
    reason: 'mailererror',
  },
  {
    name: 'syntax reply',
    facts: { status: '', replyCode: '501', diagnostic: '501 Syntax error in parameters' },
    reason: 'syntaxerror',
  },
  {
    name: 'duplicate headers',
    facts: { status: '5.7.1', replyCode: '550', diagnostic: '550 5.7.1 This message is not RFC 5322 compliant because it has duplicate headers.' },
    reason: 'notcompliantrfc',
  },
  {
    name: 'TLS required',
    facts: { status: '5.7.10', replyCode: '530', diagnostic: '530 5.7.10 STARTTLS is required to send mail' },
    reason: 'failedstarttls',
  },
  {
    name: 'delivered DSN',
    facts: { status: '2.1.5', replyCode: '250', diagnostic: '250 2.1.5 Ok', action: 'delivered' },
    reason: 'delivered',
  },
  {
    name: 'out of office text and nothing else',
    facts: { status: '', diagnostic: 'I am out of the office until Monday.' },
    reason: 'vacation',
  },
  {
    name: 'words nobody can place',
    facts: { status: '', diagnostic: 'The message could not be handled.' },
    reason: 'onhold',
  },
  { name: 'nothing at all', facts: { status: '', diagnostic: '', action: '' }, reason: 'undefined' },
];

// The server's words beat a misleading code.
const WORDS_BEAT_CODE: Row[] = [
  {
    name: '5.2.2 for a full mailbox is mailboxfull (soft), even with a 550 reply',
    facts: { status: '5.2.2', replyCode: '550', diagnostic: '550 5.2.2 <someone@example.com>... Mailbox Full' },
    reason: 'mailboxfull',
  },
  {
    name: 'a 5.1.1 code on a quota message is still mailboxfull',
    facts: { status: '5.1.1', replyCode: '550', diagnostic: '550 5.1.1 user over quota. (#5.1.1)' },
    reason: 'mailboxfull',
  },
  {
    name: "Microsoft 5.4.1 'Recipient address rejected: Access denied' is a missing address",
    facts: {
      status: '5.4.1',
      replyCode: '550',
      diagnostic: '550 5.4.1 Recipient address rejected: Access denied. [AM0PR01MB0000.eurprd01.prod.outlook.com]',
    },
    reason: 'userunknown',
  },
  {
    name: 'RESOLVER.ADR.RecipNotFound under any status',
    facts: {
      status: '5.4.1',
      replyCode: '550',
      diagnostic: '550 5.4.1 RESOLVER.ADR.RecipNotFound; not found ; [CY4PR01MB0000.namprd01.prod.outlook.com]',
    },
    reason: 'userunknown',
  },
  {
    name: 'RESOLVER.ADR.RecipientNotFound with 5.1.10 (not null MX)',
    facts: {
      status: '5.1.10',
      replyCode: '550',
      diagnostic: '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient nobody@example.com not found by SMTP address lookup',
    },
    reason: 'userunknown',
  },
  {
    name: 'a 5.7.1 spam block is spamdetected, not an address problem',
    facts: {
      status: '5.7.1',
      replyCode: '550',
      diagnostic: '550-5.7.1 Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail',
    },
    reason: 'spamdetected',
  },
  {
    name: 'a 5.7.1 block list refusal is blocked',
    facts: {
      status: '5.7.1',
      replyCode: '550',
      diagnostic: '550 5.7.1 Unfortunately, messages from [192.0.2.44] weren\'t sent. Please contact your Internet service provider since part of their network is on our block list (S3150).',
    },
    reason: 'blocked',
  },
  {
    name: 'a 5.1.0 that refuses the sender is not userunknown',
    facts: { status: '5.1.0', replyCode: '550', diagnostic: '550 5.1.0 <bounce@example.net> sender rejected' },
    reason: 'rejected',
  },
  {
    name: 'Cox label: the same refusal, explained as a block',
    facts: { status: '5.1.0', replyCode: '550', diagnostic: '550 5.1.0 <bounce@example.net> sender rejected. AUP#CDRBL' },
    reason: 'blocked',
  },
  {
    name: 'GoDaddy rate label beats a 5.1.1',
    facts: {
      status: '5.1.1',
      replyCode: '550',
      diagnostic: '550 5.1.1 <someone@example.com> - 192.0.2.22 has sent to too many recipients this hour. IB607 <http://x.co/rlbounce>',
    },
    reason: 'speeding',
  },
  {
    name: 'Spectrum label: too many connections',
    facts: { status: '4.7.0', replyCode: '421', diagnostic: '421 4.7.0 [192.0.2.1] Connections limited AUP#I1310' },
    reason: 'toomanyconn',
  },
  {
    name: 'Facebook label: recipient preferences',
    facts: { status: '5.1.1', replyCode: '550', diagnostic: '550 5.1.1 RCP-P2 http://postmaster.facebook.com/response_codes?ip=192.0.2.1#rcp Refused due to recipient preferences' },
    reason: 'filtered',
  },
  {
    name: 'I.UA error link: no such user, whatever the 5.7.1 says',
    facts: { status: '5.7.1', replyCode: '550', diagnostic: '550 5.7.1 Message rejected, see https://mail.i.ua/err/2/' },
    reason: 'userunknown',
  },
  {
    name: 'Orange label: archived recipient',
    facts: { status: '5.5.0', replyCode: '550', diagnostic: '550 5.5.0 Boite du destinataire archivee. Archived recipient. LPN007_420' },
    reason: 'suspend',
  },
  {
    name: 'delayed action with no words is expired',
    facts: { status: '4.0.0', action: 'delayed', diagnostic: '' },
    reason: 'expired',
  },
  {
    name: 'delayed but the words say the mailbox is full',
    facts: { status: '4.2.2', action: 'delayed', diagnostic: '452 4.2.2 Mailbox full' },
    reason: 'mailboxfull',
  },
  {
    name: "the reply's specific code beats a vague Status field",
    facts: { status: '4.4.7', replyCode: '452', diagnostic: '452 4.4.5 Insufficient disk space; try again later' },
    reason: 'systemfull',
  },
  {
    name: 'a success code earlier in a transcript is not the failure',
    facts: { status: '4.3.0', replyCode: '451', diagnostic: 'Out: 250 2.1.5 Ok In: DATA Out: 451 4.3.0 Error: queue file write error' },
    reason: 'systemerror',
  },
  {
    name: 'a network error wins over a 5.1.2 host code',
    facts: { status: '5.1.2', diagnostic: 'Host name lookup failure: Malformed or unexpected name server reply' },
    reason: 'networkerror',
  },
];

// Sisimai's rule for user-unknown words: they need RCPT evidence (or a 5.1.x code).
const RCPT_EVIDENCE: Row[] = [
  {
    name: '"user unknown" at RCPT (Postfix transcript)',
    facts: { status: '5.0.0', replyCode: '550', diagnostic: 'host mx.example.com[192.0.2.5] said: 550 <a@example.com>: User unknown (in reply to RCPT TO command)' },
    reason: 'userunknown',
  },
  {
    name: '"user unknown" at RCPT (given by the parser)',
    facts: { status: '5.0.0', replyCode: '550', diagnostic: '550 Unknown user a@example.com', command: 'RCPT' },
    reason: 'userunknown',
  },
  {
    name: '"user unknown" with no command and no code: a filter (Sisimai)',
    facts: { status: '5.0.0', replyCode: '550', diagnostic: '550 Unknown user a@example.com' },
    reason: 'filtered',
  },
  {
    name: '"user unknown" after end of DATA: a filter',
    facts: { status: '5.0.0', replyCode: '550', diagnostic: '550 User unknown (in reply to end of DATA command)' },
    reason: 'filtered',
  },
  {
    name: 'a reply that opens with the recipient address answers RCPT',
    facts: { status: '5.0.0', replyCode: '550', diagnostic: '550 <a@example.com>: User unknown' },
    reason: 'userunknown',
  },
  {
    name: 'the same reply quoted inside a longer notice',
    facts: { status: '', diagnostic: 'Reason: Remote SMTP server has rejected address Diagnostic code: smtp;550 <a@example.com>: User unknown' },
    reason: 'userunknown',
  },
  {
    name: 'an address in angle brackets that is not the reply text is no RCPT evidence',
    facts: { status: '5.0.0', replyCode: '550', diagnostic: 'Mail from <b@example.net>: 550 Unknown user' },
    reason: 'filtered',
  },
  {
    name: 'Sendmail-style "<addr>... User unknown" alone is not RCPT evidence',
    facts: { status: '5.2.1', replyCode: '550', diagnostic: '550 5.2.1 <a@example.com>... User Unknown' },
    reason: 'filtered',
  },
  {
    name: 'older Gmail "(state 14)" is RCPT',
    facts: { status: '', replyCode: '550', diagnostic: '550 550 Unknown user a@example.com (state 14).' },
    reason: 'userunknown',
  },
  {
    name: 'older Gmail "(state 18)" is DATA',
    facts: { status: '', replyCode: '550', diagnostic: '550 550 Unknown user a@example.com (state 18).' },
    reason: 'filtered',
  },
  {
    name: 'Postfix "Recipient address rejected" is always RCPT',
    facts: { status: '4.1.1', replyCode: '450', diagnostic: '450 4.1.1 <a@example.org>: Recipient address rejected: User unknown in virtual alias table' },
    reason: 'userunknown',
  },
];

// Templates that quote the remote server: the quoted reply is read first, the template is the fallback.
const QUOTED: Row[] = [
  {
    name: 'Gmail "address couldn\'t be found" quoting a sender refusal',
    facts: {
      status: '5.1.8',
      diagnostic: "Your message wasn't delivered to a@example.com because the address couldn't be found, or is unable to receive mail. The response from the remote server was: 501 5.1.8 Sender address rejected",
    },
    reason: 'rejected',
  },
  {
    name: 'the same template alone says the address is unknown',
    facts: { status: '', diagnostic: "Your message wasn't delivered to a@example.com because the address couldn't be found. Check for typos or unnecessary spaces and try again." },
    reason: 'userunknown',
  },
  {
    name: "Exchange \"Remote server returned '…'\" quoting a full mailbox",
    facts: { status: '5.2.2', diagnostic: "Remote server returned '552 5.2.2 Mailbox full'" },
    reason: 'mailboxfull',
  },
  {
    name: 'an unplaceable quoted reply leaves the template to decide',
    facts: { status: '5.1.1', diagnostic: "The email account that you tried to reach does not exist. The response was: 550 no" },
    reason: 'userunknown',
  },
  {
    name: 'Sendmail give-up after days is expired, whatever the last attempt said',
    facts: { status: '4.4.7', diagnostic: 'Deferred: Connection refused by [192.0.2.1] Message could not be delivered for 5 days' },
    reason: 'expired',
  },
  {
    name: 'Sendmail 8-hour warning keeps the last attempt\'s words',
    facts: { status: '4.4.7', action: 'delayed', diagnostic: 'Deferred: Connection refused by mx.example.com. Message could not be delivered for 8 hours' },
    reason: 'blocked',
  },
  {
    name: '551 user not local',
    facts: { replyCode: '551', diagnostic: '551 not our customer' },
    reason: 'hasmoved',
  },
];

// Vendor sentences that were format hints until every phrase moved into the reason tables.
const VENDOR_SENTENCES: Row[] = [
  {
    name: 'Trend Micro InterScan "Please check if address is correct" (no code)',
    facts: { status: '', diagnostic: 'Unable to deliver message to <nora@example.net>. Please check if address is correct.' },
    reason: 'userunknown',
  },
  {
    name: 'Verizon MMS gateway "No valid recipients for this MM"',
    facts: { status: '', diagnostic: 'Message could not be delivered to mobile. Error: No valid recipients for this MM' },
    reason: 'userunknown',
  },
  {
    name: 'au/EZweb domain filter refusal',
    facts: { status: '', diagnostic: 'Each of the following recipients was rejected by a remote mail server.' },
    reason: 'filtered',
  },
  {
    name: 'Messaging Server "Illegal host/domain name found"',
    facts: { status: '', diagnostic: 'Recipient address: someone@example.invalid Reason: Illegal host/domain name found' },
    reason: 'hostunknown',
  },
  {
    name: 'Exchange 2003 destination system unknown',
    facts: { status: '', diagnostic: "The message could not be delivered because the recipient's destination email system is unknown or invalid." },
    reason: 'hostunknown',
  },
  {
    name: 'Exchange RESOLVER.RST.RecipSizeLimit is mesgtoobig (Sisimai Lhost/Exchange2007), not the 5.2.3 default',
    facts: { status: '5.2.3', replyCode: '550', diagnostic: '550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient' },
    reason: 'mesgtoobig',
  },
];

const HINTS: Row[] = [
  {
    name: 'a structural format hint is kept',
    facts: { status: '5.0.0', diagnostic: 'delivery failed', hint: 'mailboxfull' },
    reason: 'mailboxfull',
  },
  {
    name: 'a retry hint (userunknown) yields to words',
    facts: { status: '', diagnostic: '552 5.2.2 Mailbox full', hint: 'userunknown' },
    reason: 'mailboxfull',
  },
  {
    name: 'a retry hint stands when the words say nothing',
    facts: { status: '', diagnostic: 'delivery failed', hint: 'userunknown' },
    reason: 'userunknown',
  },
  {
    name: 'an undefined hint is ignored',
    facts: { status: '5.1.1', diagnostic: '', hint: 'undefined' },
    reason: 'userunknown',
  },
];

/** Issue 10, class 1: the status subject and the SMTP command outrank a lone word. */
const STRUCTURE_OVER_WORDS: Row[] = [
  {
    name: 'X.1.1 at RCPT TO: "Address rejected" is the recipient, not a refused sender',
    facts: { status: '5.1.1', replyCode: '550', command: 'RCPT', diagnostic: '550 5.1.1 Address rejected <nobody@example.com>' },
    reason: 'userunknown',
  },
  {
    name: 'the same words at MAIL FROM are the sender refused',
    facts: { status: '', replyCode: '550', command: 'MAIL', diagnostic: '550 Address rejected <sender@example.org>' },
    reason: 'rejected',
  },
  {
    name: 'a command given as a field is read, not re-parsed from words',
    facts: { status: '', replyCode: '550', command: 'RCPT', diagnostic: '550 unknown user' },
    reason: 'userunknown',
  },
  {
    name: 'without RCPT evidence the same words are a filter (Sisimai why-userunknown.go)',
    facts: { status: '', replyCode: '550', command: 'DATA', diagnostic: '550 unknown user' },
    reason: 'filtered',
  },
];

/** Issue 10, class 2: no onhold when a status, reply code or command is in hand. */
const NO_ONHOLD: Row[] = [
  {
    name: 'refused at EHLO with no words: the client host was blocked (go-sisimai find.go)',
    facts: { status: '5.0.0', replyCode: '550', command: 'EHLO', diagnostic: '550 Rejected' },
    reason: 'blocked',
  },
  {
    name: 'refused at MAIL FROM with no words: the envelope sender',
    facts: { status: '5.0.0', replyCode: '553', command: 'MAIL', diagnostic: '553 No thanks' },
    reason: 'rejected',
  },
  {
    name: 'refused at RCPT TO with no words: the recipient side filtered it (soft)',
    facts: { status: '5.0.0', replyCode: '550', command: 'RCPT', diagnostic: '550 5.0.0 <nobody@example.com>: Recipient address rejected: On' },
    reason: 'filtered',
  },
  {
    name: 'an unlisted X.4.x status is a network or routing problem (RFC 3463 §3.5)',
    facts: { status: '4.4.9', replyCode: '', diagnostic: 'delivery temporarily suspended: lost connection with mx.example.com[192.0.2.10]' },
    reason: 'networkerror',
  },
  {
    name: 'a bare 550 with words nobody placed is soft, never onhold',
    facts: { status: '', replyCode: '550', diagnostic: '550 Computer says no' },
    reason: 'filtered',
  },
  {
    name: 'words without any code stay onhold',
    facts: { status: '', replyCode: '', diagnostic: 'Computer says no' },
    reason: 'onhold',
  },
];

/** Issue 10, class 3: providers' documented replies, scoped by their codes or by who reported them. */
const PROVIDER_REPLIES: Row[] = [
  {
    name: 'Exchange Online 5.5.0 "mailbox unavailable" is a missing user (Microsoft NDR reference)',
    facts: { status: '5.5.0', replyCode: '550', diagnostic: '550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302)' },
    reason: 'userunknown',
  },
  {
    name: 'Gmail 5.2.1 "account … is inactive" is a suspended mailbox (Google SMTP errors)',
    facts: { status: '5.2.1', replyCode: '550', diagnostic: '550 5.2.1 The email account that you tried to reach is inactive.' },
    reason: 'suspend',
  },
  {
    name: 'Exchange Online 5.7.606 banned sending IP, under a vague DSN status',
    facts: { status: '5.0.0', replyCode: '550', diagnostic: '550 5.7.606 Access denied, banned sending IP [192.0.2.1]' },
    reason: 'blocked',
  },
  {
    name: 'Tencent "mailbox not found" from a QQ host is a missing user',
    facts: { status: '5.0.0', replyCode: '550', remoteMta: 'dns; mx3.qq.com', recipient: 'nobody@qq.com', diagnostic: '550 Mailbox not found. https://service.mail.qq.com/detail/122/169' },
    reason: 'userunknown',
  },
  {
    name: 'the same words from another host, with no RCPT evidence, are a filter',
    facts: { status: '5.0.0', replyCode: '550', remoteMta: 'dns; mx.example.com', recipient: 'nobody@example.com', diagnostic: '550 Mailbox not found.' },
    reason: 'filtered',
  },
  {
    name: 'au/KDDI "550 : User unknown" is their filter, "<…>: User unknown" a missing user',
    facts: { status: '5.0.0', replyCode: '550', recipient: 'nobody@ezweb.ne.jp', diagnostic: 'The response was: 550 : User unknown' },
    reason: 'filtered',
  },
  {
    name: 'Exchange Online template without a code (webmail view): "… wasn\'t found at …"',
    facts: { diagnostic: "Your message to ana@example.org couldn't be delivered. ana wasn't found at example.org." },
    reason: 'userunknown',
  },
];

describe('findReason', () => {
  for (const [title, rows] of [
    ['provider replies', PROVIDER_REPLIES],
    ['structure over a lone word', STRUCTURE_OVER_WORDS],
    ['no onhold where a code or command exists', NO_ONHOLD],
    ['one row per reason', PER_REASON],
    ['words beat a misleading code', WORDS_BEAT_CODE],
    ['user-unknown words need RCPT evidence', RCPT_EVIDENCE],
    ['quoted replies and give-up notices', QUOTED],
    ['vendor sentences', VENDOR_SENTENCES],
    ['format hints', HINTS],
  ] as const) {
    describe(title, () => {
      it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
        expect(findReason(facts(row.facts))).toBe(row.reason);
      });
    });
  }

  it('covers every reason that has a phrase table', () => {
    const covered = new Set(PER_REASON.map((r) => r.reason));
    const missing = Object.keys(PHRASE_TABLES).filter((r) => !covered.has(r as Reason));
    expect(missing).toEqual([]);
  });

  it('finds the status and reply code in the words when the parser had none', () => {
    expect(findReason(facts({ diagnostic: 'smtp; 550 5.1.1 <a@example.com>: Recipient address rejected' }))).toBe('userunknown');
    expect(findReason(facts({ diagnostic: 'SMTP; 552 5.3.4 Message size exceeds fixed limit' }))).toBe('mesgtoobig');
    expect(findReason(facts({ diagnostic: '503 5.5.1 Bad sequence of commands' }))).toBe('syntaxerror');
  });

  it('names the reply-code-only reasons', () => {
    expect(findReason(facts({ replyCode: '521', diagnostic: '521 Server does not accept mail' }))).toBe('notaccept');
    expect(findReason(facts({ replyCode: '525', diagnostic: '525 account disabled' }))).toBe('suspend');
  });

  it('never calls a delay hard, whatever the words (issue 10)', () => {
    expect(decideKind('userunknown', '', '', 'delayed')).toBe('soft');
    expect(decideKind('notaccept', '', '', 'delayed')).toBe('soft');
    expect(decideKind('userunknown', '5.1.1', '550', 'failed')).toBe('hard');
  });

  it('keeps a sender problem from ever reading as hard', () => {
    const spam = findReason(facts({ status: '5.7.1', replyCode: '550', diagnostic: '550 5.7.1 Message rejected as spam' }));
    expect(isSenderProblem(spam)).toBe(true);
    expect(decideKind(spam, '5.7.1', '550')).toBe('soft');
    const full = findReason(facts({ status: '5.2.2', replyCode: '550', diagnostic: '550 5.2.2 Mailbox full' }));
    expect(decideKind(full, '5.2.2', '550')).toBe('soft');
    const gone = findReason(facts({ status: '5.4.1', replyCode: '550', diagnostic: '550 5.4.1 Recipient address rejected: Access denied' }));
    expect(decideKind(gone, '5.4.1', '550')).toBe('hard');
    const unclear = findReason(facts({ status: '5.0.0', replyCode: '550', diagnostic: 'The message could not be handled.' }));
    // Issue 10: a code in hand is never left onhold; the fallback is soft.
    expect(unclear).toBe('filtered');
    expect(decideKind(unclear, '5.0.0', '550')).toBe('soft');
  });
});

describe('findReason on bad input', () => {
  it('returns undefined for empty facts', () => {
    expect(findReason(facts({ action: '' }))).toBe('undefined');
  });

  it('does not throw on values of the wrong type', () => {
    const junk = { status: 5 as unknown as string, replyCode: null as unknown as string, diagnostic: {} as unknown as string, action: undefined as unknown as string };
    expect(() => findReason(junk)).not.toThrow();
    expect(isReason(findReason(junk))).toBe(true);
    expect(findReason({ ...facts({}), hint: 'nonsense' as Reason, status: '5.1.1' })).toBe('userunknown');
  });

  it('returns undefined when given no facts object at all', () => {
    expect(findReason(null as unknown as ReasonFacts)).toBe('undefined');
    expect(findReason('550 user unknown' as unknown as ReasonFacts)).toBe('undefined');
  });

  it('reads 1 MB of junk without throwing and with a vocabulary answer', () => {
    const mb = 'x#%\u0000\u00ff '.repeat(200_000);
    const r = findReason(facts({ diagnostic: mb }));
    expect(r).toBe('onhold');
  });

  it('finds a phrase near the start of a 1 MB single line', () => {
    const line = '550 5.2.2 mailbox full ' + 'a'.repeat(1_000_000);
    expect(findReason(facts({ diagnostic: line }))).toBe('mailboxfull');
  });

  it('handles non-ASCII words and whitespace', () => {
    expect(findReason(facts({ diagnostic: 'Boite   du\u00a0destinataire\n pleine' }))).toBe('mailboxfull');
    expect(findReason(facts({ diagnostic: 'メールボックスがいっぱいです 宛先不明' }))).toBe('onhold');
    expect(findReason(facts({ status: '5.1.1', diagnostic: 'ユーザーが存在しません' }))).toBe('userunknown');
  });

  it('ignores a malformed status code', () => {
    expect(findReason(facts({ status: '9.9.9', diagnostic: '' }))).toBe('undefined');
    expect(findReason(facts({ status: '5.1', diagnostic: 'mailbox full' }))).toBe('mailboxfull');
  });
});

describe('phrase tables', () => {
  const tables = Object.entries(PHRASE_TABLES);

  it('are keyed by their own reason, from the vocabulary', () => {
    for (const [key, table] of tables) {
      expect(table?.reason).toBe(key);
      expect(REASONS).toContain(key);
    }
  });

  it('hold lowercase, whitespace-folded, non-empty literals (anything else could never match)', () => {
    const bad: string[] = [];
    for (const [, table] of tables) {
      const all = [
        ...(table?.phrases ?? []),
        ...(table?.decisive ?? []),
        ...(table?.unless ?? []),
        ...(table?.sequences ?? []).flat(),
      ];
      for (const p of all) {
        if (p.trim() === '' || p !== p.toLowerCase() || /\s\s|[\t\n\r]/.test(p)) bad.push(`${table?.reason}: ${JSON.stringify(p)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('hold provider replies that are scoped: lowercase phrases, and a status unless a provider is named', () => {
    for (const table of Object.values(PHRASE_TABLES)) {
      for (const r of table?.replies ?? []) {
        expect(r.phrase, r.phrase).toBe(r.phrase.toLowerCase());
        expect(r.status !== undefined || r.provider !== undefined, r.phrase).toBe(true);
        if (r.status) expect(r.status, r.phrase).toMatch(/^[245]\.[0-9]\.[0-9]+(-[0-9]+)?$/);
        if (r.reply) expect(r.reply, r.phrase).toMatch(/^[245][0-9][0-9]$/);
      }
    }
  });

  it('have no duplicate phrase within a table', () => {
    const dupes: string[] = [];
    for (const [, table] of tables) {
      const seen = new Set<string>();
      for (const p of [...(table?.phrases ?? []), ...(table?.decisive ?? [])]) {
        if (seen.has(p)) dupes.push(`${table?.reason}: ${p}`);
        seen.add(p);
      }
    }
    expect(dupes).toEqual([]);
  });

  it('are matched on the words lowercased and with their whitespace folded', () => {
    expect(findReason(facts({ diagnostic: '  Over\t\tQUOTA \n' }))).toBe('mailboxfull');
    expect(findReason(facts({ diagnostic: 'Mailbox\u00a0 is\n   FULL' }))).toBe('mailboxfull');
  });
});

describe('isReason', () => {
  it('accepts the vocabulary and nothing else', () => {
    for (const r of REASONS) expect(isReason(r)).toBe(true);
    expect(isReason('UserUnknown')).toBe(false);
    expect(isReason('')).toBe(false);
    expect(isReason(undefined)).toBe(false);
    expect(isReason(42)).toBe(false);
  });
});
