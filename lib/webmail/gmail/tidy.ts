/**
 * Gmail's side of "processed notices out of the way" (issue #11, ../sweep/tidy.ts): as a user
 * would, it searches the sweep's query within the inbox (`in:inbox (<query>)`, Gmail's own search
 * operator), ticks the checkbox of each row that is one of the notices the sweep read and recorded,
 * checks that exactly those rows are selected, then uses the toolbar: Labels → "Bounce
 * Sweeper/Processed" (created through the label menu the first time) → Apply, then Archive.
 * Gmail's own Undo (the message it shows after archiving) brings them back; the label stays.
 *
 * Only a row whose thread id equals its last message's id is touched: a one-message conversation,
 * that message being the notice (webmail-dom.md §1.3). A notice threaded into a conversation with
 * other mail is left where it is: archiving the conversation would move the other mail too.
 *
 * The toolbar's markup is not in webmail-dom.md: see the ⚠ entries of ./selectors.ts. Every step
 * checks what Gmail shows before the next one and stops, in words, when it is not what it expects.
 */
import type { SweepStatus } from '../../messaging';
import { TIDY_GMAIL_LABEL, TIDY_WORDS } from '../../vocabulary';
import { createSelectorQueries } from '../selector-table';
import { DEFAULT_GMAIL_QUERY, searchRoute } from '../sweep/gmail';
import { SweepStop } from '../sweep/driver';
import { press, rowsToSelect, theOneShown, waitUntil, type TidyItem, type TidyTarget } from '../sweep/tidy';
import { isShown, type GmailAdapter } from './adapter';
import { GMAIL_SELECTORS, type GmailSelectorName } from './selectors';

export interface GmailTidyOptions {
  adapter: GmailAdapter;
  doc?: Document;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Between two commands to Gmail (label, archive, the next batch); default 1 s, as the sweep. */
  gapMs?: number;
  /** How long a view or a control may take to show (default 20 s). */
  viewTimeoutMs?: number;
  /** How long a view with no rows must stay so before it counts as empty (default 1.5 s). */
  emptySettleMs?: number;
  label?: string;
}

/** At most this many rows are selected at once (Gmail shows 50 a page by default). */
const BATCH = 100;

/** The query the tidy walks: the sweep's, within the inbox. */
export function inboxQuery(query: string): string {
  return `in:inbox (${query.trim() || DEFAULT_GMAIL_QUERY})`;
}

/**
 * The notice a row stands for, or '' when it must not be touched: a row is a notice only when its
 * conversation is that one message (thread id = last message id, both present).
 */
export function rowNoticeId(ids: { threadId: string; lastMessageId: string }, rowHasThreadId: boolean): string {
  return rowHasThreadId && ids.threadId && ids.threadId === ids.lastMessageId ? ids.threadId : '';
}

