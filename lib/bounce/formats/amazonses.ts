/**
 * Amazon SES bounces: either a DSN from amazonses.com, or the JSON bounce notification that SES
 * posts through SNS ({"notificationType":"Bounce","bounce":{"bouncedRecipients":[…]}}), see
 * docs.aws.amazon.com/ses/latest/dg/notification-contents.html; Sisimai Lhost/AmazonSES.pm (BSD-2-Clause).
 */
import type { ParsedRecipient } from '../format-types';
import type { Message } from '../message';
import { stripDiagnosticType } from '../text';
import { defineProseFormat } from '../prose-format';

interface SesRecipient {
  emailAddress?: unknown;
  action?: unknown;
  status?: unknown;
  diagnosticCode?: unknown;
}

function sesJson(msg: Message): ParsedRecipient[] | null {
  const start = msg.text.indexOf('{');
  if (start < 0 || !msg.lower.includes('notificationtype')) return null;
  // The JSON object ends at its matching brace; count braces outside strings (linear).
  let depth = 0;
  let inString = false;
  let end = -1;
  for (let i = start; i < msg.text.length && i < start + 2_000_000; i++) {
    const c = msg.text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      end = i + 1;
      break;
    }
  }
  if (end < 0) return null;
  let data: unknown;
  try {
    // SNS e-mail wraps long lines with "!" + newline + space (seen in SES notifications).
    data = JSON.parse(msg.text.slice(start, end).replace(/!\n /g, '').replace(/\n/g, ''));
  } catch {
    return null;
  }
  // An SNS envelope ({"Type":"Notification","Message":"{…}"}) carries the SES notification as a string.
  const envelope = data as { Type?: unknown; Message?: unknown } | null;
  if (envelope && typeof envelope === 'object' && typeof envelope.Message === 'string') {
    try {
      data = JSON.parse(envelope.Message);
    } catch {
      return null;
    }
  }
  const obj = data as { notificationType?: unknown; bounce?: { bounceType?: unknown; bouncedRecipients?: unknown; reportingMTA?: unknown } };
  if (typeof obj !== 'object' || obj === null) return null;
  // A Complaint or Delivery notification is SES's, but not a bounce: claim it with no recipients.
  if (obj.notificationType !== 'Bounce' || !obj.bounce || !Array.isArray(obj.bounce.bouncedRecipients)) return [];
  const out: ParsedRecipient[] = [];
  for (const r of obj.bounce.bouncedRecipients as SesRecipient[]) {
    if (!r || typeof r.emailAddress !== 'string') continue;
    const diagnostic = typeof r.diagnosticCode === 'string' ? stripDiagnosticType(r.diagnosticCode) : '';
    out.push({
      address: r.emailAddress,
      status: typeof r.status === 'string' ? r.status : '',
      diagnostic,
      action: obj.bounce.bounceType === 'Transient' ? 'delayed' : 'failed',
      remoteMta: typeof obj.bounce.reportingMTA === 'string' ? stripDiagnosticType(obj.bounce.reportingMTA) : '',
    });
  }
  return out.length ? out : null;
}

export const amazonses = defineProseFormat({
  id: 'amazonses',
  from: ['amazonses.com', '@sns.amazonaws.com'],
  body: ['"notificationtype":"bounce"', 'amazonses.com'],
  extract: sesJson,
});
