/**
 * What the content scripts draw inside a webmail: the list badge, the banner atop an opened notice
 * and the compose warning. Webmail-neutral; adapters only say *where*.
 *
 * - Built with createElement/textContent only: Gmail enforces Trusted Types and every email is hostile
 *   (webmail-dom.md 3.6). No string of mail content ever becomes markup.
 * - Each piece is a host element carrying the public hooks (`data-bounce-sweeper`, `data-kind`,
 *   `data-address`). Banner and compose warning keep an open shadow root inside: our styles cannot
 *   leak into the webmail and the webmail's cannot reach ours (`:host { all: initial }`). The list
 *   badge, drawn per row, uses inline `all: initial` styles instead (see createBadge).
 * - Nothing here is focusable except the banner's buttons, so Gmail's keyboard shortcuts keep working;
 *   key presses inside the banner stop at the host (Gmail listens on the document).
 */
import type { BounceKind, FailedRecipient, Reason } from '../bounce/types';
import { isSenderProblem } from '../bounce/severity';
import type { AddressSummary, UserDecision } from '../policy';
import { describeReason, describeVerdict } from '../vocabulary';

export type BadgeKind = 'hard' | 'soft' | 'sender' | 'undetermined';

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

const KIND_TEXT: Record<BadgeKind, string> = {
  hard: 'Hard bounce',
  soft: 'Soft bounce',
  sender: 'Sender blocked',
  undetermined: 'Bounce',
};

