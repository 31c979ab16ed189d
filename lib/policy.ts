/**
 * Removal policy (pure). Types first: the store, the popup and the badges all speak in these.
 * The functions (below the types) turn an address's bounce events into a verdict with evidence.
 */
import type { BounceKind, Reason } from './bounce/types';
import { isSenderProblem } from './bounce/severity';

export type Verdict =
  | 'remove' // a hard bounce: the address or domain does not exist
  | 'remove-repeated-soft' // soft bounces on N distinct days within the window
  | 'watch' // soft bounces below the threshold
  | 'sender-problem' // the sender was refused; removing the recipient would not help
  | 'removed' // the user marked it removed
  | 'kept' // the user chose to keep it anyway
  | 'clear'; // nothing current (e.g. every soft bounce expired)

export type PolicyPreset = 'standard' | 'lenient' | 'strict' | 'custom';

export interface PolicySettings {
  preset: PolicyPreset;
  /** Distinct soft-bounce days within the window that make an address removable. */
  softBounceDays: number;
  /** Window in days; soft bounces older than this expire. */
  windowDays: number;
}

export type UserDecision = 'none' | 'removed' | 'kept';

/** The `webmail` of an event the user added by hand (no notice behind it: the user said so). */
export const MANUAL_WEBMAIL = 'manual';

/**
 * One fact behind a verdict. Data, not words: every page and the banner word it through one
 * vocabulary (lib/vocabulary.ts), with dates in the reader's locale. Dates are ISO timestamps.
 */
export type Evidence =
  | { fact: 'decided'; decision: 'removed' | 'kept'; at: string; bouncesSay: Verdict }
  | { fact: 'hard-bounce'; at: string; reason: Reason; status: string; replyCode: string; byHand?: true }
  | { fact: 'hard-bounces'; count: number }
  | { fact: 'soft-days'; inWindow: number; threshold: number; windowDays: number }
  | { fact: 'unclear-days'; inWindow: number; windowDays: number }
  | { fact: 'sender-refused'; inWindow: number; windowDays: number; reasons: Reason[] }
  | { fact: 'sender-refusals-expired'; reasons: Reason[] }
  | { fact: 'soft-days-expired'; days: number; windowDays: number }
  /** Proof of life (issue #13): the address wrote to the user after its last bounce; `setAside` soft-bounce days before that no longer count toward removal. */
  | { fact: 'wrote-to-you'; at: string; setAside: number }
  | { fact: 'nothing-current' };

/** One address as the popup, the badges and the export see it. */
export interface AddressSummary {
  address: string;
  domain: string;
  verdict: Verdict;
  /** Why the verdict, as facts (lib/vocabulary.ts describeEvidence puts them in words). */
  evidence: Evidence[];
  hardCount: number;
  softCount: number;
  senderProblemCount: number;
  /** Failures the classifier could not call hard or soft; they never lead to removal. */
  undeterminedCount?: number;
  /** Distinct days with any bounce. */
  bounceDays: number;
  /** Distinct soft-bounce days inside the policy window, and the threshold, for "2 of 3". */
  softDaysInWindow: number;
  softDaysThreshold: number;
  firstBounceAt: string;
  lastBounceAt: string;
  lastKind: BounceKind;
  lastReason: Reason;
  lastStatus: string;
  lastReplyCode: string;
  lastDiagnostic: string;
  lastRemoteMta: string;
  lastWebmail: string;
  /** URL that opens the last notice in its webmail, or ''. */
  lastNoticeUrl: string;
  decision: UserDecision;
  decidedAt: string;
  /** For hasmoved bounces that name a new address. */
  suggestedReplacement?: string;
  /** Proof of life: the date of the latest message the address sent the user, as the webmail dated it. */
  wroteAt?: string;
}

// ---------------------------------------------------------------------------------------------
// Implementation (issue #3). Everything below is pure: no clock, no storage, no `browser`.
// ---------------------------------------------------------------------------------------------

/**
 * Presets. "standard" follows common ESP practice (3 soft-bounce days within 30 days); "lenient"
 * follows Mailchimp's 7 soft bounces before cleaning; "strict" removes on the 2nd bounce day.
 */
export const POLICY_PRESETS: Readonly<Record<Exclude<PolicyPreset, 'custom'>, Readonly<PolicySettings>>> = {
  standard: { preset: 'standard', softBounceDays: 3, windowDays: 30 },
  lenient: { preset: 'lenient', softBounceDays: 7, windowDays: 30 },
  strict: { preset: 'strict', softBounceDays: 2, windowDays: 30 },
};

