/**
 * Every Outlook on the web selector, in one place (STYLE.md principle 5), in the shape every webmail
 * shares (../selector-table.ts): roles, aria, ids and data attributes first, Microsoft's hashed class
 * names last. Nothing here was verified on a live mailbox (../shared/docs/webmail-dom.md: section
 * 0's Outlook cheat sheet, section 2; its snapshot table gives the dates used here).
 *
 * How the dates were chosen: a variant's `since` is the snapshot date of the dated source that
 * shows it (Mailvelope outlook-api @ c623e53, 2025-12-08; Mailvelope master @ a1c1fa9, 2026-01-16;
 * Briskine @ 98b08db, 2026-08-20; a GPL script "verified 2026-08-19"). A selector seen only in
 * undated public scripts takes the date of the source it was surveyed with, so alternatives Outlook
 * serves side by side share one date and never read as an old layout; "2025" alone is 2025-01-01.
 *
 * Fix a selector: see README "Fix a selector" (new variant at the front with today's date, the old
 * one kept behind it).
 */
import type { SelectorTable } from '../selector-table';

const MAILVELOPE_OUTLOOK_API = '2025-12-08';
const BRISKINE = '2026-08-20';
const GPL_SCRIPT_VERIFIED = '2026-08-19';

export const OUTLOOK_SELECTORS = {
  /**
   * Marks of the mail app itself (not the sign-in page or the marketing site on outlook.live.com).
   * One variant: any of these marks means the app, whichever view is open. A message opened in its
   * own window has no list and maybe no pane container, only the body (the last mark).
   */
  app: [
    {
      css: '#MailList, [data-app-section="MessageList"], [id^="primaryMailboxRoot"], #ReadingPaneContainerId, [data-app-section="ConversationContainer"], [data-app-section="MailReadCompose"], [data-app-section="Form_Content"], [role="listbox"] [role="option"][data-convid], [id^="UniqueMessageBody"]',
      since: MAILVELOPE_OUTLOOK_API,
      source:
        'Mailvelope outlook-api @ c623e53 (2025-12-08) for #MailList, primaryMailboxRoot, the reading pane, rows and UniqueMessageBody; public scripts for data-app-section; Briskine @ 98b08db for Form_Content (webmail-dom.md 2.3–2.5)',
    },
  ],

  /** Message list container (the listbox itself is inside). */
  messageList: [
    { css: '#MailList', since: MAILVELOPE_OUTLOOK_API, source: 'Mailvelope outlook-api @ c623e53 getActiveConversationId (webmail-dom.md 2.3)' },
    { css: '[data-app-section="MessageList"]', since: MAILVELOPE_OUTLOOK_API, source: 'public scripts, surveyed with Mailvelope outlook-api (webmail-dom.md 2.3)' },
  ],

  /**
   * One conversation row: stable per conversation (data-convid = Graph conversationId). The list
   * is virtualised: rows leave the DOM when scrolled away (webmail-dom.md 2.3, 3.2).
   */
  listItem: [
    { css: '[role="listbox"] [role="option"][data-convid]', since: MAILVELOPE_OUTLOOK_API, source: 'Mailvelope outlook-api @ c623e53; a GPL script "verified 2026-08-19" (outlook.office.com)' },
    { css: '[role="option"][data-convid]', since: MAILVELOPE_OUTLOOK_API, source: 'Mailvelope outlook-api @ c623e53; a GPL script "verified 2026-08-19"' },
  ],

  /** Sender inside a row: a persona hover target whose title is the address (display name as text). */
  rowSender: [
    { css: '[data-lpc-hover-target-id][title*="@"]', since: '2025-01-01', source: 'public scripts (webmail-dom.md 2.3) ⚠ (dated "2025–2026")' },
    { css: 'span[title*="@"]', since: '2025-01-01', source: 'public scripts (webmail-dom.md 2.3) ⚠ (dated "2025–2026")' },
    { css: '.lpc-hoverTarget', since: '2025-01-01', source: 'public scripts (webmail-dom.md 2.3) ⚠ (dated "2025–2026")' },
  ],

  /**
   * Subject inside a row: Outlook repeats the full subject in the span's title (tooltip for
   * truncated subjects); the adapter takes the first titled element whose title is its own text
   * and is not an address. Fallback: the line after the sender.
   */
  rowTitled: [
    { css: '[title]', since: GPL_SCRIPT_VERIFIED, source: 'rows render truncated text with a title tooltip: row text of the GPL script "verified 2026-08-19" (webmail-dom.md 2.3) ⚠' },
  ],

  /** The row open in the reading pane (aria-selected also marks checked rows). */
  selectedListItem: [
    { css: '[role="option"][data-convid][aria-selected="true"]', since: GPL_SCRIPT_VERIFIED, source: 'GPL script "verified 2026-08-19" (aria-selected on the open row, webmail-dom.md 2.3)' },
  ],

  /** Reading pane containers (the list and the pane are separate roots to observe). */
  readingPane: [
    { css: '#ReadingPaneContainerId', since: '2025-01-01', source: 'public scripts and Mailvelope mocks (webmail-dom.md 2.4) ⚠ (dated "2025")' },
    { css: '#ConversationReadingPaneContainer', since: '2025-01-01', source: 'public scripts and Mailvelope mocks (webmail-dom.md 2.4) ⚠ (dated "2025")' },
    { css: '[data-app-section="ConversationContainer"]', since: '2025-01-01', source: 'public scripts and Mailvelope mocks (webmail-dom.md 2.4) ⚠ (dated "2025")' },
    { css: '[data-app-section="MailReadCompose"]', since: '2025-01-01', source: 'public scripts and Mailvelope mocks (webmail-dom.md 2.4) ⚠ (dated "2025")' },
  ],

  /** Subject heading of the open conversation. */
  readingSubject: [
    { css: '[role="heading"][aria-level="2"]', since: MAILVELOPE_OUTLOOK_API, source: 'ARIA heading of the conversation, Mailvelope outlook-api mocks (webmail-dom.md 2.4) ⚠' },
    { css: '[role="heading"]', since: MAILVELOPE_OUTLOOK_API, source: 'ARIA heading of the conversation, Mailvelope outlook-api mocks (webmail-dom.md 2.4) ⚠' },
  ],

  /**
   * Rendered message body. The aria-label ("Message body", "Nachrichtentext") is localized, so
   * it is never used; role and the UniqueMessageBody_ id prefix are not.
   */
  messageBody: [
    { css: '[role="document"]', since: MAILVELOPE_OUTLOOK_API, source: 'Mailvelope outlook-api mocks "based on actual HTML from outlook.office.com" (webmail-dom.md 2.4)' },
    { css: '[id^="UniqueMessageBody"]', since: MAILVELOPE_OUTLOOK_API, source: 'Mailvelope outlook-api mocks (webmail-dom.md 2.4)' },
  ],

  /**
   * One message of the open conversation. Hashed class; the adapter otherwise climbs from the
   * body to the smallest ancestor that also holds the sender (language-independent).
   */
  message: [{ css: '.aVla3', since: MAILVELOPE_OUTLOOK_API, source: 'Mailvelope outlook-api @ c623e53 (.aVla3, hashed, volatile) ⚠' }],

  /**
   * Sender in a message header: persona hover target; its title or text carries the address.
   * The aria-label "From: …" is localized ("Von: …"), so only its presence, not its words, is used.
   */
  messageSender: [
    { css: '[data-lpc-hover-target-id]', since: MAILVELOPE_OUTLOOK_API, source: 'Mailvelope outlook-api mocks; public scripts (webmail-dom.md 2.4) ⚠' },
    { css: '.lpc-hoverTarget', since: MAILVELOPE_OUTLOOK_API, source: 'Mailvelope outlook-api mocks; public scripts (webmail-dom.md 2.4) ⚠' },
    { css: 'span[title*="@"]', since: MAILVELOPE_OUTLOOK_API, source: 'public scripts, surveyed with Mailvelope outlook-api (webmail-dom.md 2.4) ⚠' },
    // issue #11's evidence: a header whose sender is only an aria-label naming the address (outside the recipient well).
    { css: 'span[aria-label*="@"]', since: MAILVELOPE_OUTLOOK_API, source: 'issue #11 selector gaps (sender fallback outside the recipient well), surveyed with Mailvelope outlook-api ⚠' },
  ],

  /** Recipients line of an open message (never the sender). */
  recipientWellRead: [{ css: '[data-testid="RecipientWell"]', since: MAILVELOPE_OUTLOOK_API, source: 'Mailvelope outlook-api mocks (webmail-dom.md 2.4) ⚠' }],

  /**
   * Mailbox owner: the primary mailbox node in the folder pane carries the address in
   * data-folder-name / title.
   */
  account: [
    { css: '[id^="primaryMailboxRoot"]', since: MAILVELOPE_OUTLOOK_API, source: 'Mailvelope outlook-api @ c623e53 getUserInfo (webmail-dom.md 2.2) ⚠' },
    { css: '#O365_MainLink_Me', since: MAILVELOPE_OUTLOOK_API, source: 'suite header, surveyed with Mailvelope outlook-api (webmail-dom.md 2.2) ⚠' },
    { css: 'button[aria-label*="@"]', since: MAILVELOPE_OUTLOOK_API, source: 'public tests (Account manager button), surveyed with Mailvelope outlook-api (webmail-dom.md 2.2) ⚠' },
  ],

  /** Compose form: pop-out window, or the inline form under the main region. */
  composeRoot: [
    { css: '[data-app-section="Form_Content"]', since: BRISKINE, source: 'Briskine outlook.js @ 98b08db getParent (webmail-dom.md 2.5) ⚠' },
    { css: '[data-app-section="MailReadCompose"]', since: BRISKINE, source: 'public scripts, surveyed with Briskine @ 98b08db (webmail-dom.md 2.4) ⚠' },
    { css: '[role="main"]', since: BRISKINE, source: 'Briskine outlook.js @ 98b08db getParent (webmail-dom.md 2.5) ⚠' },
  ],

  /** Compose body editor, used to find a compose form when no data-app-section says so. */
  composeBody: [{ css: '[contenteditable="true"][aria-multiline="true"]', since: BRISKINE, source: 'Briskine outlook.spec.js @ 98b08db (webmail-dom.md 2.5)' }],

  /** To / Cc / Bcc wells: editable areas that are not the (multi-line) body. */
  recipientWell: [
    { css: '[contenteditable="true"]:not([aria-multiline="true"])', since: BRISKINE, source: 'Briskine outlook.js @ 98b08db (webmail-dom.md 2.5)' },
    { css: '[role="textbox"]:not([aria-multiline="true"])', since: BRISKINE, source: 'public scripts, surveyed with Briskine @ 98b08db (webmail-dom.md 2.5)' },
  ],

  /** One resolved recipient inside a well: a persona hover target, or (older OWA) a selection-indexed one. */
  recipientChip: [
    { css: '[data-lpc-hover-target-id]', since: '2025-01-01', source: 'public scripts (webmail-dom.md 2.5) ⚠ (dated "2025")' },
    { css: '[data-selection-index] .lpc-hoverTarget', since: '2019-01-01', source: 'Mailvelope master: older OWA wells (webmail-dom.md 2.4–2.5, "2019–2022") ⚠' },
  ],

  /**
   * A recipient in a well without persona hover targets: Briskine's text containers (class-name
   * fragments, fragile). Tried only when a well has no recipientChip.
   */
  recipientTextChip: [
    { css: '[class*="individualText-"]', since: BRISKINE, source: 'Briskine outlook.js @ 98b08db getFieldData (webmail-dom.md 2.5) ⚠' },
    { css: '[class*="textContainer-"]', since: BRISKINE, source: 'Briskine outlook.js @ 98b08db getFieldData (webmail-dom.md 2.5) ⚠' },
    // issue #11's evidence: a well whose recipients are its own non-editable children, no class to go by.
    { css: ':scope > [contenteditable]', since: BRISKINE, source: 'issue #11 selector gaps (compose chips as the well\'s own [contenteditable] children), surveyed with Briskine @ 98b08db ⚠' },
  ],

  /**
   * The open persona (hover) card's e-mail field, linked to its chip through aria-controls /
   * aria-describedby / aria-owns.
   */
  personaCardEmail: [{ css: '[data-log-name="Email"]', since: '2026-01-16', source: 'Mailvelope master @ a1c1fa9 extractPersona reads [data-log-name="Email"] button (webmail-dom.md 2.5) ⚠' }],

  /**
   * A compose chip's remove button. OWA's well item renders a Fluent IconButton with iconName
   * "Cancel" (title and aria-label "Remove", localized, so never read); older OWA styled it with a
   * removeWellItemButton class. The adapter clicks the button around the match.
   */
  recipientRemove: [
    {
      css: '[data-icon-name="Cancel"]',
      since: '2021-01-01',
      source: 'OWA ReadWriteCommonWellItem (IconButton iconName ControlIcons.Cancel, onClick removeItem), a public copy of its source found via code search, repository not resolved ⚠ (dated "2021": it imports @fluentui/react)',
    },
    {
      css: 'button[class*="removeWellItemButton"]',
      since: '2019-01-01',
      source: 'Mailvelope master @ a1c1fa9 setRecipients: [data-selection-index] button[class*=removeWellItemButton] (webmail-dom.md 2.5, "2019–2022") ⚠',
    },
  ],

  /** The subject box of a compose form: the last plain text input (Briskine); the compose summary goes above it. */
  composeSubject: [{ css: 'input[type="text"][autocomplete="off"]', since: BRISKINE, source: 'Briskine outlook.js @ 98b08db: subject is the last input[type=text][autocomplete=off] in the root (webmail-dom.md 2.5)' }],

  // --- Processed notices out of the way (issue #11): the rows' checkboxes and the Archive command.
  // Not in webmail-dom.md (it documents the reading pane's [role=toolbar] and Fluent icon names,
  // section 2.4): these are the most stable hooks of the controls as a user sees them, NOT verified
  // on a live mailbox ⚠. The fake page (tests/e2e/fake-outlook.ts) has this markup; each miss stops
  // the tidy in words before anything is moved. Dated the day they were written down.
  /** A row's own selection checkbox (Outlook shows it on hover; aria-checked / the row's aria-selected say it is ticked). */
  rowCheckbox: [{ css: '[role="checkbox"]', since: '2026-12-04', source: "the list's selection checkbox as users see it (WAI-ARIA checkbox inside the row); not in webmail-dom.md, unverified ⚠" }],
  /**
   * The Archive command of the ribbon / toolbar: by its label (en, de, fr, es), or by its Fluent
   * icon name, which is not localized (webmail-dom.md 2.4: toolbar buttons by data-icon-name); the
   * tidy clicks the button around an icon.
   */
  archiveButton: [
    {
      css: 'button[aria-label="Archive"], button[aria-label="Archivieren"], button[aria-label="Archiver"], button[aria-label="Archivar"]',
      since: '2026-12-04',
      source: "Outlook's Archive command as users see it (en, de, fr, es); not in webmail-dom.md, unverified ⚠",
    },
    { css: '[data-icon-name="ArchiveRegular"], [data-icon-name="Archive"]', since: '2026-12-04', source: 'Fluent icon names (ArrowReplyRegular-style, webmail-dom.md 2.4); Archive icon name inferred, unverified ⚠' },
  ],
} as const satisfies SelectorTable;