const CSS = `
:host { all: initial; display: inline-flex; vertical-align: middle; font: 12px/1.4 Roboto, Arial, sans-serif; color: #202124; }
:host([data-bounce-sweeper="banner"]) { display: block; margin: 0 0 12px; }
.badge { display: inline-flex; gap: 4px; align-items: center; margin: 0 6px 0 0; padding: 0 6px; border-radius: 8px; white-space: nowrap; max-width: 28em; overflow: hidden; text-overflow: ellipsis; border: 1px solid transparent; }
.k-hard { background: #fce8e6; color: #a50e0e; border-color: #f6aea9; }
.k-soft { background: #fef7e0; color: #7a4f01; border-color: #fdd663; }
.k-sender { background: #e8f0fe; color: #174ea6; border-color: #aecbfa; }
.k-undetermined { background: #f1f3f4; color: #3c4043; border-color: #dadce0; }
.address { font-weight: 600; }
.banner { border: 1px solid #dadce0; border-left: 4px solid #5f6368; border-radius: 6px; padding: 10px 12px; background: #fff; color: #202124; }
.banner .title { color: inherit; }
.banner.k-hard { border-left-color: #d93025; } .banner.k-soft { border-left-color: #f9ab00; } .banner.k-sender { border-left-color: #1a73e8; }
.title { font-weight: 600; font-size: 13px; margin: 0 0 6px; }
.banner.k-hard .title { color: #a50e0e; } .banner.k-soft .title { color: #7a4f01; } .banner.k-sender .title { color: #174ea6; }
.recipient { padding: 6px 0; border-top: 1px solid #f1f3f4; }
.recipient:first-of-type { border-top: 0; }
.line { margin: 2px 0; }
.server { font-family: monospace; white-space: pre-wrap; word-break: break-word; color: #3c4043; }
.muted { color: #5f6368; }
.actions { display: flex; gap: 6px; margin-top: 6px; flex-wrap: wrap; }
button { all: initial; font: 12px/1.4 Roboto, Arial, sans-serif; cursor: pointer; padding: 2px 10px; border-radius: 4px; border: 1px solid #dadce0; background: #fff; color: #1a73e8; }
button:hover { background: #f6fafe; } button:focus-visible { outline: 2px solid #1a73e8; }
button[disabled] { color: #9aa0a6; cursor: default; }
.status { color: #137333; margin-left: 4px; }
.warning { background: #fce8e6; color: #a50e0e; border: 1px solid #f6aea9; border-radius: 8px; padding: 0 6px; margin: 0 4px; white-space: nowrap; }
.warning.k-soft { background: #fef7e0; color: #7a4f01; border-color: #fdd663; }
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
        sheet.replaceSync(CSS);
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
    style.textContent = CSS;
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

// --- List badge ------------------------------------------------------------------------------

export interface BadgeModel {
  kind: BadgeKind;
  /** The failed address, once known ('' otherwise). */
  address: string;
  /** Replaces the kind wording, e.g. "Delivery delayed". */
  label?: string;
  /** Longer explanation shown on hover. */
  detail?: string;
}

export function badgeText(model: BadgeModel): string {
  return model.label ?? KIND_TEXT[model.kind];
}

/*
 * The list badge is the one piece drawn dozens of times per list render, so it is not a shadow host:
 * 71 shadow roots cost a 100-row re-render about three times the style work in the bench
 * (scripts/bench/content-script.ts). It is light DOM with inline `all: initial` (or `all: unset`
 * inside) instead: an inline declaration beats every non-!important Gmail rule, and nothing of ours
 * is a stylesheet that could reach Gmail's elements.
 */
const BADGE_BASE =
  'all:initial;display:inline-flex;gap:4px;align-items:center;vertical-align:middle;box-sizing:border-box;' +
  'margin:0 6px 0 0;padding:0 6px;border:1px solid;border-radius:8px;white-space:nowrap;max-width:28em;' +
  'overflow:hidden;font:12px/1.4 Roboto,Arial,sans-serif;cursor:inherit;';
const BADGE_COLORS: Record<BadgeKind, string> = {
  hard: 'background:#fce8e6;color:#a50e0e;border-color:#f6aea9;',
  soft: 'background:#fef7e0;color:#7a4f01;border-color:#fdd663;',
  sender: 'background:#e8f0fe;color:#174ea6;border-color:#aecbfa;',
  undetermined: 'background:#f1f3f4;color:#3c4043;border-color:#dadce0;',
};
const BADGE_ADDRESS = 'all:unset;font-weight:600;overflow:hidden;text-overflow:ellipsis;';

export function createBadge(doc: Document, model: BadgeModel): HTMLElement {
  const host = doc.createElement('span');
  host.setAttribute(HOOK, 'badge');
  updateBadge(host, model);
  return host;
}

/** The badge's accessible name; also how the runtime tells whether a badge is already up to date. */
export function badgeLabel(model: BadgeModel): string {
  const text = badgeText(model);
  return `Bounce Sweeper: ${model.address ? `${text}: ${model.address}` : text}`;
}

/** Rewrites a badge in place (a refinement keeps the node, so the row does not jump). */
export function updateBadge(host: HTMLElement, model: BadgeModel): void {
  const doc = host.ownerDocument;
  host.setAttribute('data-kind', model.kind);
  host.setAttribute('data-address', model.address);
  const text = badgeText(model);
  const full = model.address ? `${text}: ${model.address}` : text;
  host.setAttribute('aria-label', badgeLabel(model));
  host.title = model.detail ? `${full}\n${model.detail}` : full;
  host.style.cssText = BADGE_BASE + BADGE_COLORS[model.kind];
  const parts: Node[] = [doc.createTextNode(text)];
  if (model.address) {
    const address = doc.createElement('span');
    address.style.cssText = BADGE_ADDRESS;
    address.textContent = model.address;
    parts.push(address);
  }
  host.replaceChildren(...parts);
}

// --- Banner on an opened notice --------------------------------------------------------------

export interface BannerRecipient {
  recipient: FailedRecipient;
  /** Where the address now stands in the tally, when the background said. */
  summary?: AddressSummary;
}

export type BannerModel =
  | { state: 'reading' }
  | { state: 'classified'; recipients: BannerRecipient[]; source: 'raw' | 'rendered'; delayed: boolean }
  | { state: 'unreadable'; message: string };

export interface BannerActions {
  /** Records the user's decision; resolves to a short confirmation, rejects with a reason. */
  decide(address: string, decision: Exclude<UserDecision, 'none'>): Promise<string>;
  copy(address: string): Promise<void>;
}

export function createBanner(doc: Document, model: BannerModel, actions: BannerActions): HTMLElement {
  const { host, root } = createHost(doc, 'div', 'banner');
  // Gmail's shortcuts listen on the document: keys typed while our buttons have focus stay ours.
  host.addEventListener('keydown', (event) => event.stopPropagation());
  root.append(el(doc, 'div', 'banner'));
  updateBanner(host, model, actions);
  return host;
}

const ORDINAL_SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
// Intl objects are costly to build (a fresh one per row made a 100-row batch several times slower):
// one of each, made on first use.
let ordinalRules: Intl.PluralRules | undefined;
let shortDateFormat: Intl.DateTimeFormat | undefined;
export function ordinal(n: number): string {
  ordinalRules ??= new Intl.PluralRules('en', { type: 'ordinal' });
  const rule = ordinalRules.select(n);
  return `${n}${ORDINAL_SUFFIX[rule] ?? 'th'}`;
}

/** The tally so far in a sentence, from the background's summary. */
export function describeTally(summary: AddressSummary): string {
  if (summary.decision === 'removed') return 'You marked this address removed.';
  if (summary.decision === 'kept') return 'You chose to keep this address.';
  const parts: string[] = [];
  if (summary.hardCount > 0) {
    parts.push(summary.hardCount === 1 ? '1st hard bounce' : `${ordinal(summary.hardCount)} hard bounce`);
  }
  if (summary.softDaysInWindow > 0) {
    parts.push(
      `${ordinal(summary.softDaysInWindow)} day with a soft bounce in the policy window ` +
        `(${summary.softDaysThreshold} make it removable)`,
    );
  }
  if (summary.senderProblemCount > 0 && !parts.length) {
    parts.push(`${ordinal(summary.senderProblemCount)} refusal of your sending server`);
  }
  const head = parts.length ? `${parts.join('; ')}. ` : '';
  return `${head}Verdict: ${describeVerdict(summary.verdict)}.`;
}

export function updateBanner(host: HTMLElement, model: BannerModel, actions: BannerActions): void {
  const doc = host.ownerDocument;
  const box = host.shadowRoot?.querySelector('.banner');
  if (!box) return;
  host.setAttribute('data-state', model.state);
  if (model.state === 'reading') {
    box.className = 'banner k-undetermined';
    box.replaceChildren(el(doc, 'div', 'title', 'Bounce Sweeper is reading this bounce notice…'));
    host.setAttribute('data-kind', 'undetermined');
    host.setAttribute('data-address', '');
    return;
  }
  if (model.state === 'unreadable') {
    box.className = 'banner k-undetermined';
    box.replaceChildren(el(doc, 'div', 'title', 'Bounce Sweeper could not read this notice'), el(doc, 'div', 'muted', model.message));
    host.setAttribute('data-kind', 'undetermined');
    host.setAttribute('data-address', '');
    return;
  }
  const kinds = model.recipients.map((r) => badgeKindOf(r.recipient.kind, r.recipient.reason));
  const overall: BadgeKind = kinds.includes('hard') ? 'hard' : (kinds[0] ?? 'undetermined');
  host.setAttribute('data-kind', overall);
  host.setAttribute('data-address', model.recipients.map((r) => r.recipient.address).join(' '));
  box.className = `banner k-${overall}`;
  const title =
    model.recipients.length === 0
      ? 'Bounce notice: no failed address could be read'
      : model.delayed
        ? 'Delivery delayed: the server is still retrying'
        : `Bounce notice: ${model.recipients.length === 1 ? 'one address' : `${model.recipients.length} addresses`} failed`;
  const children: Node[] = [el(doc, 'div', 'title', title)];
  const statuses = statusesOf(host);
  for (const item of model.recipients) children.push(recipientBlock(doc, item, actions, statuses));
  if (model.source === 'rendered') {
    children.push(el(doc, 'div', 'muted', 'Read from the text on screen (the original message could not be fetched).'));
  }
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

function recipientBlock(doc: Document, item: BannerRecipient, actions: BannerActions, statuses: Map<string, string>): HTMLElement {
  const { recipient, summary } = item;
  const kind = badgeKindOf(recipient.kind, recipient.reason);
  const block = el(doc, 'div', 'recipient');
  block.setAttribute('data-address', recipient.address);
  const head = el(doc, 'div', 'line');
  const badge = el(doc, 'span', `badge k-${kind}`, KIND_TEXT[kind]);
  head.append(badge, el(doc, 'span', 'address', recipient.address));
  block.append(head);
  block.append(el(doc, 'div', 'line', `Reason: ${describeReason(recipient.reason)}`));
  const code = [recipient.status, recipient.replyCode].filter(Boolean).join(' / ');
  if (code || recipient.diagnostic) {
    const server = el(doc, 'div', 'line');
    server.append(el(doc, 'span', 'muted', code ? `Status ${code}: ` : 'Server said: '));
    server.append(el(doc, 'span', 'server', truncate(recipient.diagnostic, 400)));
    block.append(server);
  }
  if (summary) block.append(el(doc, 'div', 'line tally', describeTally(summary)));

  const row = el(doc, 'div', 'actions');
  const status = el(doc, 'span', 'status', statuses.get(recipient.address) ?? '');
  status.setAttribute('role', 'status');
  const say = (message: string): void => {
    statuses.set(recipient.address, message);
    status.textContent = message;
  };
  const button = (label: string, action: string, run: () => Promise<string>): HTMLButtonElement => {
    const b = el(doc, 'button', undefined, label);
    b.type = 'button';
    b.setAttribute('data-action', action);
    b.addEventListener('click', (event) => {
      // The row/message under us is clickable in the webmail: the click is ours alone.
      event.stopPropagation();
      event.preventDefault();
      b.disabled = true;
      run()
        .then(say)
        .catch((error: unknown) => say(error instanceof Error ? error.message : String(error)))
        .finally(() => (b.disabled = false));
    });
    return b;
  };
  if (summary) {
    row.append(button('Mark removed', 'removed', () => actions.decide(recipient.address, 'removed')));
    row.append(button('Keep anyway', 'kept', () => actions.decide(recipient.address, 'kept')));
  }
  row.append(
    button('Copy address', 'copy', () => actions.copy(recipient.address).then(() => 'Address copied.')),
    status,
  );
  block.append(row);
  return block;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// --- Compose warning -------------------------------------------------------------------------

/** Verdicts worth a warning in compose: the address is, or may soon be, on the removal list. */
const WARN_VERDICTS = new Set(['remove', 'remove-repeated-soft', 'watch', 'removed']);

export function shouldWarn(summary: AddressSummary): boolean {
  return WARN_VERDICTS.has(summary.verdict);
}

function shortDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  shortDateFormat ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
  return shortDateFormat.format(date);
}

/** "hard-bounced on 3 Nov: address does not exist". */
export function composeWarningText(summary: AddressSummary): string {
  const when = shortDate(summary.lastBounceAt);
  const kind = summary.lastKind === 'hard' ? 'hard-bounced' : summary.lastKind === 'soft' ? 'soft-bounced' : 'bounced';
  const days = summary.verdict === 'remove-repeated-soft' ? ` (${summary.softDaysInWindow} days)` : '';
  const core = `${kind}${days}${when ? ` on ${when}` : ''}: ${describeReason(summary.lastReason)}`;
  return summary.verdict === 'removed' ? `marked removed; ${core}` : core;
}

export function createComposeWarning(doc: Document, summary: AddressSummary): HTMLElement {
  const { host, root } = createHost(doc, 'span', 'compose-warning');
  host.setAttribute('data-address', summary.address);
  const text = composeWarningText(summary);
  host.setAttribute('role', 'note');
  host.setAttribute('aria-label', `Bounce Sweeper: ${summary.address} ${text}`);
  host.title = `${summary.address}: ${text}. ${describeVerdict(summary.verdict)}.`;
  const kind = badgeKindOfSummary(summary);
  root.append(el(doc, 'span', `warning k-${kind}`, `⚠ ${text}`));
  return host;
}
