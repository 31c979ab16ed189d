/**
 * The one message protocol between content scripts, extension pages and the background.
 * Content scripts are untrusted (they run inside a hostile page): they may only report notices and
 * ask about addresses. Everything else is for the extension's own pages; the background enforces
 * this and validates every payload (issue #3).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import * as v from 'valibot';
import { REASONS, type ClassifiedNotice, type FailedRecipient } from './bounce/types';
import { normaliseAddress, POLICY_LIMITS, type AddressSummary, type PolicySettings, type UserDecision } from './policy';
import type { ListFilter, ListPage, ListQuery, SendReport, TallyBackup, UnverifiedNotice } from './store/tally';
import { LIST_GROUPS, type ListGroup } from './store/db';
import type { SweepItem, SweepStatus } from './store/sweep-queue';
import { WEBMAIL_HOSTS, WEBMAILS, type RegisteredWebmailId } from './webmail/registry';

/** Where a notice was seen: a registered webmail, or a file the user imported. */
export type WebmailId = RegisteredWebmailId | 'import';

/** A notice as a content script reports it. */
export interface NoticeReport {
  webmail: WebmailId;
  /** Account the notice was seen in (Gmail: the /u/N/ index or user email; Outlook: mailbox address), or ''. */
  account: string;
  /** The webmail's own id for the message (Gmail legacy message id, Outlook item/conversation id), or ''. */
  messageId: string;
  /** URL that reopens this notice in the webmail. */
  url: string;
  /** Raw RFC 5322 source (Gmail "Show original"), when it could be read. */
  raw?: string;
  /** Rendered view, used when raw is absent. */
  rendered?: { subject: string; from: string; text: string; date?: string };
}

/** What the background answers to a report: the classification and where each address now stands. */
export interface NoticeResult {
  noticeKey: string;
  notice: Pick<ClassifiedNotice, 'isBounce' | 'category' | 'format' | 'subject' | 'notes'> & {
    recipients: FailedRecipient[];
  };
  /** True when this notice had already been recorded (nothing changed). */
  duplicate: boolean;
  addresses: AddressSummary[];
  /**
   * Why none of this notice's bounces count yet: it could not be tied to the user's sent mail
   * (lib/store/trust.ts); they count once the user confirms it in the extension. Absent: they count.
   */
  unverified?: string;
}

/** The versioned JSON backup (lib/store/tally.ts TallyBackup: notices, events, decisions, settings). */
export type BackupFile = TallyBackup;

export type { ListFilter, ListGroup, ListPage, ListQuery, SendReport, UnverifiedNotice };
export type { ListSort } from './store/tally';

/** One page of a list, with the policy it was judged under. */
export interface ListReply extends ListPage {
  settings: PolicySettings;
  /** Notices waiting for the user's say (not tied to the user's sent mail). */
  unverified: number;
}

/** An address on record and the list it is in (whole-list actions, Clean my list). */
export interface AddressVerdict {
  address: string;
  group: ListGroup;
}

export interface ImportResult {
  noticesAdded: number;
  noticesSkipped: number;
  eventsAdded: number;
  /** In words, why recording stopped before the end (the disk is full); absent when it did not. */
  stopped?: string;
}

/**
 * What a webmail page found about its selectors: the names it could find only with a variant older
 * than the newest one of its table (lib/webmail/selector-table.ts), each sent once per page.
 */
export interface SelectorHealthReport {
  webmail: RegisteredWebmailId;
  names: Array<{ name: string; matchedSince: string; newestSince: string }>;
}

/** One webmail's latest selector report, worded for the options page (lib/background/selector-health.ts). */
export interface WebmailSelectorHealth {
  webmail: RegisteredWebmailId;
  /** "Gmail", "Outlook on the web". */
  webmailName: string;
  reportedAt: string;
  /** Empty: that page found everything with the newest known layouts. */
  stale: Array<{ name: string; what: string; matchedSince: string; newestSince: string }>;
}

export interface Diagnostics {
  selectors: WebmailSelectorHealth[];
}

// --- sweeps (issue #11) -----------------------------------------------------------------------
export type { SweepItem, SweepStatus };

