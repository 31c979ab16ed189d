/**
 * The webmail runtime shared by Gmail and Outlook: `runWebmail(ctx, adapter)`.
 *
 * It asks the adapter where things are, and does the rest the same way for every webmail:
 * - List rows that look like notices get a badge at once (looks-like-bounce.ts), refined by what the
 *   background knows (a notice already read in this tab, or `lookupAddresses` for an address the
 *   snippet names).
 * - An opened notice is read once per tab (`adapter.readNotice`: raw source where the webmail gives
 *   it, else the rendered text), reported once (`reportNotice`), and gets a banner from the answer.
 * - Compose recipients on the removal list, or being watched, get a warning next to their chip, and
 *   each compose with any gets one summary line near its recipients ("3 of 500 recipients bounced
 *   before: …") with one click to take them out of the message (through the webmail's own controls,
 *   adapter.removeRecipient) and an Undo that puts them back (adapter.addRecipients).
 * - Selector names the page could find only with an older layout's variant (./selector-table.ts) go
 *   to the background once per name per page (`reportSelectorHealth`), for the options page.
 * Everything is re-applied idempotently on every pass: webmails replace rows and messages when they
 * re-render (webmail-dom.md 3.2). Work is batched by the watcher, lookups are batched and cached,
 * reports run one at a time.
 */
import { MESSAGE_LIMITS, sendMessage, type LifeSign, type NoticeReport, type NoticeResult, type SelectorHealthReport } from '../messaging';
import { normaliseAddress, type AddressSummary, type UserDecision } from '../policy';
import { WEBMAIL_WORDS, describeComposeRestoreFailed, describeDecisionSaved, describeMore, type NoticeReading } from '../vocabulary';
import type { ComposeRecipient, ListNotice, OpenNotice, WebmailAdapter } from './adapter';
import { looksLikeBounce } from './looks-like-bounce';
import { createLifeSignReporter } from './life-signs';
import { WEBMAIL_HOSTS } from './registry';
import {
  HOOK,
  badgeKindOf,
  badgeLabel,
  createBadge,
  createBanner,
  createComposeSummary,
  createComposeWarning,
  composeWarningText,
  shouldWarn,
  updateBadge,
  updateBanner,
  updateComposeSummary,
  type BadgeModel,
  type BannerActions,
  type BannerModel,
  type ComposeSummaryActions,
  type ComposeSummaryModel,
} from './inline-ui';
import { profile, watchRoots, type WatchBatch, type WatchContext, type Watcher } from './watch';

/** How the runtime talks to the background (the default uses lib/messaging.ts; tests may pass their own). */
export interface RuntimeMessenger {
  reportNotice(report: NoticeReport): Promise<NoticeResult>;
  lookupAddresses(addresses: string[]): Promise<AddressSummary[]>;
  /** The banner's decision for one address; 'none' is its Undo. */
  decide(address: string, decision: UserDecision): Promise<{ updated: number }>;
  /** Optional: a messenger without it (a test's) simply hears nothing about selectors. */
  reportSelectorHealth?(report: SelectorHealthReport): Promise<unknown>;
  /**
   * Optional (issue #11): what the tally holds for these notices, by message id (null: not
   * recorded). List badges show only that, and an opened notice already recorded is not fetched again.
   */
  lookupNotices?(account: string, messageIds: string[]): Promise<Array<NoticeResult | null>>;
  /** Optional (issue #13): senders seen with their messages' dates (proof of life); the background keeps only those on record. */
  reportLifeSigns?(signs: LifeSign[]): Promise<unknown>;
}

export const extensionMessenger: RuntimeMessenger = {
  reportNotice: (report) => sendMessage('reportNotice', report),
  lookupAddresses: (addresses) => sendMessage('lookupAddresses', { addresses }),
  decide: (address, decision) => sendMessage('decideFromPage', { address, decision }),
  reportSelectorHealth: (report) => sendMessage('reportSelectorHealth', report),
  lookupNotices: (account, messageIds) => sendMessage('lookupNotices', { webmail: webmailOfPage(), account, messageIds }),
  reportLifeSigns: (signs) => sendMessage('reportLifeSigns', { signs }),
};

/** The webmail this page is, from the one host list (the background checks it against the sender anyway). */
function webmailOfPage(): 'gmail' | 'outlook' {
  return WEBMAIL_HOSTS.get(location.hostname) === 'gmail' ? 'gmail' : 'outlook';
}

export interface RuntimeOptions {
  messenger?: RuntimeMessenger;
  /** Cached lookups are asked again after this long (another tab may have recorded a bounce). */
  lookupTtlMs?: number;
  /** Largest `lookupAddresses` request (default: all the background takes, so a 500-recipient compose is one request). */
  lookupBatch?: number;
}

export interface WebmailRuntime {
  watcher: Watcher;
  /** A notice this page recorded by other means (the sweep): its badge follows at once. */
  learn(messageId: string, result: NoticeResult): void;
  /** Runs one full pass now and waits for pending reads and lookups (tests, bench). */
  settle(): Promise<void>;
  stop(): void;
}