export const DEFAULT_POLICY: Readonly<PolicySettings> = POLICY_PRESETS.standard;

/** Bounds for custom settings: beyond these a setting is a typo, not a policy. */
export const POLICY_LIMITS = { softBounceDays: { min: 1, max: 60 }, windowDays: { min: 1, max: 365 } } as const;

/** A preset name wins over its numbers; custom numbers are rounded and clamped to POLICY_LIMITS. */
export function normaliseSettings(settings: PolicySettings): PolicySettings {
  if (settings.preset !== 'custom') return { ...POLICY_PRESETS[settings.preset] };
  const clamp = (value: number, limits: { min: number; max: number }) =>
    Number.isFinite(value) ? Math.min(limits.max, Math.max(limits.min, Math.round(value))) : limits.min;
  return {
    preset: 'custom',
    softBounceDays: clamp(settings.softBounceDays, POLICY_LIMITS.softBounceDays),
    windowDays: clamp(settings.windowDays, POLICY_LIMITS.windowDays),
  };
}

/** One failed delivery to one address, as the store keeps it (no body, diagnostic capped). */
export interface TallyEvent {
  /** Stable identity: the same bounce seen again has the same id (see lib/store/tally.ts). */
  id: string;
  address: string;
  kind: BounceKind;
  reason: Reason;
  status: string;
  replyCode: string;
  diagnostic: string;
  remoteMta: string;
  webmail: string;
  /** When the bounce happened (the notice's date), ISO 8601. */
  seenAt: string;
  noticeUrl: string;
  /** hasmoved: the new address the server names. */
  newAddress?: string;
}

export interface DecisionState {
  decision: UserDecision;
  decidedAt: string;
  /** The decision before the last change, so that one undo restores it. */
  previous?: { decision: UserDecision; decidedAt: string };
}

/**
 * What an address's record keeps beside its bounces, across every re-fold: the user's decision and
 * the proof of life (issue #13): the date of the latest message the address sent the user, seen in
 * the webmail. Only an address already on record gets one (lib/store/tally.ts noteLifeSigns).
 */
export interface KeptState extends DecisionState {
  wroteAt?: string;
}

/** Which bucket an event counts in. Sender problems first: they never count against the recipient. */
export type EventClass = 'hard' | 'soft' | 'sender-problem' | 'undetermined';

export function classifyEvent(event: Pick<TallyEvent, 'kind' | 'reason'>): EventClass {
  if (isSenderProblem(event.reason)) return 'sender-problem';
  return event.kind;
}

/** Everything the policy needs about one address, folded from its events: one record per address. */
export interface AddressTally extends KeptState {
  address: string;
  domain: string;
  hardCount: number;
  softCount: number;
  senderProblemCount: number;
  undeterminedCount: number;
  /** Distinct UTC days (YYYY-MM-DD, ascending) per bucket. */
  hardDays: string[];
  softDays: string[];
  senderProblemDays: string[];
  undeterminedDays: string[];
  /** Distinct sender-problem reasons, sorted. */
  senderProblemReasons: Reason[];
  firstBounceAt: string;
  lastBounceAt: string;
  /** The latest event (ties broken by event id, so the fold does not depend on arrival order). */
  last: Omit<TallyEvent, 'id' | 'address' | 'seenAt' | 'newAddress'>;
  /** The latest hard event, for the evidence line (webmail 'manual': added by hand). */
  lastHard?: { reason: Reason; status: string; replyCode: string; seenAt: string; webmail?: string };
  /** From the latest hasmoved event that names a new address. */
  suggestedReplacement?: string;
}

/** UTC calendar day of an ISO timestamp: "same day" is decided in UTC so every device agrees. */
export function dayOf(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '1970-01-01' : new Date(time).toISOString().slice(0, 10);
}

function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

const NO_DECISION: KeptState = { decision: 'none', decidedAt: '' };

/** Compares events by time, then id: a total order, so folding is independent of arrival order. */
function isLater(a: TallyEvent, b: TallyEvent): boolean {
  if (a.seenAt !== b.seenAt) return a.seenAt > b.seenAt;
  return a.id > b.id;
}