export interface SweepBeginRequest {
  webmail: RegisteredWebmailId;
  account: string;
  query: string;
}

export interface SweepAddRequest {
  sweepId: string;
  items: Array<{ messageId: string; permId?: string; legacyId?: string; rowId?: string; date?: string }>;
  /** Result pages walked so far, and whether the walk is over. */
  pages?: number;
  collected?: boolean;
}

export interface SweepMarkRequest {
  sweepId: string;
  messageId: string;
  /** 'read': reported through reportNotice (the background checks the tally holds it). */
  state: 'read' | 'failed';
  error?: string;
  /** The id the notice was reported under, when not the queue's (Outlook: the item id the pane showed). */
  noticeId?: string;
}

/** A message from `address`, dated `at` by the webmail (list row or open message), seen on a webmail page. */
export interface LifeSign {
  address: string;
  at: string;
}

export interface SweepControlRequest {
  sweepId: string;
  action: 'pause' | 'resume' | 'stop' | 'done' | 'cancel';
  /** In words, why it stopped ('stop'). */
  reason?: string;
}

/** Sweep messages a webmail page may send (each checked against the page's own webmail). */
export const SWEEP_MESSAGES = ['sweepBegin', 'sweepAdd', 'sweepTake', 'sweepMark', 'sweepControl', 'sweepStatus', 'lookupNotices', 'sweepReadItems'] as const;

interface ProtocolMap {
  // Content scripts (untrusted) ------------------------------------------------------------
  reportNotice(report: NoticeReport): NoticeResult;
  lookupAddresses(request: { addresses: string[] }): AddressSummary[];
  /**
   * The banner's "Mark removed" / "Keep anyway" and its Undo ('none': back to no decision; issues
   * #4, 14). Narrow on purpose: one address, and only for an address the background already has on
   * record (else updated: 0) that this same webmail reported.
   */
  decideFromPage(request: { address: string; decision: UserDecision }): { updated: number };
  /** Selector names this page found only with an older layout (issue 15); replaces the webmail's previous report. */
  reportSelectorHealth(report: SelectorHealthReport): { recorded: number };
  /**
   * Proof of life (issue #13): senders the page saw, each with the webmail's date of their message.
   * Narrow on purpose: only an address already on record gets a date (a later one); the others are
   * dropped by the background, never stored.
   */
  reportLifeSigns(request: { signs: LifeSign[] }): { updated: number };
  // Sweeps (issue #11): a webmail page walks its mailbox, the queue lives in the store. Each is
  // narrow: a page touches only its own webmail's sweeps; the popup may read and steer any.
  sweepBegin(request: SweepBeginRequest): SweepStatus;
  sweepAdd(request: SweepAddRequest): SweepStatus;
  sweepTake(request: { sweepId: string }): { item: SweepItem | null; capReached: boolean; status: SweepStatus };
  sweepMark(request: SweepMarkRequest): SweepStatus;
  sweepControl(request: SweepControlRequest): SweepStatus;
  sweepStatus(request: { webmail: RegisteredWebmailId; account?: string }): SweepStatus | null;
  /** What the tally holds for these notices (by the webmail's message id): the list badges' truth; null when not recorded. */
  lookupNotices(request: { webmail: RegisteredWebmailId; account: string; messageIds: string[] }): Array<NoticeResult | null>;
  /** The notices of a sweep that were read and are recorded in the tally (the ones "out of the way" may move). */
  sweepReadItems(request: { sweepId: string }): { items: Array<{ messageId: string; rowId?: string }> };
  // Extension pages only -------------------------------------------------------------------
  /** One page of one list (a group, or 'all'), searched and sorted by the store's indexes (issue #12). */
  listAddresses(request: ListQuery): ListReply;
  /** Every address of a list (or all of them) with its group, keys only: for whole-list actions. */
  listVerdicts(request?: { group?: ListGroup | 'all'; query?: string; filter?: ListFilter }): { verdicts: AddressVerdict[] };
  /** The sources and reasons on record (the All view's filter menus). */
  filterOptions(): { sources: string[]; reasons: string[] };
  /**
   * After StoreTooNewError (an older build opened a newer build's data): the data as a backup,
   * read without changing it; then resetStore deletes it so this version can start afresh.
   */
  rescueBackup(): BackupFile;
  /** How many addresses each of these policies would put on the Remove list (the options page's preview). */
  previewPolicies(request: { policies: PolicySettings[] }): { remove: number[] };
  /** Notices not tied to the user's sent mail, waiting for the user's say (lib/store/trust.ts). */
  listUnverified(): { notices: UnverifiedNotice[] };
  /** Bounces grouped by the message they answer (the per-send report). */
  listSends(): { sends: SendReport[] };
  /** How many recipients a send went to, as the user says (0 forgets it): the bounce rate's base. */
  setSentTo(request: { key: string; count: number }): { saved: true };
  /** The user's say on them: count their bounces (count: true) or never. */
  settleUnverified(request: { keys: string[]; count: boolean }): { settled: number };
  resetStore(): { reset: true };
  setDecision(request: { addresses: string[]; decision: UserDecision }): { updated: number };
  forgetAddresses(request: { addresses: string[] }): { removed: number };
  /** Addresses the user puts on the Remove list by hand (no bounce notice behind them). */
  addAddresses(request: { addresses: string[] }): { added: number };
  clearAll(): { cleared: true };
  getSettings(): PolicySettings;
  setSettings(settings: PolicySettings): PolicySettings;
  exportBackup(): BackupFile;
  importBackup(backup: BackupFile): ImportResult;
  /** Notices classified in the options page's import worker (an .mbox or .eml files). */
  importNotices(request: { notices: Array<{ key: string; notice: ClassifiedNotice }> }): ImportResult;
  /** What the webmail pages last reported about their selectors (the options page's "Webmail check"). */
  getDiagnostics(): Diagnostics;
}

