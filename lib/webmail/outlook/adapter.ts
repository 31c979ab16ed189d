/**
 * Outlook on the web (new Outlook / OWA on outlook.live.com, outlook.office.com,
 * outlook.office365.com, outlook.cloud.microsoft) behind the webmail-neutral adapter interface.
 * It only finds and reads; the runtime draws, the background classifies (lib/webmail/adapter.ts).
 *
 * Outlook offers no same-origin raw source (webmail-dom.md 2.6), so readNotice hands on the
 * rendered view: subject, sender and the visible text of the reading pane body, which carries the
 * recipient, the status code and the remote server's words (webmail-dom.md 2.7).
 * Localized aria-labels ("Message body", "Nachrichtentext", "De :") are never read for meaning;
 * roles, ids, data attributes, titles and address patterns are (webmail-dom.md 3.7).
 */
import type { LifeSign, NoticeReport } from '../../messaging';
import type { ComposeRecipient, ListNotice, OpenNotice, WebmailAdapter } from '../adapter';
import { looksLikeBounce } from '../looks-like-bounce';
import { lifeSignAddress } from '../life-signs';
import { createSelectorQueries } from '../selector-table';
import { OUTLOOK_SELECTORS, type OutlookSelectorName } from './selectors';
import { lineText, visibleText } from './text';
import { parseShownDate } from '../shown-date';

const OWN = '[data-bounce-sweeper]';

// One set of queries for the page (the adapter is one object per content script): it remembers
// which names only an older layout answered.
const { queryFirst, queryAll, closest, anyOf, stale } = createSelectorQueries(OUTLOOK_SELECTORS);

/** One address (RFC 5321 dot-atom, practical subset), as looks-like-bounce.ts matches them. */
const ADDRESS_RE =
  /[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+/gi;
const EXACT_ADDRESS_RE = new RegExp(`^<?(${ADDRESS_RE.source})>?$`, 'i');

/** Distinct addresses in a text, lower-cased (the tally keys addresses lower-cased). */
export function addressesIn(text: string | null | undefined): string[] {
  const found: string[] = [];
  for (const match of (text ?? '').matchAll(ADDRESS_RE)) {
    const address = match[0].toLowerCase().replace(/\.+$/, '');
    if (!found.includes(address)) found.push(address);
  }
  return found;
}

function isElement(node: ParentNode): node is Element {
  return (node as Node).nodeType === 1;
}

/** Elements of `which` in `root`, plus the one `root` sits in (a watcher batch may hand us a child). */
function findAround(root: ParentNode, which: OutlookSelectorName): HTMLElement[] {
  const found = queryAll(root, which);
  if (!found.length && isElement(root)) {
    const around = closest(root, which);
    if (around) found.push(around);
  }
  return found.filter((el) => !el.closest(OWN));
}

/** Drops elements nested inside another element of the list (keeps the outermost). */
function outermost<T extends Element>(elements: T[]): T[] {
  return elements.filter((el) => !elements.some((other) => other !== el && other.contains(el)));
}

/** "Name <address>" from a persona element: its title or text names the address, its text the name. */
function describePerson(el: HTMLElement, context: Element | null): string {
  const name = lineText(el);
  const address =
    addressesIn(el.getAttribute('title'))[0] ?? addressesIn(el.getAttribute('aria-label'))[0] ?? addressesIn(lineText(context))[0] ?? '';
  const bareName = name.replace(/\s*<[^>]*>\s*$/, '').trim();
  if (!address) return bareName;
  if (!bareName || bareName.toLowerCase() === address) return address;
  return `${bareName} <${address}>`;
}

// --- Message list -------------------------------------------------------------------------------

interface RowParts {
  from: string;
  subject: string;
  snippet: string;
  subjectEl: HTMLElement | null;
}

/** Reads sender, subject and preview from a row without relying on Microsoft's hashed classes. */
export function parseRow(row: HTMLElement): RowParts {
  const senders = outermost(queryAll(row, 'rowSender').filter((el) => el !== row && !el.closest(OWN)));
  const from = senders.map((el) => describePerson(el, null)).filter(Boolean).join(', ');
  const senderNames = new Set(senders.map((el) => lineText(el)));

  // Outlook repeats a truncated subject in its title; the date's title differs from its text.
  const titled = queryAll(row, 'rowTitled').filter((el) => el !== row && !el.closest(OWN));
  const subjectEl =
    titled.find((el) => {
      const title = (el.getAttribute('title') ?? '').replace(/\s+/g, ' ').trim();
      return (
        title !== '' &&
        title === lineText(el) &&
        !senders.some((sender) => sender.contains(el) || el.contains(sender)) &&
        !senderNames.has(title) &&
        !EXACT_ADDRESS_RE.test(title)
      );
    }) ?? null;

  // Everything else the row says, minus sender, subject and tooltipped bits (dates), is the preview.
  const skipped = [...senders, ...titled];
  const chunks: string[] = [];
  const walker = row.ownerDocument.createTreeWalker(row, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(OWN) || skipped.some((el) => el.contains(parent))) continue;
    const text = lineText(node);
    if (text) chunks.push(text);
  }
  let subject = subjectEl ? lineText(subjectEl) : '';
  if (!subject && chunks.length) subject = chunks.shift() ?? ''; // no tooltip: the first line after the sender
  return { from, subject, snippet: chunks.join(' ').trim(), subjectEl };
}

