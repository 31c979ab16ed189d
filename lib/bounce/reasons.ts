/**
 * The one registry of bounce reasons: from what a notice says about one recipient (enhanced status
 * code, SMTP reply code, the server's own words, the DSN action, a structural hint of the format)
 * decide Sisimai's reason name.
 *
 * One path from words to a reason. Every phrase that names a reason lives in that reason's table,
 * one file per reason under ./reasons/ (lowercase literals citing where they were seen, STYLE.md
 * "patterns are data, with provenance"):
 *   - `phrases` and `sequences`: the reason's own words, weighed against the codes below;
 *   - `decisive` and `decisiveSequences`: vendor tokens that name one cause whatever the code says;
 *   - `unless`: words that veto the table.
 * Numbered provider labels (GoDaddy IB607, Orange LPN007_426, Cox/Spectrum AUP#…, I.UA links) are
 * the one exception to "a literal per reason": they have variable parts and ranges, so they stay
 * one documented table, ./reasons/vendor-codes.ts, whose label prefixes are phrases of the same
 * index and whose readers run only where a prefix was found. Format modules give no phrase →
 * reason lists: a format passes a hint only for what the notice's structure says (an RFC 3464
 * "X-Unix" diagnostic, a Google Groups refusal; see ParsedRecipient.hint).
 *
 * All phrases of all tables, and the vendor prefixes, sit in one index (./phrase-index.ts), so one
 * pass over the lowercased, whitespace-folded, capped text finds them all: no regular expression,
 * work linear in the text.
 *
 * The order of evidence (after Sisimai, go-sisimai reason/find.go, BSD-2-Clause, whose labels the
 * corpus uses):
 *   0. a quoted remote reply inside a webmail template ("The response was: …") is read first;
 *   1. decisive tokens (PhraseTable.decisive, in registry order), then provider labels
 *      (./reasons/vendor-codes.ts);
 *   2. the first pass: reasons in a fixed order, each accepting either its own status code or its
 *      own words (with the exceptions that keep a misleading code from winning, see `probe`);
 *   3. a format module's structural hint;
 *   4. the second pass: the status code's default, unless it is vague, then the words of the
 *      remaining reasons, then the class of the code (x.6 content, x.7 security), the reply code,
 *      the action (delayed → expired), and finally onhold (words we cannot place) or undefined.
 */
import type { Reason } from './types';
import { REASONS } from './types';
import { findSmtpCommand, normaliseCommand, type SmtpCommand } from './smtp-command';
import { findFailureStatus, findReplyCode } from './text';
import {
  isSyntaxReply,
  reasonForReplyCode,
  reasonForStatus,
} from './smtp-status';
import { authfailure } from './reasons/authfailure';
import { badreputation } from './reasons/badreputation';
import { blocked } from './reasons/blocked';
import { contenterror } from './reasons/contenterror';
import { exceedlimit } from './reasons/exceedlimit';
import { expired } from './reasons/expired';
import { failedstarttls } from './reasons/failedstarttls';
import { filtered } from './reasons/filtered';
import { hasmoved } from './reasons/hasmoved';
import { hostunknown } from './reasons/hostunknown';
import { mailboxfull } from './reasons/mailboxfull';
import { mailererror } from './reasons/mailererror';
import { mesgtoobig } from './reasons/mesgtoobig';
import { networkerror } from './reasons/networkerror';
import { norelaying } from './reasons/norelaying';
import { notaccept } from './reasons/notaccept';
import { notcompliantrfc } from './reasons/notcompliantrfc';
import { policyviolation } from './reasons/policyviolation';
import { rejected } from './reasons/rejected';
import { requireptr } from './reasons/requireptr';
import { securityerror } from './reasons/securityerror';
import { spamdetected } from './reasons/spamdetected';
import { speeding } from './reasons/speeding';
import { suspend } from './reasons/suspend';
import { syntaxerror } from './reasons/syntaxerror';
import { systemerror } from './reasons/systemerror';
import { systemfull } from './reasons/systemfull';
import { toomanyconn } from './reasons/toomanyconn';
import { userunknown } from './reasons/userunknown';
import { vacation } from './reasons/vacation';
import { virusdetected } from './reasons/virusdetected';
import { VENDOR_LABELS } from './reasons/vendor-codes';
import { PhraseIndex } from './phrase-index';
import { providersOf, type Provider } from './reasons/providers';