const bus = defineExtensionMessaging<ProtocolMap>();
export const { onMessage } = bus;
export type { ProtocolMap };

export const { sendMessage } = bus;

// ---------------------------------------------------------------------------------------------
// Trust rule and payload schemas (issue #3). The background checks both before any handler runs.
// ---------------------------------------------------------------------------------------------

export type MessageType = keyof ProtocolMap;

/**
 * The only messages a content script may send. Everything else is for the extension's own pages.
 * decideFromPage is the one narrow write (the banner's actions, issues #4 and 14): one address,
 * 'removed', 'kept' or 'none' (the banner's Undo), and only for an address this same webmail has
 * reported a bounce for; no listing, forgetting, export or clearing from a webmail page. reportSelectorHealth writes only selector
 * names and dates the background checks against its own tables, for the page's own webmail.
 */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>(['reportNotice', 'lookupAddresses', 'decideFromPage', 'reportSelectorHealth', 'reportLifeSigns', ...SWEEP_MESSAGES]);

/** Who sent a message, as far as the browser vouches for it (runtime.MessageSender). */
export interface MessageSenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export type SenderRole =
  | { role: 'extension' }
  | { role: 'content'; webmail: RegisteredWebmailId; origin: string; tabId: number }
  | { role: 'untrusted'; why: string };

/**
 * Decides what a sender is from what the browser says about it, never from the payload. An
 * extension page's URL starts with our own origin (also when it is open in a tab); a content script
 * has a tab and the URL of the webmail page it runs in.
 */
export function senderRole(sender: MessageSenderInfo, self: { id: string; origin: string }): SenderRole {
  if (sender.id !== self.id) return { role: 'untrusted', why: 'message from another extension' };
  const url = sender.url ?? '';
  if (url.startsWith(self.origin)) return { role: 'extension' };
  if (!sender.tab) return { role: 'untrusted', why: 'message from neither a tab nor an extension page' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { role: 'untrusted', why: 'sender without a URL' };
  }
  const webmail = WEBMAIL_HOSTS.get(parsed.hostname);
  if (parsed.protocol !== 'https:' || !webmail) return { role: 'untrusted', why: `content script on an unexpected page (${parsed.origin})` };
  return { role: 'content', webmail, origin: parsed.origin, tabId: sender.tab.id ?? -1 };
}

