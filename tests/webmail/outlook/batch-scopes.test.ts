// @vitest-environment happy-dom
/**
 * What an Outlook batch reads (issue #12): a change in the message list reads the rows it touched,
 * never the whole list, while the reading pane is read whole whenever anything in it changes (its
 * subject heading may render after the body, and only the heading makes that body a notice).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoticeReport, NoticeResult } from '../../../lib/messaging';
import type { AddressSummary } from '../../../lib/policy';
import type { WebmailAdapter } from '../../../lib/webmail/adapter';
import { outlookAdapter } from '../../../lib/webmail/outlook/adapter';
import { runWebmail, type RuntimeMessenger, type WebmailRuntime } from '../../../lib/webmail/runtime';
import { FakeContext } from '../fake-context';

const FIXTURES = join(import.meta.dirname, '../../fixtures/dom/outlook');

function load(name: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://outlook.office.com/mail/inbox');
  // Our own trusted fixture, parsed by happy-dom.
  document.body.innerHTML = new DOMParser().parseFromString(readFileSync(join(FIXTURES, name), 'utf8'), 'text/html').body.innerHTML;
}

class ReportingMessenger implements RuntimeMessenger {
  reports: NoticeReport[] = [];
  async reportNotice(report: NoticeReport): Promise<NoticeResult> {
    this.reports.push(report);
    return {
      noticeKey: `k${this.reports.length}`,
      duplicate: false,
      notice: { isBounce: true, category: 'bounce', format: 'exchange', subject: report.rendered?.subject ?? '', notes: [], recipients: [] },
      addresses: [],
    };
  }
  async lookupAddresses(_addresses: string[]): Promise<AddressSummary[]> {
    return [];
  }
  async lookupNotices(_account: string, ids: string[]): Promise<Array<NoticeResult | null>> {
    return ids.map(() => null);
  }
  async decide() {
    return { updated: 0 };
  }
}

/** The Outlook adapter, with every scope the runtime hands its list and open-message finders noted. */
function spyingAdapter(): { adapter: WebmailAdapter; listScopes: ParentNode[]; openScopes: ParentNode[] } {
  const listScopes: ParentNode[] = [];
  const openScopes: ParentNode[] = [];
  const adapter: WebmailAdapter = {
    ...outlookAdapter,
    findListNotices(root) {
      listScopes.push(root);
      return outlookAdapter.findListNotices(root);
    },
    findOpenNotices(root) {
      openScopes.push(root);
      return outlookAdapter.findOpenNotices(root);
    },
  };
  return { adapter, listScopes, openScopes };
}

describe('Outlook: what a batch reads', () => {
  let ctx: FakeContext;
  let runtime: WebmailRuntime | undefined;
  beforeEach(() => {
    ctx = new FakeContext();
  });
  afterEach(() => {
    runtime?.stop();
    runtime = undefined;
  });

  const run = (ms: number) => ctx.runFor(ms);

  /** The runtime on a fixture (changed first by `prepare`), settled, with the scopes it is handed from now on noted. */
  async function start(fixture: string, prepare?: () => void) {
    load(fixture);
    prepare?.();
    const spied = spyingAdapter();
    const messenger = new ReportingMessenger();
    runtime = runWebmail(ctx, spied.adapter, { messenger });
    await run(500);
    spied.listScopes.length = 0;
    spied.openScopes.length = 0;
    return { ...spied, messenger };
  }

  it('reads one changed row of the list, not the list', async () => {
    const { listScopes } = await start('2026-11-27-list.html');
    const list = document.getElementById('MailList')!;
    const rows = [...list.querySelectorAll<HTMLElement>('[role=option]')];
    expect(rows.length).toBeGreaterThan(2);

    // Outlook re-paints one row (a read flag, a hover): a child of that row is replaced.
    const row = rows[1]!;
    const repainted = document.createElement('span');
    repainted.textContent = 'Flagged';
    row.append(repainted);
    await run(500);

    expect(listScopes.length).toBeGreaterThan(0);
    for (const scope of listScopes) {
      expect(scope).not.toBe(list);
      expect(row.contains(scope as Node)).toBe(true);
    }
  });

  it('reads the list once when a scroll re-renders its whole window, and badges every row', async () => {
    const { adapter, listScopes } = await start('2026-11-27-list.html');
    const list = document.getElementById('MailList')!;
    const listbox = list.querySelector<HTMLElement>('[role=listbox]')!;
    const rows = adapter.listRows!(list);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    const badged = list.querySelectorAll('[data-bounce-sweeper="badge"]').length;
    expect(badged).toBeGreaterThan(0);

    // A virtualised list's scroll: every row element thrown away and built anew.
    listbox.replaceChildren(...rows.map((row) => {
      const fresh = row.cloneNode(true) as HTMLElement;
      for (const own of fresh.querySelectorAll('[data-bounce-sweeper]')) own.remove();
      return fresh;
    }));
    await run(500);

    expect(listScopes).toEqual([list]);
    expect(list.querySelectorAll('[data-bounce-sweeper="badge"]').length).toBe(badged);
  });

  it('reads the reading pane whole when its header renders after the body', async () => {
    let heading!: HTMLElement;
    let sender!: HTMLElement;
    let pane!: HTMLElement;
    let header!: HTMLElement;
    const { openScopes, messenger } = await start('2026-11-27-reading-exchange-online.html', () => {
      // Opened from a deep link: no row is the selected one, so only the pane's heading and the
      // message's sender say it is a notice, and Outlook renders both after the body.
      for (const row of document.querySelectorAll('[aria-selected]')) row.setAttribute('aria-selected', 'false');
      heading = document.querySelector<HTMLElement>('#ReadingPaneContainerId [role=heading]')!;
      sender = document.querySelector<HTMLElement>('#ReadingPaneContainerId [aria-label^="From:"]')!;
      pane = heading.parentElement!;
      header = sender.parentElement!;
      heading.remove();
      sender.remove();
    });
    expect(messenger.reports).toHaveLength(0); // a body without a subject is not known to be a notice

    pane.prepend(heading);
    header.prepend(sender);
    await run(500);

    expect(openScopes).toContain(document.getElementById('ReadingPaneContainerId'));
    expect(messenger.reports).toHaveLength(1);
    expect(messenger.reports[0]!.rendered?.subject).toBe('Undeliverable: Quarterly report');
  });
});
