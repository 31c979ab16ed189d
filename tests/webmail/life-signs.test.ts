// @vitest-environment happy-dom
/**
 * Proof of life on the page (issue #13): the reporter's batching, and the runtime passing on what
 * the real Gmail adapter reads from the list fixture (the background is a recording messenger here;
 * tests/e2e/proof-of-life.e2e.ts runs the real one).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LifeSign, NoticeReport, NoticeResult } from '../../lib/messaging';
import type { AddressSummary } from '../../lib/policy';
import { createGmailAdapter } from '../../lib/webmail/gmail/adapter';
import { USER_ATTRIBUTE } from '../../lib/webmail/gmail/page-info';
import { ShowOriginalFetcher } from '../../lib/webmail/gmail/show-original';
import { createLifeSignReporter, lifeSignAddress } from '../../lib/webmail/life-signs';
import { runWebmail, type RuntimeMessenger, type WebmailRuntime } from '../../lib/webmail/runtime';
import { FakeContext, flushMicrotasks } from './fake-context';
import { GMAIL_URL, loadGmail } from './helpers';

describe('lifeSignAddress', () => {
  it('takes a person’s bare address, never the user’s own or a notice sender’s', () => {
    expect(lifeSignAddress(' Gina@Example.org ', 'user@example.com')).toBe('gina@example.org');
    expect(lifeSignAddress('USER@example.com', 'user@example.com')).toBe('');
    expect(lifeSignAddress('mailer-daemon@googlemail.com', 'user@example.com')).toBe('');
    expect(lifeSignAddress('postmaster@example.de', '')).toBe('');
    expect(lifeSignAddress('Gina Park', '')).toBe('');
    expect(lifeSignAddress(null, '')).toBe('');
  });
});

describe('createLifeSignReporter', () => {
  let ctx: FakeContext;
  let sent: LifeSign[][];
  let fail: boolean;
  const reporter = () =>
    createLifeSignReporter({
      setTimeout: (handler, ms) => ctx.setTimeout(handler, ms),
      send: async (signs) => {
        sent.push(signs);
        if (fail) throw new Error('the background is gone');
      },
    });
  beforeEach(() => {
    ctx = new FakeContext();
    sent = [];
    fail = false;
  });

  it('sends each address once per date, the latest, after a short wait', async () => {
    const signs = reporter();
    signs.add([{ address: 'a@example.com', at: '2026-11-20T10:00:00.000Z' }, { address: 'a@example.com', at: '2026-11-22T10:00:00.000Z' }]);
    signs.add([{ address: 'b@example.com', at: '2026-11-21T10:00:00.000Z' }, { address: 'a@example.com', at: '2026-11-21T10:00:00.000Z' }]);
    expect(sent).toEqual([]);
    ctx.advance(1000);
    await signs.flush();
    expect(sent).toEqual([[{ address: 'a@example.com', at: '2026-11-22T10:00:00.000Z' }, { address: 'b@example.com', at: '2026-11-21T10:00:00.000Z' }]]);
    // A re-render shows the same rows: nothing new to say.
    signs.add([{ address: 'a@example.com', at: '2026-11-22T10:00:00.000Z' }]);
    expect(signs.waiting).toBe(0);
    signs.add([{ address: 'a@example.com', at: '2026-11-23T10:00:00.000Z' }]);
    await signs.flush();
    expect(sent[1]).toEqual([{ address: 'a@example.com', at: '2026-11-23T10:00:00.000Z' }]);
  });

  it('splits a long list into messages the background takes, and forgets what a failed send carried', async () => {
    const signs = reporter();
    const many = Array.from({ length: 1200 }, (_, i) => ({ address: `p${i}@example.com`, at: '2026-11-20T10:00:00.000Z' }));
    fail = true;
    signs.add(many);
    await signs.flush();
    expect(sent.map((batch) => batch.length)).toEqual([500, 500, 200]);
    fail = false;
    signs.add(many);
    expect(signs.waiting).toBe(1200);
    await signs.flush();
    expect(sent.slice(3).flat()).toHaveLength(1200);
  });
});

class LifeSignMessenger implements RuntimeMessenger {
  signs: LifeSign[][] = [];
  async reportNotice(_report: NoticeReport): Promise<NoticeResult> {
    throw new Error('no notice is opened in this test');
  }
  async lookupAddresses(): Promise<AddressSummary[]> {
    return [];
  }
  async lookupNotices(_account: string, ids: string[]): Promise<Array<NoticeResult | null>> {
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

describe('the runtime passes the list’s life signs on', () => {
  let runtime: WebmailRuntime;
  afterEach(() => runtime?.stop());

  it('once for the list, again only for a newer message', async () => {
    loadGmail(GMAIL_URL, '2026-11-27-list.html');
    document.documentElement.setAttribute(USER_ATTRIBUTE, 'user@example.com');
    const ctx = new FakeContext();
    const messenger = new LifeSignMessenger();
    runtime = runWebmail(ctx, createGmailAdapter({ fetcher: new ShowOriginalFetcher({ fetch: (async () => new Response('', { status: 404 })) as typeof fetch, minGapMs: 0 }) }), { messenger });
    await runtime.settle();
    expect(messenger.signs.flat().map((sign) => sign.address)).toEqual(['bob@example.org', 'gina@example.org']);
    // Gmail re-renders the list: the same rows again send nothing.
    const list = document.querySelector('tbody')!;
    list.replaceWith(list.cloneNode(true));
    await flushMicrotasks();
    ctx.advance(2000);
    await runtime.settle();
    expect(messenger.signs.flat()).toHaveLength(2);
    // A new message from Bob arrives at the top of the list.
    const bobRow = document.querySelector('[email="bob@example.org"]')!.closest('tr')!;
    const newer = bobRow.cloneNode(true) as HTMLElement;
    newer.querySelector('td.xW > span[title]')!.setAttribute('title', 'Fri, Nov 27, 2026, 9:30 AM');
    bobRow.parentElement!.prepend(newer);
    await flushMicrotasks();
    ctx.advance(2000);
    await runtime.settle();
    expect(messenger.signs.flat().slice(2)).toEqual([{ address: 'bob@example.org', at: new Date('Fri, Nov 27, 2026, 9:30 AM').toISOString() }]);
  });
});