type ReadState = { state: 'reading' } | { state: 'done'; result: NoticeResult; reading: NoticeReading } | { state: 'failed'; message: string };

interface CachedSummary {
  summary: AddressSummary | null;
  at: number;
}

/** What the runtime keeps per compose: its summary line, and what "Remove them" took out (for Undo). */
interface ComposeState {
  host: HTMLElement | null;
  signature: string;
  removed: { items: Array<{ field: string; address: string }>; failed: number } | null;
  note: string;
  busy: boolean;
}

/** A long list's notices while the browser says which of their rows are on screen. */
interface WriteOrdering {
  notices: ListNotice[];
  observer: IntersectionObserver | null;
  finish(visible: ReadonlySet<Element>): void;
}

/** Quiet time before queued lookups go out: chips and rows arrive in bursts, one request takes them all. */
const LOOKUP_GATHER_MS = 50;
/** How long the webmail gets to take chips out (or put them in) before the runtime looks again. */
const COMPOSE_SETTLE_MS = 200;

/**
 * WXT's ContentScriptContext, or a stand-in: the watcher's timers and lifecycle, plus (optional)
 * WXT's addEventListener, the only way to hear `wxt:locationchange` (WXT starts its URL watcher
 * when a listener is added through ctx; History-API routing such as Outlook's fires no event).
 */
export interface RuntimeContext extends WatchContext {
  addEventListener?(target: Window, type: 'wxt:locationchange', handler: () => void): void;
}

