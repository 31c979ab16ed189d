/**
 * Every Gmail selector Bounce Sweeper uses, in one place (after InboxSDK's gmail-element-getter.ts),
 * in the shape every webmail shares (../selector-table.ts): each name lists its variants newest
 * first, with the day Gmail shipped that markup (or the earliest dated source that shows it) and
 * where the fact comes from; ../shared/docs/webmail-dom.md §0, §1 and §3.1 cite them. Where a source
 * gave only a month or a year, the date is its first day and `source` keeps the source's wording.
 * Prefer attribute/ARIA hooks ([role], [email], [data-*], [name]) over Gmail's obfuscated classes.
 *
 * Fix a selector: see README "Fix a selector" (new variant at the top with today's date, the old
 * one kept below it: Gmail rolls changes out per account, webmail-dom.md §3.1).
 */
import type { SelectorTable } from '../selector-table';

export const GMAIL_SELECTORS = {
  /** The app's main pane: thread list and conversation both live here. */
  main: [{ css: 'div[role="main"]', since: '2014-01-01', source: 'gmail.js api.dom.inbox_content; SGN pageContent (dated "2014")' }],
  /** Compose "mole" area (pop-up composes), outside the main pane. */
  composeMoleArea: [
    { css: 'div.dw', since: '2016-01-01', source: 'InboxSDK gmail-element-getter MOLE_PARENT_SELECTOR (div.dw .nH > .nH > .no) (dated "2016")' },
  ],
  /** Full-screen compose, outside the main pane (an alternative to the mole area, not a newer one: both are observed). */
  fullScreenCompose: [{ css: '.aSs .aSt', since: '2019-01-01', source: 'InboxSDK full-screen compose (dated "2019")' }],
  /** One thread row of the message list. */
  row: [
    { css: 'tr.zA', since: '2014-12-01', source: 'gmail.js, InboxSDK gmail-thread-row-view, SGN; fixtures/webmail/gmail (dated "2014-12")' },
    { css: 'div.Cp table > tbody > tr[id]', since: '2014-12-01', source: 'InboxSDK gmail-row-list-view (dated "2014-12")' },
  ],
  /** Sender/participant spans inside a row (one per participant). */
  rowSenders: [
    { css: 'td.yX div.yW span[email]', since: '2014-12-01', source: 'InboxSDK getContacts; fixture inboxsdk__injected-thread-identifier.html (dated "2014-12")' },
    { css: 'span[email][name]', since: '2014-12-01', source: 'InboxSDK getContacts uses [email] (dated "2014-12")' },
  ],
  /** The subject text of a row. */
  rowSubject: [
    { css: 'span.bog', since: '2019-01-01', source: 'third-party scripts, webmail-dom.md §1.3 ⚠ (dated "2019 (new Gmail)")' },
    { css: 'td.a4W div.xS div.xT div.y6 > span[id]', since: '2014-12-01', source: 'InboxSDK _getSubjectSelector (dated "2014-12")' },
    { css: 'td.a4W div.y6 > span:not(.y2)', since: '2014-12-01', source: 'fixture inboxsdk__thread-row-parser-rows.html (dated "2014-12")' },
  ],
  /** Where the row badge goes: the subject line container, before the subject. */
  rowBadgeHost: [
    { css: 'td.a4W div.xT div.y6', since: '2014-12-01', source: 'InboxSDK _getSubjectSelector (parent of the subject span) (dated "2014-12")' },
    { css: 'td.a4W div.xT', since: '2014-12-01', source: 'InboxSDK label parent (dated "2014-12")' },
  ],
  rowSnippet: [{ css: 'span.y2', since: '2014-12-01', source: 'InboxSDK, fixtures (dated "2014-12")' }],
  /** The row's date; its title is the full date ("Thu, Dec 4, 2014 at 2:02 PM"), its text the short one. */
  rowDate: [
    { css: 'td.xW > span[title]', since: '2014-12-01', source: 'InboxSDK getDateString; fixture inboxsdk__thread-row-parser-rows.html (webmail-dom.md §1.3) (dated "2014-12")' },
    { css: 'td.yf.apt > div.apm > span[title]', since: '2014-12-01', source: 'InboxSDK getDateString, vertical split layout (webmail-dom.md §1.3) (dated "2014-12")' },
  ],
  /** Id carriers of a row, best first: the last message's legacy id matches the opened message's. */
  rowLastMessageId: [{ css: '[data-legacy-last-message-id]', since: '2018-01-01', source: 'SGN getEmailKey (dated "2018")' }],
  rowThreadId: [
    { css: '[data-legacy-thread-id]', since: '2018-01-01', source: 'InboxSDK _getThreadID; gmail.js span[data-thread-id] (dated "2018")' },
  ],
  /** Subject of the open conversation. */
  threadSubject: [
    { css: 'h2.hP', since: '2014-01-01', source: 'gmail.js, FlowCrypt, InboxSDK (dated "2014")' },
    { css: '.ha h2', since: '2014-01-01', source: 'InboxSDK gmail-thread-view (dated "2014")' },
  ],
  /**
   * One message of a conversation (detect per message: Gmail threads bounces into conversations).
   * Since 2023-11-16 the messages are items of a [role=list]; before, div.adn carried the ids alone.
   */
  message: [
    { css: '[role="listitem"] [data-legacy-message-id]', since: '2023-11-16', source: 'InboxSDK [role=list] message list; PR #1073 thread view markup change (webmail-dom.md §1.4, §3.1)' },
    { css: 'div.adn[data-message-id]', since: '2018-01-01', source: 'gmail.js api.dom.email; InboxSDK gmail-message-view (dated "2018")' },
    { css: 'div.adn[data-legacy-message-id]', since: '2018-01-01', source: 'gmail.js api.dom.email (dated "2018")' },
  ],
  /** Rendered body of an expanded message (collapsed messages have none). */
  messageBody: [
    { css: 'div.ii.gt div.a3s.aiL', since: '2019-01-01', source: 'InboxSDK PR #1309; Mailvelope MSG_BODY_SELECTOR (dated "2019")' },
    { css: 'div.a3s.aXjCH', since: '2017-01-01', source: 'Mailvelope MSG_BODY_SELECTOR (older) (dated "2017")' },
    { css: 'div.ii.gt', since: '2014-01-01', source: 'InboxSDK PR #1309 ("body is div.ii.gt") (dated "2014")' },
  ],
  messageSender: [
    { css: 'span.gD[email]', since: '2014-01-01', source: 'gmail.js, FlowCrypt (dated "2014")' },
    { css: 'td.gF span[email]', since: '2014-01-01', source: 'InboxSDK gmail-message-view (dated "2014")' },
  ],
  messageDate: [{ css: 'span.g3[title]', since: '2014-01-01', source: 'gmail.js, InboxSDK (.ads .gK .g3) (dated "2014")' }],
  /** Recipient chips in compose; address in data-hovercard-id, display name in data-name. */
  composeChip: [
    {
      css: '.anm[name="to"] [role="option"][data-hovercard-id], .anm[name="cc"] [role="option"][data-hovercard-id], .anm[name="bcc"] [role="option"][data-hovercard-id]',
      since: '2021-10-01',
      source: 'InboxSDK page-parser.ts getRecipientChips; Workspace Updates 2021-10 (dated "2021-10 (peoplekit chips)")',
    },
    {
      css: 'div[name="to"] [data-hovercard-id], div[name="cc"] [data-hovercard-id], div[name="bcc"] [data-hovercard-id]',
      since: '2021-10-01',
      source: 'gmail.js tr.bzf div[name] div[data-hovercard-id] (dated "2021-10")',
    },
    { css: '.afV[data-hovercard-id]', since: '2021-10-01', source: 'gmail.js chip class afV; Mailvelope .agb .afV (dated "2021-10")' },
    { css: 'div.M9 .vR', since: '2014-01-01', source: 'InboxSDK, gmail.js: .vR with input[type=hidden][name=to] (dated "2014 (legacy chips)")' },
  ],
  /** One compose window (pop-up, full-screen or inline reply): a compose summary is per compose. */
  composeWindow: [{ css: 'div.M9', since: '2014-01-01', source: 'gmail.js api.dom.composes; InboxSDK compose roots (webmail-dom.md §1.6) (dated "2014")' }],
  /** A recipient field of a compose (its name attribute says to / cc / bcc). */
  composeField: [
    { css: '.anm[name]', since: '2021-10-01', source: 'InboxSDK page-parser.ts getRecipientRowForType: .anm[name=to|cc|bcc] (webmail-dom.md §1.6) (dated "2021-10 (peoplekit chips)")' },
  ],
  /**
   * The typing input of a field, where Gmail takes pasted addresses and makes chips of them
   * (InboxSDK set-recipients.ts pastes "a,b" as a ClipboardEvent into it).
   */
  composeFieldInput: [
    { css: 'input[role="combobox"][aria-autocomplete="list"]', since: '2021-10-01', source: 'InboxSDK set-recipients.ts @ 0f353b8 (peoplekit fields) (dated "2021-10")' },
    { css: 'input[peoplekit-id]', since: '2021-10-01', source: 'gmail.js peoplekit detection div[name=to] input[peoplekit-id] (webmail-dom.md §1.6) (dated "2021-10")' },
    { css: 'textarea.vO', since: '2014-01-01', source: 'InboxSDK set-recipients.ts old fields: value, then Enter (dated "2014 (legacy chips)")' },
  ],
  /** The remove button of a recipient chip (its aria-label "Remove …" is localized: only its presence counts). */
  composeChipRemove: [
    { css: '.afX[aria-label]', since: '2021-10-01', source: 'InboxSDK set-recipients.ts @ 0f353b8: div[role=option][data-name] div.afX[aria-label] clicked to remove (dated "2021-10")' },
    { css: '.vM', since: '2014-01-01', source: 'InboxSDK set-recipients.ts old fields: .vR .vM clicked to remove (dated "2014 (legacy chips)")' },
  ],
  /** The subject box: the compose summary goes right above it, under the recipients. */
  composeSubject: [{ css: 'input[name="subjectbox"]', since: '2014-01-01', source: 'gmail.js dom() subjectbox; js-min snapshot (webmail-dom.md §1.6) (dated "2014")' }],
  // --- Processed notices out of the way (issue #11): the list's checkboxes and the toolbar. --------
  // webmail-dom.md documents only the row checkbox (below). Gmail's toolbar, label menu and undo
  // message are not in it, nor in ../shared/fixtures: these are the most stable hooks of the controls
  // as a user sees them (role, aria-label in English, German, French and Spanish, Gmail's dialog
  // button names), NOT verified on a live account ⚠ (webmail-dom.md §5). Each stop that follows from
  // a miss says so in words, before anything is moved; the fake page (tests/e2e/fake-gmail.ts) has
  // this markup. Dated the day they were written down.
  /** A row's own selection checkbox (aria-checked says whether it is ticked). */
  rowCheckbox: [
    { css: '[role="checkbox"][aria-checked]', since: '2014-12-01', source: 'fixtures/webmail/gmail/inboxsdk__injected-thread-identifier.html: td.oZ-x3 > div.oZ-jc[role=checkbox][aria-checked] in every row (dated "2014-12")' },
  ],
  /** The toolbar's Labels button (its menu applies a label to the selected conversations). */
  labelButton: [
    {
      css: '[role="button"][aria-label="Labels"], [role="button"][data-tooltip="Labels"], [role="button"][aria-label="Libellés"], [role="button"][aria-label="Etiquetas"]',
      since: '2026-12-04',
      source: "Gmail's toolbar as users see it (Labels / Libellés / Etiquetas; German Gmail says Labels too); not in webmail-dom.md, unverified ⚠",
    },
  ],
  /** The open label menu (a popup menu Gmail puts at the end of the page). */
  labelMenu: [{ css: '[role="menu"]', since: '2026-12-04', source: 'WAI-ARIA menu role of Gmail popup menus; not in webmail-dom.md, unverified ⚠' }],
  /** The label menu's filter box, where a label name is typed. */
  labelMenuFilter: [{ css: 'input[type="text"]', since: '2026-12-04', source: "the label menu's search box as users see it; not in webmail-dom.md, unverified ⚠" }],
  /** One label of the label menu (its title is the label's name). */
  labelMenuOption: [{ css: '[role="menuitemcheckbox"][title]', since: '2026-12-04', source: 'WAI-ARIA menuitemcheckbox, one per label, the name in title; not in webmail-dom.md, unverified ⚠' }],
  /** The label menu's Apply command. */
  labelMenuApply: [
    {
      css: '[role="menuitem"][aria-label="Apply"], [role="menuitem"][aria-label="Übernehmen"], [role="menuitem"][aria-label="Appliquer"], [role="menuitem"][aria-label="Aplicar"]',
      since: '2026-12-04',
      source: "the label menu's Apply as users see it (en, de, fr, es); not in webmail-dom.md, unverified ⚠",
    },
  ],
  /** The label menu's "Create new" command (for a label that does not exist yet). */
  labelMenuCreate: [
    {
      css: '[role="menuitem"][aria-label^="Create new"], [role="menuitem"][aria-label^="Neu erstellen"], [role="menuitem"][aria-label^="Créer"], [role="menuitem"][aria-label^="Crear"]',
      since: '2026-12-04',
      source: "the label menu's Create new as users see it (en, de, fr, es); not in webmail-dom.md, unverified ⚠",
    },
  ],
  /** Gmail's "New label" window. */
  labelDialog: [
    { css: '[role="alertdialog"]', since: '2026-12-04', source: 'WAI-ARIA alertdialog of Gmail modal windows; not in webmail-dom.md, unverified ⚠' },
    { css: '[role="dialog"]', since: '2026-12-04', source: 'WAI-ARIA dialog; not in webmail-dom.md, unverified ⚠' },
  ],
  /** The new label's name box in that window. */
  labelDialogInput: [{ css: 'input[type="text"]', since: '2026-12-04', source: "the New label window's name box; not in webmail-dom.md, unverified ⚠" }],
  /** That window's Create button (Gmail's modal windows name their buttons ok / cancel). */
  labelDialogOk: [{ css: 'button[name="ok"]', since: '2026-12-04', source: 'Gmail modal windows: button[name=ok] / button[name=cancel]; not in webmail-dom.md, unverified ⚠' }],
  /** The toolbar's Archive button. */
  archiveButton: [
    {
      // act="7" is the one language-independent hook: several public keyboard-shortcut scripts and a
      // Playwright page object map div[act="7"] to Archive (act="10" Delete, act="9" Spam), found by
      // code search 2026-12-04; gh="mtb" is the list toolbar in the same sources.
      css: '[role="button"][aria-label="Archive"], [role="button"][data-tooltip="Archive"], [role="button"][aria-label="Archivieren"], [role="button"][aria-label="Archiver"], [role="button"][aria-label="Archivar"], [gh="mtb"] div[act="7"][role="button"]',
      since: '2026-12-04',
      source: "Gmail's toolbar as users see it (Archive / Archivieren / Archiver / Archivar); div[act=\"7\"] in [gh=\"mtb\"] from public keyboard-shortcut scripts and test page objects (code search); not in webmail-dom.md, not verified on a live account ⚠",
    },
  ],
  /** The Undo link of the message Gmail shows after an action (only its presence is read, never its words). */
  undoLink: [{ css: '#link_undo', since: '2026-12-04', source: "Gmail's action message (\"… archived. Undo\"), id link_undo as public scripts use it; not in webmail-dom.md, unverified ⚠" }],
} as const satisfies SelectorTable;

