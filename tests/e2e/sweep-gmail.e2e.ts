/// <reference types="chrome" />
/**
 * Sweeping Gmail (issue #11), end to end in real headless Chromium with the built extension: the
 * fake Gmail's sweep mailbox (tests/e2e/fake-gmail.ts: a search with 3 result pages and 120 notices
 * in four formats, one threaded into a conversation, one whose "Show original" fails, one that
 * "does not exist" under permmsgid and answers only under th=), swept to the end from the popup's
 * start control, with Pause/Resume in the page, a stop at the failing notice and Start again, and a
 * page reload in the middle. The fake page sets the documented test hook
 * (bounce-sweeper-test-gap-ms=150) so the run is short; the default of 1 s is proven by
 * tests/webmail/sweep.test.ts.
 * Run: npm run build && npx vitest run --config vitest.e2e.config.ts tests/e2e/sweep-gmail.e2e.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, sendFromPage, type ExtensionSession } from './browser';
import { FAKE_GMAIL_ORIGIN, SWEEP_COUNT, SWEEP_FAILS, SWEEP_NOTICES, SWEEP_OTHER_FORM, SWEEP_THREADED, routeFakeGmail, type FakeGmailAccount, type FakeGmailLog } from './fake-gmail';
import type { ListReply } from '../../lib/messaging';

const GAP_MS = 150;
const ACCOUNT: FakeGmailAccount = { index: 0, ik: '1f119f7bbb', email: 'user@example.com', list: 'clean', sweep: true };
const PROGRESS = '[data-bounce-sweeper="sweep-progress"]';
const START = '[data-bounce-sweeper="sweep-start"]';

interface Progress {
  state: string | null;
  found: number;
  read: number;
  bounces: number;
  failed: number;
  text: string;
}

const progressOf = (page: Page): Promise<Progress> =>
  page.evaluate((css) => {
    const el = document.querySelector(css);
    return {
      state: el?.getAttribute('data-state') ?? null,
      found: Number(el?.getAttribute('data-found') ?? 0),
      read: Number(el?.getAttribute('data-read') ?? 0),
      bounces: Number(el?.getAttribute('data-bounces') ?? 0),
      failed: Number(el?.getAttribute('data-failed') ?? 0),
      text: el?.textContent ?? '',
    };
  }, PROGRESS);

async function waitFor(page: Page, test: (p: Progress) => boolean, timeoutMs = 90_000): Promise<Progress> {
  const started = Date.now();
  for (;;) {
    const progress = await progressOf(page);
    if (test(progress)) return progress;
    if (Date.now() - started > timeoutMs) throw new Error(`sweep progress never matched; last: ${JSON.stringify(progress)}`);
    await page.waitForTimeout(100);
  }
}

describe('Gmail sweep (issue #11)', () => {
  let session: ExtensionSession;
  let log: FakeGmailLog;
  let gmail: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    session = await launchWithExtension();
    log = await routeFakeGmail(session.context, [ACCOUNT]);
    gmail = await session.context.newPage();
    gmail.on('pageerror', (error) => errors.push(error.message));
    await gmail.goto(`${FAKE_GMAIL_ORIGIN}/mail/u/0/?bounce-sweeper-test-gap-ms=${GAP_MS}#inbox`);
    await gmail.waitForSelector(START, { state: 'attached' });
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  it('sweeps 3 result pages and 120 notices to the end: each recorded once, never faster than the limit, through pause, a stop, and a reload', async () => {
    const started = Date.now();
    // Start from the popup (its own start control), which steers the Gmail tab.
    const popup = await session.openExtensionPage('popup.html');
    await popup.locator('[data-testid="sweep-start"]').click();
    await popup.waitForSelector('[data-testid="sweep-panel"] [data-bounce-sweeper="sweep-progress"][data-state="running"]', { timeout: 15_000 });

    // Pause in the page: nothing more is requested until Resume.
    await waitFor(gmail, (p) => p.read >= 20);
    await gmail.locator('[data-bounce-sweeper="sweep-pause"]').click();
    const paused = await waitFor(gmail, (p) => p.state === 'paused');
    await gmail.waitForTimeout(800);
    const requestsWhilePaused = log.showOriginal.length;
    await gmail.waitForTimeout(1000);
    expect(log.showOriginal.length).toBe(requestsWhilePaused);
    expect((await progressOf(gmail)).read).toBeLessThanOrEqual(paused.read + 1);
    await gmail.locator('[data-bounce-sweeper="sweep-resume"]').click();

    // The notice whose "Show original" fails stops the sweep, saying why in words.
    const stopped = await waitFor(gmail, (p) => p.state === 'stopped');
    expect(stopped.text).toMatch(/500/);
    expect(stopped.text).toMatch(/left unread/);
    expect(stopped.failed).toBe(1);
    expect(stopped.found).toBe(SWEEP_COUNT);
    // Start again: it continues with the rest, without asking for that notice again.
    await gmail.locator(START).click();
    await waitFor(gmail, (p) => p.state === 'running');

    // A reload in the middle: the new page continues the sweep the store says is running.
    await waitFor(gmail, (p) => p.read >= 80);
    await gmail.reload();
    await gmail.waitForSelector(START, { state: 'attached' });
    const done = await waitFor(gmail, (p) => p.state === 'done', 120_000);
    const elapsed = Date.now() - started;

    expect(done).toMatchObject({ found: SWEEP_COUNT, read: SWEEP_COUNT - 1, failed: 1, bounces: SWEEP_COUNT - 1 });
    expect(done.text).toMatch(/Found 120/);

    // Spacing: request timestamps as the fake server saw them, never closer than the limit (10 ms of IPC slack).
    const gaps = log.showOriginalAt.slice(1).map((at, i) => at - (log.showOriginalAt[i] ?? 0));
    const smallest = Math.min(...gaps);
    expect(smallest).toBeGreaterThanOrEqual(GAP_MS - 10);

    // Each notice asked for once (the one in flight at the reload may be asked twice), the failing one once,
    // the "does not exist" one by permmsgid and then by th=, and no thread id ever reached view=om.
    const byNotice = new Map<number, string[]>();
    for (const url of log.showOriginal) {
      const params = new URL(url).searchParams;
      const notice = SWEEP_NOTICES.find((n) => n.permId === params.get('permmsgid') || n.legacyId === params.get('th'));
      expect(notice, url).toBeDefined();
      if (notice) byNotice.set(notice.index, [...(byNotice.get(notice.index) ?? []), url]);
    }
    expect(byNotice.size).toBe(SWEEP_COUNT);
    const twice = [...byNotice.entries()].filter(([index, urls]) => urls.length > (index === SWEEP_OTHER_FORM ? 2 : 1));
    expect(twice.length).toBeLessThanOrEqual(1);
    expect(byNotice.get(SWEEP_FAILS)).toHaveLength(1);
    const otherForm = byNotice.get(SWEEP_OTHER_FORM) ?? [];
    expect(otherForm[0]).toContain('permmsgid=');
    expect(otherForm[1]).toContain('th=');
    expect(byNotice.get(SWEEP_THREADED)?.length).toBeGreaterThanOrEqual(1);

    // Every notice recorded once: one address per notice read, each with one bounce.
    const list = await sendFromPage<ListReply>(popup, 'listAddresses', { group: 'all', limit: 500 });
    const swept = list.rows.filter((row) => /^sweep\d+@/.test(row.address));
    expect(swept).toHaveLength(SWEEP_COUNT - 1);
    for (const row of swept) expect(row.hardCount + row.softCount + row.senderProblemCount + (row.undeterminedCount ?? 0), row.address).toBe(1);
    expect(swept.some((row) => row.address === SWEEP_NOTICES[SWEEP_FAILS]?.failed)).toBe(false);
    expect(swept.some((row) => row.address === SWEEP_NOTICES[SWEEP_THREADED]?.failed)).toBe(true);

    // The popup shows the same sweep, done.
    await popup.reload();
    await popup.waitForSelector('[data-testid="sweep-panel"] [data-bounce-sweeper="sweep-progress"][data-state="done"]', { timeout: 10_000 });
    // Sweeping again adds nothing: a new sweep finds the 120, files the 119 recorded ones as read
    // without asking Gmail, and asks only for the one never read (which fails again, and says so).
    const before = log.showOriginal.length;
    await gmail.locator(START).click();
    const again = await waitFor(gmail, (p) => p.state === 'stopped' && p.found === SWEEP_COUNT, 60_000);
    expect(again).toMatchObject({ read: SWEEP_COUNT - 1, failed: 1 });
    expect(log.showOriginal.slice(before)).toHaveLength(1);
    const after = await sendFromPage<ListReply>(popup, 'listAddresses', { group: 'all', limit: 500 });
    expect(after.rows.filter((row) => /^sweep\d+@/.test(row.address))).toHaveLength(SWEEP_COUNT - 1);
    expect(errors).toEqual([]);
    console.log(`[sweep-gmail] ${log.showOriginal.length} requests, smallest gap ${smallest} ms (limit ${GAP_MS} ms), sweep ${elapsed} ms`);
  }, 240_000);
});