/** One reason's words: literal phrases, ordered fragment sequences, and phrases that veto a match. */
export interface PhraseTable {
  reason: Reason;
  /** Lowercase literal phrases; any one found in the text is a match. Keep sorted within a source group. */
  phrases: readonly string[];
  /** Each entry matches when all its fragments occur in this order (fragment n+1 after fragment n). */
  sequences?: readonly (readonly string[])[];
  /** When any of these occurs, the table does not match at all. */
  unless?: readonly string[];
  /**
   * Vendor tokens so specific that they decide the reason before any status code does (Microsoft's
   * RESOLVER.ADR.RecipNotFound, GoDaddy's " IB607"): Sisimai applies them per remote host (Rhost/*).
   */
  decisive?: readonly string[];
  /** Fragment sequences that decide like `decisive` ("message could not be delivered for", " days"). */
  decisiveSequences?: readonly (readonly string[])[];
  /**
   * Replies a provider documents on its own error pages, each row citing its page: the phrase
   * together with the reply code and/or the status given (their class digit ignored, as Sisimai's
   * Rhost modules compare them; a status may name a detail range, "5.7.606-649"). A row that names
   * a provider applies only when that provider reported the failure or holds the mailbox
   * (./reasons/providers.ts); a row without one must give a status. A matching row decides right
   * after the decisive tokens: who said it, with which codes, outranks the word lists.
   */
  replies?: readonly ProviderReply[];
}

/** One documented provider reply (see PhraseTable.replies). */
export interface ProviderReply {
  phrase: string;
  reply?: string;
  status?: string;
  provider?: Provider;
}

/** What a notice says about one recipient. */
export interface ReasonFacts {
  /** Enhanced status code as written ("5.1.1"), or "". */
  status: string;
  /** SMTP reply code ("550"), or "". */
  replyCode: string;
  /** The server's own words (Diagnostic-Code or prose). */
  diagnostic: string;
  /** DSN Action ("failed", "delayed", …), or "". */
  action: string;
  /** What the format module read from the notice's structure (never from its words), if anything. */
  hint?: Reason;
  /**
   * The SMTP command the server was answering ("RCPT", "DATA", "MAIL", "HELO", "EHLO", "CONN"), when
   * the notice says (Postfix "in reply to RCPT TO command", a Sendmail transcript). Optional: the
   * diagnostic itself is searched for it too.
   */
  command?: string;
  /** Who reported the failure (Remote-MTA / Reporting-MTA host), when known: scopes provider replies. */
  remoteMta?: string;
  /** The failed recipient's address: its domain names the provider that holds the mailbox. */
  recipient?: string;
}

/** Every table, by reason: the registry. A new reason is one file under ./reasons and one line here. */
export const PHRASE_TABLES: Readonly<Partial<Record<Reason, PhraseTable>>> = {
  authfailure,
  badreputation,
  blocked,
  contenterror,
  exceedlimit,
  expired,
  failedstarttls,
  filtered,
  hasmoved,
  hostunknown,
  mailboxfull,
  mailererror,
  mesgtoobig,
  networkerror,
  norelaying,
  notaccept,
  notcompliantrfc,
  policyviolation,
  rejected,
  requireptr,
  securityerror,
  spamdetected,
  speeding,
  suspend,
  syntaxerror,
  systemerror,
  systemfull,
  toomanyconn,
  userunknown,
  vacation,
  virusdetected,
};

