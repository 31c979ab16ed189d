/**
 * classifyNotice: any notice in (raw RFC 5322 or a webmail's rendered view), the failed recipients
 * with hard/soft and reason out. Never throws.
 *
 * Parsers extract (format modules), reasons decide (findReason), severity is derived (decideKind).
 */
import type { ClassifiedNotice, DeliveryAction, FailedRecipient, NoticeCategory, NoticeInput, ReturnedFacts } from './types';
import { header, readMessage, type Message } from './message';
import { FORMATS } from './formats';
import type { FormatModule, ParsedRecipient } from './format-types';
import { findReason } from './reasons';
import { decideKind } from './severity';
import { saysDelayed, reportsSuccessInWords, isChallengeResponse, isDeliveryNotification, isFeedbackReport, isReadReceipt, looksLikeAutoReply, hasBounceMarkers } from './notice-markers';
import { findFailureStatus, findReplyCode, foldWhitespace, joinReplyContinuations } from './text';
import { findSmtpCommand } from './smtp-command';
import { reportsOnlySuccess } from './dsn';
import { isAddrSpec, normaliseAddress } from './address';

function result(msg: Message, category: NoticeCategory, format = '', recipients: FailedRecipient[] = []): ClassifiedNotice {
  return {
    isBounce: category === 'bounce',
    category,
    format,
    recipients,
    subject: msg.subject,
    from: msg.fromRaw,
    messageId: msg.messageId,
    date: msg.date,
    notes: msg.notes,
    ...(msg.returned ? { returned: returnedFacts(msg.returned) } : {}),
  };
}

/** The returned message's identifying headers (RFC 5322 §3.6), addresses reduced to their addr-spec. */
function returnedFacts(returned: NonNullable<Message['returned']>): ReturnedFacts {
  const spec = (value: string): string => {
    const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(value);
    const bare = angle?.[1] ?? /[^\s<>"(),;:]+@[^\s<>"(),;:]+/.exec(value)?.[0] ?? '';
    return isAddrSpec(bare) ? bare : '';
  };
  return {
    from: spec(returned.from || header(returned.headers, 'from')),
    sender: spec(header(returned.headers, 'sender')),
    returnPath: spec(header(returned.headers, 'return-path')),
    subject: returned.subject.slice(0, 300),
    messageId: returned.messageId.trim().replace(/^<+/, '').replace(/>+$/, '').slice(0, 998),
    date: header(returned.headers, 'date').slice(0, 100),
  };
}

/** A parsed address without the angle brackets or spaces a format may leave around it. */
function bareAddress(value: unknown): string {
  let address = String(value ?? '').trim();
  if (address.startsWith('<') && address.endsWith('>')) address = address.slice(1, -1).trim();
  return address;
}

/** For a note: the first characters of a rejected value, with nothing invisible in it. */
function shown(value: string): string {
  return JSON.stringify(value.slice(0, 80).replace(/[\p{C}\p{Z}]/gu, ' '));
}

/**
 * Turns what a format module extracted into the public record, deciding reason and kind. null
 * (with a note) when the address is no addr-spec (./address.ts isAddrSpec): a recipient is
 * reported exactly as the notice writes it or not at all, never as `<>`, a path or a fragment.
 */
export function finishRecipient(p: ParsedRecipient, notes: string[], delayedNotice = false): FailedRecipient | null {
  const address = bareAddress(p.address);
  if (!isAddrSpec(address)) {
    notes.push(`left out a recipient that is no address: ${shown(address)}`);
    return null;
  }
  const diagnostic = joinReplyContinuations(foldWhitespace(p.diagnostic ?? ''));
  const status = p.status || findFailureStatus(diagnostic);
  const replyCode = p.replyCode || findReplyCode(diagnostic);
  // A notice in a delay template ("will retry", "Delivery is delayed to these recipients") whose
  // recipient has no permanent code is a delay: never reported failed, never hard (issue 10).
  const permanent = status.startsWith('5') || (status === '' && replyCode.startsWith('5'));
  const action: DeliveryAction = p.action ?? (delayedNotice && !permanent ? 'delayed' : 'failed');
  // Facts travel as fields: the command the notice's structure named (a DSN's transcript, a
  // format's layout) or, failing that, the one the server's words name.
  const command = p.command || findSmtpCommand(diagnostic.toLowerCase());
  const remoteMta = p.remoteMta ?? '';
  const reason = findReason({ status, replyCode, diagnostic, action, command, remoteMta, recipient: address, ...(p.hint ? { hint: p.hint } : {}) });
  const kind = decideKind(reason, status, replyCode, action);
  const out: FailedRecipient = { address, kind, reason, status, replyCode, diagnostic, action, remoteMta };
  const newAddress = p.newAddress ? bareAddress(p.newAddress) : '';
  if (newAddress && isAddrSpec(newAddress)) out.newAddress = newAddress;
  return out;
}

