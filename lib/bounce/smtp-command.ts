/**
 * The one reader of the SMTP command a rejection answered (RFC 5321 §4.1: the reply to RCPT TO is
 * about the recipient, to MAIL FROM about the envelope sender, to DATA about the content, to the
 * greeting or EHLO about the client host). Format modules call it on their diagnostics and pass the
 * command on as a field (ParsedRecipient.command → ReasonFacts.command); the reason tables never read
 * it back out of English words.
 *
 * Sisimai reads it the same way (each Lhost module's `command`, go-sisimai smtp/command): a
 * transcript's last command before the failing reply, else the MTA's own wording.
 */
import { isStatusCode } from './smtp-status';

export type SmtpCommand = 'DATA' | 'RCPT' | 'MAIL' | 'HELO' | '';

/** A command named by a format or a caller, normalised; '' when unknown. */
export function normaliseCommand(command: string | undefined): SmtpCommand {
  const c = (command ?? '').trim().toUpperCase();
  if (c === 'RCPT' || c === 'DATA' || c === 'MAIL') return c;
  if (c === 'HELO' || c === 'EHLO' || c === 'CONN') return 'HELO';
  if (c === 'BDAT' || c === 'BODY') return 'DATA';
  return '';
}

/**
 * The command a rejection answered, from lowercased text: a transcript (">>> DATA" then "<<< 550 …",
 * Sendmail), Gmail's "(state N)", or the MTA's words ("in reply to end of DATA command", Postfix;
 * "after RCPT TO", Exim; "does not like recipient", qmail). '' when the text does not say.
 */
export function findSmtpCommand(lowerText: string): SmtpCommand {
  const t = lowerText;
  const fromTranscript = transcriptCommand(t);
  if (fromTranscript !== '') return fromTranscript;
  const gmail = gmailState(t);
  if (gmail !== '') return gmail;
  const has = (xs: readonly string[]): boolean => xs.some((x) => t.includes(x));
  if (has(DATA_WORDS)) return 'DATA';
  // A reply that opens by naming the recipient ("550 <a@example.com>: …") answers RCPT TO (Postfix's
  // reply format). Sendmail's "<a@example.com>... User unknown" is left out: it comes as often from
  // post-DATA filters (Sisimai: filtered) as from RCPT.
  if (has(RCPT_WORDS) || namesRecipientFirst(t)) return 'RCPT';
  if (has(MAIL_WORDS)) return 'MAIL';
  if (has(HELO_WORDS)) return 'HELO';
  return '';
}

/** Postfix "(in reply to end of DATA command)", Exim "after end of data", qmail "failed after I sent the message". */
const DATA_WORDS: readonly string[] = [
  'end of data',
  'in reply to data',
  'after data',
  '>>> data',
  'data command',
  'failed after i sent the message',
  'failed on data command',
];
/** Postfix "(in reply to RCPT TO command)" and smtpd's "Recipient address rejected" (RCPT only), Exim "after RCPT TO", qmail. */
const RCPT_WORDS: readonly string[] = [
  'rcpt to',
  'smtp:rcpt',
  'rcpt command',
  'after rcpt',
  '>>> rcpt',
  'recipient address rejected',
  'does not like recipient',
];
const MAIL_WORDS: readonly string[] = ['in reply to mail from', '>>> mail from', 'after mail from', 'mail from command'];
/** Postfix "refused to talk to me" is the greeting's refusal; qmail "but my name was rejected". */
const HELO_WORDS: readonly string[] = [
  'after ehlo ', // Exim "SMTP error from remote mail server after EHLO host:"
  'after helo ',
  'after initial connection',
  'in reply to ehlo',
  'in reply to helo',
  'but my name was rejected',
  'but greeting failed',
  'refused to talk to me',
];

/**
 * Transcript: the last ">>> " command before the first "<<< 4xx/5xx" reply (Sendmail, Courier).
 * Structure, so it outranks any wording (a DATA-time "Recipient address rejected" is about DATA).
 */
export function transcriptCommand(t: string): SmtpCommand {
  let last: SmtpCommand = '';
  let pos = 0;
  for (let n = 0; n < 200; n++) {
    const i = t.indexOf('>>> ', pos);
    const r = t.indexOf('<<< ', pos);
    if (i < 0 && r < 0) break;
    if (i >= 0 && (r < 0 || i < r)) {
      last = commandWord(t.slice(i + 4, i + 14));
      pos = i + 4;
    } else {
      const code = t.charAt(r + 4);
      if ((code === '4' || code === '5') && last) return last;
      pos = r + 4;
    }
  }
  return last;
}

function commandWord(s: string): SmtpCommand {
  if (s.startsWith('data') || s.startsWith('.')) return 'DATA';
  if (s.startsWith('rcpt')) return 'RCPT';
  if (s.startsWith('mail')) return 'MAIL';
  if (s.startsWith('ehlo') || s.startsWith('helo')) return 'HELO';
  return '';
}

/**
 * Older Gmail notices end the quoted reply with "(state N)", the stage of Gmail's SMTP client
 * (Sisimai Lhost/Gmail): 13 greeting/EHLO, 14 RCPT, 15/17/18 DATA.
 */
function gmailState(text: string): SmtpCommand {
  const at = text.indexOf(' (state ');
  if (at < 0) return '';
  const end = text.indexOf(')', at);
  if (end < 0 || end - at > 12) return '';
  switch (text.slice(at + 8, end)) {
    case '13':
      return 'HELO';
    case '14':
      return 'RCPT';
    case '15':
    case '17':
    case '18':
      return 'DATA';
    default:
      return '';
  }
}

/**
 * "550 <a@example.com>: user unknown", "smtp;550 5.1.1 <a@example.com>: …": an SMTP reply whose text
 * opens with the recipient address and a colon. Looks at the first few "<" only: bounded work.
 */
function namesRecipientFirst(text: string): boolean {
  let open = text.indexOf('<');
  for (let tries = 0; open >= 0 && tries < 8; tries++) {
    const close = text.indexOf('>', open);
    if (close < 0 || close - open > 320) return false;
    const inside = text.slice(open + 1, close);
    if (inside.includes('@') && !inside.includes(' ') && text.startsWith(':', close + 1) && followsReplyCode(text, open)) return true;
    open = text.indexOf('<', close);
  }
  return false;
}

/** Is the text just before `at` an SMTP reply code, optionally followed by a status ("550 ", "550 5.1.1 ")? */
function followsReplyCode(text: string, at: number): boolean {
  if (at === 0) return true; // the whole diagnostic is the reply text
  const before = text.slice(Math.max(0, at - 16), at).trimEnd();
  const words = before.split(/[ ;:]/).filter((w) => w !== '');
  const last = words[words.length - 1] ?? '';
  const prev = words[words.length - 2] ?? '';
  const isReply = (w: string): boolean => w.length === 3 && (w[0] === '4' || w[0] === '5') && /^[0-9]+$/.test(w);
  return isReply(last) || (isStatusCode(last) && isReply(prev));
}
