/**
 * The webmail runtime shared by Gmail and Outlook: `runWebmail(ctx, adapter)`.
 *
 * It asks the adapter where things are, and does the rest the same way for every webmail:
 * - List rows that look like notices get a badge at once (looks-like-bounce.ts), refined by what the
 *   background knows (a notice already read in this tab, or `lookupAddresses` for an address the
 *   snippet names).
 * - An opened notice is read once per tab (`adapter.readNotice`: raw source where the webmail gives
 *   it, else the rendered text), reported once (`reportNotice`), and gets a banner from the answer.
 * - Compose recipients on the removal list, or being watched, get a warning next to their chip.
 * - Selector names the page could find only with an older layout's variant (./selector-table.ts) go
 *   to the background once per name per page (`reportSelectorHealth`), for the options page.
 * Everything is re-applied idempotently on every pass: webmails replace rows and messages when they
 * re-render (webmail-dom.md 3.2). Work is batched by the watcher, lookups are batched and cached,
 * reports run one at a time.
 */
import { sendMessage, type NoticeReport, type NoticeResult, type SelectorHealthReport } from '../messaging';
import type { AddressSummary, UserDecision } from '../policy';
import type { ComposeRecipient, ListNotice, OpenNotice, WebmailAdapter } from './adapter';
import { looksLikeBounce } from './looks-like-bounce';
import {
  HOOK,
  badgeKindOf,
  badgeLabel,
  badgeKindOfSummary,
  createBadge,
  createBanner,
  createComposeWarning,
  composeWarningText,
  shouldWarn,
  updateBadge,
  updateBanner,
  type BadgeModel,
  type BannerActions,
  type BannerModel,
} from './inline-ui';
import { watchRoots, type WatchBatch, type WatchContext, type Watcher } from './watch';

/** How the runtime talks to the background (the default uses lib/messaging.ts; tests may pass their own). */
export interface RuntimeMessenger {
  reportNotice(report: NoticeReport): Promise<NoticeResult>;
  lookupAddresses(addresses: string[]): Promise<AddressSummary[]>;
  decide(address: string, decision: Exclude<UserDecision, 'none'>): Promise<{ updated: number }>;
  /** Optional: a messenger without it (a test's) simply hears nothing about selectors. */
  reportSelectorHealth?(report: SelectorHealthReport): Promise<unknown>;
}

export const extensionMessenger: RuntimeMessenger = {
  reportNotice: (report) => sendMessage('reportNotice', report),
  lookupAddresses: (addresses) => sendMessage('lookupAddresses', { addresses }),
  decide: (address, decision) => sendMessage('decideFromPage', { address, decision }),
  reportSelectorHealth: (report) => sendMessage('reportSelectorHealth', report),
};

export interface RuntimeOptions {
  messenger?: RuntimeMessenger;
  /** Cached lookups are asked again after this long (another tab may have recorded a bounce). */
  lookupTtlMs?: number;
  /** Largest `lookupAddresses` request. */
  lookupBatch?: number;
}

export interface WebmailRuntime {
  watcher: Watcher;
  /** Runs one full pass now and waits for pending reads and lookups (tests, bench). */
  settle(): Promise<void>;
  stop(): void;
}

type ReadState = { state: 'reading' } | { state: 'done'; result: NoticeResult; source: 'raw' | 'rendered' } | { state: 'failed'; message: string };

