// @vitest-environment happy-dom
/**
 * The selector queries notice when only an older layout's variant answered a name, and the runtime
 * tells the background once per name per page (lib/webmail/selector-table.ts, runtime.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoticeReport, NoticeResult, SelectorHealthReport } from '../../lib/messaging';
import { createGmailAdapter } from '../../lib/webmail/gmail/adapter';
import { ShowOriginalFetcher } from '../../lib/webmail/gmail/show-original';
import { runWebmail, type RuntimeMessenger, type WebmailRuntime } from '../../lib/webmail/runtime';
import { createSelectorQueries, type SelectorTable } from '../../lib/webmail/selector-table';
import { FakeContext, flushMicrotasks } from './fake-context';
import { GMAIL_URL, loadGmail } from './helpers';

const TABLE = {
  list: [
    { css: '[role="list"]', since: '2023-11-16', source: 'new' },
    { css: 'table.old', since: '2014-12-01', source: 'old' },
  ],
  pane: [
    { css: '#pane', since: '2025-12-08', source: 'one of two current containers' },
    { css: '#other-pane', since: '2025-12-08', source: 'the other one' },
  ],
} as const satisfies SelectorTable;

describe('selector queries', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  it('note a name answered only by an older variant, once, whichever helper asked', () => {
    const old = document.createElement('table');
    old.className = 'old';
    const cell = old.appendChild(document.createElement('tbody')).appendChild(document.createElement('tr'));
    document.body.append(old);
    const queries = createSelectorQueries(TABLE);
    expect(queries.queryFirst(document, 'list')).toBe(old);
    expect(queries.queryAll(document, 'list')).toEqual([old]);
    expect(queries.closest(cell, 'list')).toBe(old);
    expect(queries.stale()).toEqual([{ name: 'list', matchedSince: '2014-12-01', newestSince: '2023-11-16' }]);
  });

  it('note nothing when the newest variant answers, when nothing matches, or for an equally current alternative', () => {
    const list = document.createElement('div');
    list.setAttribute('role', 'list');
    const other = document.createElement('div');
    other.id = 'other-pane';
    document.body.append(list, other);
    const queries = createSelectorQueries(TABLE);
    expect(queries.queryAll(document, 'list')).toEqual([list]);
    expect(queries.queryFirst(document, 'pane')).toBe(other);
    expect(queries.queryFirst(list, 'pane')).toBeNull();
    expect(queries.stale()).toEqual([]);
  });

  it('let queryFirst skip elements the caller does not accept, and count what it accepted', () => {
    document.body.innerHTML = '<table class="old" data-n="1"></table><table class="old" data-n="2"></table>';
    const queries = createSelectorQueries(TABLE);
    expect(queries.queryFirst(document, 'list', (el) => el.getAttribute('data-n') === '2')?.getAttribute('data-n')).toBe('2');
    expect(queries.queryFirst(document, 'list', () => false)).toBeNull();
    expect(queries.stale()).toHaveLength(1);
    expect(queries.anyOf('list')).toBe('[role="list"], table.old');
  });
});

class HealthMessenger implements RuntimeMessenger {
  health: SelectorHealthReport[] = [];
  async reportNotice(report: NoticeReport): Promise<NoticeResult> {
    return { noticeKey: 'k', duplicate: false, notice: { isBounce: false, category: 'not-bounce', format: '', subject: report.rendered?.subject ?? '', notes: [], recipients: [] }, addresses: [] };
  }
  async lookupAddresses() {
    return [];
  }
  async decide() {
    return { updated: 0 };
  }
  async reportSelectorHealth(report: SelectorHealthReport) {
    this.health.push(structuredClone(report));
    return { recorded: report.names.length };
  }
}

const failingFetch = (async () => new Response('', { status: 404 })) as typeof fetch;

describe('runWebmail: selector health', () => {
  let ctx: FakeContext;
  let messenger: HealthMessenger;
  let runtime: WebmailRuntime;

  const start = () => {
    runtime = runWebmail(ctx, createGmailAdapter({ fetcher: new ShowOriginalFetcher({ fetch: failingFetch, minGapMs: 0 }) }), { messenger });
  };

  beforeEach(() => {
    ctx = new FakeContext();
    messenger = new HealthMessenger();
  });
  afterEach(() => runtime?.stop());

  it('says once that the page matched everything with the newest layouts', async () => {
    loadGmail(GMAIL_URL, '2026-11-27-list.html');
    start();
    await runtime.settle();
    await flushMicrotasks();
    ctx.advance(2000);
    await runtime.settle();
    expect(messenger.health).toEqual([{ webmail: 'gmail', names: [] }]);
  });

  it('reports a name only the old layout answered once per page, even as rows come and go', async () => {
    loadGmail(GMAIL_URL, '2026-11-27-list.html');
    // Gmail before 2019: no span.bog around the subject (webmail-dom.md §1.3).
    for (const subject of document.querySelectorAll('span.bog')) subject.classList.remove('bog');
    start();
    await runtime.settle();
    const row = document.querySelector('tr.zA')!.cloneNode(true) as HTMLElement;
    document.querySelector('tbody')!.append(row);
    await flushMicrotasks();
    ctx.advance(2000);
    await runtime.settle();
    expect(messenger.health).toEqual([{ webmail: 'gmail', names: [{ name: 'rowSubject', matchedSince: '2014-12-01', newestSince: '2019-01-01' }] }]);
  });

  it('reports again, with every name so far, each time another name turns out old', async () => {
    loadGmail(GMAIL_URL, '2026-11-27-opened-bounce.html');
    start();
    await runtime.settle();
    const pass = async () => {
      await flushMicrotasks();
      ctx.advance(2000);
      await runtime.settle();
    };
    // The conversation re-rendered the pre-2023 way: the message is no item of a [role=list].
    const item = document.querySelector('[role="listitem"]')!;
    const before2023 = item.cloneNode(true) as HTMLElement;
    before2023.removeAttribute('role');
    item.replaceWith(before2023);
    await pass();
    // …and then with the 2017 body markup.
    const body = before2023.querySelector('div.a3s.aiL')!;
    const body2017 = body.cloneNode(true) as HTMLElement;
    body2017.classList.replace('aiL', 'aXjCH');
    body.replaceWith(body2017);
    await pass();
    expect(messenger.health.map((report) => report.names.map((entry) => entry.name))).toEqual([[], ['message'], ['message', 'messageBody']]);
    expect(messenger.health[2]?.names).toEqual([
      { name: 'message', matchedSince: '2018-01-01', newestSince: '2023-11-16' },
      { name: 'messageBody', matchedSince: '2017-01-01', newestSince: '2019-01-01' },
    ]);
  });
});