function addSorted<T extends string>(list: T[], value: T): void {
  if (!list.includes(value)) {
    list.push(value);
    list.sort();
  }
}

/**
 * Folds an address's events (in any order) into its tally. Events are assumed distinct by id;
 * duplicates by id are ignored here too, so a replay cannot double-count.
 */
export function foldEvents(address: string, events: readonly TallyEvent[], decision: KeptState = NO_DECISION): AddressTally {
  const tally: AddressTally = {
    address,
    domain: domainOf(address),
    hardCount: 0,
    softCount: 0,
    senderProblemCount: 0,
    undeterminedCount: 0,
    hardDays: [],
    softDays: [],
    senderProblemDays: [],
    undeterminedDays: [],
    senderProblemReasons: [],
    firstBounceAt: '',
    lastBounceAt: '',
    last: { kind: 'undetermined', reason: 'undefined', status: '', replyCode: '', diagnostic: '', remoteMta: '', webmail: '', noticeUrl: '' },
    decision: decision.decision,
    decidedAt: decision.decidedAt,
    ...(decision.previous ? { previous: { ...decision.previous } } : {}),
    ...(decision.wroteAt ? { wroteAt: decision.wroteAt } : {}),
  };
  let latest: TallyEvent | undefined;
  let latestHard: TallyEvent | undefined;
  let latestMove: TallyEvent | undefined;
  for (const event of withoutRouteTwins(events)) {
    const day = dayOf(event.seenAt);
    switch (classifyEvent(event)) {
      case 'hard':
        tally.hardCount += 1;
        addSorted(tally.hardDays, day);
        if (!latestHard || isLater(event, latestHard)) latestHard = event;
        break;
      case 'soft':
        tally.softCount += 1;
        addSorted(tally.softDays, day);
        break;
      case 'sender-problem':
        tally.senderProblemCount += 1;
        addSorted(tally.senderProblemDays, day);
        addSorted(tally.senderProblemReasons, event.reason);
        break;
      case 'undetermined':
        tally.undeterminedCount += 1;
        addSorted(tally.undeterminedDays, day);
        break;
    }
    if (!tally.firstBounceAt || event.seenAt < tally.firstBounceAt) tally.firstBounceAt = event.seenAt;
    if (!latest || isLater(event, latest)) latest = event;
    if (event.reason === 'hasmoved' && event.newAddress && (!latestMove || isLater(event, latestMove))) latestMove = event;
  }
  if (latest) {
    tally.lastBounceAt = latest.seenAt;
    const { kind, reason, status, replyCode, diagnostic, remoteMta, webmail, noticeUrl } = latest;
    tally.last = { kind, reason, status, replyCode, diagnostic, remoteMta, webmail, noticeUrl };
  }
  if (latestHard) {
    const { reason, status, replyCode, seenAt, webmail } = latestHard;
    tally.lastHard = { reason, status, replyCode, seenAt, ...(webmail === MANUAL_WEBMAIL ? { webmail } : {}) };
  }
  if (latestMove?.newAddress) tally.suggestedReplacement = latestMove.newAddress;
  return tally;
}

/**
 * The events that count, distinct by id and without route twins. An event's id is its notice and
 * recipient (lib/store/db.ts eventIdOf): a notice with a Message-ID is `mid:<id>|…` wherever it was
 * read, so the same notice through Gmail, an mbox import and a backup is one event. A webmail's
 * rendered view has no Message-ID, so the same notice read there and raw elsewhere (or in another
 * webmail's rendered view) has two ids. Such twins agree on address, minute, kind and reason, and
 * come by different routes: within each such group, each route (notices with a Message-ID; each
 * webmail's notices without one) is one reading of the same bounces, and the fullest reading
 * counts (ties: Message-IDs first, then by route name). Two bounces of one minute with different
 * kinds or reasons are never merged. A function of the set of events alone, so any replay order
 * folds to the same tally.
 */
export function withoutRouteTwins(events: readonly TallyEvent[]): TallyEvent[] {
  const groups = new Map<string, Map<string, Map<string, TallyEvent>>>();
  for (const event of events) {
    const key = `${event.seenAt.slice(0, 16)}|${event.kind}|${event.reason}`;
    let routes = groups.get(key);
    if (!routes) {
      routes = new Map();
      groups.set(key, routes);
    }
    const route = event.id.startsWith('mid:') ? ' mid' : event.webmail;
    let reading = routes.get(route);
    if (!reading) {
      reading = new Map();
      routes.set(route, reading);
    }
    reading.set(event.id, event);
  }
  const kept: TallyEvent[] = [];
  for (const routes of groups.values()) {
    let best: [string, Map<string, TallyEvent>] | undefined;
    for (const entry of routes) {
      if (!best || entry[1].size > best[1].size || (entry[1].size === best[1].size && entry[0] < best[0])) best = entry;
    }
    if (best) kept.push(...best[1].values());
  }
  return kept;
}