/** First pass: each reason may claim the recipient by its status code or its words (go-sisimai classorder[0]). */
const FIRST_PASS: readonly Reason[] = [
  'mailboxfull',
  'mesgtoobig',
  'exceedlimit',
  'suspend',
  'hasmoved',
  'norelaying',
  'authfailure',
  'userunknown',
  'filtered',
  'requireptr',
  'notcompliantrfc',
  'badreputation',
  'contenterror',
  'rejected',
  'hostunknown',
  'spamdetected',
  'speeding',
  'toomanyconn',
  'blocked',
];

/** Second pass: words only, tried when the status code is missing or vague (go-sisimai classorder[1]). */
const SECOND_PASS: readonly Reason[] = [
  'mailboxfull',
  'authfailure',
  'badreputation',
  'speeding',
  'spamdetected',
  'virusdetected',
  'policyviolation',
  'norelaying',
  'systemerror',
  'networkerror',
  'suspend',
  'contenterror',
  'systemfull',
  'notaccept',
  'expired',
  'failedstarttls',
  'securityerror',
  'mailererror',
  'syntaxerror',
];

/** Reasons that a later, more specific finding may replace (go-sisimai reason/lib.go GetRetried). */
const RETRY: ReadonlySet<Reason> = new Set([
  'undefined',
  'onhold',
  'systemerror',
  'securityerror',
  'expired',
  'networkerror',
  'hostunknown',
  'userunknown',
]);

/** Reasons a userunknown code yields to when their words are present (go-sisimai why-userunknown.go). */
const NOT_USERUNKNOWN: readonly Reason[] = ['norelaying', 'blocked', 'mailboxfull', 'hasmoved', 'rejected', 'notaccept'];

/** How much of a diagnostic we read. Phrases sit near the start; the cap bounds the work for 1 MB input. */
const TEXT_CAP = 8192;

const REASON_SET: ReadonlySet<string> = new Set(REASONS);

export function isReason(x: unknown): x is Reason {
  return typeof x === 'string' && REASON_SET.has(x);
}

/** Runs of whitespace and control characters (incl. NBSP and the ideographic space). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters in mis-decoded mail fold to a space, as whitespace does.
const SPACE_RUNS = /[\u0000-\u0020\u007f\u00a0\u3000]+/g;
/** Typographic and mis-decoded apostrophes (U+2018, U+2019, cp1252 0x92 read as U+0092). */
const APOSTROPHES = /[\u2018\u2019\u0092]/g;

/**
 * Lowercase, whitespace folded to single spaces, capped. Two single-character-class replacements:
 * linear, nothing to backtrack.
 */
function normaliseText(text: string): string {
  const src = text.length > TEXT_CAP * 2 ? text.slice(0, TEXT_CAP * 2) : text;
  return src.replace(SPACE_RUNS, ' ').trim().slice(0, TEXT_CAP).replace(APOSTROPHES, "'").toLowerCase();
}

function includesInOrder(text: string, fragments: readonly string[]): boolean {
  let from = 0;
  for (const fragment of fragments) {
    const at = text.indexOf(fragment, from);
    if (at < 0) return false;
    from = at + fragment.length;
  }
  return true;
}

/** Phrase ids of one table, resolved once against the shared index. */
interface CompiledTable {
  phrases: number[];
  unless: number[];
  decisive: number[];
  sequences: { fragments: readonly string[]; ids: number[] }[];
  decisiveSequences: { fragments: readonly string[]; ids: number[] }[];
}

