/**
 * RFC 3464 / RFC 6522 delivery status notifications: recipients from the message/delivery-status
 * part (or DSN fields written in the text). Only failed and delayed recipients are returned; a DSN
 * whose recipients were all delivered/relayed/expanded is "not mine" (the classifier reports it as a
 * delivery report). Where Diagnostic-Code is missing, the prose next to the address fills it.
 */
import type { FormatModule, ParsedRecipient } from '../format-types';
import type { Message } from '../message';
import type { DeliveryAction } from '../types';
import { errorPart, scanRecipientBlocks, factsFromWords } from '../scan';
import { findSmtpCommand, transcriptCommand, type SmtpCommand } from '../smtp-command';
import { findAddressSpans, findFailureStatus, findReplyCode, foldWhitespace } from '../text';
import { header } from '../message';
import { sameAddress } from '../address';

const dsnCache = new WeakMap<Message, ParsedRecipient[] | null>();

/** Failed and delayed recipients of the message's DSN (computed once per message). */
export function dsnRecipients(msg: Message): ParsedRecipient[] | null {
  if (!msg.dsn) return null;
  if (dsnCache.has(msg)) return dsnCache.get(msg)!;
  const found = readDsnRecipients(msg);
  dsnCache.set(msg, found);
  return found;
}

function readDsnRecipients(msg: Message): ParsedRecipient[] | null {
  const dsn = msg.dsn;
  if (!dsn || dsn.recipients.length === 0) return null;
  const out: ParsedRecipient[] = [];
  let blocks: ReturnType<typeof scanRecipientBlocks> | null = null;
  // Sendmail's transcript or Postfix's "(in reply to … command)" in the human-readable part.
  let bodyCommand: SmtpCommand | null = null;
  let bodyText: string | null = null;
  let bodyTranscript: SmtpCommand | null = null;
  let bodyError: string | null = null;
  const folded = (): string => {
    bodyError ??= errorPart(msg.lower, msg.lower).slice(0, 20_000);
    bodyText ??= foldWhitespace(bodyError, 20_000); // "refused to\n talk to me"
    return bodyText;
  };
  for (const r of dsn.recipients) {
    const action = (r.action || '') as string;
    const statusClass = r.status.charAt(0);
    const failed = action === 'failed' || action === 'delayed' || (!action && (statusClass === '5' || statusClass === '4'));
    if (!failed) continue;
    // A Final-Recipient that is not a plain addr-spec (source route "@host:user@x", a bare "@host")
    // yields to Original-Recipient or X-Actual-Recipient.
    const valid = (a: string): boolean => a.indexOf('@') > 0 && a.indexOf(':') < 0 && a.indexOf(' ') < 0;
    let address = [r.finalRecipient, r.originalRecipient, r.actualRecipient].find(valid) ?? '';
    if (!address) {
      // A mailbox path or a bare "@host" (Exim pipes, Sendmail): the one address the notice names
      // elsewhere (X-Failed-Recipients, or the prose) is the recipient when there is exactly one.
      const listed = findAddressSpans(header(msg.headers, 'x-failed-recipients'), 3).map((a) => a.address);
      blocks ??= scanRecipientBlocks(msg.text, msg.lower, msg);
      if (listed.length === 1 && dsn.recipients.length === 1) address = listed[0]!;
      else if (blocks.length === 1 && dsn.recipients.length === 1) address = blocks[0]!.address;
      else address = r.finalRecipient || r.originalRecipient;
    }
    let diagnostic = r.diagnostic;
    if (!diagnostic || diagnostic.length < 6) {
      blocks ??= scanRecipientBlocks(msg.text, msg.lower, msg);
      const b = blocks.find((x) => sameAddress(x.address, address)) ?? (blocks.length === 1 && dsn.recipients.length === 1 ? blocks[0] : undefined);
      if (b) diagnostic = factsFromWords(b.words).diagnostic || diagnostic;
    }
    let status = r.status;
    const written = findFailureStatus(diagnostic);
    // A DSN Status of x.0.0 is a placeholder; the server's own words often carry the precise code.
    if (written) status = written;
    // A transcript (">>> DATA" / "<<< 550 …"), in the diagnostic or the body, is structure and
    // outranks the words; then the diagnostic's words, then the body's.
    // msg.lower is the text lower-cased: its error part is the lower-cased error part, without
    // lower-casing the whole text again for every notice.
    // The body's folded error part (up to 20,000 characters) is built only when a diagnostic
    // names no transcript, and read for the body's words only when the diagnostic's say nothing.
    const lowerDiagnostic = diagnostic.toLowerCase();
    let command = transcriptCommand(lowerDiagnostic);
    if (!command) {
      if (bodyTranscript === null) {
        bodyError ??= errorPart(msg.lower, msg.lower).slice(0, 20_000);
        // Folding never makes a ">>>" or "<<<": without one there is no transcript to read.
        bodyTranscript = bodyError.includes('>>>') || bodyError.includes('<<<') ? transcriptCommand(folded()) : '';
      }
      command = bodyTranscript || findSmtpCommand(lowerDiagnostic);
    }
    if (!command) {
      bodyCommand ??= findSmtpCommand(folded());
      command = bodyCommand;
    }
    // RFC 3464 §2.3.6: an "X-Unix" diagnostic is a local delivery program's exit status, which
    // Sisimai calls mailererror (Sisimai::Lhost::Postfix/Sendmail, BSD-2-Clause).
    const hint = r.diagnosticType.toLowerCase() === 'x-unix' ? ('mailererror' as const) : undefined;
    out.push({
      ...(hint ? { hint } : {}),
      command,
      address,
      status,
      replyCode: findReplyCode(diagnostic),
      diagnostic: foldWhitespace(diagnostic),
      action: (action === 'delayed' ? 'delayed' : 'failed') as DeliveryAction,
      remoteMta: r.remoteMta || dsn.reportingMta,
    });
  }
  return out.length ? out : null;
}

export const rfc3464: FormatModule = {
  id: 'rfc3464',
  parse: dsnRecipients,
};
