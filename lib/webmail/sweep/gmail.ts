/**
 * Gmail's side of a sweep (issue #11): run a search for bounce notices, walk its result pages as
 * Gmail itself pages (`#search/<query>`, `#search/<query>/p2`, …), collect the notices' message ids
 * (a conversation with more than one message is opened, as a user would, to find the notices
 * threaded into it), then read each through "Show original" with the page's one polite fetcher
 * (../gmail/show-original.ts: one request a second, each URL once).
 *
 * Ids: a row whose thread id equals its last message's id is a one-message thread, and that id is
 * the message's (webmail-dom.md §1.3); a thread id never reaches view=om otherwise. "Show original"
 * is asked by `permmsgid=msg-f:<decimal>` first and, when Gmail says that does not exist, once by
 * `th=<legacy hex id>` (or the other way round); a `msg-a:` id goes through `th=`.
 */
import { MESSAGE_LIMITS, type SweepAddRequest } from '../../messaging';
import { SWEEP_WORDS } from '../../vocabulary';
import { legacyToPermId, type GmailAdapter } from '../gmail/adapter';
import { accountPath, readPageInfo } from '../gmail/page-info';
import { buildShowOriginalUrl, otherShowOriginalUrl, type MessageRef } from '../gmail/show-original';
import { SweepStop, type ReadOutcome, type SweepSource } from './driver';

/**
 * Notices from the usual senders, or with the usual subjects in several languages (the same
 * openings lib/bounce/envelope-markers.ts lists). The user can edit it; the sweep remembers it.
 */
export const DEFAULT_GMAIL_QUERY =
  'from:(mailer-daemon OR postmaster) OR subject:("Delivery Status Notification" OR "Undelivered Mail Returned to Sender" OR Undeliverable OR "Mail delivery failed" OR Unzustellbar OR "Non remis" OR "No se puede entregar")';

export interface GmailSweepOptions {
  adapter: GmailAdapter;
  doc?: Document;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** How long a result page or a conversation may take to show (default 20 s). */
  viewTimeoutMs?: number;
  /** How long a view with no rows must stay so before it counts as empty (default 1.5 s). */
  emptySettleMs?: number;
}

/** The hash route of a result page, written as Gmail writes searches (spaces as '+'). */
export function searchRoute(query: string, page: number): string {
  const q = encodeURIComponent(query.trim()).replace(/%20/g, '+');
  return page > 1 ? `#search/${q}/p${page}` : `#search/${q}`;
}

