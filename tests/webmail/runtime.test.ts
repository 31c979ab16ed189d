// @vitest-environment happy-dom
/**
 * The shared runtime on the Gmail fixtures with the real Gmail adapter and the real DOM work.
 * The background is not under test here (tests/e2e/gmail.e2e.ts runs the real one): a small
 * messenger answers for it and records what the runtime asked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NoticeReport, NoticeResult } from '../../lib/messaging';
import type { AddressSummary, UserDecision } from '../../lib/policy';
import { createGmailAdapter } from '../../lib/webmail/gmail/adapter';
import { ShowOriginalFetcher } from '../../lib/webmail/gmail/show-original';
import { runWebmail, type RuntimeMessenger, type WebmailRuntime } from '../../lib/webmail/runtime';
import { FakeContext, flushMicrotasks } from './fake-context';
import { GMAIL_URL, loadGmail } from './helpers';
import { makeSummary } from '../pages/make-summary';

function summary(address: string, overrides: Partial<AddressSummary> = {}): AddressSummary {
  return makeSummary({
    address,
    evidence: [],
    firstBounceAt: '2026-11-24T17:14:05.000Z',
    lastBounceAt: '2026-11-24T17:14:05.000Z',
    lastDiagnostic: '550 5.1.1 no such user',
    lastRemoteMta: '',
    lastNoticeUrl: '',
    ...overrides,
  });
}

class RecordingMessenger implements RuntimeMessenger {
  reports: NoticeReport[] = [];
  lookups: string[][] = [];
  decisions: Array<[string, string]> = [];
  known = new Map<string, AddressSummary>([['ann.lee@example.com', summary('ann.lee@example.com')]]);
  isBounce = true;
  /** The failed address as the notice writes it (the store's answers stay under its key). */
  writtenAs = '';

  async reportNotice(report: NoticeReport): Promise<NoticeResult> {
    this.reports.push(report);
    const address = /delivered to (\S+@\S+?) /.exec(report.rendered?.text ?? '')?.[1] ?? '';
    const written = this.writtenAs || address;
    return {
      noticeKey: `k${this.reports.length}`,
      duplicate: false,
      notice: {
        isBounce: this.isBounce,
        category: this.isBounce ? 'bounce' : 'not-bounce',
        format: 'gmail',
        subject: report.rendered?.subject ?? '',
        notes: [],
        recipients: this.isBounce
          ? [{ address: written, kind: 'hard', reason: 'userunknown', status: '5.1.1', replyCode: '550', diagnostic: '550 5.1.1 The email account that you tried to reach does not exist.', action: 'failed', remoteMta: '' }]
          : [],
      },
      addresses: this.known.has(address) ? [this.known.get(address)!] : [],
    };
  }
  /** Notices the tally holds, by message id (issue #11: the list badges show only these). */
  recorded = new Map<string, NoticeResult>();
  noticeLookups: string[][] = [];
  async lookupNotices(_account: string, messageIds: string[]): Promise<Array<NoticeResult | null>> {
    this.noticeLookups.push(messageIds);
    return messageIds.map((id) => this.recorded.get(id) ?? null);
  }
  async lookupAddresses(addresses: string[]): Promise<AddressSummary[]> {
    this.lookups.push(addresses);
    return addresses.flatMap((a) => (this.known.has(a) ? [this.known.get(a)!] : []));
  }
  async decide(address: string, decision: UserDecision) {
    this.decisions.push([address, decision]);
    const known = this.known.get(address);
    if (!known || known.decision === decision) return { updated: 0 };
    // As the store does: the decision is kept, and undo ('none') clears it.
    this.known.set(address, { ...known, decision, decidedAt: decision === 'none' ? '' : '2026-12-02T10:00:00.000Z', verdict: decision === 'none' ? 'remove' : decision });
    return { updated: 1 };
  }
}

const failingFetch = (async () => new Response('', { status: 404 })) as typeof fetch;