/** A row's own id, its item id ("AQAA…=", webmail-dom.md 2.3), or '' when it carries none. */
export function rowItemId(row: Element | null | undefined): string {
  const id = row?.getAttribute('id') ?? '';
  return /^[A-Za-z0-9+/=_-]{8,}$/.test(id) ? id : '';
}

/** The full date a row shows in a tooltip (Outlook's "Fri 11/27/2026 10:42 AM"), read for the page's locale. */
export function rowDate(row: HTMLElement): string | undefined {
  const locale = row.ownerDocument.documentElement.lang || row.ownerDocument.defaultView?.navigator.language || 'en-US';
  for (const el of row.querySelectorAll<HTMLElement>('[title]')) {
    if (el.closest(OWN)) continue;
    const iso = parseShownDate(el.getAttribute('title') ?? '', locale);
    if (iso) return iso;
  }
  return undefined;
}

// --- Reading pane -------------------------------------------------------------------------------

/** The date Outlook shows for an open notice: its row's (when one row is open), else a date in its header. */
function dateOnScreen(notice: OpenNotice, doc: Document): string | undefined {
  const selectedRows = queryAll(doc, 'selectedListItem');
  const selected = selectedRows.length === 1 ? selectedRows[0] : undefined;
  const fromRow = selected && (rowItemId(selected) === notice.messageId || selected.getAttribute('data-convid') === notice.messageId) ? rowDate(selected) : undefined;
  return fromRow ?? headerDate(notice.message, notice.body);
}

/** A full date in a message's header (outside its body), read for the page's locale. */
function headerDate(message: HTMLElement, body: HTMLElement): string | undefined {
  const doc = message.ownerDocument;
  const locale = doc.documentElement.lang || doc.defaultView?.navigator.language || 'en-US';
  for (const el of message.querySelectorAll<HTMLElement>('[title], time')) {
    if (body.contains(el) || el.closest(OWN)) continue;
    const iso = parseShownDate(el.getAttribute('datetime') || el.getAttribute('title') || lineText(el), locale);
    if (iso) return iso;
  }
  return undefined;
}

/**
 * The open row's date when the pane shows that one message alone (a header that shows only a short
 * time has no full date of its own): the row is then the message. Else undefined.
 */
function onlyMessageRowDate(body: HTMLElement): string | undefined {
  const doc = body.ownerDocument;
  const pane = closest(body, 'readingPane') ?? doc;
  const selectedRows = queryAll(doc, 'selectedListItem');
  if (selectedRows.length !== 1 || outermost(queryAll(pane, 'messageBody')).length !== 1) return undefined;
  return rowDate(selectedRows[0]!);
}

