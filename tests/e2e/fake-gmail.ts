/**
 * A fake mail.google.com for the browser tests, the bench and the demo mailbox (`npm start`): one
 * page per account, served by request routing (no network), built from our own dated DOM fixtures
 * (tests/fixtures/dom/gmail/), so unit tests, browser tests and the demo read the same markup.
 *
 * It behaves like the parts of Gmail the extension touches (webmail-dom.md §1):
 * - `GLOBALS` with the account key at [9] and the address at [10] (read by our main-world script);
 * - hash routing: `#inbox` shows the list, `#inbox/<token>` a conversation; each navigation throws
 *   the old pane away and builds a new one, as Gmail re-renders (§3.2, §3.3);
 * - clicking a row opens its conversation; `fakeGmail.rerenderList()` replaces every row element;
 * - a compose window with peoplekit chips: `fakeGmail.compose()` (the fixture's recipients) or
 *   `fakeGmail.compose(addresses)` (those in To, 500 as easily as 3), `fakeGmail.addRecipient(addr)`;
 *   as in Gmail, a chip's remove button (div.afX) takes it out and a paste into a field's typing
 *   input makes chips of the pasted addresses (what InboxSDK's set-recipients.ts relies on);
 * - Gmail's visually hidden screen-reader text (the row summary div.afn) stays hidden, as Gmail's
 *   own stylesheet keeps it;
 * - "Show original": `GET /mail/u/<n>/?ik=<ik>&view=om&permmsgid=msg-f:<decimal>` answers the
 *   HTML page with the raw bounce escaped in <pre id="raw_message_text"> (§1.7), for the messages
 *   that have one; others answer 404, so the extension must fall back to the rendered text.
 * - the sweep mailbox's tidy (issue #11): Gmail's search with `in:inbox` lists only the notices still
 *   in the inbox (and `#label/<name>` those with a label); each list view has a toolbar with Labels
 *   (a menu with a filter box, the labels, "Create new" → a New label window, Apply) and Archive; a
 *   row's checkbox ticks it; Archive takes the ticked conversations out of the inbox and shows
 *   "… archived. Undo", and Undo puts them back (a label stays, as in Gmail). `fakeGmail.mailbox()`
 *   answers which conversations are in the inbox and which labels each has.
 * Addresses: example.com/.net/.org/.de, 192.0.2.x. Nothing here is Gmail's code.
 *
 * The page finds its rows (in the fixture and when clicked) with the NEWEST variant of the selector
 * table the extension runs (lib/webmail/gmail/selectors.ts), and FAKE_GMAIL_VIEWS says which names
 * each view must match with its newest variant: gmail.e2e.ts checks that first, so a fixture or
 * table edit that makes them disagree fails in the browser tests with the name and the selector.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import { Window } from 'happy-dom';
import { GMAIL_SELECTORS, type GmailSelectorName } from '../../lib/webmail/gmail/selectors';
import { newestVariant } from '../../lib/webmail/selector-table';

export const FAKE_GMAIL_ORIGIN = 'https://mail.google.com';

/** The newest css of a Gmail selector: what this page and the browser tests look for. */
export const gmailCss = (name: GmailSelectorName): string => newestVariant(GMAIL_SELECTORS, name).css;

/** Per view of the fake page, the selector names it must match with their newest variant. */
export const FAKE_GMAIL_VIEWS = {
  list: ['main', 'row', 'rowSenders', 'rowSubject', 'rowBadgeHost', 'rowSnippet', 'rowDate', 'rowLastMessageId', 'rowThreadId'],
  conversation: ['main', 'threadSubject', 'message', 'messageBody', 'messageSender', 'messageDate'],
  compose: ['composeMoleArea', 'composeChip', 'composeWindow', 'composeField', 'composeFieldInput', 'composeChipRemove', 'composeSubject'],
  // The sweep mailbox's list, toolbar, label menu and New label window (kept in the page, hidden
  // while closed, as Gmail keeps its menus), and the message after an action (issue #11's tidy).
  toolbar: ['rowCheckbox', 'labelButton', 'archiveButton', 'labelMenu', 'labelMenuFilter', 'labelMenuOption', 'labelMenuApply', 'labelMenuCreate', 'labelDialog', 'labelDialogInput', 'labelDialogOk'],
  undo: ['undoLink'],
} as const satisfies Record<string, readonly GmailSelectorName[]>;

/** The names no view of the fake page has, and why; every other name is in FAKE_GMAIL_VIEWS. */
export const FAKE_GMAIL_LEAVES_OUT = {
  fullScreenCompose: 'the fake opens pop-up composes only',
} as const satisfies Partial<Record<GmailSelectorName, string>>;

const FIXTURES = resolve('tests/fixtures/dom/gmail');
const fixture = (name: string): string => readFileSync(resolve(FIXTURES, name), 'utf8');

