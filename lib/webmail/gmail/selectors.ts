/**
 * Every Gmail selector Bounce Sweeper uses, in one place (after InboxSDK's gmail-element-getter.ts).
 * Each entry lists its variants newest first, with the date Gmail shipped that markup (or when a
 * source saw it) and where the fact comes from; ../shared/docs/webmail-dom.md §0 and §1 cite them.
 * Prefer attribute/ARIA hooks ([role], [email], [data-*], [name]) over Gmail's obfuscated classes.
 *
 * Fix a selector: add the new variant at the top of its list with today's date and a source, keep
 * the old one below it (Gmail rolls changes out per account, webmail-dom.md §3.1), add a dated DOM
 * fixture under tests/fixtures/dom/gmail/ and run `npx vitest run tests/webmail`.
 */

export interface SelectorVariant {
  css: string;
  /** When Gmail shipped (or a source first showed) this markup. */
  since: string;
  source: string;
}

export type SelectorName = keyof typeof GMAIL_SELECTORS;

export const GMAIL_SELECTORS = {
  /** The app's main pane: thread list and conversation both live here. */
  main: [
    { css: 'div[role="main"]', since: '2014', source: 'gmail.js api.dom.inbox_content; SGN pageContent' },
  ],
  /** Compose "mole" area (pop-up composes) and full-screen compose, outside the main pane. */
  composeAreas: [
    { css: 'div.dw', since: '2016', source: 'InboxSDK gmail-element-getter MOLE_PARENT_SELECTOR (div.dw .nH > .nH > .no)' },
    { css: '.aSs .aSt', since: '2019', source: 'InboxSDK full-screen compose' },
  ],
  /** One thread row of the message list. */
  row: [
    { css: 'tr.zA', since: '2014-12', source: 'gmail.js, InboxSDK gmail-thread-row-view, SGN; fixtures/webmail/gmail' },
    { css: 'div.Cp table > tbody > tr[id]', since: '2014-12', source: 'InboxSDK gmail-row-list-view' },
  ],
  /** Sender/participant spans inside a row (one per participant). */
  rowSenders: [
    { css: 'td.yX div.yW span[email]', since: '2014-12', source: 'InboxSDK getContacts; fixture inboxsdk__injected-thread-identifier.html' },
    { css: 'span[email][name]', since: '2014-12', source: 'InboxSDK getContacts uses [email]' },
  ],
  /** The subject text of a row. */
  rowSubject: [
    { css: 'span.bog', since: '2019 (new Gmail)', source: 'third-party scripts, webmail-dom.md §1.3 ⚠' },
    { css: 'td.a4W div.xS div.xT div.y6 > span[id]', since: '2014-12', source: 'InboxSDK _getSubjectSelector' },
    { css: 'td.a4W div.y6 > span:not(.y2)', since: '2014-12', source: 'fixture inboxsdk__thread-row-parser-rows.html' },
  ],
  /** Where the row badge goes: the subject line container, before the subject. */
  rowBadgeHost: [
    { css: 'td.a4W div.xT div.y6', since: '2014-12', source: 'InboxSDK _getSubjectSelector (parent of the subject span)' },
    { css: 'td.a4W div.xT', since: '2014-12', source: 'InboxSDK label parent' },
  ],
  rowSnippet: [{ css: 'span.y2', since: '2014-12', source: 'InboxSDK, fixtures' }],
  /** Id carriers of a row, best first: the last message's legacy id matches the opened message's. */
  rowLastMessageId: [{ css: '[data-legacy-last-message-id]', since: '2018', source: 'SGN getEmailKey' }],
  rowThreadId: [{ css: '[data-legacy-thread-id]', since: '2018', source: 'InboxSDK _getThreadID; gmail.js span[data-thread-id]' }],
  /** Subject of the open conversation. */
  threadSubject: [
    { css: 'h2.hP', since: '2014', source: 'gmail.js, FlowCrypt, InboxSDK' },
    { css: '.ha h2', since: '2014', source: 'InboxSDK gmail-thread-view' },
  ],
  /** One message of a conversation (detect per message: Gmail threads bounces into conversations). */
  message: [
    { css: 'div.adn[data-message-id]', since: '2018', source: 'gmail.js api.dom.email; InboxSDK gmail-message-view' },
    { css: 'div.adn[data-legacy-message-id]', since: '2018', source: 'gmail.js api.dom.email' },
    { css: '[role="listitem"] [data-legacy-message-id]', since: '2023-11-16', source: 'InboxSDK [role=list] message list' },
  ],
  /** Rendered body of an expanded message (collapsed messages have none). */
  messageBody: [
    { css: 'div.ii.gt div.a3s.aiL', since: '2019', source: 'InboxSDK PR #1309; Mailvelope MSG_BODY_SELECTOR' },
    { css: 'div.a3s.aXjCH', since: '2017', source: 'Mailvelope MSG_BODY_SELECTOR (older)' },
    { css: 'div.ii.gt', since: '2014', source: 'InboxSDK PR #1309 ("body is div.ii.gt")' },
  ],
  messageSender: [
    { css: 'span.gD[email]', since: '2014', source: 'gmail.js, FlowCrypt' },
    { css: 'td.gF span[email]', since: '2014', source: 'InboxSDK gmail-message-view' },
  ],
  messageDate: [{ css: 'span.g3[title]', since: '2014', source: 'gmail.js, InboxSDK (.ads .gK .g3)' }],
  /** Recipient chips in compose; address in data-hovercard-id, display name in data-name. */
  composeChip: [
    {
      css: '.anm[name="to"] [role="option"][data-hovercard-id], .anm[name="cc"] [role="option"][data-hovercard-id], .anm[name="bcc"] [role="option"][data-hovercard-id]',
      since: '2021-10 (peoplekit chips)',
      source: 'InboxSDK page-parser.ts getRecipientChips; Workspace Updates 2021-10',
    },
    { css: 'div[name="to"] [data-hovercard-id], div[name="cc"] [data-hovercard-id], div[name="bcc"] [data-hovercard-id]', since: '2021-10', source: 'gmail.js tr.bzf div[name] div[data-hovercard-id]' },
    { css: '.afV[data-hovercard-id]', since: '2021-10', source: 'gmail.js chip class afV; Mailvelope .agb .afV' },
    { css: 'div.M9 .vR', since: '2014 (legacy chips)', source: 'InboxSDK, gmail.js: .vR with input[type=hidden][name=to]' },
  ],
} as const satisfies Record<string, readonly SelectorVariant[]>;

