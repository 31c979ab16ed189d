/**
 * What the content scripts draw inside a webmail: the list badge, the banner atop an opened notice,
 * the warning beside a compose recipient and the compose summary. Webmail-neutral; adapters only
 * say *where*. Every word comes from lib/vocabulary.ts, with dates as the page's locale writes them.
 *
 * - Built with createElement/textContent only: Gmail enforces Trusted Types and every email is hostile
 *   (webmail-dom.md 3.6). No string of mail content ever becomes markup.
 * - Each piece is a host element carrying the public hooks (`data-bounce-sweeper`, `data-kind`,
 *   `data-address`). Banner, compose warning and compose summary keep an open shadow root inside:
 *   our styles cannot leak into the webmail and the webmail's cannot reach ours (`:host { all:
 *   initial }`). The list badge, drawn per row, uses inline `all: initial` styles instead (see
 *   createBadge).
 * - Nothing in a list row is focusable; the banner's and the summary's buttons are, and key presses
 *   inside them stop at the host (Gmail listens on the document for its shortcuts).
 */
import type { BounceKind, FailedRecipient, Reason } from '../bounce/types';
import { isSenderProblem } from '../bounce/severity';
import type { AddressSummary, UserDecision } from '../policy';
import {
  WEBMAIL_WORDS,
  describeBadge,
  SWEEP_WORDS,
  describeBannerTitle,
  describeComposeRemove,
  describeComposeRemoved,
  describeComposeSummary,
  describeDecision,
  describeDecisionButton,
  describeProblem,
  describeReading,
  describeUnverified,
  describeReason,
  describeRecipientWarning,
  describeServerWords,
  describeTally,
  describeVerdict,
  type DayOptions,
  type NoticeReading,
  type ProblemKind,
} from '../vocabulary';

export { shouldWarn } from '../vocabulary';

export type BadgeKind = ProblemKind;

export const HOOK = 'data-bounce-sweeper';

/** The badge kind of a classified recipient: a sender-side refusal is "sender", whatever its severity. */
export function badgeKindOf(kind: BounceKind, reason?: Reason): BadgeKind {
  if (reason && isSenderProblem(reason)) return 'sender';
  return kind;
}

/** The badge kind an address summary implies (the tally's view, across notices). */
export function badgeKindOfSummary(summary: AddressSummary): BadgeKind {
  if (summary.verdict === 'sender-problem') return 'sender';
  return badgeKindOf(summary.lastKind, summary.lastReason);
}

// --- The reader's locale ---------------------------------------------------------------------

const locales = new Map<string, string | undefined>();

/**
 * The locale dates are written in: the page's own language (`<html lang>`, what the webmail shows
 * its own dates in), made specific by the browser's when they agree ("en" + "en-GB" → "en-GB",
 * since Gmail writes a bare "en" for British and American readers alike); without a usable lang,
 * undefined, i.e. the browser's own locale.
 */
export function pageLocale(doc: Document): string | undefined {
  const lang = (doc.documentElement?.getAttribute('lang') ?? '').trim();
  const browser = doc.defaultView?.navigator?.language ?? '';
  const key = `${lang}|${browser}`;
  if (locales.has(key)) return locales.get(key);
  let chosen: string | undefined;
  try {
    if (lang && Intl.DateTimeFormat.supportedLocalesOf([lang]).length) {
      const specific = browser.toLowerCase().startsWith(`${lang.toLowerCase()}-`);
      chosen = specific && Intl.DateTimeFormat.supportedLocalesOf([browser]).length ? browser : lang;
    }
  } catch {
    chosen = undefined; // a malformed lang tag: the browser's own locale
  }
  locales.set(key, chosen);
  return chosen;
}

/** Word options for a page: its locale, and today (dates this year drop the year). */
export function wordsFor(doc: Document): DayOptions {
  return { locale: pageLocale(doc), now: new Date() };
}

// --- Shared look ------------------------------------------------------------------------------

