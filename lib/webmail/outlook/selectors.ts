/**
 * Every Outlook on the web selector, in one place (STYLE.md principle 5). Each entry is a list of
 * fallbacks tried in order: roles, aria, ids and data attributes first, Microsoft's hashed class
 * names last. "Seen" says where the selector comes from and when; nothing here was verified on a
 * live mailbox (../shared/docs/webmail-dom.md: section 0's Outlook cheat sheet, section 2).
 *
 * Fixing a selector: save the failing part of the page under tests/fixtures/dom/outlook/ with
 * today's date (scrubbed: example.com addresses), add the new selector at the FRONT of its list
 * here with a dated "seen" note, keep the old one behind it, and run tests/webmail/outlook.
 */

export interface SelectorEntry {
  /** Tried in order; the first that matches wins. */
  readonly selectors: readonly string[];
  /** Where each selector was seen, and when. */
  readonly seen: string;
}

function entry(seen: string, ...selectors: string[]): SelectorEntry {
  return { selectors, seen };
}

export const OUTLOOK = {
  /**
   * Marks of the mail app itself (not the sign-in page or the marketing site on outlook.live.com).
   * Seen: Mailvelope outlook-api @ c623e53 (2025-12) for #MailList, primaryMailboxRoot, reading pane;
   * public scripts for data-app-section (webmail-dom.md 2.3, 2.4).
   */
  app: entry(
    'Mailvelope outlook-api 2025-12; public scripts (webmail-dom.md 2.3–2.5)',
    '#MailList',
    '[data-app-section="MessageList"]',
    '[id^="primaryMailboxRoot"]',
    '#ReadingPaneContainerId',
    '[data-app-section="ConversationContainer"]',
    '[data-app-section="MailReadCompose"]',
    '[data-app-section="Form_Content"]',
    '[role="listbox"] [role="option"][data-convid]',
    // A message opened in its own window has no list and maybe no pane container, only the body.
    '[id^="UniqueMessageBody"]',
  ),

  /** Message list container (the listbox itself is inside). Seen: Mailvelope outlook-api 2025-12. */
  messageList: entry(
    'Mailvelope outlook-api 2025-12 (#MailList); public scripts (data-app-section)',
    '#MailList',
    '[data-app-section="MessageList"]',
  ),

  /**
   * One conversation row: stable per conversation (data-convid = Graph conversationId). The list
   * is virtualised: rows leave the DOM when scrolled away (webmail-dom.md 2.3, 3.2).
   * Seen: Mailvelope outlook-api 2025-12; a GPL script "verified 2026-08-19" (outlook.office.com).
   */
  listItem: entry(
    'Mailvelope outlook-api 2025-12; public script verified 2026-08-19',
    '[role="listbox"] [role="option"][data-convid]',
    '[role="option"][data-convid]',
  ),

  /**
   * Sender inside a row: a persona hover target whose title is the address (display name as text).
   * Seen: public scripts `span[title*="@"]`, `.lpc-hoverTarget` (webmail-dom.md 2.3) ⚠.
   */
  rowSender: entry(
    'public scripts 2025–2026 (webmail-dom.md 2.3) ⚠',
    '[data-lpc-hover-target-id][title*="@"]',
    'span[title*="@"]',
    '.lpc-hoverTarget',
  ),

  /**
   * Subject inside a row: Outlook repeats the full subject in the span's title (tooltip for
   * truncated subjects); the adapter takes the first titled element whose title is its own text
   * and is not an address. Fallback: the line after the sender.
   */
  rowTitled: entry('Outlook rows render truncated text with a title tooltip (webmail-dom.md 2.3) ⚠', '[title]'),

  /** The row open in the reading pane (aria-selected also marks checked rows). */
  selectedListItem: entry(
    'public script verified 2026-08-19 (aria-selected on the open row)',
    '[role="option"][data-convid][aria-selected="true"]',
  ),

  /** Reading pane containers (the list and the pane are separate roots to observe). */
  readingPane: entry(
    'public scripts and Mailvelope mocks 2025 (webmail-dom.md 2.4) ⚠',
    '#ReadingPaneContainerId',
    '#ConversationReadingPaneContainer',
    '[data-app-section="ConversationContainer"]',
    '[data-app-section="MailReadCompose"]',
  ),

  /** Subject heading of the open conversation. */
  readingSubject: entry(
    'ARIA heading of the conversation (webmail-dom.md 2.4) ⚠',
    '[role="heading"][aria-level="2"]',
    '[role="heading"]',
  ),

  /**
   * Rendered message body. The aria-label ("Message body", "Nachrichtentext") is localized, so
   * it is never used; role and the UniqueMessageBody_ id prefix are not.
   * Seen: Mailvelope outlook-api mocks "based on actual HTML from outlook.office.com", 2025-12.
   */
  messageBody: entry(
    'Mailvelope outlook-api mocks 2025-12 (webmail-dom.md 2.4)',
    '[role="document"]',
    '[id^="UniqueMessageBody"]',
  ),

  /**
   * One message of the open conversation. Hashed class last; the adapter otherwise climbs from the
   * body to the smallest ancestor that also holds the sender (language-independent).
   */
  message: entry(
    'Mailvelope outlook-api 2025-12 (.aVla3, hashed, volatile) ⚠',
    '.aVla3',
  ),

  /**
   * Sender in a message header: persona hover target; its title or text carries the address.
   * The aria-label "From: …" is localized ("Von: …"), so only its presence, not its words, is used.
   */
  messageSender: entry(
    'Mailvelope outlook-api mocks 2025-12; public scripts (webmail-dom.md 2.4) ⚠',
    '[data-lpc-hover-target-id]',
    '.lpc-hoverTarget',
    'span[title*="@"]',
  ),

  /** Recipients line of an open message (never the sender). Seen: Mailvelope outlook-api mocks 2025-12 ⚠. */
  recipientWellRead: entry('Mailvelope outlook-api mocks 2025-12 ⚠', '[data-testid="RecipientWell"]'),

  /**
   * Mailbox owner: the primary mailbox node in the folder pane carries the address in
   * data-folder-name / title. Seen: Mailvelope outlook-api getUserInfo, 2025-12 ⚠.
   */
  account: entry(
    'Mailvelope outlook-api 2025-12 (getUserInfo); public tests (Account manager button) ⚠',
    '[id^="primaryMailboxRoot"]',
    '#O365_MainLink_Me',
    'button[aria-label*="@"]',
  ),

  /** Compose form: pop-out window, or the inline form under the main region. Seen: Briskine 2026-08. */
  composeRoot: entry(
    'Briskine outlook.js @ 98b08db (2026-08), getParent; MailReadCompose from public scripts (webmail-dom.md 2.4) ⚠',
    '[data-app-section="Form_Content"]',
    '[data-app-section="MailReadCompose"]',
    '[role="main"]',
  ),

  /** Compose body editor, used to find a compose form when no data-app-section says so. */
  composeBody: entry('Briskine outlook.spec.js (2026-08)', '[contenteditable="true"][aria-multiline="true"]'),

  /** To / Cc / Bcc wells: editable areas that are not the (multi-line) body. Seen: Briskine 2026-08. */
  recipientWell: entry(
    'Briskine outlook.js @ 98b08db (2026-08); public scripts',
    '[contenteditable="true"]:not([aria-multiline="true"])',
    '[role="textbox"]:not([aria-multiline="true"])',
  ),

  /**
   * One resolved recipient inside a well. Newest first: persona hover targets, then Briskine's
   * text containers (class-name fragments, fragile), then older OWA wells.
   */
  recipientChip: entry(
    'public scripts (data-lpc-hover-target-id) 2025; Briskine textContainer-/individualText- 2026-08; Mailvelope master (data-selection-index) ⚠',
    '[data-lpc-hover-target-id]',
    '[class*="individualText-"]',
    '[class*="textContainer-"]',
    '[data-selection-index] .lpc-hoverTarget',
  ),

  /**
   * The open persona (hover) card's e-mail field, linked to its chip through aria-controls /
   * aria-describedby / aria-owns. Seen: Mailvelope master extractPersona reads
   * `[data-log-name="Email"] button` (webmail-dom.md 2.5) ⚠.
   */
  personaCardEmail: entry('Mailvelope master extractPersona ⚠', '[data-log-name="Email"]'),
} as const satisfies Record<string, SelectorEntry>;