const INDEX = new PhraseIndex();
const COMPILED = new Map<Reason, CompiledTable>();
for (const table of Object.values(PHRASE_TABLES)) {
  if (!table) continue;
  const seq = (list: readonly (readonly string[])[] | undefined) =>
    (list ?? []).map((fragments) => ({ fragments, ids: fragments.map((f) => INDEX.add(f)) }));
  COMPILED.set(table.reason, {
    phrases: table.phrases.map((p) => INDEX.add(p)),
    unless: (table.unless ?? []).map((p) => INDEX.add(p)),
    decisive: (table.decisive ?? []).map((p) => INDEX.add(p)),
    sequences: seq(table.sequences),
    decisiveSequences: seq(table.decisiveSequences),
  });
}
/** A provider reply row, compiled: its phrase id and its status parts (class ignored). */
interface ReplyRow {
  reason: Reason;
  id: number;
  /** Reply code without its class digit ("50" for 550), or ''. */
  reply: string;
  /** Status subject ("7"), or '' when the row gives no status. */
  subject: string;
  detailLow: number;
  detailHigh: number;
  provider: Provider | '';
}

function compileReply(reason: Reason, r: ProviderReply): ReplyRow {
  let subject = '';
  let detailLow = -1;
  let detailHigh = -1;
  if (r.status) {
    const [, s = '', d = ''] = r.status.split('.');
    const [lo = '', hi = lo] = d.split('-');
    subject = s;
    detailLow = Number(lo);
    detailHigh = Number(hi);
  }
  return { reason, id: INDEX.add(r.phrase), reply: r.reply ? r.reply.slice(1) : '', subject, detailLow, detailHigh, provider: r.provider ?? '' };
}

const REPLY_ROWS: ReplyRow[] = [];
for (const table of Object.values(PHRASE_TABLES)) for (const r of table?.replies ?? []) REPLY_ROWS.push(compileReply(table!.reason, r));

/** Each provider's label reader with the index ids of its prefixes. */
const VENDOR_READERS = VENDOR_LABELS.map((labels) => ({ find: labels.find, prefixes: labels.prefixes.map((p) => INDEX.add(p)) }));
INDEX.build();

/** The phrases found in a text; the last text is remembered because one decision asks many times. */
let lastText = '';
let lastFound: Uint8Array = INDEX.scan('');
function phrasesIn(text: string): Uint8Array {
  if (text !== lastText) {
    lastFound = INDEX.scan(text);
    lastText = text;
  }
  return lastFound;
}

function anyFound(found: Uint8Array, ids: readonly number[]): boolean {
  for (let i = 0; i < ids.length; i++) if (found[ids[i]!] === 1) return true;
  return false;
}

function sequenceFound(text: string, found: Uint8Array, seqs: CompiledTable['sequences']): boolean {
  // Every fragment must occur at all (from the scan) before the order is checked with indexOf.
  return seqs.some((q) => q.ids.every((id) => found[id] === 1) && includesInOrder(text, q.fragments));
}

/** Do the words (already normalised) match this reason's table? */
function matchesWords(reason: Reason, text: string): boolean {
  const table = COMPILED.get(reason);
  if (!table || text === '') return false;
  const found = phrasesIn(text);
  if (anyFound(found, table.unless)) return false;
  if (anyFound(found, table.phrases)) return true;
  return sequenceFound(text, found, table.sequences);
}

/** Commands before DATA: a content filter cannot have run yet. */
function isBeforeData(command: SmtpCommand): boolean {
  return command === 'HELO' || command === 'MAIL' || command === 'RCPT';
}

interface Evidence {
  text: string;
  statusReason: Reason | '';
  status: string;
  replyCode: string;
  command: SmtpCommand;
}

/**
 * Does this reason claim the recipient in the first pass? Mostly "its own code or its own words";
 * the exceptions keep a code from overruling words that say something else (go-sisimai why-*.go
 * ProbesInto). Returns the reason that wins, '' when this one does not.
 */