/** Is `type` allowed for this sender? */
export function isAllowed(type: MessageType, role: SenderRole): boolean {
  if (role.role === 'extension') return true;
  return role.role === 'content' && CONTENT_SCRIPT_MESSAGES.has(type);
}

/** Payload limits. Content scripts should cut to these before sending (oversized payloads are rejected). */
export const MESSAGE_LIMITS = {
  /** Raw RFC 5322 source of one notice (Gmail "Show original"). */
  raw: 8 * 1024 * 1024,
  /** Rendered body text of one notice. */
  renderedText: 200_000,
  subject: 2000,
  from: 1000,
  date: 100,
  account: 320,
  messageId: 512,
  url: 2048,
  /** Addresses per lookupAddresses request (more are a client bug: batch them). */
  lookupAddresses: 500,
  /** Senders per reportLifeSigns request (a long list is sent in batches). */
  lifeSigns: 500,
  /** Addresses per setDecision / forgetAddresses request. */
  changeAddresses: 100_000,
  /** Addresses added by hand per request (a pasted list). */
  addAddresses: 1000,
  /** Notices per importNotices request. */
  importNotices: 500,
  recipientsPerNotice: 1000,
  noticeKey: 600,
  /** Records per backup file. */
  backupRecords: 1_000_000,
  /** Selector names per reportSelectorHealth (a table has about twenty). */
  selectorNames: 64,
  selectorName: 64,
} as const;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** Free text from our own classifier: cut rather than reject (a long diagnostic is not an attack). */
const cutText = (max: number) => v.pipe(v.string(), v.transform((value: string) => value.slice(0, max)));

/** A plausible e-mail address, normalised (lower-case, no <>). */
export const AddressSchema = v.pipe(
  v.string(),
  v.maxLength(320),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const address = normaliseAddress(dataset.value);
    if (address === null) {
      addIssue({ message: `not an e-mail address: ${JSON.stringify(dataset.value.slice(0, 80))}` });
      return NEVER;
    }
    return address;
  }),
);

const HttpsUrlSchema = v.union([
  v.literal(''),
  v.pipe(v.string(), v.maxLength(MESSAGE_LIMITS.url), v.url(), v.startsWith('https://', 'the notice URL must be https://')),
]);

export const NoticeReportSchema = v.pipe(
  v.object({
    webmail: v.picklist(['gmail', 'outlook', 'import']),
    account: text(MESSAGE_LIMITS.account),
    messageId: text(MESSAGE_LIMITS.messageId),
    url: HttpsUrlSchema,
    raw: v.optional(text(MESSAGE_LIMITS.raw)),
    rendered: v.optional(
      v.object({
        subject: text(MESSAGE_LIMITS.subject),
        from: text(MESSAGE_LIMITS.from),
        text: text(MESSAGE_LIMITS.renderedText),
        date: v.optional(text(MESSAGE_LIMITS.date)),
      }),
    ),
  }),
  v.check((report) => report.raw !== undefined || report.rendered !== undefined, 'a report needs raw or rendered'),
);

export const LookupRequestSchema = v.object({
  // Lookups never write: implausible addresses (a display-name-only chip) are dropped, not an error.
  addresses: v.pipe(
    v.array(text(320)),
    v.maxLength(MESSAGE_LIMITS.lookupAddresses),
    v.transform((list: string[]) => list.map(normaliseAddress).filter((address): address is string => address !== null)),
  ),
});

const AddressListSchema = v.pipe(v.array(AddressSchema), v.maxLength(MESSAGE_LIMITS.changeAddresses));
const DecisionSchema = v.picklist(['none', 'removed', 'kept']);

export const SetDecisionSchema = v.object({ addresses: AddressListSchema, decision: DecisionSchema });
export const DecideFromPageSchema = v.object({ address: AddressSchema, decision: DecisionSchema });
export const ForgetSchema = v.object({ addresses: AddressListSchema });
export const AddAddressesSchema = v.object({ addresses: v.pipe(v.array(AddressSchema), v.minLength(1), v.maxLength(MESSAGE_LIMITS.addAddresses)) });

