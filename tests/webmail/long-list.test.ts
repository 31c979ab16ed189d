// @vitest-environment happy-dom
/**
 * A long Gmail list (issue #12): read in slices, badged a few at a time with the rows on screen
 * first, each row read once for its notice and its life signs, and "not recorded" answers never
 * re-read the list. What the runtime does, never how long it takes (timing lives in the bench).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LifeSign, NoticeReport, NoticeResult } from '../../lib/messaging';
import type { AddressSummary } from '../../lib/policy';
import { createGmailAdapter, type GmailAdapter } from '../../lib/webmail/gmail/adapter';
import { USER_ATTRIBUTE } from '../../lib/webmail/gmail/page-info';
import { ShowOriginalFetcher } from '../../lib/webmail/gmail/show-original';
import { runWebmail, type RuntimeMessenger, type WebmailRuntime } from '../../lib/webmail/runtime';
import { FakeContext } from './fake-context';
import { GMAIL_URL, loadGmail } from './helpers';

const failingFetch = (async () => new Response('', { status: 404 })) as typeof fetch;
const newAdapter = (): GmailAdapter => createGmailAdapter({ fetcher: new ShowOriginalFetcher({ fetch: failingFetch, minGapMs: 0 }) });

class QuietMessenger implements RuntimeMessenger {
  noticeLookups: string[][] = [];
  /** While set, notice lookups wait until the test answers them. */
  hold = false;
  waiting: Array<() => void> = [];
  signs: LifeSign[][] = [];
  async reportNotice(_report: NoticeReport): Promise<NoticeResult> {
    throw new Error('no notice is opened here');
  }
  async lookupAddresses(_addresses: string[]): Promise<AddressSummary[]> {
    return [];
  }
  async lookupNotices(_account: string, ids: string[]): Promise<Array<NoticeResult | null>> {
    this.noticeLookups.push(ids);
    if (this.hold) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return ids.map(() => null);
  }
  async decide() {
    return { updated: 0 };
  }
  async reportLifeSigns(signs: LifeSign[]) {
    this.signs.push(signs);
    return { updated: 0 };
  }
}

/** The fixture's seven rows, `copies` times over, every id and every sender unique. */
function loadLongList(copies: number): HTMLElement[] {
  loadGmail(GMAIL_URL, '2026-11-27-list.html');
  document.documentElement.setAttribute(USER_ATTRIBUTE, 'user@example.com');
  const tbody = document.querySelector('tbody')!;
  const originals = [...tbody.querySelectorAll<HTMLElement>('tr.zA')];
  const rows: HTMLElement[] = [];
  for (let copy = 0; copy < copies; copy++) {
    originals.forEach((original, i) => {
      const row = original.cloneNode(true) as HTMLElement;
      const hex = (0x19a5b1c2d3e50000n + BigInt(copy * originals.length + i)).toString(16);
      row.id = `:r${copy}-${i}`;
      for (const carrier of row.querySelectorAll('[data-legacy-thread-id]')) {
        carrier.setAttribute('data-legacy-thread-id', hex);
        carrier.setAttribute('data-legacy-last-message-id', hex);
      }
      for (const sender of row.querySelectorAll('[email]')) {
        const email = sender.getAttribute('email')!;
        // Bounce senders stay what they are; people get an address of their own per copy.
        if (!/mailer-daemon|postmaster/i.test(email)) sender.setAttribute('email', email.replace('@', `${copy}@`));
      }
      rows.push(row);
    });
  }
  tbody.replaceChildren(...rows);
  return rows;
}