function probe(reason: Reason, e: Evidence): Reason | '' {
  const { text, statusReason } = e;
  const own = (ok: boolean): Reason | '' => (ok ? reason : '');
  switch (reason) {
    case 'mesgtoobig':
      if (statusReason === 'mesgtoobig') return reason;
      if (statusReason === 'exceedlimit') return '';
      return own(matchesWords('mesgtoobig', text));
    case 'suspend':
      return own(e.replyCode === '525' || matchesWords('suspend', text));
    case 'userunknown': {
      if (statusReason === 'userunknown') {
        // The code says "no such user" but the words say the refusal was about something else
        // (a relay, a block list, a full mailbox, the sender): the words win. Except that a
        // refused *sender* (rejected) cannot be what a reply to RCPT TO with an X.1.x recipient
        // status is about (RFC 5321 §4.1.1.3, RFC 3463 §3.2): "550 5.1.1 Address rejected <a>
        // (in reply to RCPT TO command)" is the recipient's address. Structure over a lone word.
        const vetoes = e.command === 'RCPT' ? NOT_USERUNKNOWN.filter((r) => r !== 'rejected') : NOT_USERUNKNOWN;
        return vetoes.find((r) => matchesWords(r, text)) ?? reason;
      }
      // Without the code, the words say userunknown only when the refusal came at RCPT. Sisimai
      // (go-sisimai why-userunknown.go) reads "550 user unknown" with no RCPT evidence as filtered:
      // the same words after DATA come from a recipient's filter, not from the directory.
      if (e.command !== 'RCPT') return '';
      return own(matchesWords('userunknown', text));
    }
    case 'filtered':
      if (statusReason === 'filtered') return own(matchesWords('userunknown', text) || matchesWords('filtered', text));
      if (isBeforeData(e.command)) return '';
      return own(matchesWords('filtered', text) || matchesWords('userunknown', text));
    case 'contenterror':
      if (probe('spamdetected', e) !== '') return '';
      return own(statusReason === 'contenterror' || matchesWords('contenterror', text));
    case 'rejected': {
      if (statusReason === 'rejected') return reason;
      if (!matchesWords('rejected', text)) return '';
      if (e.command === 'MAIL') return reason;
      if (e.command === 'DATA') return own(statusReason !== 'userunknown');
      return own(statusReason === '' || statusReason === 'securityerror' || statusReason === 'systemerror');
    }
    case 'hostunknown':
      if (statusReason === 'hostunknown') return own(!matchesWords('networkerror', text));
      return own(matchesWords('hostunknown', text));
    case 'spamdetected':
      if (statusReason === 'spamdetected') return reason;
      if (e.status !== '' && isBeforeData(e.command)) return '';
      return own(matchesWords('spamdetected', text));
    case 'blocked':
      if (statusReason === 'blocked' || matchesWords('blocked', text)) return reason;
      // Refused at the greeting or EHLO with no more specific code: the client host was refused.
      return own(e.command === 'HELO' && e.replyCode.startsWith('5') && statusReason === '');
    case 'hasmoved':
    case 'norelaying':
    case 'notcompliantrfc':
    case 'badreputation':
    case 'speeding':
      return own(matchesWords(reason, text));
    default:
      return own(statusReason === reason || matchesWords(reason, text));
  }
}

/**
 * The reason the codes point to. The Status field wins, except when it is vague (x.0.0, or a reason
 * a finer code may replace) and the server's own reply carries a different, specific code: Sendmail
 * writes "Status: 4.4.7" (queue timeout) over a "452 4.4.5 Insufficient disk space" reply.
 */
function preferredStatusReason(status: string, text: string): Reason | '' {
  const fromField = reasonForStatus(status);
  if (fromField !== '' && !RETRY.has(fromField)) return fromField;
  const inReply = findFailureStatus(text);
  if (inReply === status || (!inReply.startsWith('4') && !inReply.startsWith('5'))) return fromField;
  const fromReply = reasonForStatus(inReply);
  return fromReply !== '' && !RETRY.has(fromReply) ? fromReply : fromField;
}

/** The few tables that have decisive tokens, in registry order: asked for every diagnostic. */
const DECISIVE_TABLES: readonly { reason: Reason; table: CompiledTable }[] = [...COMPILED]
  .filter(([, table]) => table.decisive.length > 0 || table.decisiveSequences.length > 0)
  .map(([reason, table]) => ({ reason, table }));

