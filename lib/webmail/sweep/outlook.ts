/**
 * Outlook's side of a sweep (issue #11): the folder (or search) on screen, walked by scrolling its
 * virtualised list (rows scrolled away leave the DOM, positions shift as mail arrives), each notice
 * row collected once by its own id; then each is opened as a user would (its row selected), the
 * reading pane's rendered text read and reported, dated as the list shows it. Outlook keeps no
 * raw source a page can fetch robustly, so the rendered text is the source.
 */
import type { SweepAddRequest } from '../../messaging';
import { SWEEP_WORDS } from '../../vocabulary';
import type { WebmailAdapter } from '../adapter';
import { looksLikeBounce } from '../looks-like-bounce';
import { parseRow, rowDate, rowItemId } from '../outlook/adapter';
import { OUTLOOK_SELECTORS } from '../outlook/selectors';
import { createSelectorQueries } from '../selector-table';
import { SweepStop, type ReadOutcome, type SweepSource } from './driver';

const { queryFirst, queryAll } = createSelectorQueries(OUTLOOK_SELECTORS);

export interface OutlookSweepOptions {
  adapter: WebmailAdapter;
  doc?: Document;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** How long the list may take to draw rows after a scroll, and the pane to show a notice (default 10 s). */
  viewTimeoutMs?: number;
  /** At least this long between two notices opened (default 1 s: the same pace as Gmail's limit). */
  minGapMs?: number;
}

/** The element that scrolls the message list: the list itself or the nearest scrolling box around its rows. */
export function scrollerOf(list: HTMLElement): HTMLElement {
  const box = list.querySelector<HTMLElement>('[role="listbox"]') ?? list;
  for (let el: HTMLElement | null = box; el; el = el.parentElement) {
    if (el.scrollHeight > el.clientHeight + 1) return el;
    if (el === list) break;
  }
  return list;
}

export function createOutlookSweepSource(options: OutlookSweepOptions): SweepSource {
  const { adapter } = options;
  const doc = options.doc ?? document;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? (() => Date.now());
  const viewTimeoutMs = options.viewTimeoutMs ?? 10_000;
  const minGapMs = options.minGapMs ?? 1000;
  const POLL_MS = 50;
  let lastOpenedAt = -Infinity;

  const list = (): HTMLElement | null => queryFirst(doc, 'messageList');
  const rows = (): HTMLElement[] => {
    const root = list();
    return root ? queryAll(root, 'listItem') : [];
  };
  const idOf = (row: HTMLElement): string => rowItemId(row) || row.getAttribute('data-convid') || '';
  const signature = (): string => rows().map(idOf).join(',');

  /** Scrolls to `top` and waits until the list redrew (or stayed the same for a moment: nothing to draw). */
  async function scrollTo(scroller: HTMLElement, top: number): Promise<void> {
    const before = signature();
    scroller.scrollTop = top;
    scroller.dispatchEvent(new Event('scroll'));
    const started = now();
    while (now() - started < 1000) {
      await sleep(POLL_MS);
      if (signature() !== before) {
        await sleep(POLL_MS); // let the rest of the window draw
        return;
      }
    }
  }

  function noticeRows(): SweepAddRequest['items'] {
    const items: SweepAddRequest['items'] = [];
    for (const row of rows()) {
      const parts = parseRow(row);
      if (!looksLikeBounce({ subject: parts.subject, from: parts.from, snippet: parts.snippet }).isBounce) continue;
      const id = idOf(row);
      if (!id) continue;
      const date = rowDate(row);
      items.push({ messageId: id, rowId: id, ...(date ? { date } : {}) });
    }
    return items;
  }

  /** The row of a notice: on screen now, else found by scrolling the list from the top. */
  async function findRow(id: string): Promise<HTMLElement | null> {
    const here = rows().find((row) => idOf(row) === id);
    if (here) return here;
    const root = list();
    if (!root) return null;
    const scroller = scrollerOf(root);
    await scrollTo(scroller, 0);
    for (let step = 0; step < 10_000; step += 1) {
      const found = rows().find((row) => idOf(row) === id);
      if (found) return found;
      const top = scroller.scrollTop;
      if (top + scroller.clientHeight >= scroller.scrollHeight - 2) return null;
      await scrollTo(scroller, top + Math.max(40, Math.floor(scroller.clientHeight * 0.7)));
      if (scroller.scrollTop === top) return null;
    }
    return null;
  }

  return {
    webmail: 'outlook',
    defaultQuery: '',
    account: () => adapter.account(doc),

    async collect(_status, add) {
      const root = list();
      if (!root || !rows().length) throw new SweepStop(SWEEP_WORDS.noFolder);
      const scroller = scrollerOf(root);
      // From the top every time: positions change as mail arrives, and adding a notice twice adds nothing.
      await scrollTo(scroller, 0);
      for (let step = 1; step < 100_000; step += 1) {
        const next = await add(noticeRows(), { pages: step });
        if (next.state !== 'running') return;
        const top = scroller.scrollTop;
        if (top + scroller.clientHeight >= scroller.scrollHeight - 2) return;
        // Overlapping steps: a row shifted by new mail is seen in the next window.
        await scrollTo(scroller, top + Math.max(40, Math.floor(scroller.clientHeight * 0.7)));
        if (scroller.scrollTop <= top) return;
      }
    },

    async read(item): Promise<ReadOutcome> {
      const wait = lastOpenedAt + minGapMs - now();
      if (wait > 0) await sleep(wait);
      const row = await findRow(item.rowId ?? item.messageId);
      if (!row) return { error: SWEEP_WORDS.didNotRead(`the notice is no longer in this folder (${item.messageId.slice(0, 24)})`) };
      lastOpenedAt = now();
      row.click();
      const started = now();
      while (now() - started < viewTimeoutMs) {
        await sleep(POLL_MS);
        const open = adapter.findOpenNotices(doc).find((notice) => notice.messageId === item.messageId);
        if (!open?.body.textContent?.trim()) continue;
        const report = await adapter.readNotice(open, doc);
        if (report.rendered) report.rendered.date = item.date ?? report.rendered.date;
        return { report };
      }
      return { error: SWEEP_WORDS.notShown };
    },
  };
}