interface CachedSummary {
  summary: AddressSummary | null;
  at: number;
}

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
  const lookupBatch = options.lookupBatch ?? 50;
  const doc = document;

  /** Opened notices by account + message id: each is read and reported once per tab. */
  const reads = new Map<string, ReadState>();
  /** Failed-address summaries the background gave us, by address (null = not on record). */
  const summaries = new Map<string, CachedSummary>();
  const lookupQueue = new Set<string>();
  let lookupInFlight: Promise<void> | null = null;
  let lookupTimer: number | undefined;
  let readChain: Promise<void> = Promise.resolve();
  const pendingWork = new Set<Promise<unknown>>();
  /** Compose warnings by the chip they sit beside, so a removed chip takes its warning with it. */
  const warnings = new Map<HTMLElement, HTMLElement>();

  const key = (messageId: string): string => `${adapter.account(doc)}|${messageId}`;

  const actions: BannerActions = {
    async decide(address, decision) {
      let updated: number;
      try {
        ({ updated } = await messenger.decide(address, decision));
      } catch {
        throw new Error('Could not save here: open the Bounce Sweeper button in the toolbar to decide.');
      }
      if (!updated) throw new Error('This address is not in your list yet.');
      summaries.delete(address);
      queueLookup(address);
      return decision === 'removed' ? 'Marked removed.' : 'Kept: it will not be suggested for removal.';
    },
    async copy(address) {
      try {
        await navigator.clipboard.writeText(address);
      } catch {
        throw new Error(`Copy was refused; the address is ${address}`);
      }
    },
  };

  // --- lookups ------------------------------------------------------------------------------

  function cachedSummary(address: string): AddressSummary | null | undefined {
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

  function queueLookup(address: string): void {
    lookupQueue.add(address);
    if (lookupTimer === undefined && !lookupInFlight) lookupTimer = ctx.setTimeout(runLookups, 150);
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
          const now = Date.now();
          const byAddress = new Map(answer.map((s) => [s.address, s]));
          for (const address of batch) {
            const summary = byAddress.get(address) ?? null;
            const before = summaries.get(address)?.summary ?? null;
            if (JSON.stringify(before) !== JSON.stringify(summary)) changed = true;
            summaries.set(address, { summary, at: now });
          }
          if (changed) watcher.rescan();
        })
        .catch(() => {
          // Background asleep or updating: remember "unknown" for a while rather than hammer it.
          const now = Date.now();
          for (const address of batch) if (!summaries.has(address)) summaries.set(address, { summary: null, at: now });
        })
        .finally(() => {
          lookupInFlight = null;
          if (lookupQueue.size && !ctx.isInvalid) lookupTimer = ctx.setTimeout(runLookups, 300);
        }),
    );
  }

  function track<T>(promise: Promise<T>): Promise<T> {
    pendingWork.add(promise);
    void promise.finally(() => pendingWork.delete(promise)).catch(() => undefined);
    return promise;
  }

  // --- list rows ----------------------------------------------------------------------------

  function badgeModelFor(notice: ListNotice): BadgeModel | null {
    const look = looksLikeBounce(notice);
    const read = notice.messageId ? reads.get(key(notice.messageId)) : undefined;
    if (read?.state === 'done') {
      const { notice: classified } = read.result;
      if (!classified.isBounce) return null;
      const first = classified.recipients[0];
      if (first) {
        const delayed = classified.recipients.every((r) => r.action === 'delayed');
        return {
          kind: badgeKindOf(first.kind, first.reason),
          address: first.address,
          label: delayed ? 'Delivery delayed' : undefined,
          detail: classified.recipients.length > 1 ? `and ${classified.recipients.length - 1} more` : undefined,
        };
      }
    }
    const address = look.addresses[0] ?? '';
    const summary = address ? summaryFor(address) : null;
    if (summary && summary.lastKind !== 'undetermined') {
      return { kind: badgeKindOfSummary(summary), address, detail: composeWarningText(summary) };
    }
    return { kind: look.kind, address, label: look.delayed ? 'Delivery delayed' : undefined };
  }

  function badgeRow(notice: ListNotice): void {
    const existing = notice.badgeHost.querySelector<HTMLElement>(`:scope > [${HOOK}="badge"]`);
    const model = badgeModelFor(notice);
    if (!model) {
      existing?.remove();
      return;
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
      source: state.source,
      delayed: notice.recipients.length > 0 && notice.recipients.every((r) => r.action === 'delayed'),
      recipients: notice.recipients.map((recipient) => ({
        recipient,
        summary: cachedSummary(recipient.address) ?? addresses.find((a) => a.address === recipient.address),
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
    const existing = notice.message.querySelector<HTMLElement>(`[${HOOK}="banner"]`);
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
    notice.bannerHost.before(banner);
  }

  function readAndReport(id: string, notice: OpenNotice): void {
    // One read at a time: each may fetch the raw source, and the background classifies serially anyway.
    readChain = track(
      readChain.then(async () => {
        if (ctx.isInvalid) return;
        try {
          const report = await adapter.readNotice(notice, doc);
          const result = await messenger.reportNotice(report);
          // The answer carries the tally as of this notice: fresher than any earlier lookup.
          for (const summary of result.addresses) summaries.set(summary.address, { summary, at: Date.now() });
          reads.set(id, { state: 'done', result, source: report.raw ? 'raw' : 'rendered' });
        } catch (error) {
          reads.set(id, { state: 'failed', message: error instanceof Error ? error.message : String(error) });
        }
        watcher.rescan();
      }),
    );
  }

  // --- compose ------------------------------------------------------------------------------

  function handleRecipient(recipient: ComposeRecipient): void {
    const address = recipient.address.toLowerCase();
    const summary = summaryFor(address);
    const existing = warnings.get(recipient.chip);
    const wanted = summary && shouldWarn(summary) ? summary : null;
    const text = wanted ? composeWarningText(wanted) : '';
    if (existing?.isConnected && existing.getAttribute('data-address') === address && existing.dataset.text === text && wanted) return;
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

  function onBatch(batch: WatchBatch): void {
    // Whole roots on a full pass (start, navigation, an answer came back); otherwise just the added
    // nodes when the adapter can find around them (a removal-only batch then only sweeps warnings).
    const scopes: ParentNode[] = batch.full || !adapter.findsAroundNodes ? batch.roots : batch.added;
    for (const root of scopes) {
      for (const notice of adapter.findListNotices(root)) badgeRow(notice);
      for (const notice of adapter.findOpenNotices(root)) handleOpen(notice);
      for (const recipient of adapter.findComposeRecipients(root)) handleRecipient(recipient);
    }
    sweepWarnings();
    if (batch.roots.length) reportSelectorHealth();
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
    while (pendingWork.size || lookupQueue.size) {
      if (lookupQueue.size && !lookupInFlight) runLookups();
      await Promise.allSettled([...pendingWork]);
      onBatch({ roots: adapter.isApp(doc) ? adapter.observedRoots(doc) : [], added: [], full: true });
    }
  }

  return { watcher, settle, stop };
}