/** The verdict before the user's decision is applied. */
type EvidenceVerdict = Exclude<Verdict, 'removed' | 'kept'>;

interface Judgement {
  verdict: EvidenceVerdict;
  evidence: Evidence[];
  softDaysInWindow: number;
}

/** dayOf and dayNumber, remembered: a list of 10,000 addresses names only a few hundred distinct days. */
interface DayMemo {
  of(iso: string): string;
  number(day: string): number;
}

function dayMemo(): DayMemo {
  const days = new Map<string, string>();
  const numbers = new Map<string, number>();
  return {
    of(iso) {
      let day = days.get(iso);
      if (day === undefined) {
        day = dayOf(iso);
        days.set(iso, day);
      }
      return day;
    },
    number(day) {
      let number = numbers.get(day);
      if (number === undefined) {
        number = dayNumber(day);
        numbers.set(day, number);
      }
      return number;
    },
  };
}

function judge(tally: AddressTally, settings: PolicySettings, today: number, days: DayMemo): Judgement {
  const inWindow = (day: string) => today - days.number(day) < settings.windowDays;
  // Proof of life (issue #13): an address that wrote to the user exists, so the soft bounces
  // before (or on) that day were passing trouble; only the soft-bounce days after it count toward
  // removal. Hard bounces are not set aside: "soft bounces alone" never remove a live address.
  const lifeDay = tally.wroteAt ? days.of(tally.wroteAt) : '';
  const softDaysInWindow = tally.softDays.filter(inWindow);
  const softExpired = tally.softDays.length - softDaysInWindow.length;
  const softInWindow = lifeDay ? softDaysInWindow.filter((day) => day > lifeDay).length : softDaysInWindow.length;
  const setAside = softDaysInWindow.length - softInWindow;
  const senderInWindow = tally.senderProblemDays.filter(inWindow).length;
  const undeterminedInWindow = tally.undeterminedDays.filter(inWindow).length;
  const evidence: Evidence[] = [];
  const { windowDays } = settings;
  const progress: Evidence = { fact: 'soft-days', inWindow: softInWindow, threshold: settings.softBounceDays, windowDays };

  let verdict: EvidenceVerdict;
  if (tally.hardCount > 0 && tally.lastHard) {
    verdict = 'remove';
    const hard = tally.lastHard;
    evidence.push({
      fact: 'hard-bounce',
      at: hard.seenAt,
      reason: hard.reason,
      status: hard.status,
      replyCode: hard.replyCode,
      ...(hard.webmail === MANUAL_WEBMAIL ? { byHand: true as const } : {}),
    });
    if (tally.hardCount > 1) evidence.push({ fact: 'hard-bounces', count: tally.hardCount });
  } else if (softInWindow >= settings.softBounceDays) {
    verdict = 'remove-repeated-soft';
    evidence.push(progress);
  } else if (softDaysInWindow.length > 0 || undeterminedInWindow > 0) {
    verdict = 'watch';
    if (softInWindow > 0) evidence.push(progress);
    if (undeterminedInWindow > 0) evidence.push({ fact: 'unclear-days', inWindow: undeterminedInWindow, windowDays });
  } else if (senderInWindow > 0) {
    verdict = 'sender-problem';
  } else {
    verdict = 'clear';
  }
  if (tally.senderProblemCount > 0) {
    const reasons = [...tally.senderProblemReasons];
    evidence.push(senderInWindow > 0 ? { fact: 'sender-refused', inWindow: senderInWindow, windowDays, reasons } : { fact: 'sender-refusals-expired', reasons });
  }
  if (softExpired > 0 && verdict !== 'remove') evidence.push({ fact: 'soft-days-expired', days: softExpired, windowDays });
  if (tally.wroteAt && tally.wroteAt > tally.lastBounceAt) evidence.push({ fact: 'wrote-to-you', at: tally.wroteAt, setAside });
  if (verdict === 'clear' && evidence.length === 0) evidence.push({ fact: 'nothing-current' });
  return { verdict, evidence, softDaysInWindow: softInWindow };
}