export type GmailSelectorName = keyof typeof GMAIL_SELECTORS;

/** What each selector finds, in the words the options page uses ("Gmail: <words> was found only with …"). */
export const GMAIL_SELECTOR_WORDS = {
  main: 'the main pane',
  composeMoleArea: 'the area of pop-up compose windows',
  fullScreenCompose: 'the full-screen compose window',
  row: 'the message list',
  rowSenders: 'the senders in the message list',
  rowSubject: 'the subjects in the message list',
  rowBadgeHost: 'the place for badges in the message list',
  rowSnippet: 'the message previews in the list',
  rowDate: 'the dates in the message list',
  rowLastMessageId: 'the message ids in the list',
  rowThreadId: 'the conversation ids in the list',
  threadSubject: 'the subject of an open conversation',
  message: 'the messages of an open conversation',
  messageBody: 'the text of an open message',
  messageSender: 'the sender of an open message',
  messageDate: 'the date of an open message',
  composeChip: 'the recipients in a compose window',
  composeWindow: 'the compose window',
  composeField: 'the To, Cc and Bcc fields',
  composeFieldInput: 'the box where recipients are typed',
  composeChipRemove: 'the button that removes a recipient',
  composeSubject: 'the subject box of a compose window',
  rowCheckbox: 'the checkboxes in the message list',
  labelButton: 'the Labels button of the toolbar',
  labelMenu: 'the label menu',
  labelMenuFilter: 'the search box of the label menu',
  labelMenuOption: 'the labels in the label menu',
  labelMenuApply: 'the Apply command of the label menu',
  labelMenuCreate: 'the Create new command of the label menu',
  labelDialog: 'the New label window',
  labelDialogInput: 'the name box of the New label window',
  labelDialogOk: 'the Create button of the New label window',
  archiveButton: 'the Archive button of the toolbar',
  undoLink: 'the Undo of Gmail\'s message after an action',
} as const satisfies Record<GmailSelectorName, string>;