/** Which variant matched last, per selector name (for bug reports: "Gmail moved X"). */
export const matchedVariant = new Map<SelectorName, string>();

/** First element any variant finds, variants tried in order. */
export function queryFirst<T extends Element = HTMLElement>(root: ParentNode, name: SelectorName): T | null {
  for (const variant of GMAIL_SELECTORS[name]) {
    const found = root.querySelector<T>(variant.css);
    if (found) {
      matchedVariant.set(name, variant.since);
      return found;
    }
  }
  return null;
}

/** All elements the first matching variant finds; `root` itself counts when it matches. */
export function queryAll<T extends Element = HTMLElement>(root: ParentNode, name: SelectorName): T[] {
  for (const variant of GMAIL_SELECTORS[name]) {
    const found = [...root.querySelectorAll<T>(variant.css)];
    if ((root as Node).nodeType === 1 && (root as Element).matches(variant.css)) found.unshift(root as unknown as T);
    if (found.length) {
      matchedVariant.set(name, variant.since);
      return found;
    }
  }
  return [];
}

/** Nearest ancestor-or-self that any variant matches. */
export function closest<T extends Element = HTMLElement>(node: Element, name: SelectorName): T | null {
  for (const variant of GMAIL_SELECTORS[name]) {
    const found = node.closest<T>(variant.css);
    if (found) return found;
  }
  return null;
}