export function createGmailTidy(options: GmailTidyOptions): TidyTarget {
  const { adapter } = options;
  const doc = options.doc ?? document;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? (() => Date.now());
  const gapMs = options.gapMs ?? 1000;
  const viewTimeoutMs = options.viewTimeoutMs ?? 20_000;
  const emptySettleMs = options.emptySettleMs ?? 1500;
  const label = options.label ?? TIDY_GMAIL_LABEL;
  // The tidy's own queries (the adapter's remember the list's; these only the toolbar's).
  const { queryAll, queryFirst } = createSelectorQueries(GMAIL_SELECTORS);
  const wait = <T>(test: () => T | null | undefined | false, timeoutMs = viewTimeoutMs) => waitUntil(test, { timeoutMs, sleep, now });

  const noticeIdOf = (row: HTMLElement): string => rowNoticeId(adapter.rowIds(row), !!queryFirst(row, 'rowThreadId'));
  const checkboxOf = (row: HTMLElement): HTMLElement | null => queryFirst(row, 'rowCheckbox');
  const isTicked = (row: HTMLElement): boolean => checkboxOf(row)?.getAttribute('aria-checked') === 'true';

  /** The one control of that name on screen (Gmail keeps hidden toolbars of earlier views): never guess between several. */
  function control(name: GmailSelectorName, words: string, root: ParentNode = doc): HTMLElement {
    const found = theOneShown(queryAll(root, name), isShown);
    if ('element' in found) return found.element;
    throw new SweepStop(TIDY_WORDS.noControl('gmail', words, found.count));
  }

  /** Goes to a result page (or stays on it) and waits until Gmail shows it: its rows, or a view that stays empty. */
  async function show(route: string): Promise<HTMLElement> {
    const before = adapter.visibleMain(doc);
    if (doc.location.hash !== route) {
      doc.location.hash = route;
      const changed = await wait(() => {
        const main = adapter.visibleMain(doc);
        return main && main !== before ? main : null;
      });
      if (!changed) throw new SweepStop(TIDY_WORDS.noList('gmail'));
    }
    const main = await wait(() => adapter.visibleMain(doc));
    if (!main) throw new SweepStop(TIDY_WORDS.noList('gmail'));
    // A view with no rows yet may still be filling: give it a moment before taking it as empty.
    await wait(() => adapter.rowsOf(adapter.visibleMain(doc) ?? main).length > 0, emptySettleMs);
    return adapter.visibleMain(doc) ?? main;
  }

  async function select(main: HTMLElement, batch: HTMLElement[]): Promise<void> {
    const others = adapter.rowsOf(main).filter(isTicked);
    if (others.length) throw new SweepStop(TIDY_WORDS.otherSelected(others.length));
    const tickGap = Math.min(100, gapMs);
    for (const row of batch) {
      const box = checkboxOf(row);
      if (!box) throw new SweepStop(TIDY_WORDS.notTicked);
      press(box);
      if (!(await wait(() => isTicked(row), 5000))) throw new SweepStop(TIDY_WORDS.notTicked);
      await sleep(tickGap);
    }
    // Exactly these rows and no other: anything else and nothing is moved (our ticks are taken back).
    const wanted = new Set(batch);
    const extra = adapter.rowsOf(main).filter((row) => isTicked(row) && !wanted.has(row));
    if (extra.length) {
      for (const row of batch) if (isTicked(row)) press(checkboxOf(row) as HTMLElement);
      throw new SweepStop(TIDY_WORDS.otherSelected(extra.length));
    }
  }

  async function applyLabel(): Promise<void> {
    press(control('labelButton', 'Labels'));
    const menu = await wait(() => queryAll(doc, 'labelMenu').find((m) => isShown(m) && queryFirst(m, 'labelMenuFilter')), 10_000);
    if (!menu) throw new SweepStop(TIDY_WORDS.noLabelMenu);
    const filter = queryFirst<HTMLInputElement>(menu, 'labelMenuFilter') as HTMLInputElement;
    filter.focus();
    filter.value = label;
    filter.dispatchEvent(new Event('input', { bubbles: true }));
    filter.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
    const option = () => queryAll(menu, 'labelMenuOption').find((o) => isShown(o) && o.getAttribute('title') === label);
    const create = () => queryAll(menu, 'labelMenuCreate').find(isShown);
    let found = await wait(() => option() ?? create(), 10_000);
    // The menu may offer "create" a moment before it has filtered the labels: look once more for the label.
    if (found && found !== option()) found = (await wait(option, 500)) ?? found;
    if (!found) throw new SweepStop(TIDY_WORDS.noLabelOption);
    const choice = found;
    if (choice === option()) {
      if (choice.getAttribute('aria-checked') !== 'true') press(choice);
      if (!(await wait(() => choice.getAttribute('aria-checked') === 'true', 5000))) throw new SweepStop(TIDY_WORDS.noLabelOption);
      await sleep(Math.min(200, gapMs));
      press(control('labelMenuApply', 'Apply', menu));
    } else {
      press(choice);
      const dialog = await wait(() => queryAll(doc, 'labelDialog').find((d) => isShown(d) && queryFirst(d, 'labelDialogInput')), 10_000);
      if (!dialog) throw new SweepStop(TIDY_WORDS.noLabelOption);
      const name = queryFirst<HTMLInputElement>(dialog, 'labelDialogInput') as HTMLInputElement;
      if (name.value.trim() !== label) {
        name.value = label;
        name.dispatchEvent(new Event('input', { bubbles: true }));
      }
      press(control('labelDialogOk', 'Create', dialog));
      if (!(await wait(() => !isShown(dialog), 10_000))) throw new SweepStop(TIDY_WORDS.labelNotApplied);
    }
    if (!(await wait(() => !isShown(menu), 10_000))) throw new SweepStop(TIDY_WORDS.labelNotApplied);
  }

  async function archive(batchIds: ReadonlySet<string>): Promise<void> {
    const undoBefore = queryFirst(doc, 'undoLink');
    press(control('archiveButton', 'Archive'));
    // Done when the rows have left the inbox's list, or Gmail shows a new "… archived. Undo" message.
    const gone = await wait(() => {
      const main = adapter.visibleMain(doc);
      const rowsLeft = main ? !adapter.rowsOf(main).some((row) => batchIds.has(noticeIdOf(row))) : false;
      const undo = queryFirst(doc, 'undoLink');
      return rowsLeft || (undo && undo !== undoBefore && isShown(undo));
    }, 15_000);
    if (!gone) throw new SweepStop(TIDY_WORDS.notMoved('gmail'));
  }

  return {
    webmail: 'gmail',
    async tidy(items: readonly TidyItem[], sweep: SweepStatus, moved: (ids: string[]) => void): Promise<void> {
      const remaining = new Set(items.map((item) => item.messageId));
      const query = inboxQuery(sweep.query);
      // Passes until one moves nothing: rows move up a page as the ones above leave the inbox.
      for (let pass = 0; pass < 3 && remaining.size; pass += 1) {
        let movedAny = false;
        const seen = new Set<string>();
        for (let page = 1, steps = 0; page <= 200 && remaining.size && steps < 2000; steps += 1) {
          const main = await show(searchRoute(query, page));
          const rows = adapter.rowsOf(main);
          const batch = rowsToSelect(rows, noticeIdOf, remaining, BATCH);
          if (batch.length) {
            const ids = batch.map(noticeIdOf);
            await select(main, batch);
            await sleep(gapMs);
            await applyLabel();
            await sleep(gapMs);
            await archive(new Set(ids));
            for (const id of ids) remaining.delete(id);
            moved(ids);
            movedAny = true;
            await sleep(gapMs);
            continue; // the same page again: the rows below have moved up
          }
          const ids = rows.map((row) => adapter.rowIds(row).threadId || adapter.rowIds(row).lastMessageId);
          if (!ids.some((id) => !seen.has(id))) break; // past the last page: nothing new
          for (const id of ids) seen.add(id);
          page += 1;
        }
        if (!movedAny) break;
      }
      // End on the first page of what is left: the user sees which notices stayed in the inbox.
      await show(searchRoute(query, 1));
    },
  };
}
