// @vitest-environment happy-dom
/**
 * Processed notices out of the way (issue #11): the pure parts of the tidy (which rows, which one
 * control, when it is offered, the words) and the runner over a fake target (only the sweep's read
 * and recorded notices, the cap, a stop in words); then Gmail's tidy on our own list fixture, where
 * a row the user had ticked already stops it before anything is pressed. The whole flow on the fake
 * webmails' toolbars is tests/e2e/sweep-tidy.e2e.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SweepStatus } from '../../../lib/messaging';
import { TIDY_GMAIL_LABEL, TIDY_WORDS, describeTidy } from '../../../lib/vocabulary';
import { createGmailAdapter } from '../../../lib/webmail/gmail/adapter';
import { createGmailTidy, inboxQuery, rowNoticeId } from '../../../lib/webmail/gmail/tidy';
import { SweepStop } from '../../../lib/webmail/sweep/driver';
import { IDLE_TIDY, canTidy, createTidyRunner, rowsToSelect, theOneShown, type TidyTarget } from '../../../lib/webmail/sweep/tidy';

const sweep = (overrides: Partial<SweepStatus> = {}): SweepStatus => ({
  id: 's1',
  webmail: 'gmail',
  account: 'user@example.com',
  query: 'from:mailer-daemon',
  state: 'done',
  stopReason: '',
  startedAt: '2026-12-04T10:00:00.000Z',
  updatedAt: '2026-12-04T10:00:00.000Z',
  collected: true,
  pages: 1,
  found: 4,
  read: 3,
  failed: 1,
  bounces: 3,
  addresses: 3,
  dailyCap: 2000,
  requestsToday: 4,
  failedIds: ['d'],
  ...overrides,
});

describe('which rows a batch selects', () => {
  it('only rows whose own id is still to move, each once, at most the batch size; a row that answers no id is never picked', () => {
    const rows = ['a', 'x', '', 'b', 'a', 'c', 'd'];
    expect(rowsToSelect(rows, (r) => r, new Set(['a', 'b', 'c']), 10)).toEqual(['a', 'b', 'c']);
    expect(rowsToSelect(rows, (r) => r, new Set(['a', 'b', 'c']), 2)).toEqual(['a', 'b']);
    expect(rowsToSelect(rows, (r) => r, new Set(), 10)).toEqual([]);
  });

  it('a Gmail row is a notice only when its conversation is that one message', () => {
    expect(rowNoticeId({ threadId: '19a5b1c2d3e4f501', lastMessageId: '19a5b1c2d3e4f501' }, true)).toBe('19a5b1c2d3e4f501');
    // A notice threaded into a conversation: the row's last message is someone's reply.
    expect(rowNoticeId({ threadId: '19b0aa0000000001', lastMessageId: '19b0aa0000000003' }, true)).toBe('');
    // No thread id on the row (rowIds falls back to it): never touched.
    expect(rowNoticeId({ threadId: '', lastMessageId: '19a5b1c2d3e4f501' }, false)).toBe('');
    expect(rowNoticeId({ threadId: '19a5b1c2d3e4f501', lastMessageId: '19a5b1c2d3e4f501' }, false)).toBe('');
  });

  it("walks the sweep's own query within the inbox", () => {
    expect(inboxQuery('from:mailer-daemon')).toBe('in:inbox (from:mailer-daemon)');
    expect(inboxQuery('  ')).toMatch(/^in:inbox \(from:\(mailer-daemon OR postmaster\)/);
  });
});

describe('the one control on screen', () => {
  it('answers the one shown element, else how many were shown (never a guess between several)', () => {
    const shown = (el: { on: boolean }) => el.on;
    const a = { on: true };
    expect(theOneShown([{ on: false }, a], shown)).toEqual({ element: a });
    expect(theOneShown([{ on: false }], shown)).toEqual({ count: 0 });
    expect(theOneShown([a, { on: true }], shown)).toEqual({ count: 2 });
  });
});

describe('when it is offered', () => {
  it('after a sweep that is done, or stopped with some read; never while the sweep or a tidy runs', () => {
    expect(canTidy(sweep(), 'idle', IDLE_TIDY)).toBe(true);
    expect(canTidy(sweep({ state: 'stopped', read: 2 }), 'idle', IDLE_TIDY)).toBe(true);
    expect(canTidy(sweep({ state: 'stopped', read: 0 }), 'idle', IDLE_TIDY)).toBe(false);
    expect(canTidy(sweep({ state: 'running' }), 'reading', IDLE_TIDY)).toBe(false);
    expect(canTidy(sweep({ state: 'paused' }), 'idle', IDLE_TIDY)).toBe(false);
    expect(canTidy(sweep(), 'collecting', IDLE_TIDY)).toBe(false);
    expect(canTidy(sweep(), 'idle', { ...IDLE_TIDY, state: 'running' })).toBe(false);
    expect(canTidy(null, 'idle', IDLE_TIDY)).toBe(false);
  });
});

describe('the runner', () => {
  function target(behaviour: (ids: string[], moved: (ids: string[]) => void) => Promise<void>) {
    const asked: string[][] = [];
    const t: TidyTarget = {
      webmail: 'gmail',
      async tidy(items, _sweep, moved) {
        const ids = items.map((i) => i.messageId);
        asked.push(ids);
        await behaviour(ids, moved);
      },
    };
    return { t, asked };
  }

  it("hands the target exactly the sweep's read and recorded notices and counts what it moved, batch by batch", async () => {
    const { t, asked } = target(async (ids, moved) => {
      moved(ids.slice(0, 2));
      moved(ids.slice(2, 3));
    });
    const runner = createTidyRunner(t, { readItems: async (id) => ({ items: id === 's1' ? [{ messageId: 'a' }, { messageId: 'b' }, { messageId: 'c' }, { messageId: 'e' }] : [] }) });
    await runner.start(sweep());
    await runner.idle();
    expect(asked).toEqual([['a', 'b', 'c', 'e']]);
    expect(runner.status).toMatchObject({ state: 'done', total: 4, done: 3, left: 1, batches: 2, lastBatch: 1, capped: false });
  });

  it('caps a click, and says the rest wait for the next one', async () => {
    const { t, asked } = target(async (ids, moved) => moved(ids));
    const runner = createTidyRunner(t, { cap: 2, readItems: async () => ({ items: [{ messageId: 'a' }, { messageId: 'b' }, { messageId: 'c' }] }) });
    await runner.start(sweep());
    await runner.idle();
    expect(asked).toEqual([['a', 'b']]);
    expect(runner.status).toMatchObject({ state: 'done', done: 2, capped: true });
    expect(describeTidy(runner.status, 'gmail')).toContain(TIDY_WORDS.capped(2));
  });

  it('stops in words at the first unexpected state, keeping the count of what was moved before', async () => {
    const { t } = target(async (ids, moved) => {
      moved(ids.slice(0, 1));
      throw new SweepStop(TIDY_WORDS.noLabelMenu);
    });
    const runner = createTidyRunner(t, { readItems: async () => ({ items: [{ messageId: 'a' }, { messageId: 'b' }] }) });
    await runner.start(sweep());
    await runner.idle();
    expect(runner.status).toMatchObject({ state: 'stopped', done: 1, left: 1 });
    expect(runner.status.reason).toBe(`Stopped: ${TIDY_WORDS.noLabelMenu}. Nothing else was moved.`);
    expect(describeTidy(runner.status, 'gmail')).toContain('and archived 1 notice.');
  });

  it('asks nothing of the webmail when no notice is read and recorded, and never for another webmail\'s sweep', async () => {
    const { t, asked } = target(async () => undefined);
    const runner = createTidyRunner(t, { readItems: async () => ({ items: [] }) });
    await runner.start(sweep({ webmail: 'outlook' }));
    await runner.idle();
    expect(runner.status.state).toBe('idle');
    await runner.start(sweep());
    await runner.idle();
    expect(asked).toEqual([]);
    expect(runner.status).toMatchObject({ state: 'done', total: 0 });
    expect(describeTidy(runner.status, 'gmail')).toBe(TIDY_WORDS.none);
  });
});

describe('the words', () => {
  const done = { ...IDLE_TIDY, state: 'done', total: 119, done: 118, left: 1, batches: 3, lastBatch: 22 };

  it("say what was done, what was left and why, and how the webmail's own Undo takes it back (only its last action)", () => {
    const gmail = describeTidy(done, 'gmail', 'en-US');
    expect(gmail).toContain(`Labelled "${TIDY_GMAIL_LABEL}" and archived 118 notices.`);
    expect(gmail).toContain('1 read notice was left where it was');
    expect(gmail).toContain('puts the last 22 ones back in the inbox while it shows (it undoes only its last action)');
    expect(gmail).toContain(`open the label "${TIDY_GMAIL_LABEL}", select them and choose Move to Inbox`);
    const one = describeTidy({ ...done, done: 5, left: 0, batches: 1, lastBatch: 5 }, 'outlook', 'en-US');
    expect(one).toContain('Archived 5 notices.');
    expect(one).toContain("Outlook's own Undo, in the message it shows after the move, puts them back in the inbox while it shows.");
    expect(one).toContain('open the Archive folder');
    expect(one).not.toContain('left where');
  });

  it('name the action with the count, in each webmail\'s terms', () => {
    expect(TIDY_WORDS.action('gmail', 119, 'en-US')).toBe('Label and archive the 119 read notices');
    expect(TIDY_WORDS.action('outlook', 1, 'en-US')).toBe('Archive the 1 read notice');
  });
});

describe("Gmail's tidy on the list fixture", () => {
  const fixture = readFileSync(resolve(__dirname, '../../fixtures/dom/gmail/2026-11-27-list.html'), 'utf8');

  /** The fixture's list in a view that Gmail re-draws on every route, with a toolbar whose presses are counted. */
  function page() {
    const views = document.createElement('div');
    document.body.replaceChildren(views);
    const pressed: string[] = [];
    const draw = () => {
      const view = document.createElement('div');
      view.innerHTML = fixture; // our own fixture, in the test's document
      const bar = document.createElement('div');
      for (const name of ['Labels', 'Archive']) {
        const button = document.createElement('div');
        button.setAttribute('role', 'button');
        button.setAttribute('aria-label', name);
        button.addEventListener('click', () => pressed.push(name));
        bar.append(button);
      }
      view.prepend(bar);
      views.replaceChildren(view);
    };
    window.addEventListener('hashchange', draw);
    draw();
    return { pressed, stop: () => window.removeEventListener('hashchange', draw) };
  }

  it('stops before pressing anything when a row the user ticked is on screen', async () => {
    const { pressed, stop } = page();
    window.location.hash = '#inbox';
    const tidy = createGmailTidy({ adapter: createGmailAdapter(), gapMs: 1, emptySettleMs: 10, viewTimeoutMs: 2000 });
    const tick = () => {
      const box = document.querySelector('tr#\\:2a [role="checkbox"]');
      box?.setAttribute('aria-checked', 'true');
    };
    window.addEventListener('hashchange', () => setTimeout(tick, 0), { once: true });
    await expect(tidy.tidy([{ messageId: '19a5b1c2d3e4f501' }, { messageId: '19a5b1c2d3e4f503' }], sweep(), () => undefined)).rejects.toThrow(TIDY_WORDS.otherSelected(1));
    expect(pressed).toEqual([]);
    // Our own ticks were never made: only the user's row is ticked.
    expect([...document.querySelectorAll('[role="checkbox"][aria-checked="true"]')]).toHaveLength(1);
    stop();
  });
});
