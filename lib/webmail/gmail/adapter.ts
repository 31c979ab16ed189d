/**
 * Gmail's WebmailAdapter: where notices, rows and recipient chips are in mail.google.com, and how to
 * read an opened notice (the raw "Show original" source, else the rendered text). All selectors come
 * from ./selectors.ts; nothing here classifies or stores anything.
 */
import type { LifeSign, NoticeReport } from '../../messaging';
import type { ComposeRecipient, ListNotice, OpenNotice, WebmailAdapter } from '../adapter';
import { findAddresses, looksLikeBounce } from '../looks-like-bounce';
import { lifeSignAddress } from '../life-signs';
import { parseShownDate } from '../shown-date';
import { HOOK } from '../inline-ui';
import { accountIndex, accountPath, isValidEmail, readPageInfo } from './page-info';
import { createSelectorQueries, type StaleSelector } from '../selector-table';
import { GMAIL_SELECTORS } from './selectors';
import { RawSourceError, ShowOriginalFetcher, buildShowOriginalUrl, type MessageRef } from './show-original';

export interface GmailAdapterOptions {
  fetcher?: ShowOriginalFetcher;
}

export interface GmailAdapter extends WebmailAdapter {
  fetcher: ShowOriginalFetcher;
  staleSelectors(): StaleSelector[];
  /** The [role=main] view on screen (Gmail keeps earlier views in the page, hidden), or null. */
  visibleMain(doc: Document): HTMLElement | null;
  /** The thread rows under `root`, by Gmail's row selectors or, failing those, climbing from [data-legacy-thread-id]. */
  rowsOf(root: ParentNode): HTMLElement[];
  /** A row's ids: its thread's legacy id and its last message's (equal for a one-message thread). */
  rowIds(row: HTMLElement): { threadId: string; lastMessageId: string };
  /** The messages of an open conversation under `root`, with their ids and whether their sender is a notice's. */
  messagesOf(root: ParentNode): Array<{ element: HTMLElement; ref: MessageRef; isNotice: boolean; date?: string }>;
  /** The row's date as Gmail shows it in its title (ISO), when it reads as a date. */
  rowDate(row: HTMLElement): string | undefined;
}

/**
 * Is this element on screen? Gmail keeps earlier [role=main] views in the page with display:none
 * (issue #11), and a hidden message body (div.a3s.aiL.undefined) is a leftover, not the message.
 */
export function isShown(element: Element): boolean {
  if (!element.isConnected) return false;
  // checkVisibility (Chrome 105, Firefox 106, happy-dom) walks the ancestors' computed display.
  if (typeof element.checkVisibility === 'function') return element.checkVisibility();
  for (let node: Element | null = element; node; node = node.parentElement) if ((node as HTMLElement).hidden) return false;
  return true;
}