describe('runWebmail on Gmail', () => {
  let ctx: FakeContext;
  let messenger: RecordingMessenger;
  let runtime: WebmailRuntime;

  const start = () => {
    const adapter = createGmailAdapter({ fetcher: new ShowOriginalFetcher({ fetch: failingFetch, minGapMs: 0 }) });
    runtime = runWebmail(ctx, adapter, { messenger });
  };
  const badges = () => [...document.querySelectorAll<HTMLElement>('[data-bounce-sweeper="badge"]')];

  beforeEach(() => {
    ctx = new FakeContext();
    messenger = new RecordingMessenger();
    // Dates as a British Gmail writes them, whatever the machine running the tests says.
    document.documentElement.setAttribute('lang', 'en-GB');
  });
  afterEach(() => {
    runtime?.stop();
    document.documentElement.removeAttribute('lang');
  });

  /** The compose fixture inside an otherwise empty Gmail (no list rows to look up). */
  const loadCompose = () => {
    loadGmail(GMAIL_URL, '2026-11-27-compose.html');
    const main = document.createElement('div');
    main.setAttribute('role', 'main');
    document.body.prepend(main);
  };

  it('badges every bounce row at once, and no other row: "not read yet" until recorded, never a guess from the preview line', async () => {
    loadGmail(GMAIL_URL, '2026-11-27-list.html');
    // The tally holds carl's notice (a sweep read it); no other.
    messenger.recorded.set('19a5b1c2d3e4f503', {
      noticeKey: 'k',
      duplicate: true,
      notice: { isBounce: true, category: 'bounce', format: 'postfix', subject: '', notes: [], recipients: [{ address: 'Carl@Example.net', kind: 'soft', reason: 'mailboxfull', status: '4.2.2', replyCode: '452', diagnostic: '', action: 'failed', remoteMta: '' }] },
      addresses: [],
    });
    start();
    await runtime.settle();
    const rows = [...document.querySelectorAll('tr.zA')];
    const kinds = rows.map((row) => row.querySelector('[data-bounce-sweeper="badge"]')?.getAttribute('data-kind') ?? null);
    expect(kinds).toEqual(['undetermined', null, 'soft', 'undetermined', 'undetermined', 'undetermined', null]);
    const addresses = rows.map((row) => row.querySelector('[data-bounce-sweeper="badge"]')?.getAttribute('data-address') ?? null);
    // The snippets name ann, dana, erin and frank: none of them is shown before the notice is read.
    expect(addresses).toEqual(['', null, 'carl@example.net', '', '', '', null]);
    expect(rows[0]?.querySelector('[data-bounce-sweeper="badge"]')?.textContent).toBe('Bounce, not read yet');
    expect(rows[3]?.querySelector('[data-bounce-sweeper="badge"]')?.textContent).toBe('Delay notice, not read yet');
    // The rows' notices were looked up by message id, in one batch; no address was looked up from a snippet.
    expect(messenger.noticeLookups).toHaveLength(1);
    expect(messenger.lookups.flat()).toEqual([]);
  });

  it('badges a row added later from the added node alone, not by rescanning the list', async () => {
    loadGmail(GMAIL_URL, '2026-11-27-list.html');
    const adapter = createGmailAdapter({ fetcher: new ShowOriginalFetcher({ fetch: failingFetch, minGapMs: 0 }) });
    runtime = runWebmail(ctx, adapter, { messenger });
    await runtime.settle();
    // Let the page's own events (happy-dom fires hashchange for the URL set above) and the watcher's
    // first full pass happen before we look.
    await flushMicrotasks();
    ctx.advance(1000);
    await runtime.settle();
    const scanned: ParentNode[] = [];
    const find = adapter.findListNotices;
    adapter.findListNotices = (root) => {
      scanned.push(root);
      return find(root);
    };
    const row = document.querySelector('tr.zA')!.cloneNode(true) as HTMLElement;
    row.querySelector('[data-bounce-sweeper]')?.remove();
    row.querySelector('span.y2')!.textContent = ' - Address not found Your message wasn’t delivered to new.one@example.com';
    document.querySelector('tbody')!.append(row);
    await flushMicrotasks();
    ctx.advance(100);
    expect(row.querySelector('[data-bounce-sweeper="badge"]')?.textContent).toBe('Bounce, not read yet');
    expect(scanned).toEqual([row]);
  });

  it('re-applies badges once when Gmail replaces the rows', async () => {
    loadGmail(GMAIL_URL, '2026-11-27-list.html');
    start();
    await runtime.settle();
    const tbody = document.querySelector('tbody')!;
    const fresh = tbody.cloneNode(true) as HTMLElement;
    for (const badge of fresh.querySelectorAll('[data-bounce-sweeper]')) badge.remove();
    tbody.replaceWith(fresh);
    await runtime.settle();
    await runtime.settle();
    expect(badges()).toHaveLength(5);
    for (const row of document.querySelectorAll('tr.zA')) expect(row.querySelectorAll('[data-bounce-sweeper="badge"]').length).toBeLessThanOrEqual(1);
  });

  it('reads and reports an opened notice once, shows the banner and refines its row', async () => {
    loadGmail('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyz', '2026-11-27-opened-bounce.html');
    start();
    await runtime.settle();
    expect(messenger.reports).toHaveLength(1);
    expect(messenger.reports[0]).toMatchObject({ webmail: 'gmail', messageId: '19a5b1c2d3e4f501' });
    expect(messenger.reports[0]?.raw).toBeUndefined(); // "Show original" answered 404: rendered text
    const banner = document.querySelector<HTMLElement>('[data-bounce-sweeper="banner"]')!;
    expect(banner.getAttribute('data-kind')).toBe('hard');
    expect(banner.getAttribute('data-address')).toBe('ann.lee@example.com');
    expect(banner.nextElementSibling?.matches('div.a3s')).toBe(true);
    expect(banner.shadowRoot?.textContent).toContain('1st hard bounce');

    // Gmail re-renders the message: one banner again, no second report.
    const message = document.querySelector('div.adn')!;
    const copy = message.cloneNode(true) as HTMLElement;
    copy.querySelector('[data-bounce-sweeper]')?.remove();
    message.replaceWith(copy);
    await runtime.settle();
    expect(document.querySelectorAll('[data-bounce-sweeper="banner"]')).toHaveLength(1);
    expect(messenger.reports).toHaveLength(1);
  });

  it('finds the tally of an address the notice writes in capitals (the store keys it lower-case)', async () => {
    messenger.writtenAs = 'Ann.Lee@Example.COM';
    loadGmail('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyz', '2026-11-27-opened-bounce.html');
    start();
    await runtime.settle();
    const banner = document.querySelector<HTMLElement>('[data-bounce-sweeper="banner"]')!;
    // The address is shown as written, and its tally line and decision buttons are there.
    expect(banner.shadowRoot?.textContent).toContain('Ann.Lee@Example.COM');
    expect(banner.shadowRoot?.textContent).toContain('1st hard bounce');
    expect(banner.shadowRoot?.querySelector('button[data-action="removed"]')).not.toBeNull();
  });

  it('takes the banner away when the background says it is not a bounce', async () => {
    messenger.isBounce = false;
    loadGmail('https://mail.google.com/mail/u/0/#inbox/x', '2026-11-27-opened-bounce.html');
    start();
    await runtime.settle();
    expect(document.querySelector('[data-bounce-sweeper="banner"]')).toBeNull();
  });

  it('banners only the bounce of a threaded conversation', async () => {
    loadGmail('https://mail.google.com/mail/u/0/#inbox/y', '2026-11-27-threaded-bounce.html');
    start();
    await runtime.settle();
    const banners = [...document.querySelectorAll('[data-bounce-sweeper="banner"]')];
    expect(banners).toHaveLength(1);
    expect(banners[0]?.closest('[data-legacy-message-id]')?.getAttribute('data-legacy-message-id')).toBe('19a5b1c2d3e4f505');
  });

  it('warns beside a compose recipient on the list, and drops the warning with the chip', async () => {
    loadGmail(GMAIL_URL, '2026-11-27-list.html', '2026-11-27-compose.html');
    start();
    await runtime.settle();
    // Bob is not on record: no warning beside him.
    const warnings = [...document.querySelectorAll<HTMLElement>('[data-bounce-sweeper="compose-warning"]')];
    expect(warnings.map((w) => w.getAttribute('data-address'))).toEqual(['ann.lee@example.com']);
    expect(warnings[0]?.previousElementSibling?.getAttribute('data-hovercard-id')).toBe('ann.lee@example.com');
    expect(warnings[0]?.shadowRoot?.textContent).toContain('hard-bounced on 24 Nov: address does not exist');
    document.querySelector('[data-hovercard-id="ann.lee@example.com"]')!.remove();
    await runtime.settle();
    expect(document.querySelector('[data-bounce-sweeper="compose-warning"]')).toBeNull();
  });

  it('sends the banner decision, shows it from what the background then says, and undoes it', async () => {
    loadGmail('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyz', '2026-11-27-opened-bounce.html');
    start();
    await runtime.settle();
    const banner = () => document.querySelector<HTMLElement>('[data-bounce-sweeper="banner"]')!;
    const button = (action: string) => banner().shadowRoot!.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
    expect(button('undo')).toBeNull();
    button('removed')!.click();
    await vi.waitFor(() => expect(messenger.decisions).toEqual([['ann.lee@example.com', 'removed']]));
    await vi.waitFor(async () => {
      ctx.advance(200);
      await runtime.settle();
      expect(banner().shadowRoot?.querySelector('.decision')?.textContent).toBe('You marked this removed on 2 Dec.');
    });
    expect(button('removed')).toMatchObject({ disabled: true, textContent: '✓ Marked removed' });
    expect(banner().shadowRoot?.textContent).toContain('Marked removed.');
    button('undo')!.click();
    await vi.waitFor(() => expect(messenger.decisions.at(-1)).toEqual(['ann.lee@example.com', 'none']));
    await vi.waitFor(async () => {
      ctx.advance(200);
      await runtime.settle();
      expect(banner().shadowRoot?.querySelector('.decision')).toBeNull();
    });
    expect(button('undo')).toBeNull();
    expect(button('removed')).toMatchObject({ disabled: false, textContent: 'Mark removed' });
    expect(banner().shadowRoot?.textContent).toContain('Undone: no decision for this address.');
  });

  it('says Gmail read from the screen only because "Show original" failed', async () => {
    loadGmail('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyz', '2026-11-27-opened-bounce.html');
    start();
    await runtime.settle();
    expect(document.querySelector<HTMLElement>('[data-bounce-sweeper="banner"]')!.shadowRoot?.querySelector('.reading')?.textContent).toBe(
      "Read from the text on screen: Gmail's original message could not be fetched.",
    );
  });

  /** Plays Gmail's part in the fixture's compose: its remove buttons take chips out, a paste makes chips. */
  function actLikeGmail(): () => void {
    const onClick = (event: Event) => {
      const remove = (event.target as Element).closest?.('.afX');
      remove?.closest('[role="option"]')?.remove();
    };
    const onPaste = (event: Event) => {
      const input = event.target as HTMLElement;
      const box = input.closest('.anm')?.querySelector('[role="listbox"]');
      for (const address of ((event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '').split(',')) box?.append(gmailChip(address));
      event.preventDefault();
    };
    document.addEventListener('click', onClick);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('click', onClick);
      document.removeEventListener('paste', onPaste);
    };
  }

  function gmailChip(address: string): HTMLElement {
    const chip = document.createElement('div');
    chip.className = 'afV';
    chip.setAttribute('role', 'option');
    chip.setAttribute('data-name', address);
    chip.setAttribute('data-hovercard-id', address);
    const remove = document.createElement('div');
    remove.className = 'afX';
    remove.setAttribute('role', 'button');
    remove.setAttribute('aria-label', `Remove ${address}`);
    chip.append(remove);
    return chip;
  }

  const summaries = () => [...document.querySelectorAll<HTMLElement>('[data-bounce-sweeper="compose-summary"]')];
  const summaryPart = (part: string) => summaries()[0]?.shadowRoot?.querySelector(`[data-part="${part}"]`)?.textContent ?? null;
  const chipAddresses = () => [...document.querySelectorAll('.anm [role="option"][data-hovercard-id]')].map((chip) => chip.getAttribute('data-hovercard-id'));

  it('sums a compose up in one line above the subject, removes the flagged chips with Gmail\'s own buttons, and puts them back', async () => {
    const stopActing = actLikeGmail();
    try {
      loadCompose();
      messenger.known.set('carl@example.net', summary('carl@example.net', { verdict: 'remove-repeated-soft', lastKind: 'soft', lastReason: 'mailboxfull', hardCount: 0, softDaysInWindow: 3 }));
      start();
      await runtime.settle();
      expect(summaries()).toHaveLength(1);
      expect(summaries()[0]?.nextElementSibling?.matches('input[name="subjectbox"]')).toBe(true);
      expect(summaryPart('sentence')).toBe('⚠ 2 of 3 recipients bounced before: 1 address does not exist, 1 keeps bouncing');
      // The per-chip marks stay.
      expect([...document.querySelectorAll('[data-bounce-sweeper="compose-warning"]')].map((w) => w.getAttribute('data-address'))).toEqual(['ann.lee@example.com', 'carl@example.net']);

      summaries()[0]!.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="remove-flagged"]')!.click();
      await vi.waitFor(async () => {
        ctx.advance(250);
        await runtime.settle();
        expect(summaryPart('removed')).toBe('Removed 2 recipients from this message.');
      });
      expect(chipAddresses()).toEqual(['bob@example.org', 'c4529312']);
      expect(summaryPart('sentence')).toBeNull();
      expect(document.querySelector('[data-bounce-sweeper="compose-warning"]')).toBeNull();

      summaries()[0]!.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="undo-remove"]')!.click();
      await vi.waitFor(async () => {
        ctx.advance(250);
        await runtime.settle();
        expect(summaryPart('sentence')).toBe('⚠ 2 of 3 recipients bounced before: 1 address does not exist, 1 keeps bouncing');
      });
      // Back in their own fields: ann in To, carl in Cc.
      const fieldOf = (address: string) => document.querySelector(`[data-hovercard-id="${address}"]`)?.closest('.anm')?.getAttribute('name');
      expect([fieldOf('ann.lee@example.com'), fieldOf('carl@example.net')]).toEqual(['to', 'cc']);
      expect(summaryPart('removed')).toBeNull();
      expect(summaries()).toHaveLength(1);
    } finally {
      stopActing();
    }
  });

  it('shows the summary once the last answer came, even when that answer is "not on record" (no settle: the watcher alone)', async () => {
    loadCompose();
    // happy-dom fires hashchange for the URL just set: let it pass first, so that only the watcher
    // and the lookups' answers can bring the summary.
    await flushMicrotasks();
    // One address per request: ann's answer (on record) comes first, bob's and carl's ("not on
    // record", nothing changes) last; the summary must still appear after theirs.
    runtime = runWebmail(ctx, createGmailAdapter({ fetcher: new ShowOriginalFetcher({ fetch: failingFetch, minGapMs: 0 }) }), { messenger, lookupBatch: 1 });
    for (let i = 0; i < 20 && !summaries().length; i++) {
      ctx.advance(100);
      await flushMicrotasks();
    }
    expect(summaryPart('sentence')).toBe('⚠ 1 of 3 recipients bounced before: 1 address does not exist');
  });

  it('counts a 500-recipient compose from one lookup and shows one summary for it', async () => {
    loadCompose();
    const to = document.querySelector('.anm[name="to"] [role="listbox"]')!;
    for (const chip of document.querySelectorAll('.anm [role="option"]')) chip.remove();
    const addresses = Array.from({ length: 500 }, (_, i) => `reader${i}@example.org`);
    for (const address of addresses) to.append(gmailChip(address));
    messenger.known.clear();
    for (const address of addresses.filter((_, i) => i % 20 === 0)) messenger.known.set(address, summary(address));
    start();
    await runtime.settle();
    expect(messenger.lookups).toHaveLength(1);
    expect(messenger.lookups[0]).toHaveLength(500);
    expect(summaries()).toHaveLength(1);
    expect(summaries()[0]?.getAttribute('data-flagged')).toBe('25');
    expect(summaries()[0]?.getAttribute('data-total')).toBe('500');
    expect(summaryPart('sentence')).toBe('⚠ 25 of 500 recipients bounced before: 25 addresses do not exist');
    expect(document.querySelectorAll('[data-bounce-sweeper="compose-warning"]')).toHaveLength(25);
  });

  it('shows no summary for a compose without flagged recipients, and waits for every answer before counting', async () => {
    loadCompose();
    messenger.known.clear();
    let release: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (release = resolve));
    const lookup = messenger.lookupAddresses.bind(messenger);
    messenger.lookupAddresses = async (list) => {
      await answered;
      return lookup(list);
    };
    start();
    await flushMicrotasks();
    ctx.advance(100);
    // Asked, not answered yet: no line that would change under the reader's eyes.
    expect(summaries()).toHaveLength(0);
    messenger.known.set('bob@example.org', summary('bob@example.org', { verdict: 'watch', lastKind: 'soft', lastReason: 'mailboxfull', hardCount: 0, softDaysInWindow: 1 }));
    release();
    await runtime.settle();
    expect(summaryPart('sentence')).toBe('⚠ 1 of 3 recipients bounced before: 1 bounced recently');
    // Another tab kept bob; after the lookup TTL this page asks again and the line goes.
    messenger.known.set('bob@example.org', summary('bob@example.org', { verdict: 'kept', decision: 'kept' }));
    const later = Date.now() + 61_000;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => later);
    try {
      await vi.waitFor(async () => {
        ctx.advance(100);
        await runtime.settle();
        expect(summaries()).toHaveLength(0);
      });
    } finally {
      clock.mockRestore();
    }
  });

  it('leaves a clean page when the extension goes away', async () => {
    loadGmail(GMAIL_URL, '2026-11-27-list.html', '2026-11-27-compose.html');
    start();
    await runtime.settle();
    expect(document.querySelectorAll('[data-bounce-sweeper]').length).toBeGreaterThan(0);
    ctx.invalidate();
    expect(document.querySelectorAll('[data-bounce-sweeper]')).toHaveLength(0);
  });
});