export const PolicySettingsSchema = v.object({
  preset: v.picklist(['standard', 'lenient', 'strict', 'custom']),
  softBounceDays: v.pipe(v.number(), v.integer(), v.minValue(POLICY_LIMITS.softBounceDays.min), v.maxValue(POLICY_LIMITS.softBounceDays.max)),
  windowDays: v.pipe(v.number(), v.integer(), v.minValue(POLICY_LIMITS.windowDays.min), v.maxValue(POLICY_LIMITS.windowDays.max)),
});

const KindSchema = v.picklist(['hard', 'soft', 'undetermined']);
const ReasonSchema = v.picklist(REASONS);
const IsoDateSchema = v.pipe(v.string(), v.maxLength(40), v.isoTimestamp());

const FailedRecipientSchema = v.object({
  address: text(320),
  kind: KindSchema,
  reason: ReasonSchema,
  status: cutText(32),
  replyCode: cutText(16),
  diagnostic: cutText(4000),
  action: v.picklist(['failed', 'delayed', 'delivered', 'relayed', 'expanded', '']),
  remoteMta: cutText(255),
  newAddress: v.optional(cutText(320)),
});

const CATEGORIES = ['bounce', 'delivery-report', 'feedback-report', 'auto-reply', 'read-receipt', 'challenge-response', 'not-bounce'] as const;

export const ClassifiedNoticeSchema = v.object({
  isBounce: v.boolean(),
  category: v.picklist(CATEGORIES),
  format: cutText(64),
  recipients: v.pipe(v.array(FailedRecipientSchema), v.maxLength(MESSAGE_LIMITS.recipientsPerNotice)),
  subject: cutText(MESSAGE_LIMITS.subject),
  from: cutText(MESSAGE_LIMITS.from),
  messageId: cutText(998),
  date: cutText(MESSAGE_LIMITS.date),
  notes: v.pipe(v.array(cutText(500)), v.transform((notes: string[]) => notes.slice(0, 50))),
  // What ties the notice to the user's sent mail (lib/store/trust.ts) and names the send.
  returned: v.optional(
    v.object({ from: cutText(320), sender: cutText(320), returnPath: cutText(320), subject: cutText(300), messageId: cutText(998), date: cutText(MESSAGE_LIMITS.date) }),
  ),
});

export const ImportNoticesSchema = v.object({
  notices: v.pipe(
    v.array(v.object({ key: v.pipe(text(MESSAGE_LIMITS.noticeKey), v.minLength(1)), notice: ClassifiedNoticeSchema })),
    v.maxLength(MESSAGE_LIMITS.importNotices),
  ),
});

const DecisionStateEntries = {
  decision: DecisionSchema,
  decidedAt: v.union([v.literal(''), IsoDateSchema]),
  previous: v.optional(v.object({ decision: DecisionSchema, decidedAt: v.union([v.literal(''), IsoDateSchema]) })),
};

const BackupNoticeSchema = v.object({
  key: v.pipe(text(MESSAGE_LIMITS.noticeKey), v.minLength(1)),
  webmail: text(32),
  account: text(MESSAGE_LIMITS.account),
  webmailMessageId: text(MESSAGE_LIMITS.messageId),
  rfcMessageId: v.optional(v.pipe(text(998), v.minLength(1))),
  category: v.picklist(CATEGORIES),
  format: text(64),
  seenAt: IsoDateSchema,
  recordedAt: IsoDateSchema,
  eventIds: v.pipe(v.array(text(MESSAGE_LIMITS.noticeKey + 400)), v.maxLength(MESSAGE_LIMITS.recipientsPerNotice)),
  sameAs: v.optional(text(MESSAGE_LIMITS.noticeKey)),
  unverified: v.optional(v.object({ why: cutText(500), addresses: v.pipe(v.number(), v.integer(), v.minValue(0)), state: v.picklist(['ask', 'ignored']) })),
  sent: v.optional(v.object({ subject: cutText(300), messageId: cutText(998), date: v.union([v.literal(''), IsoDateSchema]) })),
});