/** A thread row found without Gmail's class names: climb from the id carrier to its table row (issue #11). */
function rowAround(carrier: Element): HTMLElement | null {
  return carrier.closest<HTMLElement>('tr[id], [role="row"], tr');
}

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Visible text of a body: innerText keeps line breaks where layout puts them; textContent otherwise. */
function visibleText(node: HTMLElement): string {
  const clone = node.cloneNode(true) as HTMLElement;
  // Our own banner may sit inside an older layout's body; never report our words as the notice's.
  for (const own of clone.querySelectorAll(`[${HOOK}]`)) own.remove();
  for (const hidden of clone.querySelectorAll('style, script, noscript')) hidden.remove();
  // biome-ignore lint/performance/useDomNodeTextContent: innerText on purpose: its line breaks follow the layout, which the rendered-text classifier reads.
  const raw = typeof node.innerText === 'string' && node.isConnected ? node.innerText : (clone.textContent ?? '');
  return raw.replace(/[ \t\u00a0]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim().slice(0, 200_000);
}

function participant(span: Element): string {
  const email = span.getAttribute('email') ?? '';
  const name = span.getAttribute('name') ?? text(span);
  if (!email) return name;
  return name && name.toLowerCase() !== email.toLowerCase() ? `${name} <${email}>` : email;
}

/** The `msg-f:<decimal>` form from a data-message-id like "#msg-f:1638756560099919527". */
function permIdOf(value: string | null): string {
  const match = /msg-f:\d{1,24}/.exec(value ?? '');
  return match ? match[0] : '';
}

function legacyIdOf(value: string | null): string {
  return value && /^[0-9a-f]{12,20}$/.test(value) ? value : '';
}

/**
 * The legacy hex id written in decimal is the msg-f id (SGN dec2hex; webmail-dom.md §1.5 ⚠). Used
 * only to match a row to an opened message when one of them lacks the other attribute. BigInt: ids
 * exceed 2^53.
 */
export function legacyToPermId(legacyId: string): string {
  return legacyId ? `msg-f:${BigInt(`0x${legacyId}`).toString(10)}` : '';
}

export function messageRefOf(message: Element): MessageRef {
  const carrier = message.hasAttribute('data-legacy-message-id') ? message : (message.querySelector('[data-legacy-message-id]') ?? message);
  const legacyId = legacyIdOf(carrier.getAttribute('data-legacy-message-id'));
  const permId = permIdOf(message.getAttribute('data-message-id')) || legacyToPermId(legacyId);
  return { permId, legacyId };
}

export function createGmailAdapter(options: GmailAdapterOptions = {}): GmailAdapter {
  const fetcher = options.fetcher ?? new ShowOriginalFetcher();
  // One set of queries per adapter, i.e. per page: it remembers which names only an old layout answered.
  const { queryFirst, queryAll, closest, stale } = createSelectorQueries(GMAIL_SELECTORS);

  function account(doc: Document): string {
    const { userEmail } = readPageInfo(doc);
    return userEmail || accountIndex(doc.location.pathname);
  }

  /** What a row says; each part read when first asked (a selector asked is a selector whose health is noted). */
  interface RowFacts {
    readonly senders: HTMLElement[];
    readonly subjectNode: HTMLElement | null;
    readonly snippetNode: HTMLElement | null;
    readonly badgeHost: HTMLElement | null;
    readonly lastMessage: HTMLElement | null;
    readonly thread: HTMLElement | null;
    readonly date: HTMLElement | null;
  }

  function factsOf(row: HTMLElement): RowFacts {
    const read = new Map<string, unknown>();
    const once = <T>(part: string, query: () => T): T => {
      if (!read.has(part)) read.set(part, query());
      return read.get(part) as T;
    };
    return {
      get senders() {
        return once('senders', () => queryAll(row, 'rowSenders'));
      },
      get subjectNode() {
        return once('subject', () => queryFirst(row, 'rowSubject'));
      },
      get snippetNode() {
        return once('snippet', () => queryFirst(row, 'rowSnippet'));
      },
      get badgeHost() {
        return once('badgeHost', () => queryFirst(row, 'rowBadgeHost'));
      },
      get lastMessage() {
        return once('lastMessage', () => queryFirst(row, 'rowLastMessageId'));
      },
      get thread() {
        return once('thread', () => queryFirst(row, 'rowThreadId'));
      },
      get date() {
        return once('date', () => queryFirst(row, 'rowDate'));
      },
    };
  }

  /** The rows under `root`, or the row around it (a node Gmail painted into a row: hover actions, labels). */
  function rowsAtOrAround(root: ParentNode): HTMLElement[] {
    const rows = rowsOf(root);
    if (!rows.length && (root as Node).nodeType === 1) {
      const around = closest(root as Element, 'row');
      if (around) rows.push(around);
    }
    return rows;
  }

  function noticeOfRow(row: HTMLElement, facts: RowFacts): ListNotice | null {
    const from = facts.senders.map(participant).join(', ');
    const subject = text(facts.subjectNode);
    const snippet = text(facts.snippetNode).replace(/^[-–\s]+/, '');
    const look = looksLikeBounce({ subject, from, snippet });
    if (!look.isBounce) return null;
    const badgeHost = facts.badgeHost ?? facts.subjectNode?.parentElement ?? null;
    if (!badgeHost) return null;
    const lastMessage = facts.lastMessage?.getAttribute('data-legacy-last-message-id');
    const thread = facts.thread?.getAttribute('data-legacy-thread-id');
    return { row, badgeHost, messageId: legacyIdOf(lastMessage ?? null) || legacyIdOf(thread ?? null), subject, from, snippet, delayed: look.delayed };
  }

  function findListNotices(root: ParentNode): ListNotice[] {
    const notices: ListNotice[] = [];
    for (const row of rowsAtOrAround(root)) {
      const notice = noticeOfRow(row, factsOf(row));
      if (notice) notices.push(notice);
    }
    return notices;
  }

  /** Where list rows name their senders (not Sent, Drafts, Scheduled or Outbox), and whom to leave out. */
  function lifeSignScope(doc: Document): { me: string; locale: string } | null {
    return listsRecipients(doc.location.hash) ? null : { me: account(doc), locale: pageLocale(doc) };
  }

  function signOfRow(facts: RowFacts, scope: { me: string; locale: string }): LifeSign | null {
    const senders = facts.senders;
    const addresses = new Set(senders.map((span) => (span.getAttribute('email') ?? '').toLowerCase()));
    if (addresses.size !== 1 || namesRecipients(senders[0]!)) return null;
    const address = lifeSignAddress([...addresses][0], scope.me);
    const title = facts.date?.getAttribute('title');
    const at = title ? isoOfTitle(title, scope.locale) : undefined;
    return address && at ? { address, at } : null;
  }

  /** The life signs of open messages under `root`, each by its own header. */
  function messageSigns(root: ParentNode, me: string): LifeSign[] {
    const signs: LifeSign[] = [];
    for (const message of messagesOf(root)) {
      const sender = queryFirst(message.element, 'messageSender');
      const address = lifeSignAddress(sender?.getAttribute('email'), me);
      if (address && message.date) signs.push({ address, at: message.date });
    }
    return signs;
  }

  /** findListNotices and findLifeSigns in one read of each row (the runtime reads a list's rows in slices). */
  function readRows(root: ParentNode): { notices: ListNotice[]; signs: LifeSign[] } {
    const doc = (root as Node).ownerDocument ?? (root as Document);
    const notices: ListNotice[] = [];
    const signs: LifeSign[] = [];
    const rows = rowsAtOrAround(root);
    const scope = rows.length ? lifeSignScope(doc) : null;
    for (const row of rows) {
      const facts = factsOf(row);
      const notice = noticeOfRow(row, facts);
      if (notice) notices.push(notice);
      const sign = scope ? signOfRow(facts, scope) : null;
      if (sign) signs.push(sign);
    }
    signs.push(...messageSigns(root, scope?.me ?? account(doc)));
    return { notices, signs };
  }

  function rowsOf(root: ParentNode): HTMLElement[] {
    const rows = queryAll(root, 'row');
    if (rows.length) return rows;
    // Row fallback without Gmail's class names (issue #11): every id carrier's own row, once.
    const found = new Set<HTMLElement>();
    for (const carrier of queryAll(root, 'rowThreadId')) {
      const row = rowAround(carrier);
      if (row && row !== root) found.add(row);
    }
    return [...found];
  }

  function rowIds(row: HTMLElement): { threadId: string; lastMessageId: string } {
    const threadId = legacyIdOf(queryFirst(row, 'rowThreadId')?.getAttribute('data-legacy-thread-id') ?? null);
    const last = legacyIdOf(queryFirst(row, 'rowLastMessageId')?.getAttribute('data-legacy-last-message-id') ?? null);
    return { threadId, lastMessageId: last || threadId };
  }

  function rowDate(row: HTMLElement): string | undefined {
    const title = queryFirst(row, 'rowDate')?.getAttribute('title');
    return title ? isoOfTitle(title, pageLocale(row.ownerDocument)) : undefined;
  }

  /**
   * Proof of life (issue #13, ./life-signs.ts): list rows with one sender, dated by the row's full
   * date; open messages, each by its own header. Not in Sent, Drafts, Scheduled or Outbox, where
   * the sender column names recipients.
   */
  function findLifeSigns(root: ParentNode): LifeSign[] {
    const doc = (root as Node).ownerDocument ?? (root as Document);
    const signs: LifeSign[] = [];
    const rows = rowsAtOrAround(root);
    const scope = rows.length ? lifeSignScope(doc) : null;
    if (scope) {
      for (const row of rows) {
        const sign = signOfRow(factsOf(row), scope);
        if (sign) signs.push(sign);
      }
    }
    signs.push(...messageSigns(root, scope?.me ?? account(doc)));
    return signs;
  }

  function visibleMain(doc: Document): HTMLElement | null {
    return queryAll(doc, 'main').find(isShown) ?? null;
  }

  function messagesOf(root: ParentNode): Array<{ element: HTMLElement; ref: MessageRef; isNotice: boolean; date?: string }> {
    const found = queryAll(root, 'message');
    const outermost = found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
    return outermost.map((element) => {
      const sender = queryFirst(element, 'messageSender');
      return { element, ref: messageRefOf(element), isNotice: sender ? looksLikeBounce({ subject: '', from: participant(sender) }).isBounce : false, date: dateOf(element) };
    });
  }

  /** The message's body on screen: a hidden leftover body (div.a3s.aiL.undefined) is skipped (issue #11). */
  function bodyOf(message: HTMLElement): HTMLElement | null {
    return queryAll(message, 'messageBody').find((body) => !body.classList.contains('undefined') && isShown(body)) ?? null;
  }

  function findOpenNotices(root: ParentNode): OpenNotice[] {
    const found = new Set(queryAll(root, 'message'));
    if ((root as Node).nodeType === 1) {
      const around = closest(root as Element, 'message');
      if (around) found.add(around);
    }
    // The outermost only: the list-item variant matches any id carrier inside an item, and one
    // message must never be read (or get a banner) twice.
    const messages = [...found].filter((el) => ![...found].some((other) => other !== el && other.contains(el)));
    if (!messages.length) return [];
    const doc = (root as Node).ownerDocument ?? (root as Document);
    const subject = text(queryFirst(doc, 'threadSubject'));
    const notices: OpenNotice[] = [];
    for (const message of messages) {
      const body = bodyOf(message);
      if (!body) continue; // collapsed: no body DOM until expanded (webmail-dom.md §1.4)
      const sender = queryFirst(message, 'messageSender');
      const from = sender ? participant(sender) : '';
      // Per message, not per thread: a bounce threaded into a conversation is one message among others,
      // found by its sender (the thread subject is the original's); a thread a notice started is
      // found by its subject (webmail-dom.md §1.8).
      if (!looksLikeBounce({ subject, from }).isBounce) continue;
      const ref = messageRefOf(message);
      notices.push({ message, bannerHost: body, messageId: ref.legacyId || ref.permId, subject, from, body });
    }
    return notices;
  }

  function findComposeRecipients(root: ParentNode): ComposeRecipient[] {
    const recipients: ComposeRecipient[] = [];
    for (const chip of queryAll(root, 'composeChip')) {
      const address = chipAddress(chip);
      if (!address) continue;
      const compose = closest(chip, 'composeWindow') ?? chip.closest<HTMLElement>('form') ?? chip.parentElement ?? chip;
      recipients.push({ chip, address, compose, field: fieldOf(chip) });
    }
    return recipients;
  }

  /** to / cc / bcc: the peoplekit field's name, or the legacy chip's hidden input's. */
  function fieldOf(chip: HTMLElement): string {
    const name = closest(chip, 'composeField')?.getAttribute('name') ?? chip.querySelector('input[type="hidden"][name]')?.getAttribute('name');
    return name === 'cc' || name === 'bcc' ? name : 'to';
  }

  function placeComposeSummary(compose: HTMLElement, host: HTMLElement): boolean {
    // Right under the recipients: above the subject box, else after the last recipient field.
    const subject = queryFirst(compose, 'composeSubject');
    if (subject) {
      subject.before(host);
      return true;
    }
    const fields = queryAll(compose, 'composeField');
    const last = fields[fields.length - 1];
    if (!last) return false;
    last.after(host);
    return true;
  }

  /** The chip's own remove button, clicked as a user would (InboxSDK set-recipients.ts does the same). */
  function removeRecipient(recipient: ComposeRecipient): boolean {
    const button = queryFirst(recipient.chip, 'composeChipRemove');
    if (!button) return false;
    button.click();
    return true;
  }

  /**
   * Addresses pasted into the field's typing input, which Gmail turns into chips (InboxSDK
   * set-recipients.ts pastes "a,b" as a ClipboardEvent); the legacy textarea takes them as its
   * value and an Enter.
   */
  function addRecipients(compose: HTMLElement, field: string, addresses: readonly string[]): boolean {
    if (!addresses.length) return true;
    const fieldElement = queryAll(compose, 'composeField').find((el) => el.getAttribute('name') === field);
    const input =
      (fieldElement ? queryFirst<HTMLInputElement | HTMLTextAreaElement>(fieldElement, 'composeFieldInput') : null) ??
      queryAll<HTMLInputElement | HTMLTextAreaElement>(compose, 'composeFieldInput').find((el) => el.getAttribute('name') === field) ??
      null;
    if (!input) return false;
    const text = addresses.join(',');
    const view = compose.ownerDocument.defaultView;
    if (input.tagName === 'TEXTAREA' || !view || typeof view.DataTransfer !== 'function' || typeof view.ClipboardEvent !== 'function') {
      input.value = input.value ? `${input.value},${text}` : text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
      return true;
    }
    const data = new view.DataTransfer();
    data.setData('text/plain', text);
    input.focus();
    input.dispatchEvent(new view.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    return true;
  }

  async function readNotice(notice: OpenNotice, doc: Document): Promise<NoticeReport> {
    const { ik } = readPageInfo(doc);
    const ref = messageRefOf(notice.message);
    const report: NoticeReport = {
      webmail: 'gmail',
      account: account(doc),
      messageId: ref.legacyId || ref.permId,
      url: doc.location.href,
      rendered: {
        subject: notice.subject,
        from: notice.from,
        text: visibleText(notice.body),
        date: dateOf(notice.message),
      },
    };
    const url = buildShowOriginalUrl(doc.location.origin, accountPath(doc.location.pathname), ik, ref);
    if (url) {
      try {
        report.raw = await fetcher.read(url);
      } catch (error) {
        if (!(error instanceof RawSourceError)) throw error;
        // Rendered-text fallback: report.rendered is already filled.
      }
    }
    return report;
  }

  return {
    id: 'gmail',
    fetcher,
    findsAroundNodes: true,
    isApp: (doc) => doc.location.pathname.startsWith('/mail') && !!queryFirst(doc, 'main'),
    // Every [role=main] view: Gmail keeps earlier views in the page, hidden, and shows them again (issue #11).
    observedRoots: (doc) => [...queryAll(doc, 'main'), ...queryAll(doc, 'composeMoleArea'), ...queryAll(doc, 'fullScreenCompose')],
    account,
    findListNotices,
    findLifeSigns,
    readRows,
    findOpenNotices,
    findComposeRecipients,
    placeComposeSummary,
    removeRecipient,
    addRecipients,
    offersRawSource: true,
    readNotice,
    staleSelectors: stale,
    visibleMain,
    rowsOf,
    listRows: rowsOf,
    rowIds,
    rowDate,
    messagesOf,
  };

  function dateOf(message: Element): string | undefined {
    const title = queryFirst(message, 'messageDate')?.getAttribute('title');
    return title ? isoOfTitle(title, pageLocale(message.ownerDocument)) : undefined;
  }
}

/** Gmail's routes whose list shows recipients where senders go (Gmail's own route names; a search in them too). */
const LISTS_RECIPIENTS = /^#(?:sent|drafts|scheduled|outbox)\b|\bin:(?:sent|drafts?|scheduled|outbox)\b/i;

/** The answer for the last hash asked (a list is read row by row; the route is the same for all of them). */
let lastRoute = { hash: '', lists: false };
function listsRecipients(hash: string): boolean {
  if (lastRoute.hash !== hash || !lastRoute.hash) lastRoute = { hash, lists: LISTS_RECIPIENTS.test(decodeHash(hash)) };
  return lastRoute.lists;
}

function pageLocale(doc: Document): string {
  return doc.documentElement.lang || doc.defaultView?.navigator.language || 'en-US';
}

function decodeHash(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/\+/g, ' '));
  } catch {
    return hash;
  }
}