/** The stylesheet of our shadow roots (exported for the test that the address is the largest line). */
export const INLINE_CSS = `
:host { all: initial; display: inline-flex; vertical-align: middle; font: 12px/1.4 Roboto, Arial, sans-serif; color: #202124; }
:host([data-bounce-sweeper="banner"]), :host([data-bounce-sweeper="compose-summary"]) { display: block; margin: 0 0 12px; }
:host([data-bounce-sweeper="compose-summary"]) { margin: 4px 8px; }
.badge { display: inline-block; margin: 0 6px 0 0; padding: 0 6px; border-radius: 8px; white-space: nowrap; border: 1px solid transparent; font-weight: 500; }
.k-hard { background: #fce8e6; color: #a50e0e; border-color: #f6aea9; }
.k-soft { background: #fef7e0; color: #7a4f01; border-color: #fdd663; }
.k-sender { background: #e8f0fe; color: #174ea6; border-color: #aecbfa; }
.k-undetermined { background: #f1f3f4; color: #3c4043; border-color: #dadce0; }
.banner { border: 1px solid #dadce0; border-left: 4px solid #5f6368; border-radius: 6px; padding: 10px 12px; background: #fff; color: #202124; }
.banner.k-hard { border-left-color: #d93025; } .banner.k-soft { border-left-color: #f9ab00; } .banner.k-sender { border-left-color: #1a73e8; }
.title { font-weight: 600; font-size: 12px; margin: 0 0 4px; color: #5f6368; }
.recipient { padding: 8px 0 6px; border-top: 1px solid #f1f3f4; }
.recipient:first-of-type { border-top: 0; padding-top: 2px; }
.address { font-size: 15px; line-height: 1.35; font-weight: 600; color: #202124; overflow-wrap: anywhere; margin: 0 0 3px; }
.line { margin: 2px 0; font-size: 12px; }
.cause .badge { margin-right: 6px; }
.server { font-family: monospace; white-space: pre-wrap; word-break: break-word; color: #3c4043; }
.muted { color: #5f6368; }
.decision { font-weight: 600; color: #137333; }
.actions { display: flex; gap: 6px; margin-top: 6px; flex-wrap: wrap; align-items: center; }
button { all: initial; font: 12px/1.4 Roboto, Arial, sans-serif; cursor: pointer; padding: 2px 10px; border-radius: 4px; border: 1px solid #dadce0; background: #fff; color: #1a73e8; }
button:hover { background: #f6fafe; } button:focus-visible { outline: 2px solid #1a73e8; }
button[disabled] { color: #9aa0a6; cursor: default; }
button.chosen, button.chosen[disabled] { background: #e6f4ea; border-color: #81c995; color: #137333; font-weight: 600; }
.status { color: #137333; margin-left: 4px; }
.warning { background: #fce8e6; color: #a50e0e; border: 1px solid #f6aea9; border-radius: 8px; padding: 0 6px; margin: 0 4px; white-space: nowrap; }
.warning.k-soft { background: #fef7e0; color: #7a4f01; border-color: #fdd663; }
.summary { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 6px 10px; border-radius: 6px; background: #fce8e6; color: #a50e0e; border: 1px solid #f6aea9; }
.summary.k-soft { background: #fef7e0; color: #7a4f01; border-color: #fdd663; }
.summary.k-done { background: #f1f3f4; color: #3c4043; border-color: #dadce0; }
.summary .text { font-weight: 600; }
`;

const sheets = new WeakMap<Document, CSSStyleSheet>();

