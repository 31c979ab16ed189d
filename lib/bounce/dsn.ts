/**
 * RFC 3464 (and RFC 6533 global) delivery-status parsing: one per-message block, then one block per
 * recipient, separated by blank lines. Tolerant of what real MTAs send: missing blank lines between
 * recipients (a new Final-Recipient starts a new block), continuation lines, "rfc822;" prefixes,
 * and Diagnostic-Code types (smtp; X-Postfix; …).
 */
import type { DeliveryAction } from './types';
import { decodeWords } from 'postal-mime';
import { cleanAddress, foldWhitespace, stripDiagnosticType } from './text';

function safeDecodeWords(s: string): string {
  try {
    return decodeWords(s);
  } catch {
    return s;
  }
}

export interface DsnRecipient {
  finalRecipient: string;
  originalRecipient: string;
  action: DeliveryAction | string;
  status: string;
  diagnostic: string;
  diagnosticType: string;
  remoteMta: string;
  lastAttempt: string;
  /** X-Actual-Recipient (Sendmail/Postfix aliases), when given. */
  actualRecipient: string;
}

export interface DsnReport {
  reportingMta: string;
  recipients: DsnRecipient[];
}

function blankRecipient(): DsnRecipient {
  return { finalRecipient: '', originalRecipient: '', action: '', status: '', diagnostic: '', diagnosticType: '', remoteMta: '', lastAttempt: '', actualRecipient: '' };
}

function stripType(v: string): string {
  const t = v.trim();
  const semi = t.indexOf(';');
  return semi >= 0 && semi < 24 ? t.slice(semi + 1).trim() : t;
}

const ACTIONS = ['failed', 'delayed', 'delivered', 'relayed', 'expanded'];

function normaliseAction(v: string): DeliveryAction | string {
  const a = v.trim().toLowerCase();
  for (const known of ACTIONS) if (a.startsWith(known)) return known as DeliveryAction;
  if (a.startsWith('fail')) return 'failed';
  if (a.startsWith('delay')) return 'delayed';
  if (a.startsWith('deliverable')) return 'delivered'; // seen in the wild for RFC 3464's "delivered"
  return a;
}

/** Parses delivery-status text (LF line ends). Never throws; returns no recipients for junk. */
export function parseDeliveryStatus(text: string, maxRecipients = 500): DsnReport {
  const report: DsnReport = { reportingMta: '', recipients: [] };
  let cur: DsnRecipient | null = null;
  let lastField = '';
  let start = 0;
  let lines = 0;
  const finish = (): void => {
    if (cur && (cur.finalRecipient || cur.originalRecipient)) {
      if (report.recipients.length < maxRecipients) report.recipients.push(cur);
    }
    cur = null;
  };
  while (start <= text.length && lines < 200_000) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    lines++;
    if (line.trim() === '') {
      // blank line: a recipient block ends (but a block may not have started yet)
      if (cur && ((cur as DsnRecipient).finalRecipient || (cur as DsnRecipient).originalRecipient)) finish();
      lastField = '';
      if (end >= text.length) break;
      continue;
    }
    if ((line[0] === ' ' || line[0] === '\t') && lastField) {
      if (lastField === 'diagnostic-code' && cur && (cur as DsnRecipient).diagnostic.length < 4000) (cur as DsnRecipient).diagnostic += ' ' + line.trim();
      if (end >= text.length) break;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || colon > 40) {
      lastField = '';
      if (end >= text.length) break;
      continue;
    }
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    lastField = name;
    switch (name) {
      case 'reporting-mta':
        report.reportingMta = stripType(value);
        break;
      case 'final-recipient':
      case 'original-recipient': {
        // The address as written (the address contract: what is reported is a substring of the
        // notice). An encoded word (RFC 2047, seen for non-ASCII local parts) is decoded only when
        // the field as written holds no address at all.
        const addr = cleanAddress(value) || (value.indexOf('=?') >= 0 ? cleanAddress(safeDecodeWords(value)) : '');
        const slot = name === 'final-recipient' ? 'finalRecipient' : 'originalRecipient';
        if (cur && (cur as DsnRecipient)[slot]) finish();
        if (!cur) cur = blankRecipient();
        (cur as DsnRecipient)[slot] = addr || stripType(value).slice(0, 320);
        break;
      }
      case 'action':
        if (!cur) cur = blankRecipient();
        else if ((cur as DsnRecipient).action && ((cur as DsnRecipient).finalRecipient || (cur as DsnRecipient).originalRecipient)) {
          // a second Action in one block: a new recipient without Final-Recipient first; keep the first
        }
        if (!(cur as DsnRecipient).action) (cur as DsnRecipient).action = normaliseAction(value);
        break;
      case 'status':
        if (!cur) cur = blankRecipient();
        if (!(cur as DsnRecipient).status) (cur as DsnRecipient).status = statusOf(value);
        break;
      case 'diagnostic-code': {
        if (!cur) cur = blankRecipient();
        const semi = value.indexOf(';');
        (cur as DsnRecipient).diagnosticType = semi > 0 && semi < 24 ? value.slice(0, semi).trim() : '';
        (cur as DsnRecipient).diagnostic = stripDiagnosticType(value);
        break;
      }
      case 'remote-mta':
        if (!cur) cur = blankRecipient();
        (cur as DsnRecipient).remoteMta = stripType(value);
        break;
      case 'last-attempt-date':
        if (cur) (cur as DsnRecipient).lastAttempt = value;
        break;
      case 'x-actual-recipient':
        if (cur) (cur as DsnRecipient).actualRecipient = cleanAddress(value);
        break;
      default:
        break;
    }
    if (end >= text.length) break;
  }
  finish();
  for (const r of report.recipients) r.diagnostic = foldWhitespace(r.diagnostic);
  return report;
}

/** "5.1.1 (Bad destination mailbox address)" → "5.1.1". Keeps only the dotted code. */
function statusOf(value: string): string {
  let e = 0;
  while (e < value.length && ((value[e]! >= '0' && value[e]! <= '9') || value[e] === '.')) e++;
  const s = value.slice(0, e);
  const parts = s.split('.');
  if (parts.length !== 3 || parts.some((p) => p === '')) return '';
  return s;
}

/**
 * Delivery-status fields written into a text body instead of a message/delivery-status part.
 * Returns the text from the first such field, or ''.
 */
export function findInlineDeliveryStatus(text: string, lower: string): string {
  const keys = ['\nfinal-recipient:', '\noriginal-recipient:', '\nreporting-mta:'];
  let best = -1;
  for (const k of keys) {
    const i = lower.indexOf(k);
    if (i >= 0 && (best < 0 || i < best)) best = i;
  }
  if (best < 0) return '';
  return text.slice(best + 1, best + 1 + 200_000);
}

/** True when a DSN lists recipients and every one was delivered, relayed or expanded. */
export function reportsOnlySuccess(dsn: DsnReport | null): boolean {
  if (!dsn || dsn.recipients.length === 0) return false;
  return dsn.recipients.every((r) => r.action === 'delivered' || r.action === 'relayed' || r.action === 'expanded');
}