/** The verdict, with its evidence, for one address at `now`. The user's decision wins. */
export function summariseAddress(tally: AddressTally, settings: PolicySettings, now: Date): AddressSummary {
  return createSummariser(settings, now)(tally);
}

/**
 * summariseAddress for many addresses under one policy and one `now`: the settings are normalised
 * and today's day number computed once, not once per address (a list of 10,000 reuses them).
 */
export function createSummariser(settings: PolicySettings, now: Date): (tally: AddressTally) => AddressSummary {
  const policy = normaliseSettings(settings);
  const today = dayNumber(dayOf(now.toISOString()));
  const days = dayMemo();
  return (tally) => summarise(tally, policy, today, days);
}

function summarise(tally: AddressTally, policy: PolicySettings, today: number, days: DayMemo): AddressSummary {
  const judgement = judge(tally, policy, today, days);
  let verdict: Verdict = judgement.verdict;
  const evidence = [...judgement.evidence];
  if (tally.decision === 'removed' || tally.decision === 'kept') {
    verdict = tally.decision;
    evidence.unshift({ fact: 'decided', decision: tally.decision, at: tally.decidedAt, bouncesSay: judgement.verdict });
  }
  const bounceDays = new Set([...tally.hardDays, ...tally.softDays, ...tally.senderProblemDays, ...tally.undeterminedDays]).size;
  return {
    address: tally.address,
    domain: tally.domain,
    verdict,
    evidence,
    hardCount: tally.hardCount,
    softCount: tally.softCount,
    senderProblemCount: tally.senderProblemCount,
    undeterminedCount: tally.undeterminedCount,
    bounceDays,
    softDaysInWindow: judgement.softDaysInWindow,
    softDaysThreshold: policy.softBounceDays,
    firstBounceAt: tally.firstBounceAt,
    lastBounceAt: tally.lastBounceAt,
    lastKind: tally.last.kind,
    lastReason: tally.last.reason,
    lastStatus: tally.last.status,
    lastReplyCode: tally.last.replyCode,
    lastDiagnostic: tally.last.diagnostic,
    lastRemoteMta: tally.last.remoteMta,
    lastWebmail: tally.last.webmail,
    lastNoticeUrl: tally.last.noticeUrl,
    decision: tally.decision,
    decidedAt: tally.decidedAt,
    ...(tally.suggestedReplacement ? { suggestedReplacement: tally.suggestedReplacement } : {}),
    ...(tally.wroteAt ? { wroteAt: tally.wroteAt } : {}),
  };
}

/** Addresses the badge counts and the removal list offers: the bounces say remove, the user has not decided. */
export function isWaitingForRemoval(summary: Pick<AddressSummary, 'verdict'>): boolean {
  return summary.verdict === 'remove' || summary.verdict === 'remove-repeated-soft';
}

/**
 * Records a decision, remembering the one before so `undoDecision` can restore it. decidedAt is
 * set for 'none' too (an undo is a decision), so merging keeps the latest change.
 */
export function applyDecision<T extends DecisionState>(state: T, decision: UserDecision, at: string): T {
  if (state.decision === decision) return state;
  return { ...state, decision, decidedAt: at, previous: { decision: state.decision, decidedAt: state.decidedAt } };
}

/** Restores the decision before the last one (once); without a previous decision, clears it. */
export function undoDecision<T extends DecisionState>(state: T): T {
  const { previous, ...rest } = state;
  const restored = previous ?? { decision: 'none' as const, decidedAt: '' };
  return { ...rest, decision: restored.decision, decidedAt: restored.decidedAt } as T;
}

/**
 * Merges two decisions about the same address (backup restore, a second device): the later one
 * wins, so a decision is never lost to an older copy.
 */
export function mergeDecisions(a: DecisionState, b: DecisionState): DecisionState {
  return b.decidedAt > a.decidedAt ? b : a;
}

/**
 * The one address key: trimmed, <> removed, lower-cased whole; null when it is not an addr-spec.
 * Defined in the core beside the grammar the classifier reports by
 * (lib/bounce/address.ts, which says why the classifier keeps addresses as written and everything
 * that compares them comes here).
 */
export { normaliseAddress } from './bounce/address';