/**
 * Folders whose list shows recipients where senders go: Outlook's URLs name folders by their
 * well-known names (/mail/sentitems, /mail/0/drafts; Microsoft Graph mailFolder well-known names).
 */
const LISTS_RECIPIENTS = /\/mail\/(?:\d+\/)?(?:sentitems|drafts|outbox|scheduled)(?:\/|$)/i;

/** The sender element of a message header: first persona outside the body and the recipient well. */
function findSender(message: HTMLElement, body: HTMLElement): HTMLElement | null {
  return queryFirst(
    message,
    'messageSender',
    (el) => !body.contains(el) && !el.contains(body) && !el.closest(OWN) && !el.closest(anyOf('recipientWellRead')),
  );
}

/**
 * The message element around a body: Outlook's hashed message class if present, else the smallest
 * ancestor that also holds the sender (language-independent), stopping at the reading pane.
 */
function findMessage(body: HTMLElement): HTMLElement {
  const hashed = closest(body, 'message');
  if (hashed) return hashed;
  const stop = closest(body, 'readingPane');
  for (let el = body.parentElement; el && el !== stop && el !== body.ownerDocument.body; el = el.parentElement) {
    if (findSender(el, body)) return el;
  }
  return body.parentElement ?? body;
}

/** Item id from a deep link such as /mail/inbox/id/AAMkAD…%3D (webmail-dom.md 2.1). */
export function itemIdFromUrl(href: string): string {
  try {
    const match = /\/id\/([^/?#]+)/.exec(new URL(href).pathname);
    return match?.[1] ? decodeURIComponent(match[1]) : '';
  } catch {
    return '';
  }
}

// --- Compose ------------------------------------------------------------------------------------

/**
 * Wrappers between a chip and its well that hold this chip alone (Outlook may label the wrapper,
 * not the persona inside it).
 */
function ownWrappers(chip: HTMLElement, well: HTMLElement | null, chips: readonly HTMLElement[]): HTMLElement[] {
  const wrappers: HTMLElement[] = [];
  for (let el = chip.parentElement; el && el !== well && well?.contains(el); el = el.parentElement) {
    if (chips.some((other) => other !== chip && el.contains(other))) break;
    wrappers.push(el);
  }
  return wrappers;
}

/**
 * What Outlook's own persona card said about a chip, while the chip still shows the same name: the
 * card closes again, but the address it showed stays true for that chip (never a guess from the name).
 */
const seenOnCard = new WeakMap<HTMLElement, { name: string; address: string }>();

/**
 * Address of a recipient chip, or '' when the chip shows only a name and Outlook shows nothing
 * more for it (never guessed): the chip's and its own wrappers' title / aria-label, its words
 * ("Name <address>"), or the persona card it links to through aria-controls / -describedby / -owns
 * (open now, or seen open before for this same chip and name). `well` and `chips` let the chip's
 * own wrappers count too.
 */
export function chipAddress(chip: HTMLElement, well: HTMLElement | null = null, chips: readonly HTMLElement[] = []): string {
  const doc = chip.ownerDocument;
  const found = new Set<string>();
  const fromCard = new Set<string>();
  const people = [...ownWrappers(chip, well, chips), chip, ...chip.querySelectorAll<HTMLElement>('*')];
  for (const el of people) {
    for (const attribute of ['title', 'aria-label']) {
      for (const address of addressesIn(el.getAttribute(attribute))) found.add(address);
    }
    // An open persona card linked from the chip (aria-controls / -describedby / -owns) shows the address.
    for (const attribute of ['aria-controls', 'aria-describedby', 'aria-owns']) {
      for (const id of (el.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean)) {
        const card = doc.getElementById(id);
        const email = card ? queryFirst(card, 'personaCardEmail') : null;
        for (const address of addressesIn(lineText(email))) fromCard.add(address);
      }
    }
  }
  // The chip's own words: "Name <address>" or a bare address (Briskine parseNameAndEmail).
  for (const address of addressesIn(lineText(chip))) found.add(address);
  const name = lineText(chip);
  if (!found.size && fromCard.size === 1) seenOnCard.set(chip, { name, address: [...fromCard][0]! });
  for (const address of fromCard) found.add(address);
  if (!found.size) {
    const seen = seenOnCard.get(chip);
    if (seen && seen.name === name) return seen.address;
  }
  // Zero: a name-only chip. Several: a group or an ambiguous chip. Either way, say nothing.
  return found.size === 1 ? [...found][0]! : '';
}

/** A well's recipients: persona hover targets, else (a well without any) the plain text containers. */
function recipientChips(well: HTMLElement): HTMLElement[] {
  const chips = queryAll(well, 'recipientChip');
  return chips.length ? chips : queryAll(well, 'recipientTextChip');
}

/** The To / Cc / Bcc wells of a compose form, in order (a well's index is its field). */
function wellsOf(form: HTMLElement): HTMLElement[] {
  const body = queryFirst(form, 'composeBody');
  return outermost(queryAll(form, 'recipientWell').filter((well) => !body?.contains(well) && !well.closest(OWN)));
}

/** The well a chip is in, and the well's chips. */
function wellAround(recipient: ComposeRecipient): { well: HTMLElement; chips: HTMLElement[] } | null {
  const well = wellsOf(recipient.compose).find((candidate) => candidate.contains(recipient.chip));
  return well ? { well, chips: outermost(recipientChips(well).filter((chip) => chip !== well && !chip.closest(OWN))) } : null;
}

function composeForms(root: ParentNode): HTMLElement[] {
  const forms = new Set<HTMLElement>();
  const bodies = findAround(root, 'composeBody');
  for (const body of bodies) forms.add(closest(body, 'composeRoot') ?? body.parentElement ?? body);
  if (!bodies.length && isElement(root)) {
    // A batch that only touched a well: climb to its form, but only if that form has a body editor.
    const form = closest(root, 'composeRoot');
    if (form && queryFirst(form, 'composeBody')) forms.add(form);
  }
  return outermost([...forms]);
}

// --- The adapter --------------------------------------------------------------------------------

export const outlookAdapter: WebmailAdapter = {
  id: 'outlook',

  isApp(doc) {
    return queryFirst(doc, 'app') !== null;
  },

  observedRoots(doc) {
    const roots = outermost([
      ...queryAll(doc, 'messageList'),
      ...queryAll(doc, 'readingPane'),
      ...queryAll(doc, 'composeRoot').filter((el) => el.matches('[data-app-section]')),
    ]);
    const main = doc.querySelector<HTMLElement>('[role="main"]');
    const base = roots.length ? roots : main ? [main] : doc.body ? [doc.body] : [];
    // An open persona card (a layer at the end of the page) names the address of a name-only chip:
    // as a root, its coming and going changes the roots, and the watcher looks at compose again.
    const cards = queryAll(doc, 'personaCardEmail')
      .map((email) => email.closest<HTMLElement>('[role="dialog"]') ?? email)
      .filter((card) => !base.some((root) => root.contains(card)));
    return [...base, ...outermost(cards)];
  },

  account(doc) {
    const addressOf = (el: Element): string =>
      [el.getAttribute('data-folder-name'), el.getAttribute('title'), el.getAttribute('aria-label')].map((value) => addressesIn(value)[0]).find(Boolean) ?? '';
    const owner = queryFirst(doc, 'account', (el) => addressOf(el) !== '');
    return owner ? addressOf(owner) : '';
  },

  // The rows under a root, unparsed: the runtime counts them (a scroll re-renders the whole window)
  // and reads a long list in slices.
  listRows(root) {
    return outermost(queryAll(root, 'listItem')).filter((row) => !row.closest(OWN));
  },

  findListNotices(root) {
    const notices: ListNotice[] = [];
    for (const row of outermost(findAround(root, 'listItem'))) {
      const parts = parseRow(row);
      const look = looksLikeBounce({ subject: parts.subject, from: parts.from, snippet: parts.snippet });
      if (!look.isBounce) continue;
      notices.push({
        row,
        badgeHost: parts.subjectEl?.parentElement ?? row,
        // The row's own id is the message's (the id an opened notice is reported under), else its conversation's.
        messageId: rowItemId(row) || (row.getAttribute('data-convid') ?? ''),
        subject: parts.subject,
        from: parts.from,
        snippet: parts.snippet,
        delayed: look.delayed,
      });
    }
    return notices;
  },

  /**
   * Proof of life (issue #13, ../life-signs.ts): a row with exactly one sender persona that names its
   * address, dated by the row's full date; each open message by its header's sender and date.
   */
  findLifeSigns(root) {
    const doc = (root as Node).ownerDocument ?? (root as Document);
    const me = outlookAdapter.account(doc);
    const signs: LifeSign[] = [];
    if (!LISTS_RECIPIENTS.test(doc.location.pathname)) {
      for (const row of outermost(findAround(root, 'listItem'))) {
        const senders = outermost(queryAll(row, 'rowSender').filter((el) => el !== row && !el.closest(OWN)));
        if (senders.length !== 1) continue;
        const address = lifeSignAddress(addressesIn(senders[0]!.getAttribute('title'))[0], me);
        const at = address ? rowDate(row) : undefined;
        if (address && at) signs.push({ address, at });
      }
    }
    for (const body of outermost(findAround(root, 'messageBody')).filter((el) => !el.closest(anyOf('listItem')))) {
      const message = findMessage(body);
      const sender = findSender(message, body);
      const address = sender ? lifeSignAddress(addressesIn(describePerson(sender, sender.parentElement))[0], me) : '';
      const at = address ? (headerDate(message, body) ?? onlyMessageRowDate(body)) : undefined;
      if (address && at) signs.push({ address, at });
    }
    return signs;
  },

  findOpenNotices(root) {
    const notices: OpenNotice[] = [];
    const bodies = outermost(findAround(root, 'messageBody')).filter(
      (body) => !body.closest(anyOf('listItem')),
    );
    for (const body of bodies) {
      const doc = body.ownerDocument;
      const message = findMessage(body);
      const senderEl = findSender(message, body);
      const from = senderEl ? describePerson(senderEl, senderEl.parentElement) : '';

      const pane = closest(body, 'readingPane') ?? doc;
      const heading = [...pane.querySelectorAll<HTMLElement>(anyOf('readingSubject'))].find(
        (el) => !body.contains(el) && !el.closest(OWN),
      );
      const headingTitle = heading?.querySelector('[title]')?.getAttribute('title') ?? '';
      let subject = (headingTitle || lineText(heading)).trim();
      // aria-selected marks the open row but also checked rows: only a single one is trusted.
      const selectedRows = queryAll(doc, 'selectedListItem');
      const selected = selectedRows.length === 1 ? selectedRows[0]! : null;
      if (!subject && selected) subject = parseRow(selected).subject;

      if (!looksLikeBounce({ subject, from }).isBounce) continue;

      // The message's own id (issue #11), never its place in the conversation: a newer notice that
      // takes the first place is a new notice. One message on screen: the item id of the deep link
      // Outlook pushed for it, else the open row's own id (the row's id is its item id,
      // webmail-dom.md 2.3). Several (a conversation): the conversation id and the ordinal, the
      // only thing left to tell them apart.
      const allBodies = outermost(queryAll(pane, 'messageBody'));
      const own = allBodies.length === 1 ? itemIdFromUrl(doc.location?.href ?? '') || rowItemId(selected) : '';
      let messageId = own || selected?.getAttribute('data-convid') || '';
      if (!own && messageId && allBodies.length > 1) messageId = `${messageId}#${allBodies.indexOf(body)}`;

      notices.push({ message, bannerHost: body, messageId, subject, from, body });
    }
    return notices;
  },

  findComposeRecipients(root) {
    const recipients: ComposeRecipient[] = [];
    const seen = new Set<HTMLElement>();
    for (const form of composeForms(root)) {
      wellsOf(form).forEach((well, index) => {
        const chips = outermost(recipientChips(well).filter((chip) => chip !== well && !chip.closest(OWN)));
        for (const chip of chips) {
          if (seen.has(chip)) continue;
          seen.add(chip);
          const address = chipAddress(chip, well, chips);
          if (address) recipients.push({ chip, address, compose: form, field: String(index) });
        }
      });
    }
    return recipients;
  },

  placeComposeSummary(compose, host) {
    // Under the recipients: above the subject box, else after the row of the last well.
    const body = queryFirst(compose, 'composeBody');
    const subjects = queryAll(compose, 'composeSubject').filter((input) => !body?.contains(input) && !input.closest(OWN));
    const subject = subjects[subjects.length - 1];
    if (subject) {
      subject.before(host);
      return true;
    }
    const wells = wellsOf(compose);
    const last = wells[wells.length - 1];
    if (!last) return false;
    // Never inside the editable well itself: our line would become part of what is typed.
    (last.parentElement && last.parentElement !== compose ? last.parentElement : last).after(host);
    return true;
  },

  /** The well item's own remove button (OWA's IconButton "Cancel"), clicked as a user would. */
  removeRecipient(recipient) {
    const around = wellAround(recipient);
    const wrappers = around ? ownWrappers(recipient.chip, around.well, around.chips) : [];
    const scope = wrappers[wrappers.length - 1] ?? recipient.chip;
    const icon = queryFirst(scope, 'recipientRemove', (el) => !el.closest(OWN));
    const button = icon?.closest<HTMLElement>('button') ?? icon;
    if (!button) return false;
    button.click();
    return true;
  },

  /**
   * Addresses pasted into the well (Outlook makes recipients of a pasted list); when the page does
   * not take the paste, typed in and confirmed with Enter, as Briskine's outlook.js does.
   */
  addRecipients(compose, field, addresses) {
    if (!addresses.length) return true;
    const well = wellsOf(compose)[Number(field)];
    const view = compose.ownerDocument.defaultView;
    if (!well || !view) return false;
    const text = addresses.join('; ');
    well.focus();
    let taken = false;
    if (typeof view.DataTransfer === 'function' && typeof view.ClipboardEvent === 'function') {
      const data = new view.DataTransfer();
      data.setData('text/plain', text);
      taken = !well.dispatchEvent(new view.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }
    if (!taken) {
      well.append(compose.ownerDocument.createTextNode(text));
      well.dispatchEvent(new Event('input', { bubbles: true }));
      well.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
    }
    return true;
  },

  offersRawSource: false,

  fixedHeightRows: true,

  // A list row's notice, life sign and badge are all in the row (findAround climbs from a child to
  // its row), so a scroll of the virtualised list reads the rows it rendered and nothing else.
  findsAroundNodes: true,

  /**
   * Only the message list is read node by node. The reading pane and a compose form are read whole
   * when anything in them changes: an opened notice's subject heading and sender may render after
   * its body, and a compose's chips are counted together. A persona card (its own root, see
   * observedRoots) and a fallback root (the main area, the body) are read whole too; so is a list
   * that holds a reading pane or a compose form.
   */
  readsWholeRoot(root) {
    if (!root.matches(anyOf('messageList'))) return true;
    // Asked on every batch: one walk of the list for all the variants of both, not one per variant.
    return root.querySelector(`${anyOf('readingPane')}, ${anyOf('composeBody')}`) !== null;
  },

  staleSelectors: stale,

  async readNotice(notice, doc) {
    const report: NoticeReport = {
      webmail: 'outlook',
      account: this.account(doc),
      messageId: notice.messageId,
      url: doc.location?.href ?? '',
      rendered: { subject: notice.subject, from: notice.from, text: visibleText(notice.body) },
    };
    // Dated as Outlook dates it (issue #11): the open row's date, else one the header shows.
    const date = dateOnScreen(notice, doc);
    if (date && report.rendered) report.rendered.date = date;
    return report;
  },
};

export default outlookAdapter;
