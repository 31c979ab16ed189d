/**
 * The small interface every webmail implements (Gmail and Outlook today). Adding a webmail is one
 * new folder lib/webmail/<name>/ (selectors.ts + adapter.ts), one content-script entrypoint and one
 * line in lib/webmail/registry.ts. Adapters know the DOM; they never classify or store anything.
 */
import type { LifeSign, NoticeReport, WebmailId } from '../messaging';
import type { StaleSelector } from './selector-table';

/** A row in the message list that looks like a bounce notice. */
export interface ListNotice {
  /** The row element; badges go inside `badgeHost`. */
  row: HTMLElement;
  /** Where the badge is inserted (inside the row, next to the subject). */
  badgeHost: HTMLElement;
  /** Webmail id of the message or conversation, or '' when the row does not carry one. */
  messageId: string;
  subject: string;
  from: string;
  /** Snippet text the row shows (may already name the failed address). */
  snippet: string;
  /**
   * Optional: what looksLikeBounce said of subject, from and snippet when the adapter found the row
   * (the runtime asks it again without; a list's badges asked it twice a row).
   */
  delayed?: boolean;
}

/** An opened message (reading pane or conversation) that looks like a bounce notice. */
export interface OpenNotice {
  /** The message element. */
  message: HTMLElement;
  /** Element before which the banner is inserted (top of the message body). */
  bannerHost: HTMLElement;
  messageId: string;
  subject: string;
  from: string;
  /** The rendered body element, for the text fallback. */
  body: HTMLElement;
}

/** A recipient chip in a compose window. */
export interface ComposeRecipient {
  chip: HTMLElement;
  /** Bare address; chips that only show a display name are skipped by the adapter, not guessed. */
  address: string;
  /** The compose window (or form) the chip belongs to: one compose summary per compose. */
  compose: HTMLElement;
  /** Which field the chip is in, in the adapter's own terms ('to', 'cc', 'bcc', or a well's index): what addRecipients takes back. */
  field: string;
}

export interface WebmailAdapter {
  id: WebmailId;
  /** Does this document look like the webmail app (and not a sign-in page or a static page)? */
  isApp(doc: Document): boolean;
  /** Containers worth observing (list, reading pane, compose); the watcher scopes itself to these. */
  observedRoots(doc: Document): HTMLElement[];
  /** Account key of the mailbox open in this tab ('' when unknown). */
  account(doc: Document): string;
  /**
   * Optional (issue #4): true when the three find* methods also return the item that *contains*
   * `root` (not only items at or under it). The runtime then passes just the nodes a mutation added
   * instead of rescanning whole roots, so a hover or a single re-painted row costs one row's work.
   */
  findsAroundNodes?: boolean;
  /**
   * Optional, with findsAroundNodes (issue #12): true for a root whose find* answers depend on more
   * than the nodes that changed in it (Outlook's reading pane: a heading rendered after the body is
   * what makes that body a notice). A batch reads such a root whole, and elsewhere only the added
   * nodes; without this method every root is read by its added nodes.
   */
  readsWholeRoot?(root: HTMLElement): boolean;
  /**
   * Optional (issue #11): the list's rows have a fixed height (Outlook's virtualised list). The
   * runtime then keeps a badge's line on one line, so a badge never changes a row's height.
   */
  fixedHeightRows?: boolean;
  /**
   * Optional (issues #11, #12): the list rows under `root`, cheaply (no parsing). With it, and with
   * findsAroundNodes, the runtime reads a long list in slices (each row through findListNotices(row))
   * so that a full re-render of 1,000 rows is many short tasks, never one long one; and it reads a
   * short list once when a batch re-rendered most of its rows (a virtualised list's scroll).
   */
  listRows?(root: ParentNode): HTMLElement[];
  findListNotices(root: ParentNode): ListNotice[];
  /**
   * Optional (issue #13, proof of life): messages under `root` whose one sender and date are both on
   * screen (an open message's header; a list row all of whose messages are from one sender), never
   * the user's own or a notice's; none from a folder that lists recipients in the sender column.
   * See ./life-signs.ts for why each rule.
   */
  findLifeSigns?(root: ParentNode): LifeSign[];
  /**
   * Optional (issue #12): findListNotices and findLifeSigns together, each row read once; what the
   * runtime uses for a list's rows when the adapter has it.
   */
  readRows?(root: ParentNode): { notices: ListNotice[]; signs: LifeSign[] };
  findOpenNotices(root: ParentNode): OpenNotice[];
  findComposeRecipients(root: ParentNode): ComposeRecipient[];
  /**
   * Puts a compose's summary line (our host element) where it belongs, near the recipients; false
   * when the compose has no such place. Called again whenever the webmail re-rendered it away.
   */
  placeComposeSummary(compose: HTMLElement, host: HTMLElement): boolean;
  /** Takes a recipient out of its compose with the webmail's own control; false when there is none. */
  removeRecipient(recipient: ComposeRecipient): boolean;
  /** Puts addresses back into a field of a compose through the webmail's own input (Undo); false when it cannot. */
  addRecipients(compose: HTMLElement, field: string, addresses: readonly string[]): boolean;
  /**
   * True when the webmail offers the notice's original source (Gmail's "Show original"): reading
   * from the screen is then a fallback. Outlook shows notices only as text, which is normal.
   */
  offersRawSource: boolean;
  /** Build the report for an opened notice: raw source where the webmail gives it, else rendered text. */
  readNotice(notice: OpenNotice, doc: Document): Promise<NoticeReport>;
  /**
   * Selector names this page answered only with an older layout's variant so far (each once; see
   * ./selector-table.ts). The runtime passes them on, so the options page can say the webmail moved.
   */
  staleSelectors(): readonly StaleSelector[];
}