/**
 * A reason decided before any code: the tables' decisive tokens in registry order, then the
 * provider labels (a reader runs only when the index found one of its prefixes).
 */
function findDecisive(text: string): Reason | '' {
  if (text === '') return '';
  const found = phrasesIn(text);
  for (const { reason, table } of DECISIVE_TABLES) {
    if (anyFound(found, table.decisive) || sequenceFound(text, found, table.decisiveSequences)) return reason;
  }
  for (const vendor of VENDOR_READERS) {
    if (!anyFound(found, vendor.prefixes)) continue;
    const reason = vendor.find(text);
    if (reason !== '') return reason;
  }
  return '';
}

/** Does a status ("5.7.606") fall in a row's subject and detail range, whatever its class? */
function statusIn(status: string, row: ReplyRow): boolean {
  if (status.length < 5) return false;
  const second = status.indexOf('.', 2);
  if (second < 0 || status.slice(2, second) !== row.subject) return false;
  const detail = Number(status.slice(second + 1));
  return detail >= row.detailLow && detail <= row.detailHigh;
}

/**
 * A provider's documented reply (PhraseTable.replies): the phrase is in the words, and the codes
 * or the provider agree. The status is the field's or, when the field is vague, the one in the
 * server's own reply ("Status: 5.0.0" over "550 5.7.606 Access denied, banned sending IP").
 */
function findProviderReply(text: string, status: string, replyCode: string, facts: ReasonFacts): Reason | '' {
  if (text === '' || REPLY_ROWS.length === 0) return '';
  const found = phrasesIn(text);
  let providers: ReadonlySet<Provider> | null = null;
  let written: string | null = null;
  for (const row of REPLY_ROWS) {
    if (found[row.id] !== 1) continue;
    if (row.reply !== '' && replyCode.slice(1) !== row.reply) continue;
    if (row.subject !== '') {
      written ??= findFailureStatus(text);
      if (!statusIn(status, row) && !statusIn(written, row)) continue;
    }
    if (row.provider !== '') {
      providers ??= providersOf(typeof facts.remoteMta === 'string' ? facts.remoteMta : '', typeof facts.recipient === 'string' ? facts.recipient : '');
      if (!providers.has(row.provider)) continue;
    }
    return row.reason;
  }
  return '';
}

/**
 * Webmail templates that wrap the remote server's own reply ("Address not found … The response was:
 * 550 …"): the quoted reply is the better evidence, the template only the fallback. Gmail writes
 * "The response was:" / "The response from the remote server was:" and, in older notices, "The error
 * that the other server returned was:"; Exchange writes "Remote server returned '…'".
 */
const QUOTED_REPLY_MARKERS: readonly string[] = [
  'the response was:',
  'the response from the remote server was:',
  'the error that the other server returned was:',
  "remote server returned '",
];

function quotedReply(text: string): string {
  for (const marker of QUOTED_REPLY_MARKERS) {
    const at = text.indexOf(marker);
    if (at >= 0) return text.slice(at + marker.length).trim();
  }
  return '';
}

/**
 * Decide the reason for one recipient. Never throws; returns 'undefined' when nothing is known.
 */
export function findReason(facts: ReasonFacts): Reason {
  if (facts === null || typeof facts !== 'object') return 'undefined';
  const text = normaliseText(typeof facts.diagnostic === 'string' ? facts.diagnostic : '');
  const quoted = quotedReply(text);
  if (quoted !== '') {
    const inner = decide(facts, quoted);
    if (inner !== 'onhold' && inner !== 'undefined') return inner;
  }
  return decide(facts, text);
}