/** A stand-in IntersectionObserver that says the rows the test names are on screen, when told to. */
class ScreenObserver {
  static instances: ScreenObserver[] = [];
  static onScreen = new Set<Element>();
  targets: Element[] = [];
  disconnected = false;
  constructor(private callback: (entries: Array<{ target: Element; isIntersecting: boolean }>) => void) {
    ScreenObserver.instances.push(this);
  }
  observe(target: Element): void {
    this.targets.push(target);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  unobserve(): void {}
  takeRecords(): [] {
    return [];
  }
  /** What the browser does after its next layout. */
  report(): void {
    this.callback(this.targets.map((target) => ({ target, isIntersecting: ScreenObserver.onScreen.has(target) })));
  }
}

describe('a long list', () => {
  let ctx: FakeContext;
  let runtime: WebmailRuntime | undefined;
  const realObserver = window.IntersectionObserver;

  beforeEach(() => {
    ctx = new FakeContext();
    ScreenObserver.instances = [];
    ScreenObserver.onScreen = new Set();
    (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = ScreenObserver;
  });
  afterEach(() => {
    runtime?.stop();
    runtime = undefined;
    (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = realObserver;
    document.documentElement.removeAttribute(USER_ATTRIBUTE);
  });

  /** Lets the watcher, the slices and the writes run on the fake clock. */
  const run = (ms: number) => ctx.runFor(ms);

  it('badges every notice row once, the rows on screen first', async () => {
    const rows = loadLongList(15); // 105 rows, 75 notices: more than one slice
    const bounceRows = rows.filter((_, i) => [0, 2, 3, 4, 5].includes(i % 7));
    // The user has scrolled to the middle of the list.
    const shown = bounceRows.slice(40, 46);
    ScreenObserver.onScreen = new Set(shown);
    const order: Element[] = [];
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if ((node as Element).getAttribute?.('data-bounce-sweeper') === 'badge') order.push((node as Element).closest('tr')!);
    }).observe(document.body, { childList: true, subtree: true });
    runtime = runWebmail(ctx, newAdapter(), { messenger: new QuietMessenger() });
    await run(100);
    // The rows are read; the badges wait for the browser to say which rows are on screen.
    expect(ScreenObserver.instances).toHaveLength(1);
    expect(order).toEqual([]);
    ScreenObserver.instances[0]!.report();
    await run(200);
    expect(ScreenObserver.instances[0]!.disconnected).toBe(true);
    expect(new Set(order.slice(0, shown.length))).toEqual(new Set(shown));
    expect(order).toHaveLength(bounceRows.length);
    for (const row of rows) expect(row.querySelectorAll('[data-bounce-sweeper="badge"]')).toHaveLength(bounceRows.includes(row) ? 1 : 0);
  });

  it('badges in page order when the browser never says what is on screen (a hidden tab renders no frame)', async () => {
    const rows = loadLongList(15);
    runtime = runWebmail(ctx, newAdapter(), { messenger: new QuietMessenger() });
    await run(1000);
    expect(document.querySelectorAll('[data-bounce-sweeper="badge"]')).toHaveLength(75);
    expect(rows[0]!.querySelector('[data-bounce-sweeper="badge"]')?.textContent).toBe('Bounce, not read yet');
  });

  it('reads each row once for its notice and its life signs, with the same answers as the two reads apart', async () => {
    loadLongList(3);
    const adapter = newAdapter();
    const list = document.querySelector('tbody')!;
    const both = adapter.readRows!(list);
    expect(both.notices.map((n) => [n.row, n.badgeHost, n.messageId, n.subject, n.from, n.snippet])).toEqual(
      adapter.findListNotices(list).map((n) => [n.row, n.badgeHost, n.messageId, n.subject, n.from, n.snippet]),
    );
    expect(both.signs).toEqual(adapter.findLifeSigns!(list));
    expect(both.signs.map((s) => s.address)).toEqual(['bob0@example.org', 'gina0@example.org', 'bob1@example.org', 'gina1@example.org', 'bob2@example.org', 'gina2@example.org']);
  });

  it('does not read the list again when the tally answers that none of its notices is recorded', async () => {
    loadLongList(15);
    const adapter = newAdapter();
    const messenger = new QuietMessenger();
    messenger.hold = true;
    runtime = runWebmail(ctx, adapter, { messenger });
    await run(1000);
    expect(messenger.noticeLookups.flat()).toHaveLength(75);
    expect(document.querySelectorAll('[data-bounce-sweeper="badge"]')).toHaveLength(75);
    const read: ParentNode[] = [];
    const listRows = adapter.listRows!;
    adapter.listRows = (root) => {
      read.push(root);
      return listRows(root);
    };
    // "Not recorded", for every one: the rows already say "not read yet".
    for (const answer of messenger.waiting.splice(0)) answer();
    await run(1000);
    expect(read).toEqual([]);
    expect([...document.querySelectorAll('[data-bounce-sweeper="badge"]')].every((badge) => badge.textContent === 'Bounce, not read yet' || badge.textContent === 'Delay notice, not read yet')).toBe(true);
  });
});