export interface FakeGmailAccount {
  /** The /u/<n>/ index. */
  index: number;
  ik: string;
  email: string;
  /** The list view's rows: 'demo' (the bounce mailbox), 'clean' (no bounce at all), or a row count for the bench. */
  list: 'demo' | 'clean' | number;
  /** Opt the page into the content script's User Timing measures (scripts/bench/content-script.ts). */
  profile?: boolean;
  /**
   * The sweep mailbox (issue #11): `#search/<any query>` answers SWEEP_NOTICES over result pages of
   * SWEEP_PAGE_SIZE rows, a conversation opens for the threaded one, and every earlier [role=main]
   * view stays in the page, hidden, as Gmail keeps them.
   */
  sweep?: boolean;
}

export const DEMO_ACCOUNT: FakeGmailAccount = { index: 0, ik: '1f119f7bbb', email: 'user@example.com', list: 'demo' };
export const CLEAN_ACCOUNT: FakeGmailAccount = { index: 1, ik: '2a22bb33cc', email: 'other@example.com', list: 'clean' };
/** The demo's third account (`npm start`): the sweep mailbox, 120 notices over 3 result pages (issue #11). */
export const SWEEP_DEMO_ACCOUNT: FakeGmailAccount = { index: 2, ik: '3b33cc44dd', email: 'realtor@example.com', list: 'clean', sweep: true };

/** Conversations by URL token: which fixture renders them, and their message's msg-f id. */
export const CONVERSATIONS = {
  FMfcgzAnnLee: { legacyId: '19a5b1c2d3e4f501', failed: 'ann.lee@example.com', raw: 'raw/gmail-dsn-userunknown.eml' },
  FMfcgzErinQr: { legacyId: '19a5b1c2d3e4f505', failed: 'erin@example.com', raw: '' }, // no raw: rendered fallback
  FMfcgzMallory: { legacyId: '19a5b1c2d3e4f508', failed: 'mallory@example.com', raw: 'raw/gmail-dsn-hostile.eml' },
} as const;
export type ConversationToken = keyof typeof CONVERSATIONS;

const permOf = (legacyId: string): string => BigInt(`0x${legacyId}`).toString(10);

// --- the sweep mailbox (issue #11) -------------------------------------------------------------

/** One notice of the sweep mailbox. */
export interface SweepNotice {
  index: number;
  /** Legacy hex message id (what the row and the message carry). */
  legacyId: string;
  permId: string;
  /** The address the notice says failed. */
  failed: string;
  format: 'gmail' | 'postfix' | 'exim' | 'office365';
  subject: string;
  /** 'threaded': inside a conversation with two other messages; 'fails': Show original answers 500;
   *  'other-form': permmsgid answers "does not exist", only th= answers the message. */
  special?: 'threaded' | 'fails' | 'other-form';
}

export const SWEEP_COUNT = 120;
export const SWEEP_PAGE_SIZE = 50;
export const SWEEP_THREADED = 7;
export const SWEEP_FAILS = 33;
export const SWEEP_OTHER_FORM = 77;
/** The conversation the threaded notice sits in: its thread id, and the person's reply that is the row's last message. */
export const SWEEP_THREAD = { threadId: '19b0aa0000000001', firstId: '19b0aa0000000002', replyId: '19b0aa0000000003' };

/** Templates: a raw notice of each format, the failed address in it, and the subject a row shows. */
const SWEEP_TEMPLATES = {
  gmail: { file: 'raw/gmail-dsn-userunknown.eml', failed: 'ann.lee@example.com', subject: 'Delivery Status Notification (Failure)' },
  postfix: { file: 'raw/postfix-mailbox-full.eml', failed: 'carl@example.net', subject: 'Undelivered Mail Returned to Sender' },
  exim: { file: '../../eml/exim-01.eml', failed: 'dave@example.net', subject: 'Mail delivery failed: returning message to sender' },
  office365: { file: '../../eml/office365-01.eml', failed: 'peggy@example.net', subject: 'Undeliverable: lunch' },
} as const;
const SWEEP_FORMATS = Object.keys(SWEEP_TEMPLATES) as Array<keyof typeof SWEEP_TEMPLATES>;

export const SWEEP_NOTICES: SweepNotice[] = Array.from({ length: SWEEP_COUNT }, (_, index) => {
  const format = SWEEP_FORMATS[index % SWEEP_FORMATS.length] ?? 'gmail';
  const legacyId = (0x19b0000000000000n + BigInt(index)).toString(16);
  const special = index === SWEEP_THREADED ? 'threaded' : index === SWEEP_FAILS ? 'fails' : index === SWEEP_OTHER_FORM ? 'other-form' : undefined;
  return {
    index,
    legacyId,
    permId: `msg-f:${permOf(legacyId)}`,
    failed: `sweep${index}@example.${index % 2 ? 'net' : 'com'}`,
    format,
    subject: SWEEP_TEMPLATES[format].subject,
    ...(special ? { special } : {}),
  };
});