export type OutlookSelectorName = keyof typeof OUTLOOK_SELECTORS;

/** What each selector finds, in the words the options page uses ("Outlook on the web: <words> was found only with …"). */
export const OUTLOOK_SELECTOR_WORDS = {
  app: 'the mail app',
  messageList: 'the message list',
  listItem: 'the rows of the message list',
  rowSender: 'the senders in the message list',
  rowTitled: 'the subjects in the message list',
  selectedListItem: 'the open row of the message list',
  readingPane: 'the reading pane',
  readingSubject: 'the subject of an open message',
  messageBody: 'the text of an open message',
  message: 'an open message',
  messageSender: 'the sender of an open message',
  recipientWellRead: 'the recipients of an open message',
  account: 'your mailbox address',
  composeRoot: 'the compose form',
  composeBody: 'the text box of a compose form',
  recipientWell: 'the To, Cc and Bcc fields',
  recipientChip: 'the recipients in a compose form',
  recipientTextChip: 'the recipients shown by name only',
  personaCardEmail: 'the address on a contact card',
  recipientRemove: 'the button that removes a recipient',
  composeSubject: 'the subject box of a compose form',
  rowCheckbox: 'the checkboxes in the message list',
  archiveButton: 'the Archive command',
} as const satisfies Record<OutlookSelectorName, string>;