const BackupEventSchema = v.object({
  id: v.pipe(text(MESSAGE_LIMITS.noticeKey + 400), v.minLength(1)),
  address: AddressSchema,
  kind: KindSchema,
  reason: ReasonSchema,
  status: text(32),
  replyCode: text(16),
  diagnostic: cutText(1000),
  remoteMta: text(255),
  webmail: text(32),
  seenAt: IsoDateSchema,
  noticeUrl: HttpsUrlSchema,
  newAddress: v.optional(AddressSchema),
  noticeKey: text(MESSAGE_LIMITS.noticeKey),
  day: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
  unverified: v.optional(v.literal(true)),
});

export const BackupFileSchema = v.object({
  format: v.literal('bounce-sweeper-backup'),
  version: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1, 'backup from a newer Bounce Sweeper: update the extension first')),
  exportedAt: IsoDateSchema,
  schemaVersion: v.optional(v.pipe(v.number(), v.integer()), 1),
  settings: PolicySettingsSchema,
  notices: v.pipe(v.array(BackupNoticeSchema), v.maxLength(MESSAGE_LIMITS.backupRecords)),
  events: v.pipe(v.array(BackupEventSchema), v.maxLength(MESSAGE_LIMITS.backupRecords)),
  decisions: v.pipe(v.array(v.object({ address: AddressSchema, ...DecisionStateEntries, wroteAt: v.optional(IsoDateSchema) })), v.maxLength(MESSAGE_LIMITS.backupRecords)),
});

const IsoDaySchema = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD'));

export const SelectorHealthReportSchema = v.object({
  webmail: v.picklist(Object.keys(WEBMAILS) as RegisteredWebmailId[]),
  names: v.pipe(
    v.array(
      v.object({
        name: v.pipe(v.string(), v.maxLength(MESSAGE_LIMITS.selectorName), v.regex(/^[A-Za-z][A-Za-z0-9]*$/, 'a selector name is a plain identifier')),
        matchedSince: IsoDaySchema,
        newestSince: IsoDaySchema,
      }),
    ),
    v.maxLength(MESSAGE_LIMITS.selectorNames),
  ),
});

const ListGroupSchema = v.picklist([...LIST_GROUPS, 'all'] as const);
const SearchSchema = v.pipe(v.string(), v.maxLength(320));
const DaySchema = v.union([v.literal(''), v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))]);
const ListFilterSchema = v.object({
  source: v.optional(v.pipe(v.string(), v.maxLength(400))),
  kind: v.optional(v.picklist(['hard', 'soft', 'sender', 'undetermined'])),
  reason: v.optional(v.union([v.literal(''), ReasonSchema])),
  from: v.optional(DaySchema),
  to: v.optional(DaySchema),
});
const ListQuerySchema = v.object({
  group: ListGroupSchema,
  query: v.optional(SearchSchema),
  filter: v.optional(ListFilterSchema),
  sort: v.optional(v.picklist(['last', 'count', 'domain'])),
  offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000))),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5000))),
});

const SweepIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(MESSAGE_LIMITS.account + 100));
const WebmailSchema = v.picklist(Object.keys(WEBMAILS) as RegisteredWebmailId[]);
const SweepMessageIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(MESSAGE_LIMITS.messageId));

export const SweepBeginSchema = v.object({ webmail: WebmailSchema, account: text(MESSAGE_LIMITS.account), query: text(1000) });
export const SweepAddSchema = v.object({
  sweepId: SweepIdSchema,
  items: v.pipe(
    v.array(
      v.object({
        messageId: SweepMessageIdSchema,
        permId: v.optional(v.pipe(v.string(), v.maxLength(64), v.regex(/^msg-[af]:[A-Za-z0-9_-]{1,40}$/, 'a Gmail message id is msg-f:… or msg-a:…'))),
        legacyId: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{12,20}$/, 'a legacy Gmail id is hex'))),
        rowId: v.optional(text(MESSAGE_LIMITS.messageId)),
        date: v.optional(IsoDateSchema),
      }),
    ),
    v.maxLength(500),
  ),
  pages: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000))),
  collected: v.optional(v.boolean()),
});
export const SweepMarkSchema = v.object({
  sweepId: SweepIdSchema,
  messageId: SweepMessageIdSchema,
  state: v.picklist(['read', 'failed']),
  error: v.optional(cutText(300)),
  noticeId: v.optional(SweepMessageIdSchema),
});
export const SweepControlSchema = v.object({
  sweepId: SweepIdSchema,
  action: v.picklist(['pause', 'resume', 'stop', 'done', 'cancel']),
  reason: v.optional(cutText(300)),
});