/** The raw source of a sweep notice: its template with its own failed address and its own Message-ID. */
export function sweepRaw(notice: SweepNotice): string {
  const template = SWEEP_TEMPLATES[notice.format];
  const raw = fixture(template.file).split(template.failed).join(notice.failed);
  const cut = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, cut).replace(/^Message-I[dD]:.*(\r?\n[ \t].*)*\r?\n?/m, '');
  return `Message-ID: <sweep-${notice.index}@mx.example.com>\n${head}${raw.slice(cut)}`;
}

/** A row of the sweep mailbox, made from the fixture's first row (a Gmail DSN). */
function sweepRow(notice: SweepNotice): string {
  const first = fixtureRows()[0] ?? '';
  const threaded = notice.special === 'threaded';
  const threadId = threaded ? SWEEP_THREAD.threadId : notice.legacyId;
  const lastId = threaded ? SWEEP_THREAD.replyId : notice.legacyId;
  return first
    .replace(/data-legacy-thread-id="19a5b1c2d3e4f501"/g, `data-legacy-thread-id="${threadId}"`)
    .replace(/data-legacy-last-message-id="19a5b1c2d3e4f501"/g, `data-legacy-last-message-id="${lastId}"`)
    .replace(/#thread-f:1848078672442225921/g, `#thread-f:${permOf(threadId)}`)
    .replace(/ann\.lee@example\.com/g, notice.failed)
    .replace(/Delivery Status Notification \(Failure\)/g, threaded ? 'Open house on Saturday' : escapeHtml(notice.subject))
    .replace(/id=":1a"/, `id=":s${notice.index}"`);
}

/** The conversation the threaded notice is in: the user's mail, the bounce, and a person's reply. */
function sweepThreadView(): string {
  const notice = SWEEP_NOTICES[SWEEP_THREADED];
  if (!notice) return '';
  return fixture('2026-11-27-threaded-bounce.html')
    .replace(/19a5b1c2d3e4f505/g, notice.legacyId)
    .replace(/1848078672442225925/g, permOf(notice.legacyId))
    .replace(/19a5b1c2d3e4f488/g, SWEEP_THREAD.firstId)
    .replace(/1848078672442225800/g, permOf(SWEEP_THREAD.firstId))
    .replace(/19a5b1c2d3e4f4ba/g, SWEEP_THREAD.replyId)
    .replace(/1848078672442225850/g, permOf(SWEEP_THREAD.replyId))
    .replace(/data-legacy-thread-id="[0-9a-f]+"/, `data-legacy-thread-id="${SWEEP_THREAD.threadId}"`)
    .replace(/erin@example\.com/g, notice.failed);
}

/** Result page n (1-based) of the sweep search, as a list view; past the last page, an empty one. */
function sweepPageView(page: number): string {
  const rows = SWEEP_NOTICES.slice((page - 1) * SWEEP_PAGE_SIZE, page * SWEEP_PAGE_SIZE).map(sweepRow);
  return withFixture('2026-11-27-list.html', (doc) => {
    const holder = doc.querySelector(gmailCss('row'))?.parentElement;
    if (!holder) throw new Error(`fake Gmail: no row matches ${gmailCss('row')} in 2026-11-27-list.html`);
    // Our own fixture's markup, re-assembled in Node for the fake page; no webmail content.
    holder.innerHTML = `\n${rows.join('\n')}\n`;
    return doc.body.innerHTML;
  });
}

export const SWEEP_PAGES = Math.ceil(SWEEP_COUNT / SWEEP_PAGE_SIZE);

/** What "Show original" answers for the sweep mailbox, by the request's id form. */
function sweepOriginal(url: URL): { status: number; body: string } | null {
  const perm = url.searchParams.get('permmsgid');
  const th = url.searchParams.get('th');
  const notice = SWEEP_NOTICES.find((n) => n.permId === perm || n.legacyId === th);
  if (!notice) return null;
  if (notice.special === 'fails') return { status: 500, body: '<html><body>Server Error</body></html>' };
  if (notice.special === 'other-form' && perm) return { status: 200, body: MESSAGE_DOES_NOT_EXIST };
  return { status: 200, body: showOriginalHtml(sweepRaw(notice)) };
}

/** Gmail's answer for an id it does not know: a page, not the message (no <pre id="raw_message_text">). */
export const MESSAGE_DOES_NOT_EXIST = '<!DOCTYPE html><html><body><div>The message does not exist.</div></body></html>';

/** The server's words of the hostile notice, as Gmail would render them: escaped, i.e. visible as text. */
export const HOSTILE_DIAGNOSTIC = '550 5.1.1 <img src=x onerror="window.__bsPwned=1"><script>window.__bsPwned=2</script>';

/**
 * The label menu, the New label window and the action message of the sweep mailbox (issue #11):
 * in the page from the start and hidden while closed, as Gmail keeps its menus.
 */
const SWEEP_TOOLBAR_HTML = `<div role="menu" id="fake-label-menu" class="J-M" style="display:none">
<input type="text" aria-label="Search labels"><div id="fake-label-options"></div>
<div role="menuitem" id="fake-label-create" aria-label="Create new" tabindex="0">Create new</div>
<div role="menuitem" id="fake-label-apply" aria-label="Apply" tabindex="0">Apply</div></div>
<div role="alertdialog" id="fake-label-dialog" aria-label="New label" style="display:none"><div>New label</div>
<input type="text" aria-label="Please enter a new label name"><button type="button" name="cancel">Cancel</button><button type="button" name="ok">Create</button></div>
<div id="fake-toast" class="bAq" role="alert" style="display:none"></div>`;

/** JSON safe inside a <script> element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Parses one of our fixtures (our own trusted files) in a throwaway happy-dom window. */
function withFixture<T>(name: string, read: (doc: Document) => T): T {
  const window = new Window();
  try {
    return read(new window.DOMParser().parseFromString(fixture(name), 'text/html') as unknown as Document);
  } finally {
    void window.happyDOM.close();
  }
}

/** The fixture's rows, one string each, found as the extension finds them (the newest row variant). */
function fixtureRows(): string[] {
  return withFixture('2026-11-27-list.html', (doc) => [...doc.querySelectorAll(gmailCss('row'))].map((row) => row.outerHTML));
}

/** A row for the hostile notice (mallory), made from the first fixture row. */
function malloryRow(): string {
  const first = fixtureRows()[0] ?? '';
  return first
    .replace(/19a5b1c2d3e4f501/g, CONVERSATIONS.FMfcgzMallory.legacyId)
    .replace(/1848078672442225921/g, permOf(CONVERSATIONS.FMfcgzMallory.legacyId))
    .replace(/ann\.lee@example\.com/g, 'mallory@example.com')
    .replace(/Tue, Nov 24, 2026, 9:14 AM/g, 'Wed, Nov 25, 2026, 10:00 AM')
    .replace(/id=":1a"/, 'id=":8a"');
}

/** Ordinary mail only (the clean account), from the fixture's non-bounce rows. */
function cleanRows(): string[] {
  const rows = fixtureRows();
  return [rows[1], rows[6]].filter((r): r is string => !!r);
}

/** `count` rows for the bench: the fixture's seven rows over and over, every id unique. */
export function benchRows(count: number): string[] {
  const rows = fixtureRows();
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const hex = (0x19a5b1c2d3e50000n + BigInt(i)).toString(16);
    out.push(
      (rows[i % rows.length] ?? '')
        .replace(/19a5b1c2d3e4f50\d/g, hex)
        .replace(/#thread-f:\d+/g, `#thread-f:${permOf(hex)}`)
        .replace(/id=":[0-9a-f]+a"/, `id=":r${i}"`)
        .replace(/ann\.lee@example\.com|erin@example\.com|dana@example\.com|carl@example\.net|frank@example\.de/g, (m) => m.replace('@', `${i}@`)),
    );
  }
  return out;
}

/** The list fixture with its rows replaced by `rows` (in the element that held the fixture's rows). */
function listView(account: FakeGmailAccount): string {
  const rows =
    account.list === 'demo' ? [...fixtureRows(), malloryRow()] : account.list === 'clean' ? cleanRows() : benchRows(account.list);
  return withFixture('2026-11-27-list.html', (doc) => {
    const holder = doc.querySelector(gmailCss('row'))?.parentElement;
    if (!holder) throw new Error(`fake Gmail: no row matches ${gmailCss('row')} in 2026-11-27-list.html`);
    // Our own fixture's markup, re-assembled in Node for the fake page; no webmail content.
    holder.innerHTML = `\n${rows.join('\n')}\n`;
    return doc.body.innerHTML;
  });
}

function conversationView(token: ConversationToken): string {
  if (token === 'FMfcgzAnnLee') return fixture('2026-11-27-opened-bounce.html');
  if (token === 'FMfcgzErinQr') return fixture('2026-11-27-threaded-bounce.html');
  const legacy = CONVERSATIONS.FMfcgzMallory.legacyId;
  return fixture('2026-11-27-opened-bounce.html')
    .replace(/19a5b1c2d3e4f501/g, legacy)
    .replace(/1848078672442225921/g, permOf(legacy))
    .replace(/ann\.lee@example\.com/g, 'mallory@example.com')
    .replace(/550 5\.1\.1 The email account[^\n]*gsmtp/, escapeHtml(HOSTILE_DIAGNOSTIC));
}

/** The compose window's inside (the fixture without its div.dw wrapper: the page keeps one). */
function composeInner(): string {
  return fixture('2026-11-27-compose.html')
    .replace(/^[\s\S]*?<div class="dw">/, '')
    .replace(/<\/div>\s*$/, '');
}

const PAGE_SCRIPT = `
(() => {
  const css = JSON.parse(document.getElementById('fake-css').textContent);
  const views = document.getElementById('views');
  const mole = document.getElementById('mole');
  const tokens = JSON.parse(document.getElementById('fake-tokens').textContent);
  const sweep = document.getElementById('view-sweep-1') !== null;
  // --- the sweep mailbox's inbox, labels, toolbar and Undo (issue #11's tidy) ---
  const PAGE = 50;
  const allRows = [];
  for (let i = 1; document.getElementById('view-sweep-' + i); i += 1) {
    for (const row of document.getElementById('view-sweep-' + i).content.querySelectorAll(css.row)) allRows.push(row);
  }
  const threadOf = (row) => row.querySelector('[data-legacy-thread-id]')?.getAttribute('data-legacy-thread-id') || '';
  const inbox = new Set(allRows.map(threadOf));
  const labels = new Map();
  const userLabels = ['Receipts'];
  const undoable = [];
  const menu = document.getElementById('fake-label-menu');
  const dialog = document.getElementById('fake-label-dialog');
  const toast = document.getElementById('fake-toast');
  const filter = menu ? menu.querySelector('input') : null;

  /** A list view made here: the rows of that query still in the inbox (or with that label), page by page. */
  function dynamicView(rows, page) {
    const view = document.getElementById('view-sweep-empty').content.cloneNode(true);
    const holder = view.querySelector('tbody');
    holder.replaceChildren(...rows.slice((page - 1) * PAGE, page * PAGE).map((row) => row.cloneNode(true)));
    return view;
  }
  function dynamicTemplate(hash) {
    const parts = hash.split('/');
    const last = parts.length > 2 ? parts[parts.length - 1] : '';
    const page = /^p\\d+$/.test(last) ? Number(last.slice(1)) : 1;
    const what = decodeURIComponent((parts[1] || '').replace(/\\+/g, ' '));
    if (parts[0] === '#search' && what.includes('in:inbox')) return dynamicView(allRows.filter((row) => inbox.has(threadOf(row))), page);
    if (parts[0] === '#label') return dynamicView(allRows.filter((row) => labels.get(threadOf(row))?.has(what)), page);
    return null;
  }
  function toolbar() {
    const bar = document.createElement('div');
    bar.setAttribute('gh', 'mtb');
    for (const name of ['Labels', 'Archive']) {
      const button = document.createElement('div');
      button.setAttribute('role', 'button');
      button.setAttribute('aria-label', name);
      button.setAttribute('data-tooltip', name);
      button.setAttribute('tabindex', '0');
      button.className = 'T-I fake-tool';
      button.textContent = name;
      bar.append(button);
    }
    return bar;
  }
  function shownView() {
    return [...views.children].find((v) => v.style.display !== 'none') || null;
  }
  function tickedThreads() {
    const view = shownView();
    if (!view) return [];
    return [...view.querySelectorAll(css.row)].filter((row) => row.querySelector('[role="checkbox"]')?.getAttribute('aria-checked') === 'true').map(threadOf);
  }
  function say(text, undo) {
    const words = document.createElement('span');
    words.textContent = text + ' ';
    const parts = [words];
    if (undo) {
      undoable.push(undo);
      // A new message each time, as Gmail draws it anew.
      const link = document.createElement('span');
      link.id = 'link_undo';
      link.setAttribute('role', 'link');
      link.setAttribute('tabindex', '0');
      link.textContent = 'Undo';
      parts.push(link);
    }
    toast.replaceChildren(...parts);
    toast.style.display = '';
  }
  function addLabel(name, threads) {
    for (const t of threads) {
      if (!labels.has(t)) labels.set(t, new Set());
      labels.get(t).add(name);
    }
  }
  function showMenu() {
    filter.value = '';
    drawOptions();
    menu.style.display = '';
    filter.focus();
  }
  function drawOptions() {
    const text = filter.value.trim().toLowerCase();
    const list = menu.querySelector('#fake-label-options');
    list.replaceChildren(...userLabels.filter((name) => !text || name.toLowerCase().includes(text)).map((name) => {
      const option = document.createElement('div');
      option.setAttribute('role', 'menuitemcheckbox');
      option.setAttribute('title', name);
      option.setAttribute('aria-checked', 'false');
      option.textContent = name;
      return option;
    }));
    menu.querySelector('#fake-label-create').textContent = text ? '"' + filter.value.trim() + '" (create new)' : 'Create new';
  }
  function tidyClick(event) {
    const target = event.target;
    const box = target.closest('[role="checkbox"]');
    if (box && box.closest(css.row)) {
      const on = box.getAttribute('aria-checked') !== 'true';
      box.setAttribute('aria-checked', String(on));
      box.closest(css.row).classList.toggle('x7', on);
      return true;
    }
    const tool = target.closest('.fake-tool');
    if (!tool) return false;
    const threads = tickedThreads();
    if (tool.getAttribute('aria-label') === 'Labels') {
      if (menu.style.display === 'none' && threads.length) showMenu();
      else menu.style.display = 'none';
    } else if (threads.length) {
      const archived = threads.filter((t) => inbox.has(t));
      for (const t of archived) inbox.delete(t);
      say(threads.length === 1 ? 'Conversation archived.' : threads.length + ' conversations archived.', { kind: 'archive', threads: archived });
      render();
    }
    return true;
  }
  if (menu) {
    drawOptions();
    filter.addEventListener('input', drawOptions);
    menu.addEventListener('click', (event) => {
      const option = event.target.closest('[role="menuitemcheckbox"]');
      if (option) option.setAttribute('aria-checked', String(option.getAttribute('aria-checked') !== 'true'));
      const item = event.target.closest('[role="menuitem"]');
      if (!item) return;
      const threads = tickedThreads();
      if (item.id === 'fake-label-apply') {
        const chosen = [...menu.querySelectorAll('[role="menuitemcheckbox"][aria-checked="true"]')].map((o) => o.getAttribute('title'));
        menu.style.display = 'none';
        for (const name of chosen) addLabel(name, threads);
        if (chosen.length) say(threads.length + ' conversations added to "' + chosen.join('", "') + '".', { kind: 'label', names: chosen, threads });
      } else if (item.id === 'fake-label-create') {
        menu.style.display = 'none';
        dialog.querySelector('input').value = filter.value.trim();
        dialog.style.display = '';
      }
    });
    dialog.addEventListener('click', (event) => {
      const button = event.target.closest('button');
      if (!button) return;
      dialog.style.display = 'none';
      const name = dialog.querySelector('input').value.trim();
      if (button.name !== 'ok' || !name) return;
      if (!userLabels.includes(name)) userLabels.push(name);
      const threads = tickedThreads();
      addLabel(name, threads);
      say('The label "' + name + '" was created.', { kind: 'label', names: [name], threads });
    });
    toast.addEventListener('click', (event) => {
      if (!event.target.closest('#link_undo')) return;
      const last = undoable.pop();
      if (!last) return;
      if (last.kind === 'archive') for (const t of last.threads) inbox.add(t);
      else for (const t of last.threads) for (const name of last.names) labels.get(t)?.delete(name);
      say('Action undone.');
      render();
    });
  }

  function sweepTemplate(hash) {
    const made = dynamicTemplate(hash);
    if (made) return { content: made };
    // #search/<query>, #search/<query>/p<n>, #search/<query>/<thread hex>
    const parts = hash.split('/');
    if (parts[0] !== '#search') return null;
    const last = parts.length > 2 ? parts[parts.length - 1] : '';
    if (/^p\\d+$/.test(last)) return document.getElementById('view-sweep-' + last.slice(1)) || document.getElementById('view-sweep-empty');
    if (last && document.getElementById('view-thread-' + last)) return document.getElementById('view-thread-' + last);
    return document.getElementById('view-sweep-1');
  }
  let painting = 0;
  function render() {
    const hash = location.hash || '#inbox';
    const token = hash.split('/')[1];
    const template = (sweep && sweepTemplate(hash)) || document.getElementById(token && tokens[token] ? 'view-' + token : 'view-list');
    if (!sweep) {
      // Gmail builds a new pane on every navigation: the old elements are gone.
      views.replaceChildren(template.content.cloneNode(true));
      return;
    }
    // The sweep mailbox behaves as Gmail does with its views: earlier ones stay in the page, hidden.
    for (const old of views.children) old.style.display = 'none';
    while (views.children.length > 3) views.firstElementChild.remove();
    const view = document.createElement('div');
    const content = template.content.cloneNode(true);
    // A list view has Gmail's toolbar above its rows; a conversation has its own (not faked).
    if (content.querySelector(css.row) || content.querySelector('tbody')) view.append(toolbar());
    view.append(content);
    // Gmail paints a view a moment after the route changes (a newer route wins over one still to paint).
    clearTimeout(painting);
    painting = setTimeout(() => views.append(view), 30);
  }
  window.addEventListener('hashchange', render);
  views.addEventListener('click', (event) => {
    if (sweep && tidyClick(event)) return;
    const row = event.target.closest(css.row);
    if (!row) return;
    const thread = row.querySelector('[data-legacy-thread-id]')?.getAttribute('data-legacy-thread-id');
    if (sweep && location.hash.startsWith('#search/') && document.getElementById('view-thread-' + thread)) {
      location.hash = location.hash.replace(/\\/p\\d+$/, '') + '/' + thread;
      return;
    }
    const id = row.querySelector(css.rowLastMessageId)?.getAttribute('data-legacy-last-message-id');
    const token = Object.keys(tokens).find((t) => tokens[t] === id);
    if (token) location.hash = '#inbox/' + token;
  });
  window.fakeGmail = {
    /** The sweep mailbox now: the conversations in the inbox, and each one's labels. */
    mailbox() {
      return { inbox: sweep ? [...inbox] : [], labels: sweep ? Object.fromEntries([...labels].map(([t, names]) => [t, [...names]])) : {}, userLabels: sweep ? [...userLabels] : [] };
    },
    rerenderList() {
      const holder = views.querySelector(css.row)?.parentElement;
      if (!holder) return;
      const fresh = document.getElementById('view-list').content.querySelector(css.row).parentElement.cloneNode(true);
      holder.replaceWith(fresh);
    },
    // No addresses: the fixture's compose as it is. Addresses: those in To, nothing in Cc.
    compose(addresses) {
      mole.replaceChildren(document.getElementById('view-compose').content.cloneNode(true));
      if (!addresses) return;
      for (const chip of mole.querySelectorAll('.anm [role="option"]')) chip.remove();
      const box = mole.querySelector('.anm[name="to"] [role="listbox"]');
      box.append(...addresses.map(chipOf));
    },
    addRecipient(address, field = 'to') {
      mole.querySelector('.anm[name="' + field + '"] [role="listbox"]').append(chipOf(address));
    },
    recipients(field) {
      const css = field ? '.anm[name="' + field + '"] [role="option"][data-hovercard-id]' : '.anm [role="option"][data-hovercard-id]';
      return [...mole.querySelectorAll(css)].map((chip) => chip.getAttribute('data-hovercard-id'));
    },
    removeRecipient(address) {
      mole.querySelector('[data-hovercard-id="' + address + '"]')?.remove();
    },
  };
  function chipOf(address) {
    const chip = document.createElement('div');
    chip.className = 'afV';
    chip.setAttribute('role', 'option');
    chip.setAttribute('data-name', address);
    chip.setAttribute('data-hovercard-id', address);
    const label = document.createElement('div');
    label.className = 'akl';
    label.textContent = address;
    const remove = document.createElement('div');
    remove.className = 'afX';
    remove.setAttribute('role', 'button');
    remove.setAttribute('aria-label', 'Remove ' + address);
    chip.append(label, remove);
    return chip;
  }
  // Gmail's own compose behaviour: the chip's remove button, and pasting addresses into a field.
  mole.addEventListener('click', (event) => {
    const remove = event.target.closest('.afX');
    if (remove) remove.closest('[role="option"]')?.remove();
  });
  mole.addEventListener('paste', (event) => {
    const input = event.target.closest('input[role="combobox"]');
    if (!input) return;
    const box = input.closest('.anm')?.querySelector('[role="listbox"]');
    const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    const addresses = text.split(/[,;\\s]+/).filter((a) => a.includes('@'));
    if (!box || !addresses.length) return;
    event.preventDefault();
    box.append(...addresses.map(chipOf));
  });
  render();
})();
`;

export function fakeGmailHtml(account: FakeGmailAccount): string {
  const tokens = Object.fromEntries(Object.entries(CONVERSATIONS).map(([token, c]) => [token, c.legacyId]));
  const conversations =
    account.list === 'demo'
      ? (Object.keys(CONVERSATIONS) as ConversationToken[])
          .map((token) => `<template id="view-${token}">${conversationView(token)}</template>`)
          .join('\n')
      : '';
  const sweepViews = account.sweep
    ? [
        ...Array.from({ length: SWEEP_PAGES }, (_, i) => `<template id="view-sweep-${i + 1}">${sweepPageView(i + 1)}</template>`),
        `<template id="view-sweep-empty">${sweepPageView(SWEEP_PAGES + 1)}</template>`,
        `<template id="view-thread-${SWEEP_THREAD.threadId}">${sweepThreadView()}</template>`,
      ].join('\n')
    : '';
  // GLOBALS is Gmail's page-world data; only [9] (ik) and [10] (user) matter to us.
  const globals = JSON.stringify([null, null, null, null, 'en', null, null, null, null, account.ik, account.email]);
  return `<!DOCTYPE html>
<html lang="en"${account.profile ? ' data-bounce-sweeper-profile' : ''}><head><meta charset="utf-8">
<title>Inbox - ${account.email} - Gmail</title>
<script>var GLOBALS = ${globals};</script>
<style>
  body { font: 14px Roboto, Arial, sans-serif; margin: 0; }
  #gb { padding: 8px 16px; border-bottom: 1px solid #ddd; font-weight: bold; }
  table.F { width: 100%; border-collapse: collapse; }
  ${gmailCss('row')} { cursor: pointer; border-bottom: 1px solid #eee; }
  ${gmailCss('row')} td { padding: 4px 6px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 40vw; }
  tr.zE { font-weight: bold; }
  .y6 { display: inline; } .y2 { color: #5f6368; font-weight: normal; }
  .ha { padding: 12px 16px; } .a98 { padding: 0 16px; }
  .dw { position: fixed; right: 16px; bottom: 0; width: 480px; background: #fff; box-shadow: 0 0 8px #0003; }
  .dw:empty { display: none; }
  .anm { padding: 4px 8px; border-bottom: 1px solid #eee; max-height: 40vh; overflow: auto; }
  .afV { display: inline-block; margin: 2px; padding: 0 8px; border-radius: 12px; background: #e8eaed; }
  .akl { display: inline; } .afX { display: inline-block; width: 14px; height: 14px; margin-left: 4px; cursor: pointer; vertical-align: middle; }
  .afX::before { content: "×"; }
  input[name="subjectbox"] { display: block; width: calc(100% - 16px); margin: 4px 8px; border: 0; border-bottom: 1px solid #eee; font: inherit; }
  /* Gmail's visually hidden screen-reader text: the row summary a list row carries for assistive tech. */
  .afn { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
  .Am { min-height: 120px; padding: 8px; }
  [gh="mtb"] { padding: 4px 16px; } .fake-tool { display: inline-block; padding: 2px 10px; margin-right: 6px; border: 1px solid #ccc; cursor: pointer; }
  #fake-label-menu, #fake-label-dialog { position: fixed; left: 120px; top: 60px; background: #fff; box-shadow: 0 2px 8px #0004; padding: 8px; z-index: 10; }
  #fake-toast { position: fixed; left: 16px; bottom: 16px; background: #323232; color: #fff; padding: 8px 12px; }
  #link_undo { color: #8ab4f8; cursor: pointer; margin-left: 8px; }
</style></head>
<body>
<div id="gb">Gmail (fake, for Bounce Sweeper tests) — ${account.email} — <a href="#inbox">Inbox</a></div>
<div id="views"></div>
<div class="dw" id="mole"></div>
${account.sweep ? SWEEP_TOOLBAR_HTML : ''}
<template id="view-list">${listView(account)}</template>
${conversations}
${sweepViews}
<template id="view-compose">${composeInner()}</template>
<script type="application/json" id="fake-tokens">${JSON.stringify(tokens)}</script>
<script type="application/json" id="fake-css">${scriptJson({ row: gmailCss('row'), rowLastMessageId: gmailCss('rowLastMessageId') })}</script>
<script>${PAGE_SCRIPT}</script>
</body></html>`;
}

/** Gmail's "Show original" page for a raw message. */
export function showOriginalHtml(raw: string): string {
  return `<!DOCTYPE html><html><head><title>Original Message</title></head><body>
<div class="top"><span>Original message</span></div>
<pre class="raw_message_text" id="raw_message_text">${escapeHtml(raw)}</pre>
</body></html>`;
}

export interface FakeGmailLog {
  /** Every "Show original" request, as sent. */
  showOriginal: string[];
  /** When each arrived (Date.now() in the test process), in the same order. */
  showOriginalAt: number[];
}

/**
 * Routes mail.google.com onto a Playwright context. `/mail/u/<n>/` serves account n's page;
 * `view=om` requests answer "Show original" (403 without the right ik, 404 for a message without a
 * raw source).
 */
export async function routeFakeGmail(
  context: BrowserContext,
  accounts: FakeGmailAccount[] = [DEMO_ACCOUNT, CLEAN_ACCOUNT],
): Promise<FakeGmailLog> {
  const log: FakeGmailLog = { showOriginal: [], showOriginalAt: [] };
  const pages = new Map(accounts.map((a) => [a.index, fakeGmailHtml(a)]));
  const raws = new Map<string, string>();
  for (const c of Object.values(CONVERSATIONS)) if (c.raw) raws.set(`msg-f:${permOf(c.legacyId)}`, fixture(c.raw));
  await context.route(`${FAKE_GMAIL_ORIGIN}/**`, (route: Route) => {
    const url = new URL(route.request().url());
    const index = Number(/^\/mail\/u\/(\d+)\//.exec(url.pathname)?.[1] ?? '0');
    const account = accounts.find((a) => a.index === index);
    if (url.searchParams.get('view') === 'om') {
      log.showOriginal.push(url.toString());
      log.showOriginalAt.push(Date.now());
      if (!account || url.searchParams.get('ik') !== account.ik) return route.fulfill({ status: 403, body: 'Forbidden' });
      const swept = account.sweep ? sweepOriginal(url) : null;
      if (swept) return route.fulfill({ status: swept.status, contentType: 'text/html; charset=utf-8', body: swept.body });
      const raw = raws.get(url.searchParams.get('permmsgid') ?? '');
      if (!raw) return route.fulfill({ status: 404, contentType: 'text/html', body: '<html><body>Not found</body></html>' });
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: showOriginalHtml(raw) });
    }
    const html = pages.get(index);
    if (!html) return route.fulfill({ status: 302, headers: { location: `${FAKE_GMAIL_ORIGIN}/mail/u/0/` } });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
  return log;
}