/** The decision proper, on already normalised words. */
function decide(facts: ReasonFacts, text: string): Reason {
  const status = (typeof facts.status === 'string' && facts.status ? facts.status : findFailureStatus(text)).trim();
  const replyCode = (typeof facts.replyCode === 'string' && facts.replyCode ? facts.replyCode : findReplyCode(text)).trim();
  const action = (typeof facts.action === 'string' ? facts.action : '').toLowerCase();
  const hint = isReason(facts.hint) ? facts.hint : undefined;

  if (status.startsWith('2.') || action === 'delivered' || action === 'relayed' || action === 'expanded') {
    return 'delivered';
  }

  const decisive = findDecisive(text);
  if (decisive !== '') return decisive;

  const byProvider = findProviderReply(text, status, replyCode, facts);
  if (byProvider !== '') return byProvider;

  const statusReason = preferredStatusReason(status, text);
  const command = normaliseCommand(facts.command) || findSmtpCommand(text);
  const evidence: Evidence = { text, statusReason, status, replyCode, command };

  // 1. First pass: own code or own words.
  for (const r of FIRST_PASS) {
    const found = probe(r, evidence);
    if (found !== '') return found;
  }

  // 2. The format's structural finding, when the words said nothing the first pass could use.
  if (hint && hint !== 'undefined' && hint !== 'onhold') return hint;

  // 3. Second pass: a specific code stands; a vague one (or none) lets the remaining words speak.
  if (statusReason !== '' && !RETRY.has(statusReason)) return statusReason;
  for (const r of SECOND_PASS) if (matchesWords(r, text)) return r;
  if (statusReason !== '') return statusReason;

  const subject = status.slice(0, 3);
  if (subject === '5.6' || subject === '4.6') return 'contenterror';
  if (subject === '5.7' || subject === '4.7') return 'securityerror';
  const byReply = reasonForReplyCode(replyCode);
  if (byReply !== '') return byReply;
  if (isSyntaxReply(replyCode)) return 'syntaxerror';
  if (action === 'delayed' || action === 'expired') return 'expired';
  if (matchesWords('vacation', text)) return 'vacation';
  const byStructure = reasonForStructure(status, replyCode, command);
  if (byStructure !== '') return byStructure;
  if (text !== '') return 'onhold';
  return 'undefined';
}

/**
 * The last fallback before onhold, when a code or a command is in hand but no word placed it
 * (issue 10: no onhold where a status, reply code or command exists). From structure only:
 *   - the command the refusal answered (RFC 5321 §4.1.1): a refused greeting or EHLO/HELO is the
 *     client host refused (go-sisimai reason/find.go anotherone: HELO/EHLO → blocked); a refused
 *     MAIL FROM is the envelope sender refused, Sisimai's `rejected` (Reason/Rejected.pm); a refused
 *     RCPT TO or DATA with nothing more said is the recipient side's filter, Sisimai's `filtered`
 *     (Reason/Filtered.pm: refused by the recipient's server for reasons it does not state);
 *   - the status subject (RFC 3463 §3: X.2 mailbox, X.3 mail system, X.4 network and routing,
 *     X.5 protocol), each class's undefined code's default in Sisimai's SMTP::Status table
 *     (5.2.0 filtered, 5.3.0 systemerror, 5.4.0 networkerror, 5.5.0 → syntaxerror for 5.5.2);
 *   - a bare permanent reply or x.0.0 status with nothing else: `filtered` (soft: nothing says
 *     the address is bad, and nothing says the sender was at fault).
 */
function reasonForStructure(status: string, replyCode: string, command: SmtpCommand): Reason | '' {
  if (command === 'HELO') return 'blocked';
  if (command === 'MAIL') return 'rejected';
  const subject = status.slice(2, 4);
  if (subject === '2.') return 'filtered';
  if (subject === '3.') return 'systemerror';
  if (subject === '4.') return 'networkerror';
  if (command === 'RCPT' || command === 'DATA') return 'filtered';
  if (status.startsWith('5.') || replyCode.startsWith('5')) return 'filtered';
  return '';
}