export type OutlookSelectorName = keyof typeof OUTLOOK;

/** First element matching the entry's selectors, tried in order. */
export function queryFirst(root: ParentNode, which: SelectorEntry): HTMLElement | null {
  for (const selector of which.selectors) {
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}

/**
 * All elements matched by the first selector of the entry that matches anything (fallbacks are
 * alternatives for different Outlook builds, not unions). Includes `root` itself when it matches.
 */
export function queryAll(root: ParentNode, which: SelectorEntry): HTMLElement[] {
  for (const selector of which.selectors) {
    const found = [...root.querySelectorAll<HTMLElement>(selector)];
    if (isElement(root) && root.matches(selector)) found.unshift(root as HTMLElement);
    if (found.length) return found;
  }
  return [];
}

/** The element itself or its nearest ancestor matching one of the entry's selectors. */
export function closest(el: Element, which: SelectorEntry): HTMLElement | null {
  for (const selector of which.selectors) {
    const found = el.closest<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}

/** Which selector of the entry matches first in `root` (for diagnostics and the selector self-test). */
export function matchingSelector(root: ParentNode, which: SelectorEntry): string | null {
  return which.selectors.find((selector) => root.querySelector(selector) !== null) ?? null;
}

function isElement(node: ParentNode): node is Element {
  return (node as Element).nodeType === 1;
}
