/**
 * A family module described as data: the literal markers that claim a notice, where its error
 * text starts and the phrases that mean a delay. Which reason the words name is not the format's
 * business: phrases live in the reason tables (lib/bounce/reasons/<reason>.ts). Markers come from
 * Sisimai's Lhost modules (p5-sisimai lib/Sisimai/Lhost/*.pm, BSD-2-Clause: their
 * `startingof`/`markingsof` boundaries and subject tests), re-checked against the corpus.
 *
 * A helper, so it lives here and not in formats/, where every file is one format module.
 */
import type { FormatModule, ParsedRecipient } from './format-types';
import type { Message } from './message';
import { factsFromWords, scanRecipientBlocks } from './scan';
import { includesAny, indexOfAny } from './text';
import { dsnRecipients } from './formats/rfc3464';
import { genericRecipients, withWholeText } from './formats/generic';

export interface ProseFormatSpec {
  id: string;
  /** Lower-case literals looked for in the From header (display name and address). */
  from?: readonly string[];
  /** Lower-case literals looked for in the Subject. */
  subject?: readonly string[];
  /** Lower-case literals looked for in the notice's text. */
  body?: readonly string[];
  /** Header names (lower-case) whose presence claims the notice. */
  headers?: readonly string[];
  /** When set, a From/Subject/header match also needs one of these body literals. */
  bodyRequired?: readonly string[];
  /** Where the error text starts: recipients are looked for after the first marker. */
  start?: readonly string[];
  /** Phrases of this format that mean "still trying" (a delay, not a failure yet). */
  delayed?: readonly string[];
  /** Custom extraction; return null to fall back to DSN then prose. */
  extract?: (msg: Message) => ParsedRecipient[] | null;
}

function claims(spec: ProseFormatSpec, msg: Message): boolean {
  const head = msg.head;
  const byEnvelope =
    (spec.from !== undefined && includesAny(msg.fromLower, spec.from)) ||
    (spec.subject !== undefined && includesAny(msg.subjectLower, spec.subject)) ||
    spec.headers?.some((h) => msg.headers.some((x) => x.name === h));
  if (byEnvelope) return spec.bodyRequired === undefined || includesAny(head, spec.bodyRequired);
  return spec.body !== undefined && includesAny(head, spec.body);
}

/** Recipients from the error text after the format's start marker. */
export function recipientsAfter(msg: Message, start: readonly string[] | undefined): ParsedRecipient[] | null {
  let text = msg.text;
  let lower = msg.lower;
  if (start?.length) {
    const i = indexOfAny(lower, start);
    if (i >= 0) {
      text = text.slice(i);
      lower = lower.slice(i);
    }
  }
  const blocks = scanRecipientBlocks(text, lower, msg);
  if (!blocks.length) return null;
  return withWholeText(msg, blocks.map((b) => ({ address: b.address, ...factsFromWords(b.words) })));
}

export function defineProseFormat(spec: ProseFormatSpec): FormatModule {
  return {
    id: spec.id,
    parse(msg: Message): ParsedRecipient[] | null {
      if (!claims(spec, msg)) return null;
      const fromDsn = dsnRecipients(msg);
      // A DSN that lists only delivered/relayed recipients is a delivery report, not a bounce.
      if (!fromDsn && msg.dsn && msg.dsn.recipients.length) return null;
      const found = spec.extract?.(msg) ?? fromDsn ?? recipientsAfter(msg, spec.start) ?? genericRecipients(msg);
      if (!found?.length) return null;
      const delayed = spec.delayed !== undefined && (includesAny(msg.lower, spec.delayed) || includesAny(msg.subjectLower, spec.delayed));
      return found.map((r) => {
        const out = { ...r };
        if (delayed && !out.action && !(out.status ?? '').startsWith('5')) out.action = 'delayed';
        return out;
      });
    },
  };
}