/** Host element + open shadow root with our stylesheet (a constructed sheet where supported, else <style>). */
function createHost(doc: Document, tag: 'span' | 'div', hook: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute(HOOK, hook);
  const root = host.attachShadow({ mode: 'open' });
  let adopted = false;
  try {
    const view = doc.defaultView as (Window & typeof globalThis) | null;
    if (view && 'adoptedStyleSheets' in root && typeof view.CSSStyleSheet === 'function') {
      let sheet = sheets.get(doc);
      if (!sheet) {
        sheet = new view.CSSStyleSheet();
        sheet.replaceSync(INLINE_CSS);
        sheets.set(doc, sheet);
      }
      root.adoptedStyleSheets = [sheet];
      adopted = true;
    }
  } catch {
    adopted = false;
  }
  if (!adopted) {
    const style = doc.createElement('style');
    style.textContent = INLINE_CSS;
    root.append(style);
  }
  return { host, root };
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A button whose click is ours alone (the row or message under us is clickable in the webmail).
 * While `run` works the button is disabled; the answer (or the error) goes to `say`.
 */
function actionButton(
  doc: Document,
  label: string,
  action: string,
  run: () => Promise<string>,
  say: (message: string) => void,
  options: { chosen?: boolean } = {},
): HTMLButtonElement {
  const b = el(doc, 'button', options.chosen ? 'chosen' : undefined, label);
  b.type = 'button';
  b.setAttribute('data-action', action);
  if (options.chosen) {
    b.disabled = true;
    b.setAttribute('aria-pressed', 'true');
  }
  b.addEventListener('click', (event) => {
    event.stopPropagation();
    event.preventDefault();
    if (b.disabled) return;
    b.disabled = true;
    run()
      .then(say)
      .catch((error: unknown) => say(error instanceof Error ? error.message : String(error)))
      .finally(() => {
        // A redraw may have replaced this button already; a detached one needs nothing.
        if (b.isConnected) b.disabled = !!options.chosen;
      });
  });
  return b;
}

// --- List badge ------------------------------------------------------------------------------

export interface BadgeModel {
  kind: BadgeKind;
  /** The failed address, once known ('' otherwise). */
  address: string;
  /** The server is still retrying: "Delivery delayed" instead of the kind. */
  delayed?: boolean;
  /** Longer explanation shown on hover. */
  detail?: string;
  /** Not read and recorded yet (issue #11): "Bounce, not read yet", with no address. */
  unread?: boolean;
}

export function badgeText(model: BadgeModel): string {
  if (model.unread) return model.delayed ? SWEEP_WORDS.unreadDelayBadge : SWEEP_WORDS.unreadBadge;
  return describeBadge(model.kind, { delayed: model.delayed });
}

/*
 * The list badge is the one piece drawn dozens of times per list render, so it is not a shadow host:
 * 71 shadow roots cost a 100-row re-render about three times the style work in the bench
 * (scripts/bench/content-script.ts). It is light DOM with inline `all: initial` (or `all: unset`
 * inside) instead: an inline declaration beats every non-!important Gmail rule, and nothing of ours
 * is a stylesheet that could reach Gmail's elements.
 */
const BADGE_BASE =
  // 16 px tall (14 px line + borders), aligned to the text's bottom: no taller than the text of the
  // line it sits in, so a fixed-height row (Outlook's list) keeps its height (issue #11).
  'all:initial;display:inline-flex;gap:4px;align-items:center;vertical-align:text-bottom;box-sizing:border-box;' +
  'height:16px;margin:0 6px 0 0;padding:0 6px;border:1px solid;border-radius:8px;white-space:nowrap;max-width:28em;' +
  'overflow:hidden;font:11px/14px Roboto,Arial,sans-serif;cursor:inherit;';
const BADGE_COLORS: Record<BadgeKind, string> = {
  hard: 'background:#fce8e6;color:#a50e0e;border-color:#f6aea9;',
  soft: 'background:#fef7e0;color:#7a4f01;border-color:#fdd663;',
  sender: 'background:#e8f0fe;color:#174ea6;border-color:#aecbfa;',
  undetermined: 'background:#f1f3f4;color:#3c4043;border-color:#dadce0;',
};
const BADGE_ADDRESS = 'all:unset;font-weight:600;overflow:hidden;text-overflow:ellipsis;';

/**
 * One prebuilt badge per document and kind, cloned for every row (issue #12): a clone copies the
 * parsed inline style, where setting `style.cssText` parsed the declarations again for each of a
 * list's 715 badges. The templates never enter the page.
 */
const badgeTemplates = new WeakMap<Document, Map<BadgeKind, HTMLElement>>();
const addressTemplates = new WeakMap<Document, HTMLElement>();

function badgeTemplate(doc: Document, kind: BadgeKind): HTMLElement {
  let byKind = badgeTemplates.get(doc);
  if (!byKind) {
    byKind = new Map();
    badgeTemplates.set(doc, byKind);
  }
  let template = byKind.get(kind);
  if (!template) {
    template = doc.createElement('span');
    template.setAttribute(HOOK, 'badge');
    template.setAttribute('data-kind', kind);
    template.style.cssText = BADGE_BASE + BADGE_COLORS[kind];
    byKind.set(kind, template);
  }
  return template;
}

function addressPart(doc: Document, address: string): HTMLElement {
  let template = addressTemplates.get(doc);
  if (!template) {
    template = doc.createElement('span');
    template.style.cssText = BADGE_ADDRESS;
    addressTemplates.set(doc, template);
  }
  const part = template.cloneNode(false) as HTMLElement;
  part.textContent = address;
  return part;
}

export function createBadge(doc: Document, model: BadgeModel): HTMLElement {
  const host = badgeTemplate(doc, model.kind).cloneNode(false) as HTMLElement;
  fillBadge(host, model);
  return host;
}

/** The badge's accessible name; also how the runtime tells whether a badge is already up to date. */
export function badgeLabel(model: BadgeModel): string {
  const text = badgeText(model);
  return `Bounce Sweeper: ${model.address ? `${text}: ${model.address}` : text}`;
}

/** Rewrites a badge in place (a refinement keeps the node, so the row does not jump). */
export function updateBadge(host: HTMLElement, model: BadgeModel): void {
  host.setAttribute('data-kind', model.kind);
  host.style.cssText = BADGE_BASE + BADGE_COLORS[model.kind];
  fillBadge(host, model);
}

/** The badge's words and hooks (its look comes from its template, or from updateBadge). */
function fillBadge(host: HTMLElement, model: BadgeModel): void {
  const doc = host.ownerDocument;
  host.setAttribute('data-address', model.address);
  const text = badgeText(model);
  const full = model.address ? `${text}: ${model.address}` : text;
  host.setAttribute('aria-label', badgeLabel(model));
  host.title = model.detail ? `${full}\n${model.detail}` : full;
  if (model.address) host.replaceChildren(doc.createTextNode(text), addressPart(doc, model.address));
  else host.textContent = text;
}

// --- Banner on an opened notice --------------------------------------------------------------

export interface BannerRecipient {
  recipient: FailedRecipient;
  /** Where the address now stands in the tally, when the background said. */
  summary?: AddressSummary;
}

export type BannerModel =
  | { state: 'reading' }
  | {
      state: 'classified';
      recipients: BannerRecipient[];
      /** How the notice was read (vocabulary NoticeReading), and in which webmail. */
      reading: NoticeReading;
      webmail: string;
      delayed: boolean;
      /** Why the notice's bounces do not count yet (not tied to the user's sent mail); absent: they count. */
      unverified?: string;
    }
  | { state: 'unreadable'; message: string };

export interface BannerActions {
  /** Records the user's decision ('none' = Undo); resolves to a short confirmation, rejects with a reason. */
  decide(address: string, decision: UserDecision): Promise<string>;
  copy(address: string): Promise<void>;
}

/**
 * A block with buttons (the banner, the compose summary): a shadow host with one box inside. Gmail's
 * shortcuts listen on the document, so keys typed while our buttons have focus stay ours.
 */
function createPanel(doc: Document, hook: string, boxClass: string): HTMLElement {
  const { host, root } = createHost(doc, 'div', hook);
  host.addEventListener('keydown', (event) => event.stopPropagation());
  root.append(el(doc, 'div', boxClass));
  return host;
}

export function createBanner(doc: Document, model: BannerModel, actions: BannerActions): HTMLElement {
  const host = createPanel(doc, 'banner', 'banner');
  updateBanner(host, model, actions);
  return host;
}

export function updateBanner(host: HTMLElement, model: BannerModel, actions: BannerActions): void {
  const doc = host.ownerDocument;
  const box = host.shadowRoot?.querySelector('.banner');
  if (!box) return;
  host.setAttribute('data-state', model.state);
  if (model.state === 'reading') {
    box.className = 'banner k-undetermined';
    box.replaceChildren(el(doc, 'div', 'title', WEBMAIL_WORDS.reading));
    host.setAttribute('data-kind', 'undetermined');
    host.setAttribute('data-address', '');
    return;
  }
  if (model.state === 'unreadable') {
    box.className = 'banner k-undetermined';
    box.replaceChildren(el(doc, 'div', 'title', WEBMAIL_WORDS.unreadable), el(doc, 'div', 'muted', model.message));
    host.setAttribute('data-kind', 'undetermined');
    host.setAttribute('data-address', '');
    return;
  }
  const words = wordsFor(doc);
  const kinds = model.recipients.map((r) => badgeKindOf(r.recipient.kind, r.recipient.reason));
  const overall: BadgeKind = kinds.includes('hard') ? 'hard' : (kinds[0] ?? 'undetermined');
  host.setAttribute('data-kind', overall);
  host.setAttribute('data-address', model.recipients.map((r) => r.recipient.address).join(' '));
  box.className = `banner k-${overall}`;
  const children: Node[] = [el(doc, 'div', 'title', describeBannerTitle(model.recipients.length, model.delayed, words.locale))];
  const statuses = statusesOf(host);
  if (model.unverified) children.push(el(doc, 'div', 'line unverified', describeUnverified(model.unverified)));
  for (const item of model.recipients) children.push(recipientBlock(doc, item, actions, statuses, words, host));
  const reading = describeReading(model.reading, model.webmail);
  if (reading) children.push(el(doc, 'div', 'line muted reading', reading));
  box.replaceChildren(...children);
}

/** The last action answer per address, per banner: a refreshed banner (new tally) keeps showing it. */
const bannerStatuses = new WeakMap<HTMLElement, Map<string, string>>();
function statusesOf(host: HTMLElement): Map<string, string> {
  let map = bannerStatuses.get(host);
  if (!map) {
    map = new Map();
    bannerStatuses.set(host, map);
  }
  return map;
}

/**
 * One failed address: the address alone on the first, largest line (what a user scans for); then
 * always the kind tag first and the cause in plain words; the server's words as evidence; the tally;
 * the user's decision; the buttons, the chosen decision shown pressed.
 */
function recipientBlock(
  doc: Document,
  item: BannerRecipient,
  actions: BannerActions,
  statuses: Map<string, string>,
  words: DayOptions,
  host: HTMLElement,
): HTMLElement {
  const { recipient, summary } = item;
  const kind = badgeKindOf(recipient.kind, recipient.reason);
  const block = el(doc, 'div', 'recipient');
  block.setAttribute('data-address', recipient.address);
  block.append(el(doc, 'div', 'address', recipient.address));
  const cause = el(doc, 'div', 'line cause');
  cause.append(el(doc, 'span', `badge k-${kind}`, describeProblem(recipient.kind, recipient.reason)), doc.createTextNode(describeReason(recipient.reason)));
  block.append(cause);
  const label = describeServerWords(recipient.replyCode, recipient.status, !!recipient.diagnostic);
  if (label) {
    const server = el(doc, 'div', 'line');
    server.append(el(doc, 'span', 'muted', `${label} `));
    if (recipient.diagnostic) server.append(el(doc, 'span', 'server', truncate(recipient.diagnostic, 400)));
    block.append(server);
  }
  const decision = summary?.decision ?? 'none';
  if (summary) {
    block.append(el(doc, 'div', 'line tally', describeTally(summary, words)));
    const decided = describeDecision(summary, words);
    if (decided) {
      const line = el(doc, 'div', 'line decision', decided);
      line.setAttribute('data-decision', decision);
      block.append(line);
    }
  }
  block.setAttribute('data-decision', decision);

  const row = el(doc, 'div', 'actions');
  const status = el(doc, 'span', 'status', statuses.get(recipient.address) ?? '');
  status.setAttribute('role', 'status');
  const say = (message: string): void => {
    statuses.set(recipient.address, message);
    // The answer may come after a redraw (the new tally came first): write it where it shows now.
    const shown = [...(host.shadowRoot?.querySelectorAll<HTMLElement>('.recipient') ?? [])].find((b) => b.getAttribute('data-address') === recipient.address);
    for (const target of new Set([status, shown?.querySelector<HTMLElement>('.status')])) if (target) target.textContent = message;
  };
  if (summary) {
    for (const choice of ['removed', 'kept'] as const) {
      const chosen = decision === choice;
      row.append(actionButton(doc, describeDecisionButton(choice, chosen), choice, () => actions.decide(recipient.address, choice), say, { chosen }));
    }
    if (decision !== 'none') row.append(actionButton(doc, WEBMAIL_WORDS.undo, 'undo', () => actions.decide(recipient.address, 'none'), say));
  }
  row.append(
    actionButton(doc, WEBMAIL_WORDS.copy, 'copy', () => actions.copy(recipient.address).then(() => WEBMAIL_WORDS.copied), say),
    status,
  );
  block.append(row);
  return block;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// --- Compose warning -------------------------------------------------------------------------

/** The words of a recipient's warning on this page (also how the runtime tells it is up to date). */
export function composeWarningText(summary: AddressSummary, doc: Document): string {
  return describeRecipientWarning(summary, wordsFor(doc));
}

export function createComposeWarning(doc: Document, summary: AddressSummary): HTMLElement {
  const { host, root } = createHost(doc, 'span', 'compose-warning');
  host.setAttribute('data-address', summary.address);
  const text = composeWarningText(summary, doc);
  host.setAttribute('role', 'note');
  host.setAttribute('aria-label', `Bounce Sweeper: ${summary.address} ${text}`);
  host.title = `${summary.address}: ${text}. ${describeVerdict(summary.verdict)}.`;
  const kind = badgeKindOfSummary(summary);
  root.append(el(doc, 'span', `warning k-${kind}`, `⚠ ${text}`));
  return host;
}

// --- Compose summary -------------------------------------------------------------------------

export interface ComposeSummaryModel {
  /** Distinct recipients of the message. */
  total: number;
  /** Distinct recipients worth a warning (shouldWarn), with where each stands. */
  flagged: AddressSummary[];
  /** After "Remove them from this message": what happened, and whether Undo can put them back. */
  removed?: { count: number; failed: number; undoable: boolean };
  /** A message of its own (Undo could not put everything back). */
  note?: string;
}

export interface ComposeSummaryActions {
  /** Removes the flagged recipients from the message. */
  removeFlagged(): Promise<void>;
  /** Puts back what removeFlagged took out. */
  undo(): Promise<void>;
}

/** One line near the recipients for the whole message: how many bounced before, why, and one click to take them out. */
export function createComposeSummary(doc: Document, model: ComposeSummaryModel, actions: ComposeSummaryActions): HTMLElement {
  const host = createPanel(doc, 'compose-summary', 'summary');
  host.setAttribute('role', 'region');
  host.setAttribute('aria-label', 'Bounce Sweeper: recipients who bounced before');
  updateComposeSummary(host, model, actions);
  return host;
}

export function updateComposeSummary(host: HTMLElement, model: ComposeSummaryModel, actions: ComposeSummaryActions): void {
  const doc = host.ownerDocument;
  const box = host.shadowRoot?.querySelector('.summary');
  if (!box) return;
  const { locale } = wordsFor(doc);
  const hard = model.flagged.some((summary) => summary.verdict === 'remove' || summary.verdict === 'removed');
  box.className = `summary ${model.flagged.length ? (hard ? 'k-hard' : 'k-soft') : 'k-done'}`;
  host.setAttribute('data-flagged', String(model.flagged.length));
  host.setAttribute('data-total', String(model.total));
  const children: Node[] = [];
  const say = (): void => undefined; // the redraw that follows an action says what happened
  if (model.flagged.length) {
    const text = el(doc, 'span', 'text', `⚠ ${describeComposeSummary(model.flagged, model.total, locale)}`);
    text.setAttribute('data-part', 'sentence');
    children.push(
      text,
      actionButton(doc, describeComposeRemove(model.flagged.length), 'remove-flagged', () => actions.removeFlagged().then(() => ''), say),
    );
  }
  if (model.removed) {
    const done = el(doc, 'span', 'status', describeComposeRemoved(model.removed.count, model.removed.failed, locale));
    done.setAttribute('role', 'status');
    done.setAttribute('data-part', 'removed');
    children.push(done);
    if (model.removed.undoable) children.push(actionButton(doc, WEBMAIL_WORDS.undo, 'undo-remove', () => actions.undo().then(() => ''), say));
  }
  if (model.note) {
    const note = el(doc, 'span', 'status', model.note);
    note.setAttribute('role', 'status');
    children.push(note);
  }
  box.replaceChildren(...children);
}