export function createGmailSweepSource(options: GmailSweepOptions): SweepSource {
  const { adapter } = options;
  const doc = options.doc ?? document;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? (() => Date.now());
  const viewTimeoutMs = options.viewTimeoutMs ?? 20_000;
  const emptySettleMs = options.emptySettleMs ?? 1500;
  const POLL_MS = 50;

  const idsOf = (rows: HTMLElement[]): string[] => rows.map((row) => adapter.rowIds(row)).map((ids) => ids.threadId || ids.lastMessageId).filter(Boolean);

  /** Goes to a result page and waits until Gmail shows it: its rows, or an empty view that stays empty. */
  async function showPage(query: string, page: number, previous: ReadonlySet<string>): Promise<HTMLElement[]> {
    const target = searchRoute(query, page);
    const before = adapter.visibleMain(doc);
    const already = doc.location.hash === target;
    if (!already) doc.location.hash = target;
    const started = now();
    let changedAt: number | null = already ? started : null;
    let last = before;
    while (now() - started < viewTimeoutMs) {
      await sleep(POLL_MS);
      const main = adapter.visibleMain(doc);
      if (!main) continue;
      if (main !== last) {
        last = main;
        changedAt = now();
      }
      const rows = adapter.rowsOf(main);
      const ids = idsOf(rows);
      const fresh = ids.some((id) => !previous.has(id));
      // The same view re-filled in place (Gmail may reuse it): new rows are the sign.
      if (changedAt === null && fresh && ids.length) changedAt = now();
      if (changedAt === null) continue;
      if (rows.length && fresh) return rows;
      if (now() - changedAt >= emptySettleMs) return rows;
    }
    throw new SweepStop(SWEEP_WORDS.noResults);
  }

  /** Opens a conversation from its row and returns the notices in it (a bounce threaded into a conversation). */
  async function noticesInThread(query: string, page: number, threadId: string): Promise<SweepAddRequest['items']> {
    const rows = await showPage(query, page, new Set());
    const row = rows.find((r) => adapter.rowIds(r).threadId === threadId);
    if (!row) return [];
    const list = adapter.visibleMain(doc);
    row.click();
    const started = now();
    while (now() - started < viewTimeoutMs) {
      await sleep(POLL_MS);
      const main = adapter.visibleMain(doc);
      if (!main || main === list) continue;
      const messages = adapter.messagesOf(main);
      if (!messages.length) continue;
      return messages
        .filter((m) => m.isNotice && (m.ref.legacyId || m.ref.permId))
        .map((m) => ({
          messageId: m.ref.legacyId || m.ref.permId,
          ...(m.ref.legacyId ? { legacyId: m.ref.legacyId } : {}),
          ...(m.ref.permId ? { permId: m.ref.permId } : {}),
          ...(m.date ? { date: m.date } : {}),
        }));
    }
    throw new SweepStop(SWEEP_WORDS.noResults);
  }

  return {
    webmail: 'gmail',
    defaultQuery: DEFAULT_GMAIL_QUERY,
    account: () => adapter.account(doc),

    async collect(status, add) {
      const query = status.query || DEFAULT_GMAIL_QUERY;
      let previous = new Set<string>();
      for (let page = status.pages + 1; page <= 1000; page += 1) {
        const rows = await showPage(query, page, previous);
        const infos = rows.map((row) => ({ ...adapter.rowIds(row), date: adapter.rowDate(row) })).filter((info) => info.lastMessageId);
        const fresh = infos.filter((info) => !previous.has(info.threadId || info.lastMessageId));
        if (!fresh.length) return; // past the last page: Gmail shows nothing new
        previous = new Set(infos.map((info) => info.threadId || info.lastMessageId));
        const items: SweepAddRequest['items'] = [];
        const threads: string[] = [];
        for (const info of fresh) {
          if (info.threadId && info.threadId !== info.lastMessageId) threads.push(info.threadId);
          else items.push({ messageId: info.lastMessageId, legacyId: info.lastMessageId, permId: legacyToPermId(info.lastMessageId), ...(info.date ? { date: info.date } : {}) });
        }
        for (const threadId of threads) items.push(...(await noticesInThread(query, page, threadId)));
        const next = await add(items, { pages: page });
        if (next.state !== 'running') return;
      }
    },

    async read(item): Promise<ReadOutcome> {
      // After a reload the sweep may continue before the page-world script has handed over Gmail's
      // account key (it waits for Gmail's GLOBALS): wait for it rather than ask without it.
      let { ik } = readPageInfo(doc);
      for (const started = now(); !ik && now() - started < viewTimeoutMs; ) {
        await sleep(100);
        ik = readPageInfo(doc).ik;
      }
      if (!ik) return { error: SWEEP_WORDS.didNotRead('Gmail\'s account key is not on the page (reload Gmail and try again)') };
      const ref: MessageRef = { permId: item.permId ?? (item.legacyId ? legacyToPermId(item.legacyId) : ''), legacyId: item.legacyId ?? '' };
      const origin = doc.location.origin;
      const path = accountPath(doc.location.pathname);
      const first = buildShowOriginalUrl(origin, path, ik, ref);
      if (!first) return { error: SWEEP_WORDS.didNotRead(`no message id to ask Gmail for (${item.messageId})`) };
      let outcome = await adapter.fetcher.fetchOriginal(first);
      if (outcome.kind === 'missing') {
        // issue #11: "does not exist" under one id form is retried once under the other.
        const other = otherShowOriginalUrl(origin, path, ik, ref);
        if (other) outcome = await adapter.fetcher.fetchOriginal(other);
      }
      if (outcome.kind !== 'raw') return { error: SWEEP_WORDS.didNotRead(`${outcome.reason} (message ${item.messageId})`) };
      return {
        report: {
          webmail: 'gmail',
          account: adapter.account(doc),
          messageId: item.messageId,
          url: `${origin}${path}#all/${item.legacyId ?? ''}`,
          raw: outcome.raw.slice(0, MESSAGE_LIMITS.raw),
        },
      };
    },
  };
}