/** One recipient per address, compared by the one key (normaliseAddress), first mention kept. */
function dedupe(list: ParsedRecipient[]): ParsedRecipient[] {
  const seen = new Set<string>();
  const out: ParsedRecipient[] = [];
  for (const r of list) {
    const k = normaliseAddress(bareAddress(r.address)) ?? bareAddress(r.address);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(r);
  }
  return out;
}

export async function classifyNotice(input: NoticeInput): Promise<ClassifiedNotice> {
  return classifyAt(input, 0);
}

/** A bounce attached whole to another notice (a relay returning a bounce it got) is read too. */
function looksNested(msg: Message): boolean {
  const r = msg.returned;
  if (!r || !msg.returnedSource) return false;
  const from = r.from.toLowerCase();
  const ct = r.headers.find((h) => h.name === 'content-type')?.value.toLowerCase() ?? '';
  return from.startsWith('mailer-daemon@') || from.startsWith('postmaster@') || ct.includes('report-type=delivery-status');
}

function isWeak(r: ClassifiedNotice): boolean {
  return r.recipients.length === 0 || r.recipients.every((x) => x.reason === 'onhold' || x.reason === 'undefined');
}

async function classifyAt(input: NoticeInput, depth: number): Promise<ClassifiedNotice> {
  let msg: Message | null = null;
  try {
    msg = await readMessage(input);
    const outer = classifyMessage(msg);
    if (depth === 0 && (outer.isBounce || outer.category === 'not-bounce') && isWeak(outer) && looksNested(msg)) {
      const inner = await classifyAt({ view: 'raw', source: msg.returnedSource! }, 1);
      if (inner.isBounce && inner.recipients.length && !isWeak(inner)) {
        return { ...outer, isBounce: true, category: 'bounce', format: inner.format, recipients: inner.recipients, notes: [...outer.notes, 'read the bounce attached to this notice'] };
      }
    }
    return outer;
  } catch (err) {
    // Defensive: a bug must not reach the caller as an exception.
    const m = msg ?? (await readMessage({ view: 'rendered', subject: '', from: '', text: '' }));
    m.notes.push(`internal error: ${String((err as Error)?.message ?? err).slice(0, 120)}`);
    return result(m, 'not-bounce');
  }
}

/**
 * Classification of an already decoded message. `formats` is the registry, in its order; a test
 * passes another order to show that the order matters (tests/bounce/registry.test.ts).
 */
export function classifyMessage(msg: Message, formats: readonly FormatModule[] = FORMATS): ClassifiedNotice {
  if (isFeedbackReport(msg)) return result(msg, 'feedback-report');
  if (isReadReceipt(msg)) return result(msg, 'read-receipt');
  // Before the bounce markers: a challenge says "was not delivered" too (TMDA's template), yet
  // the address works and waits for the sender to confirm.
  if (isChallengeResponse(msg)) return result(msg, 'challenge-response');

  if (isDeliveryNotification(msg)) return result(msg, 'delivery-report', 'amazonses');
  const dsn = msg.dsn;
  if (reportsOnlySuccess(dsn)) return result(msg, 'delivery-report', 'rfc3464');
  if (!dsn && reportsSuccessInWords(msg)) return result(msg, 'delivery-report');

  // Family modules claim a notice by their own specific markers; the generic prose reader runs
  // only on what looks like a bounce as a whole (sender, subject, words), or it would read
  // addresses out of ordinary mail.
  const bounceLike = hasBounceMarkers(msg);
  for (const f of formats) {
    if (!bounceLike && (f.id === 'generic' || f.id === 'rfc3464')) continue;
    let found: ParsedRecipient[] | null = null;
    try {
      found = f.parse(msg);
    } catch (err) {
      msg.notes.push(`format ${f.id} failed: ${String((err as Error)?.message ?? err).slice(0, 80)}`);
      found = null;
    }
    if (found?.length) {
      const delayed = saysDelayed(msg);
      const recipients = dedupe(found)
        .map((p) => finishRecipient(p, msg.notes, delayed))
        .filter((r): r is FailedRecipient => r !== null);
      // Nothing this module found is an address: a later module may read the notice better.
      if (recipients.length) return result(msg, 'bounce', f.id, recipients);
    }
  }
  if (!bounceLike || looksLikeAutoReply(msg)) return result(msg, looksLikeAutoReply(msg) ? 'auto-reply' : 'not-bounce');
  msg.notes.push('looks like a bounce but names no failed recipient');
  return result(msg, 'bounce', '', []);
}