export function runWebmail(ctx: RuntimeContext, adapter: WebmailAdapter, options: RuntimeOptions = {}): WebmailRuntime {
  const messenger = options.messenger ?? extensionMessenger;
  const lookupTtlMs = options.lookupTtlMs ?? 60_000;
  const lookupBatch = Math.min(options.lookupBatch ?? MESSAGE_LIMITS.lookupAddresses, MESSAGE_LIMITS.lookupAddresses);
  const doc = document;

  /** Opened notices by account + message id: each is read and reported once per tab. */
  const reads = new Map<string, ReadState>();
  /** Failed-address summaries the background gave us, by address (null = not on record). */
  const summaries = new Map<string, CachedSummary>();
  const lookupQueue = new Set<string>();
  /** What the tally holds per notice (by account + message id; null: not recorded when asked). */
  const recorded = new Map<string, { result: NoticeResult | null; at: number }>();
  const noticeQueue = new Set<string>();
  let noticeTimer: number | undefined;
  let noticeInFlight: Promise<void> | null = null;
  let lookupInFlight: Promise<void> | null = null;
  let lookupTimer: number | undefined;
  let readChain: Promise<void> = Promise.resolve();
  const pendingWork = new Set<Promise<unknown>>();
  /** Compose warnings by the chip they sit beside, so a removed chip takes its warning with it. */
  const warnings = new Map<HTMLElement, HTMLElement>();
  /** Compose summaries by compose element. */
  const composes = new Map<HTMLElement, ComposeState>();

  /**
   * The page's account, read once per task: a list's badges ask for it three times a row, and
   * nothing else runs while one task of ours does (the memo is dropped at its end).
   */
  let accountThisTask: string | undefined;
  function accountNow(): string {
    if (accountThisTask === undefined) {
      accountThisTask = adapter.account(doc);
      queueMicrotask(() => {
        accountThisTask = undefined;
      });
    }
    return accountThisTask;
  }

  const key = (messageId: string): string => `${accountNow()}|${messageId}`;

  const actions: BannerActions = {
    async decide(address, decision) {
      let updated: number;
      try {
        ({ updated } = await messenger.decide(address, decision));
      } catch {
        throw new Error(WEBMAIL_WORDS.saveRefused);
      }
      if (!updated) throw new Error(decision === 'none' ? WEBMAIL_WORDS.nothingToUndo : WEBMAIL_WORDS.notOnRecord);
      // Ask again at once: the banner's buttons and decision line follow the store, not a guess.
      summaries.delete(keyOf(address));
      queueLookup(address);
      return describeDecisionSaved(decision);
    },
    async copy(address) {
      try {
        await navigator.clipboard.writeText(address);
      } catch {
        throw new Error(WEBMAIL_WORDS.copyRefused(address));
      }
    },
  };

  // --- lookups ------------------------------------------------------------------------------

  /**
   * The tally's key of an address (lib/policy.ts normaliseAddress): the classifier and the chips give
   * addresses as written ("Nobody@Example.com"), the store answers under the key.
   */
  const keyOf = (address: string): string => normaliseAddress(address) ?? address.trim().toLowerCase();

  function cachedSummary(written: string): AddressSummary | null | undefined {
    const address = keyOf(written);
    const hit = summaries.get(address);
    if (!hit) return undefined;
    if (Date.now() - hit.at > lookupTtlMs) {
      queueLookup(address);
      return hit.summary; // stale but better than nothing until the answer comes
    }
    return hit.summary;
  }

  function summaryFor(address: string): AddressSummary | null {
    const hit = cachedSummary(address);
    if (hit === undefined) {
      queueLookup(address);
      return null;
    }
    return hit;
  }

  function queueLookup(written: string): void {
    lookupQueue.add(keyOf(written));
    if (lookupTimer === undefined && !lookupInFlight) lookupTimer = ctx.setTimeout(runLookups, LOOKUP_GATHER_MS);
  }

  function runLookups(): void {
    lookupTimer = undefined;
    if (ctx.isInvalid || !lookupQueue.size || lookupInFlight) return;
    const batch = [...lookupQueue].slice(0, lookupBatch);
    for (const address of batch) lookupQueue.delete(address);
    lookupInFlight = track(
      messenger
        .lookupAddresses(batch)
        .then((answer) => {
          let changed = false;
          let firstAnswers = false;
          const now = Date.now();
          const byAddress = new Map(answer.map((s) => [s.address, s]));
          for (const address of batch) {
            const summary = byAddress.get(address) ?? null;
            const cached = summaries.get(address);
            if (!cached) firstAnswers = true;
            if (JSON.stringify(cached?.summary ?? null) !== JSON.stringify(summary)) changed = true;
            summaries.set(address, { summary, at: now });
          }
          // A compose summary waits for every address, "not on record" answers included.
          if (changed || (firstAnswers && composes.size > 0)) watcher.rescan();
        })
        .catch(() => {
          // Background asleep or updating: remember "unknown" for a while rather than hammer it.
          const now = Date.now();
          for (const address of batch) if (!summaries.has(address)) summaries.set(address, { summary: null, at: now });
        })
        .finally(() => {
          lookupInFlight = null;
          if (lookupQueue.size && !ctx.isInvalid) lookupTimer = ctx.setTimeout(runLookups, LOOKUP_GATHER_MS);
        }),
    );
  }

  function track<T>(promise: Promise<T>): Promise<T> {
    pendingWork.add(promise);
    void promise.finally(() => pendingWork.delete(promise)).catch(() => undefined);
    return promise;
  }

  // --- recorded notices (issue #11) ------------------------------------------------------------

  /** The tally's answer for a notice, asking for it when unknown or old; undefined until it comes. */
  function recordedFor(messageId: string): NoticeResult | null | undefined {
    if (!messenger.lookupNotices) return null;
    const hit = recorded.get(key(messageId));
    if (!hit || (hit.result === null && Date.now() - hit.at > lookupTtlMs)) queueNotice(messageId);
    return hit?.result;
  }

  function queueNotice(messageId: string): void {
    noticeQueue.add(messageId);
    if (noticeTimer === undefined && !noticeInFlight) noticeTimer = ctx.setTimeout(runNoticeLookups, LOOKUP_GATHER_MS);
  }

  function runNoticeLookups(): void {
    noticeTimer = undefined;
    if (ctx.isInvalid || !noticeQueue.size || noticeInFlight || !messenger.lookupNotices) return;
    const batch = [...noticeQueue].slice(0, 500);
    for (const id of batch) noticeQueue.delete(id);
    const account = adapter.account(doc);
    noticeInFlight = track(
      messenger
        .lookupNotices(account, batch)
        .then((answers) => {
          const now = Date.now();
          let changed = false;
          batch.forEach((id, i) => {
            const result = answers[i] ?? null;
            const before = recorded.get(key(id));
            // "Not recorded" the first time shows what the row shows already ("not read yet"): a
            // pass over every row for it would re-read a 1,000-row list for nothing (issue #12).
            if ((before?.result ?? null) === null ? result !== null : result === null) changed = true;
            recorded.set(key(id), { result, at: now });
            for (const summary of result?.addresses ?? []) summaries.set(summary.address, { summary, at: now });
          });
          if (changed) watcher.rescan();
        })
        .catch(() => {
          const now = Date.now();
          for (const id of batch) if (!recorded.has(key(id))) recorded.set(key(id), { result: null, at: now });
        })
        .finally(() => {
          noticeInFlight = null;
          if (noticeQueue.size && !ctx.isInvalid) noticeTimer = ctx.setTimeout(runNoticeLookups, LOOKUP_GATHER_MS);
        }),
    );
  }

  /** The badge of a classified notice: its first failed recipient, as recorded. */
  function badgeOfResult(result: NoticeResult): BadgeModel | null {
    const { notice: classified } = result;
    if (!classified.isBounce) return null;
    const first = classified.recipients[0];
    if (!first) return null;
    const summary = cachedSummary(first.address);
    const delayed = classified.recipients.every((r) => r.action === 'delayed');
    return {
      kind: badgeKindOf(first.kind, first.reason),
      address: keyOf(first.address),
      delayed,
      detail: [classified.recipients.length > 1 ? describeMore(classified.recipients.length - 1) : '', summary ? composeWarningText(summary, doc) : ''].filter(Boolean).join('\n') || undefined,
    };
  }

  // --- list rows ----------------------------------------------------------------------------

  /**
   * A row's badge tells the truth (issue #11): the recorded verdict and its address once the notice
   * is read and recorded (in this tab, by a sweep, or anywhere the tally learnt it), and until then
   * "Bounce, not read yet", never an address or a kind guessed from the preview line.
   */
  function badgeModelFor(notice: ListNotice): BadgeModel | null {
    const read = notice.messageId ? reads.get(key(notice.messageId)) : undefined;
    if (read?.state === 'done') return badgeOfResult(read.result);
    const known = notice.messageId ? recordedFor(notice.messageId) : null;
    if (known) return badgeOfResult(known);
    return { kind: 'undetermined', address: '', delayed: notice.delayed ?? looksLikeBounce(notice).delayed, unread: true };
  }

  /** The last row seen per notice, so news about one notice touches its row alone (learn). */
  const rowOfNotice = new Map<string, ListNotice>();

  function badgeRow(notice: ListNotice): void {
    if (notice.messageId) rowOfNotice.set(key(notice.messageId), notice);
    // Ours is prepended, so it is the first child; a query of the children only when it is not.
    const first = notice.badgeHost.firstElementChild as HTMLElement | null;
    const existing = first?.getAttribute(HOOK) === 'badge' ? first : notice.badgeHost.querySelector<HTMLElement>(`:scope > [${HOOK}="badge"]`);
    const model = badgeModelFor(notice);
    if (!model) {
      existing?.remove();
      return;
    }
    if (adapter.fixedHeightRows) {
      // One line, clipped: the badge takes room from the subject, never a second line of the row.
      const style = notice.badgeHost.style;
      if (style.whiteSpace !== 'nowrap') style.whiteSpace = 'nowrap';
      if (style.overflow !== 'hidden') style.overflow = 'hidden';
    }
    if (existing) {
      const same = existing.getAttribute('data-kind') === model.kind && existing.getAttribute('aria-label') === badgeLabel(model);
      if (!same) updateBadge(existing, model);
      return;
    }
    notice.badgeHost.prepend(createBadge(doc, model));
  }

  // --- opened notices -----------------------------------------------------------------------

  function bannerModelFor(state: ReadState): BannerModel | null {
    if (state.state === 'reading') return { state: 'reading' };
    if (state.state === 'failed') return { state: 'unreadable', message: state.message };
    const { notice, addresses } = state.result;
    if (!notice.isBounce) return null;
    return {
      state: 'classified',
      reading: state.reading,
      webmail: adapter.id,
      delayed: notice.recipients.length > 0 && notice.recipients.every((r) => r.action === 'delayed'),
      ...(state.result.unverified ? { unverified: state.result.unverified } : {}),
      recipients: notice.recipients.map((recipient) => ({
        recipient,
        summary: cachedSummary(recipient.address) ?? addresses.find((a) => a.address === keyOf(recipient.address)),
      })),
    };
  }

  function handleOpen(notice: OpenNotice): void {
    const id = key(notice.messageId || `anon:${notice.subject}`);
    let state = reads.get(id);
    if (!state) {
      state = { state: 'reading' };
      reads.set(id, state);
      readAndReport(id, notice);
    }
    const model = bannerModelFor(state);
    let existing = notice.message.querySelector<HTMLElement>(`[${HOOK}="banner"]`);
    // The banner belongs to the message on screen (issue #11): a webmail that reuses the message's
    // element for the next one opened (Outlook's reading pane) must not keep the last one's banner.
    if (existing && existing.dataset.notice !== id) {
      existing.remove();
      existing = null;
    }
    if (!model) {
      existing?.remove();
      return;
    }
    const signature = JSON.stringify(model);
    if (existing) {
      if (existing.dataset.signature !== signature) {
        updateBanner(existing, model, actions);
        existing.dataset.signature = signature;
      }
      return;
    }
    const banner = createBanner(doc, model, actions);
    banner.dataset.signature = signature;
    banner.dataset.notice = id;
    notice.bannerHost.before(banner);
  }

  function readAndReport(id: string, notice: OpenNotice): void {
    // One read at a time: each may fetch the raw source, and the background classifies serially anyway.
    readChain = track(
      readChain.then(async () => {
        if (ctx.isInvalid) return;
        try {
          // Recorded already (by a sweep, another tab, an earlier visit): answer from the tally, fetch nothing.
          const known = notice.messageId && messenger.lookupNotices ? ((await messenger.lookupNotices(adapter.account(doc), [notice.messageId]).catch(() => [null]))[0] ?? null) : null;
          if (known) {
            for (const summary of known.addresses) summaries.set(summary.address, { summary, at: Date.now() });
            recorded.set(key(notice.messageId), { result: known, at: Date.now() });
            reads.set(id, { state: 'done', result: known, reading: adapter.offersRawSource ? 'raw' : 'screen' });
            watcher.rescan();
            return;
          }
          const report = await adapter.readNotice(notice, doc);
          const result = await messenger.reportNotice(report);
          // The answer carries the tally as of this notice: fresher than any earlier lookup.
          for (const summary of result.addresses) summaries.set(summary.address, { summary, at: Date.now() });
          const reading: NoticeReading = report.raw ? 'raw' : adapter.offersRawSource ? 'fallback' : 'screen';
          reads.set(id, { state: 'done', result, reading });
        } catch (error) {
          reads.set(id, { state: 'failed', message: error instanceof Error ? error.message : String(error) });
        }
        watcher.rescan();
      }),
    );
  }

  // --- compose ------------------------------------------------------------------------------

  function handleRecipient(recipient: ComposeRecipient): void {
    const summary = summaryFor(recipient.address);
    const existing = warnings.get(recipient.chip);
    const wanted = summary && shouldWarn(summary) ? summary : null;
    const text = wanted ? composeWarningText(wanted, doc) : '';
    if (existing?.isConnected && existing.getAttribute('data-address') === keyOf(recipient.address) && existing.dataset.text === text && wanted) return;
    existing?.remove();
    warnings.delete(recipient.chip);
    if (!wanted) return;
    const warning = createComposeWarning(doc, wanted);
    warning.dataset.text = text;
    recipient.chip.after(warning);
    warnings.set(recipient.chip, warning);
  }

  function sweepWarnings(): void {
    for (const [chip, warning] of warnings) {
      if (!chip.isConnected) {
        warning.remove();
        warnings.delete(chip);
      }
    }
    for (const [compose, state] of composes) {
      if (!compose.isConnected) {
        state.host?.remove();
        composes.delete(compose);
      }
    }
  }

  // --- compose summary ----------------------------------------------------------------------

  function recipientsOf(compose: HTMLElement): ComposeRecipient[] {
    return adapter.findComposeRecipients(compose).filter((recipient) => recipient.compose === compose);
  }

  /** The flagged summaries of a compose, or null while some of its addresses are still being looked up. */
  function flaggedOf(recipients: readonly ComposeRecipient[]): { total: number; flagged: AddressSummary[] } | null {
    const addresses = [...new Set(recipients.map((r) => keyOf(r.address)))];
    let pending = false;
    const flagged: AddressSummary[] = [];
    for (const address of addresses) {
      const summary = cachedSummary(address);
      if (summary === undefined) {
        queueLookup(address);
        pending = true;
      } else if (summary && shouldWarn(summary)) flagged.push(summary);
    }
    return pending ? null : { total: addresses.length, flagged };
  }

  function composeState(compose: HTMLElement): ComposeState {
    let state = composes.get(compose);
    if (!state) {
      state = { host: null, signature: '', removed: null, note: '', busy: false };
      composes.set(compose, state);
    }
    return state;
  }

  /** Every recipient of the compose gets its mark, then the compose its one summary line. */
  function refreshCompose(compose: HTMLElement): void {
    const recipients = recipientsOf(compose);
    for (const recipient of recipients) handleRecipient(recipient);
    const state = composeState(compose);
    // Until every address has an answer the line would change under the reader's eyes: wait.
    const counted = flaggedOf(recipients);
    if (!counted || state.busy) return;
    const model: ComposeSummaryModel = {
      total: counted.total,
      flagged: counted.flagged,
      ...(state.removed
        ? { removed: { count: state.removed.items.length, failed: state.removed.failed, undoable: state.removed.items.length > 0 } }
        : {}),
      ...(state.note ? { note: state.note } : {}),
    };
    if (!model.flagged.length && !model.removed && !model.note) {
      state.host?.remove();
      state.host = null;
      state.signature = '';
      return;
    }
    const signature = JSON.stringify([model.total, model.flagged.map((s) => [s.address, s.verdict, s.decision, s.lastBounceAt]), model.removed, model.note]);
    const actions = composeActions(compose);
    if (!state.host) {
      state.host = createComposeSummary(doc, model, actions);
    } else if (state.signature !== signature) {
      updateComposeSummary(state.host, model, actions);
    }
    state.signature = signature;
    // Webmails re-render their compose: put the line back where it belongs when it was dropped.
    if (!state.host.isConnected || !compose.contains(state.host)) adapter.placeComposeSummary(compose, state.host);
  }

  const later = (ms: number): Promise<void> => new Promise((resolve) => ctx.setTimeout(resolve, ms));

  function composeActions(compose: HTMLElement): ComposeSummaryActions {
    return {
      async removeFlagged() {
        const state = composeState(compose);
        const flagged = new Set((flaggedOf(recipientsOf(compose))?.flagged ?? []).map((s) => s.address));
        const targets = recipientsOf(compose).filter((recipient) => flagged.has(keyOf(recipient.address)));
        if (!targets.length) return;
        state.busy = true;
        try {
          const clicked = targets.filter((recipient) => adapter.removeRecipient(recipient));
          // The webmail takes chips out on its own schedule; count what is really gone.
          await later(COMPOSE_SETTLE_MS);
          const left = new Set(recipientsOf(compose).map((r) => `${r.field}|${keyOf(r.address)}`));
          // Kept as the chip wrote them, so Undo puts back exactly what was there.
          const items = clicked.filter((r) => !left.has(`${r.field}|${keyOf(r.address)}`)).map((r) => ({ field: r.field, address: r.address }));
          const unique = [...new Map(items.map((item) => [`${item.field}|${keyOf(item.address)}`, item])).values()];
          const failed = new Set(targets.map((r) => keyOf(r.address))).size - new Set(unique.map((i) => keyOf(i.address))).size;
          state.removed = { items: [...(state.removed?.items ?? []), ...unique], failed: Math.max(0, failed) };
          state.note = '';
        } finally {
          state.busy = false;
          watcher.rescan();
        }
      },
      async undo() {
        const state = composeState(compose);
        const items = state.removed?.items ?? [];
        if (!items.length) return;
        state.busy = true;
        try {
          const byField = new Map<string, string[]>();
          for (const item of items) byField.set(item.field, [...(byField.get(item.field) ?? []), item.address]);
          const refused: string[] = [];
          for (const [field, addresses] of byField) if (!adapter.addRecipients(compose, field, addresses)) refused.push(...addresses);
          await later(COMPOSE_SETTLE_MS);
          const present = new Set(recipientsOf(compose).map((r) => keyOf(r.address)));
          const missing = [...new Set([...refused, ...items.map((i) => i.address).filter((a) => !present.has(keyOf(a)))])];
          state.removed = null;
          state.note = missing.length ? describeComposeRestoreFailed(missing) : '';
        } finally {
          state.busy = false;
          watcher.rescan();
        }
      },
    };
  }

  // --- selector health ----------------------------------------------------------------------

  /** Names this page has told the background about. */
  const reportedStale = new Set<string>();
  let healthReported = false;

  /**
   * One report at the first pass inside the app (an empty one says this page found everything with
   * the newest layouts, replacing an older page's report), then one more each time a name is new.
   * Each report carries every name so far: the background keeps only the latest.
   */
  function reportSelectorHealth(): void {
    const webmail = adapter.id;
    if (!messenger.reportSelectorHealth || webmail === 'import' || ctx.isInvalid) return;
    const stale = adapter.staleSelectors();
    const fresh = stale.filter((fact) => !reportedStale.has(fact.name));
    if (healthReported && !fresh.length) return;
    healthReported = true;
    for (const fact of fresh) reportedStale.add(fact.name);
    const names = stale.map(({ name, matchedSince, newestSince }) => ({ name, matchedSince, newestSince }));
    // Best effort, never retried: sending wakes the worker, and a failure means the extension is
    // updating (this script is about to end) or the message was refused.
    track(messenger.reportSelectorHealth({ webmail, names }).catch(() => undefined));
  }

  // --- passes -------------------------------------------------------------------------------

  // --- long lists in slices (issue #12's bar: no long task, < 10 ms a batch) -------------------

  /**
   * Rows waiting for their badge, in page order. Slices read them (no DOM writes, so the page is
   * not laid out again between slices); the badges go in together once the queue is empty (one
   * layout of the list, as the webmail's own re-render costs).
   */
  const rowQueue = new Set<HTMLElement>();
  const readRows: ListNotice[] = [];
  let sliceTimer: number | undefined;
  const ROW_SLICE = 40;
  /** Time a read slice may take before it yields (the bar is 10 ms a task; a GC pause comes on top). */
  const READ_BUDGET_MS = 4;
  /** Fewest added nodes in a root before rewritesMostRows asks how many rows the root has. */
  const COALESCE_MIN = 8;
  /** Longest wait for the browser to say which rows are on screen. */
  const ORDER_WAIT_MS = 200;

  // --- proof of life (issue #13, ./life-signs.ts) ----------------------------------------------

  const reportLifeSigns = messenger.reportLifeSigns?.bind(messenger);
  const lifeSigns = adapter.findLifeSigns && reportLifeSigns ? createLifeSignReporter({ send: reportLifeSigns, setTimeout: (handler, ms) => ctx.setTimeout(handler, ms) }) : null;

  function noteLifeSigns(root: ParentNode): void {
    if (lifeSigns && adapter.findLifeSigns) lifeSigns.add(adapter.findLifeSigns(root));
  }

  /** A row's (or a root's) notices, its life signs noted on the way: one read of each row where the adapter can. */
  function readNotices(root: ParentNode): ListNotice[] {
    if (lifeSigns && adapter.readRows) {
      const { notices, signs } = adapter.readRows(root);
      lifeSigns.add(signs);
      return notices;
    }
    const notices = adapter.findListNotices(root);
    noteLifeSigns(root);
    return notices;
  }

  function queueRows(rows: readonly HTMLElement[]): void {
    for (const row of rows) rowQueue.add(row);
    if (sliceTimer === undefined) sliceTimer = ctx.setTimeout(runSlice, 0);
  }

  function runSlice(): void {
    sliceTimer = undefined;
    if (ctx.isInvalid) return;
    const started = performance.now();
    let taken = 0;
    for (const row of rowQueue) {
      rowQueue.delete(row);
      if (row.isConnected) readRows.push(...readNotices(row));
      // A slice ends after its budget (a slow machine, rows heavier than most) or ROW_SLICE rows.
      if (++taken >= ROW_SLICE || (taken % 8 === 0 && performance.now() - started > READ_BUDGET_MS)) break;
    }
    if (!rowQueue.size) queueWrites(readRows.splice(0));
    profile(started, { kind: 'slice', rows: taken });
    if (rowQueue.size) sliceTimer = ctx.setTimeout(runSlice, 0);
  }

  // --- badge writes in slices, rows on screen first (issue #12: no long task) --------------------

  /**
   * Badges waiting to be written, rows on screen first, a few ms of writes a task. Timer tasks, not
   * animation frames: the browser lays the page out once for all the slices that ran since its last
   * frame, and on a 1,000-row table that layout costs the same for 100 badges as for 700, so a slice
   * per frame multiplied it (measured: docs/benchmarks.md, issue #12).
   */
  const writeQueue: ListNotice[] = [];
  /** Notices waiting to learn which of their rows are on screen (undefined: none waiting). */
  let ordering: WriteOrdering | undefined;
  let writeScheduled = false;
  /** Time a write slice may take (our part; the layout that follows it is the browser's). */
  const WRITE_BUDGET_MS = 6;

  function queueWrites(notices: ListNotice[]): void {
    if (!notices.length) return;
    const Observer = doc.defaultView?.IntersectionObserver;
    if (notices.length <= ROW_SLICE || typeof Observer !== 'function' || ordering) {
      if (ordering) ordering.notices.push(...notices);
      else writeQueue.push(...notices);
      scheduleWrites();
      return;
    }
    // Which rows are on screen: the observer answers after the browser's next layout, so asking
    // costs no layout of ours. A page that renders no frame (a hidden tab) gets them in page order.
    const state: WriteOrdering = {
      notices,
      observer: null,
      finish(visible) {
        if (ordering !== state) return;
        ordering = undefined;
        state.observer?.disconnect();
        const shown = state.notices.filter((n) => visible.has(n.row));
        const rest = visible.size ? state.notices.filter((n) => !visible.has(n.row)) : state.notices;
        writeQueue.push(...shown, ...rest);
        scheduleWrites();
      },
    };
    ordering = state;
    state.observer = new Observer((entries) => state.finish(new Set(entries.filter((e) => e.isIntersecting).map((e) => e.target))));
    for (const row of new Set(notices.map((n) => n.row))) state.observer.observe(row);
    ctx.setTimeout(() => state.finish(new Set()), ORDER_WAIT_MS);
  }

  function scheduleWrites(): void {
    if (writeScheduled || !writeQueue.length || ctx.isInvalid) return;
    writeScheduled = true;
    ctx.setTimeout(runWrites, 0);
  }

  function runWrites(): void {
    writeScheduled = false;
    if (ctx.isInvalid) return;
    const started = performance.now();
    let written = 0;
    let next = 0;
    while (next < writeQueue.length) {
      const notice = writeQueue[next++]!;
      if (notice.row.isConnected) badgeRow(notice);
      if (++written % 16 === 0 && performance.now() - started > WRITE_BUDGET_MS) break;
    }
    writeQueue.splice(0, next);
    profile(started, { kind: 'badges', written });
    scheduleWrites();
  }

  /** Everything waiting, now (settle). */
  function drainRows(): void {
    for (const next of scanQueue.splice(0)) scanOne(next);
    for (const row of [...rowQueue]) {
      rowQueue.delete(row);
      if (row.isConnected) readRows.push(...readNotices(row));
    }
    ordering?.finish(new Set());
    writeQueue.push(...readRows.splice(0));
    for (const notice of writeQueue.splice(0)) if (notice.row.isConnected) badgeRow(notice);
  }

  function onBatch(batch: WatchBatch): void {
    // Whole roots on a full pass (start, navigation, an answer came back); otherwise just the added
    // nodes when the adapter can find around them, except in roots it reads whole (batchScopes). A
    // removal-only batch elsewhere then only sweeps warnings.
    const scopes: ParentNode[] = batch.full || !adapter.findsAroundNodes ? batch.roots : batchScopes(batch);
    const touched = new Set<HTMLElement>();
    for (const root of scopes) {
      // A long list (a re-rendered 1,000-row page) is read in slices after this batch, and its
      // open messages and compose chips are looked for in a task of their own: each look walks
      // the whole list once per selector variant (30,000 nodes), a few ms each.
      const rows = adapter.findsAroundNodes ? adapter.listRows?.(root) : undefined;
      if (rows && rows.length > ROW_SLICE) {
        queueRows(rows);
        queueScan(root);
        continue;
      }
      for (const notice of readNotices(root)) badgeRow(notice);
      scanRoot(root, touched);
    }
    sweepWarnings();
    // A compose that changed anywhere (a chip added or taken away) is counted again as a whole.
    for (const compose of composes.keys()) if (batch.roots.some((root) => root.contains(compose) || compose.contains(root))) touched.add(compose);
    for (const compose of touched) if (compose.isConnected) refreshCompose(compose);
    if (batch.roots.length) reportSelectorHealth();
  }

  /**
   * What a batch reads when the adapter finds around nodes: the roots it must read whole (where a
   * change, an addition or a removal, may change what is found elsewhere in them), and the added
   * nodes everywhere else, so a list row that changed costs that row's work alone.
   */
  function batchScopes(batch: WatchBatch): ParentNode[] {
    const whole = batch.roots.filter((root) => adapter.readsWholeRoot?.(root) || rewritesMostRows(root, batch.added));
    if (!whole.length) return batch.added;
    return [...whole, ...batch.added.filter((node) => !whole.some((root) => root.contains(node)))];
  }

  /**
   * True when the batch re-rendered at least half of a short list's rows (a virtualised list's
   * scroll replaces its whole window): one read of the list then costs less than one per row
   * (measured: docs/benchmarks.md, issue #12). A long list is still read by the rows that changed.
   */
  function rewritesMostRows(root: HTMLElement, added: readonly Element[]): boolean {
    if (!adapter.listRows) return false;
    let inRoot = 0;
    for (const node of added) if (root.contains(node)) inRoot++;
    if (inRoot < COALESCE_MIN) return false;
    const rows = adapter.listRows(root).length;
    return rows <= ROW_SLICE && inRoot * 2 >= rows;
  }

  /** Open notices and compose recipients under a root; the composes touched are added to `touched`. */
  function scanRoot(root: ParentNode, touched: Set<HTMLElement>): void {
    for (const notice of adapter.findOpenNotices(root)) handleOpen(notice);
    for (const recipient of adapter.findComposeRecipients(root)) {
      handleRecipient(recipient);
      touched.add(recipient.compose);
    }
  }

  /**
   * Long lists' roots still to be scanned, one look a task: open notices, then compose recipients
   * (on a 1,000-row list the compose look alone walks it once for each of four variants).
   */
  const scanQueue: Array<{ root: ParentNode; look: 'open' | 'compose' }> = [];
  let scanTimer: number | undefined;

  function queueScan(root: ParentNode): void {
    for (const look of ['open', 'compose'] as const) if (!scanQueue.some((s) => s.root === root && s.look === look)) scanQueue.push({ root, look });
    if (scanTimer === undefined) scanTimer = ctx.setTimeout(runScan, 0);
  }

  function runScan(): void {
    scanTimer = undefined;
    if (ctx.isInvalid) return;
    const next = scanQueue.shift();
    if (next) {
      const started = performance.now();
      scanOne(next);
      profile(started, { kind: 'scan' });
    }
    if (scanQueue.length) scanTimer = ctx.setTimeout(runScan, 0);
  }

  function scanOne({ root, look }: { root: ParentNode; look: 'open' | 'compose' }): void {
    if ((root as Node).isConnected === false) return;
    if (look === 'open') {
      for (const notice of adapter.findOpenNotices(root)) handleOpen(notice);
      return;
    }
    const touched = new Set<HTMLElement>();
    for (const recipient of adapter.findComposeRecipients(root)) {
      handleRecipient(recipient);
      touched.add(recipient.compose);
    }
    for (const compose of touched) if (compose.isConnected) refreshCompose(compose);
  }

  const watcher = watchRoots(ctx, {
    roots: () => (adapter.isApp(doc) ? adapter.observedRoots(doc) : []),
    onBatch,
  });

  // Hash routes (Gmail) and History API routes (Outlook) swap panes: look again at once.
  const onNavigate = (): void => watcher.rescan();
  window.addEventListener('hashchange', onNavigate);
  if (ctx.addEventListener) ctx.addEventListener(window, 'wxt:locationchange', onNavigate);
  else window.addEventListener('wxt:locationchange', onNavigate);

  function stop(): void {
    watcher.stop();
    window.removeEventListener('hashchange', onNavigate);
    window.removeEventListener('wxt:locationchange', onNavigate);
    // An updated extension starts a fresh content script: leave it a clean page, no dead buttons.
    for (const node of doc.querySelectorAll(`[${HOOK}]`)) node.remove();
  }
  ctx.onInvalidated(stop);

  async function settle(): Promise<void> {
    onBatch({ roots: adapter.isApp(doc) ? adapter.observedRoots(doc) : [], added: [], full: true });
    drainRows();
    while (pendingWork.size || lookupQueue.size || noticeQueue.size || rowQueue.size || writeQueue.length || ordering || scanQueue.length) {
      drainRows();
      if (lookupQueue.size && !lookupInFlight) runLookups();
      if (noticeQueue.size && !noticeInFlight) runNoticeLookups();
      await Promise.allSettled([...pendingWork]);
      onBatch({ roots: adapter.isApp(doc) ? adapter.observedRoots(doc) : [], added: [], full: true });
      drainRows();
    }
    await lifeSigns?.flush();
  }

  function learn(messageId: string, result: NoticeResult): void {
    recorded.set(key(messageId), { result, at: Date.now() });
    for (const summary of result.addresses) summaries.set(summary.address, { summary, at: Date.now() });
    // Only this notice's row changes: badge it alone instead of a pass over every row (a sweep
    // learns one notice a second; a full pass each time would cost a long list every second).
    const row = rowOfNotice.get(key(messageId));
    if (row?.row.isConnected) badgeRow(row);
    else rowOfNotice.delete(key(messageId));
  }

  return { watcher, settle, stop, learn };
}