/** No payload: anything but undefined/null/{} is a confused caller. */
const EmptySchema = v.optional(v.nullable(v.object({})));

/** One schema per message: what the background accepts as its payload. */
export const PAYLOAD_SCHEMAS = {
  reportNotice: NoticeReportSchema,
  lookupAddresses: LookupRequestSchema,
  decideFromPage: DecideFromPageSchema,
  reportSelectorHealth: SelectorHealthReportSchema,
  // Page data: an odd sender is dropped by the store (normaliseAddress), not an error.
  reportLifeSigns: v.object({ signs: v.pipe(v.array(v.object({ address: text(320), at: IsoDateSchema })), v.maxLength(MESSAGE_LIMITS.lifeSigns)) }),
  sweepBegin: SweepBeginSchema,
  sweepAdd: SweepAddSchema,
  sweepTake: v.object({ sweepId: SweepIdSchema }),
  sweepMark: SweepMarkSchema,
  sweepControl: SweepControlSchema,
  sweepStatus: v.object({ webmail: WebmailSchema, account: v.optional(text(MESSAGE_LIMITS.account)) }),
  lookupNotices: v.object({ webmail: WebmailSchema, account: text(MESSAGE_LIMITS.account), messageIds: v.pipe(v.array(SweepMessageIdSchema), v.maxLength(500)) }),
  sweepReadItems: v.object({ sweepId: SweepIdSchema }),
  listAddresses: ListQuerySchema,
  listVerdicts: v.optional(v.nullable(v.object({ group: v.optional(ListGroupSchema), query: v.optional(SearchSchema), filter: v.optional(ListFilterSchema) }))),
  filterOptions: EmptySchema,
  rescueBackup: EmptySchema,
  listUnverified: EmptySchema,
  listSends: EmptySchema,
  setSentTo: v.object({ key: v.pipe(v.string(), v.maxLength(1400)), count: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000_000)) }),
  settleUnverified: v.object({ keys: v.pipe(v.array(v.pipe(v.string(), v.maxLength(600))), v.maxLength(1000)), count: v.boolean() }),
  previewPolicies: v.object({ policies: v.pipe(v.array(PolicySettingsSchema), v.maxLength(8)) }),
  resetStore: EmptySchema,
  setDecision: SetDecisionSchema,
  forgetAddresses: ForgetSchema,
  addAddresses: AddAddressesSchema,
  clearAll: EmptySchema,
  getSettings: EmptySchema,
  setSettings: PolicySettingsSchema,
  exportBackup: EmptySchema,
  importBackup: BackupFileSchema,
  importNotices: ImportNoticesSchema,
  getDiagnostics: EmptySchema,
} as const satisfies Record<MessageType, v.GenericSchema>;

export type ValidPayload<T extends MessageType> = v.InferOutput<(typeof PAYLOAD_SCHEMAS)[T]>;

/** Errors the background sends back to a caller (the message says what was wrong, and where). */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** Validates a payload: returns it cleaned (unknown fields dropped, addresses normalised) or throws a ProtocolError. */
export function parsePayload<T extends MessageType>(type: T, data: unknown): ValidPayload<T> {
  const result = v.safeParse(PAYLOAD_SCHEMAS[type], data);
  if (result.success) return result.output as ValidPayload<T>;
  const [first] = result.issues;
  const path = v.getDotPath(first) ?? '';
  const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more)` : '';
  throw new ProtocolError(`${type}: invalid payload${path ? ` at ${path}` : ''}: ${first.message}${more}`);
}