/**
 * A sender cell that begins with a label ending in a colon ("To:", "À :", "An:") lists recipients
 * (a sent message in a label or a search): the words are localized, the colon is not.
 */
function namesRecipients(firstSender: Element): boolean {
  const cell = firstSender.parentElement;
  if (!cell) return false;
  let before = '';
  for (const node of cell.childNodes) {
    if (node === firstSender) break;
    before += node.textContent ?? '';
  }
  return /[:：]\s*$/.test(before);
}

/** "Tue, Nov 24, 2026, 9:14 AM" (Gmail's title, English UI) → ISO; undefined when it does not read as a date. */
function isoOfTitle(title: string, locale?: string): string | undefined {
  const date = new Date(title.replace(' at ', ' '));
  if (!Number.isNaN(date.getTime())) return date.toISOString();
  // Another UI language ("mar. 24 nov. 2026, 09:14"): the shared locale-aware reader.
  return locale ? parseShownDate(title, locale) : undefined;
}

/** Address of a chip: data-hovercard-id (peoplekit), [email], or the legacy hidden input "Name <addr>". */
function chipAddress(chip: Element): string {
  const candidates = [
    chip.getAttribute('data-hovercard-id'),
    chip.getAttribute('email'),
    chip.querySelector('[email]')?.getAttribute('email'),
    chip.querySelector<HTMLInputElement>('input[type="hidden"]')?.value,
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const address = findAddresses(candidate)[0] ?? (isValidEmail(candidate.trim()) ? candidate.trim().toLowerCase() : '');
    if (address) return address;
  }
  return '';
}
