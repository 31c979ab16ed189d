/** The contract between the classifier and the format modules (one per mail-server family). */
import type { DeliveryAction, Reason } from './types';
import type { Message } from './message';

/** What a format module extracts for one failed recipient. Reasons and kind are decided later. */
export interface ParsedRecipient {
  address: string;
  status?: string;
  replyCode?: string;
  diagnostic?: string;
  action?: DeliveryAction;
  remoteMta?: string;
  /**
   * A reason the notice's structure states, never its words (words are the reason tables'): an
   * RFC 3464 "X-Unix" Diagnostic-Code is a local delivery program's exit (mailererror); a Google
   * Groups refusal is the group's policy (rejected). Weighed after the first pass (reasons.ts).
   */
  hint?: Reason;
  newAddress?: string;
  /** The SMTP command the rejection answered, when the notice says (DATA, RCPT, MAIL, HELO). */
  command?: 'DATA' | 'RCPT' | 'MAIL' | 'HELO' | '';
}

export interface FormatModule {
  /** Registry key = file name = fixture prefix. */
  id: string;
  /** Returns the failed recipients, or null when the notice is not this format's ("not mine"). */
  parse(message: Message): ParsedRecipient[] | null;
}
