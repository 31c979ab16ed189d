/**
 * The one fact record of the classification core (after Sisimai's "fact"): what a notice says about
 * each recipient that failed, and how we judge it. Everything downstream (store, policy, badges,
 * export) reads these types and nothing else from lib/bounce.
 */

/** hard = the address itself is bad; soft = anything else that failed; undetermined = we cannot tell. */
export type BounceKind = 'hard' | 'soft' | 'undetermined';

/**
 * Reasons that mean the *sender* was refused (its IP, domain, authentication, volume or content),
 * not that the recipient's address is bad. lib/bounce/severity.ts keeps them from ever counting
 * toward removing the recipient. Sisimai's "rejected" is here: the envelope sender (MAIL FROM) was
 * refused, not the recipient.
 */
export const SENDER_REFUSAL_REASONS = [
  'blocked',
  'spamdetected',
  'virusdetected',
  'policyviolation',
  'securityerror',
  'authfailure',
  'requireptr',
  'badreputation',
  'norelaying',
  'rejected',
  'toomanyconn',
  'ratelimited',
  'speeding',
  'failedstarttls',
  'notcompliantrfc',
  'contenterror',
] as const;

/** Sisimai's reason vocabulary, verbatim, so results compare with the established parser. */
export const REASONS = [
  'userunknown',
  'hostunknown',
  'hasmoved',
  'notaccept',
  'mailboxfull',
  'exceedlimit',
  'mesgtoobig',
  'filtered',
  ...SENDER_REFUSAL_REASONS,
  'suspend',
  'expired',
  'networkerror',
  'systemerror',
  'systemfull',
  'mailererror',
  'syntaxerror',
  'onhold',
  'emptyaddress',
  'suppressed',
  'vacation',
  'feedback',
  'delivered',
  'undefined',
] as const;
export type Reason = (typeof REASONS)[number];

/** What the notice is, as a whole. Only 'bounce' (failed or delayed delivery) feeds the tally. */
export type NoticeCategory =
  | 'bounce'
  | 'delivery-report' // a DSN that says delivered / relayed / expanded
  | 'feedback-report' // ARF complaint (RFC 5965)
  | 'auto-reply' // vacation / out of office (RFC 3834)
  | 'read-receipt' // MDN (RFC 8098)
  | 'challenge-response' // the recipient's spam filter asks the sender to confirm (TMDA, BoxTrapper): the address works
  | 'not-bounce'; // ordinary mail

/** DSN Action field (RFC 3464 §2.3.3), or what the prose implies. */
export type DeliveryAction = 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded' | '';

/**
 * What one bounce says about one address: the classifier's output per recipient (FailedRecipient)
 * and the store's record of it (lib/policy.ts TallyEvent) both carry these facts.
 */
export interface BounceFacts {
  /**
   * One bare addr-spec exactly as the notice writes it (a substring of it, case and all; at most
   * 254 characters; no <>, control, bidi or lone surrogate: lib/bounce/address.ts isAddrSpec).
   * Compare and key it only through normaliseAddress (lib/policy.ts, lib/bounce/address.ts).
   */
  address: string;
  kind: BounceKind;
  reason: Reason;
  /** Enhanced status code as written in the mail (RFC 3463, e.g. "5.1.1"), or "" when none. */
  status: string;
  /** SMTP reply code (e.g. "550"), or "" when none. */
  replyCode: string;
  /** The server's own words (Diagnostic-Code or the prose), whitespace folded, capped. */
  diagnostic: string;
  /** Host that reported the failure (Reporting-MTA / Remote-MTA), or "". */
  remoteMta: string;
  /** For hasmoved: the new address the server names, if any. */
  newAddress?: string;
}

export interface FailedRecipient extends BounceFacts {
  action: DeliveryAction;
}

export interface ClassifiedNotice {
  isBounce: boolean;
  category: NoticeCategory;
  /** Registry id of the format module that read it ('rfc3464', 'postfix', 'exchange', …), or ''. */
  format: string;
  recipients: FailedRecipient[];
  subject: string;
  from: string;
  /** Message-ID of the notice itself (without <>), when the raw source was available. */
  messageId: string;
  /** Date of the notice, ISO 8601, or '' when unknown. */
  date: string;
  /** Human-readable notes about degraded input (truncated MIME, unknown charset, …). */
  notes: string[];
  /**
   * The message this notice returns, as its attached message or headers say (absent when the notice
   * carries neither, e.g. a webmail's rendered view): what ties a notice to the user's own sent
   * mail (lib/store/trust.ts) and groups bounces by send. Addresses as written; '' when missing.
   */
  returned?: ReturnedFacts;
}

export interface ReturnedFacts {
  /** From, Sender and Return-Path addr-specs of the returned message, as written ('' when missing). */
  from: string;
  sender: string;
  returnPath: string;
  subject: string;
  /** Message-ID without <>. */
  messageId: string;
  /** Date header as written. */
  date: string;
}

/** The raw RFC 5322 message, as "Show original" / an .eml file gives it. */
export interface RawNoticeInput {
  view: 'raw';
  source: string | Uint8Array;
}

/** What a webmail renders: no headers beyond subject and sender, no machine-readable parts. */
export interface RenderedNoticeInput {
  view: 'rendered';
  subject: string;
  /** Sender as shown, e.g. "Mail Delivery Subsystem <mailer-daemon@googlemail.com>" or just the address. */
  from: string;
  /**
   * The notice's To as shown, or the account's own address: never a failed recipient (it is the
   * user, who sent the bounced message). Optional: a page that cannot tell leaves it out.
   */
  to?: string;
  /** Visible text of the message body. */
  text: string;
  /** The body's HTML, if the caller has it; used only for its text. */
  html?: string;
  /** Date as an ISO string, if the webmail shows one. */
  date?: string;
}

export type NoticeInput = RawNoticeInput | RenderedNoticeInput;
