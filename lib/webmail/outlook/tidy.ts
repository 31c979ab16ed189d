/**
 * Outlook's side of "processed notices out of the way" (issue #11, ../sweep/tidy.ts): in the folder
 * that was swept, as a user would, it ticks the checkbox of each row that is one of the notices the
 * sweep read and recorded (by the row's own id, as the sweep found it), checks that exactly those
 * rows are selected, and uses Outlook's Archive command: they go to the Archive folder. Outlook's
 * own Undo (in the message it shows after the move) brings them back; later, the Archive folder.
 *
 * The list is virtualised (rows scrolled away leave the DOM): it works on the rows on screen, a
 * window at a time, scrolling down, and walks again from the top while a walk moved something.
 * The checkbox and the Archive command are not in webmail-dom.md: see the ⚠ entries of
 * ./selectors.ts. Every step checks what Outlook shows and stops, in words, when it is not that.
 */
import type { SweepStatus } from '../../messaging';
import { TIDY_WORDS } from '../../vocabulary';
import { createSelectorQueries } from '../selector-table';
import { SweepStop } from '../sweep/driver';
import { scrollerOf } from '../sweep/outlook';
import { press, rowsToSelect, theOneShown, waitUntil, type TidyItem, type TidyTarget } from '../sweep/tidy';
import { rowItemId } from './adapter';
import { OUTLOOK_SELECTORS } from './selectors';

export interface OutlookTidyOptions {
  doc?: Document;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Between two commands to Outlook (one Archive and the next); default 1 s, as the sweep. */
  gapMs?: number;
  /** How long Outlook may take to take the rows out of the list (default 15 s). */
  viewTimeoutMs?: number;
}

/** At most this many rows are selected at once (a window of the virtualised list holds fewer). */
const BATCH = 50;

const { queryFirst, queryAll } = createSelectorQueries(OUTLOOK_SELECTORS);

function shown(element: Element): boolean {
  if (!element.isConnected) return false;
  return typeof element.checkVisibility === 'function' ? element.checkVisibility() : true;
}

/** A row's own id, as the sweep filed it (its item id, else its conversation id). */
export function outlookRowId(row: Element): string {
  return rowItemId(row) || row.getAttribute('data-convid') || '';
}

export function createOutlookTidy(options: OutlookTidyOptions = {}): TidyTarget {
  const doc = options.doc ?? document;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? (() => Date.now());
  const gapMs = options.gapMs ?? 1000;
  const viewTimeoutMs = options.viewTimeoutMs ?? 15_000;
  const wait = <T>(test: () => T | null | undefined | false, timeoutMs = viewTimeoutMs) => waitUntil(test, { timeoutMs, sleep, now });

  const list = (): HTMLElement | null => queryFirst(doc, 'messageList');
  const rows = (): HTMLElement[] => {
    const root = list();
    return root ? queryAll(root, 'listItem') : [];
  };
  const rowById = (id: string): HTMLElement | undefined => rows().find((row) => outlookRowId(row) === id);
  const isTicked = (row: HTMLElement): boolean =>
    row.getAttribute('aria-selected') === 'true' || queryFirst(row, 'rowCheckbox')?.getAttribute('aria-checked') === 'true';
  const selectedIds = (): string[] => rows().filter(isTicked).map(outlookRowId);

  async function scrollTo(scroller: HTMLElement, top: number): Promise<void> {
    const before = rows().map(outlookRowId).join(',');
    scroller.scrollTop = top;
    scroller.dispatchEvent(new Event('scroll'));
    await wait(() => rows().map(outlookRowId).join(',') !== before, 1000);
    await sleep(50); // let the rest of the window draw
  }

  function archiveControl(): HTMLElement {
    // An icon match stands for the button around it; one button on screen, or none is pressed.
    const buttons = [...new Set(queryAll(doc, 'archiveButton').map((el) => el.closest<HTMLElement>('button, [role="button"]') ?? el))];
    const found = theOneShown(buttons, shown);
    if ('element' in found) return found.element;
    throw new SweepStop(TIDY_WORDS.noControl('outlook', 'Archive', found.count));
  }

  async function select(ids: string[]): Promise<void> {
    const wanted = new Set(ids);
    for (const id of ids) {
      const row = rowById(id);
      const box = row ? queryFirst(row, 'rowCheckbox') : null;
      if (!row || !box) throw new SweepStop(TIDY_WORDS.notTicked);
      if (queryFirst(row, 'rowCheckbox')?.getAttribute('aria-checked') !== 'true') press(box);
      // Outlook may draw the row anew: look it up by its id again.
      if (!(await wait(() => rowById(id) && isTicked(rowById(id) as HTMLElement), 5000))) throw new SweepStop(TIDY_WORDS.notTicked);
      await sleep(Math.min(100, gapMs));
    }
    // Exactly these rows and no other (the row open in the reading pane counts as selected too).
    const extra = selectedIds().filter((id) => !wanted.has(id));
    if (extra.length) {
      for (const id of ids) {
        const box = rowById(id) ? queryFirst(rowById(id) as HTMLElement, 'rowCheckbox') : null;
        if (box?.getAttribute('aria-checked') === 'true') press(box);
      }
      throw new SweepStop(TIDY_WORDS.otherSelected(extra.length));
    }
  }

  async function archive(ids: string[]): Promise<void> {
    press(archiveControl());
    if (!(await wait(() => !ids.some((id) => rowById(id))))) throw new SweepStop(TIDY_WORDS.notMoved('outlook'));
  }

  return {
    webmail: 'outlook',
    async tidy(items: readonly TidyItem[], _sweep: SweepStatus, moved: (ids: string[]) => void): Promise<void> {
      const byRow = new Map(items.map((item) => [item.rowId ?? item.messageId, item.messageId]));
      const remaining = new Set(byRow.keys());
      const root = list();
      if (!root || !rows().length) throw new SweepStop(TIDY_WORDS.noList('outlook'));
      const scroller = scrollerOf(root);
      for (let pass = 0; pass < 3 && remaining.size; pass += 1) {
        let movedAny = false;
        await scrollTo(scroller, 0);
        for (let step = 0; step < 10_000 && remaining.size; step += 1) {
          const batch = rowsToSelect(rows(), outlookRowId, remaining, BATCH).map(outlookRowId);
          if (batch.length) {
            await select(batch);
            await sleep(gapMs);
            await archive(batch);
            for (const id of batch) remaining.delete(id);
            moved(batch.map((id) => byRow.get(id) ?? id));
            movedAny = true;
            await sleep(gapMs);
            continue; // the same window again: the rows below have moved up
          }
          const top = scroller.scrollTop;
          if (top + scroller.clientHeight >= scroller.scrollHeight - 2) break;
          await scrollTo(scroller, top + Math.max(40, Math.floor(scroller.clientHeight * 0.7)));
          if (scroller.scrollTop <= top) break;
        }
        if (!movedAny) break;
      }
    },
  };
}
