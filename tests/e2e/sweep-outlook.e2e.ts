/**
 * Sweeping Outlook (issue #11), end to end in real headless Chromium with the built extension: a
 * virtualised folder of 60 notices (tests/e2e/fake-outlook.ts: 18 fixed-height rows in the DOM at a
 * time, the rest only padding) is swept from the page's start control: the sweep scrolls the list,
 * opens each notice by selecting its row, reads the reading pane's text, and records it dated as
 * the list shows it; new mail arriving in the middle shifts every row and loses none. Badges never
 * change a row's height, and the banner follows the message on screen.
 * Run: npm run build && npx vitest run --config vitest.e2e.config.ts tests/e2e/sweep-outlook.e2e.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, sendFromPage, type ExtensionSession } from './browser';
import { FAKE_OUTLOOK_ORIGIN, SWEEP_OUTLOOK_VIRTUAL, outlookCss, routeFakeOutlook, sweepOutlookMessages } from './fake-outlook';
import type { ListReply } from '../../lib/messaging';
import { parseShownDate } from '../../lib/webmail/shown-date';

const MESSAGES = sweepOutlookMessages(60);
const PROGRESS = '[data-bounce-sweeper="sweep-progress"]';
const START = '[data-bounce-sweeper="sweep-start"]';
const ROW = outlookCss('listItem');

const progressOf = (page: Page) =>
  page.evaluate((css) => {
    const el = document.querySelector(css);
    return {
      state: el?.getAttribute('data-state') ?? null,
      found: Number(el?.getAttribute('data-found') ?? 0),
      read: Number(el?.getAttribute('data-read') ?? 0),
      bounces: Number(el?.getAttribute('data-bounces') ?? 0),
      text: el?.textContent ?? '',
    };
  }, PROGRESS);

describe('Outlook sweep (issue #11)', () => {
  let session: ExtensionSession;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    session = await launchWithExtension();
    await routeFakeOutlook(session.context, [FAKE_OUTLOOK_ORIGIN], MESSAGES, SWEEP_OUTLOOK_VIRTUAL);
    page = await session.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${FAKE_OUTLOOK_ORIGIN}/mail/inbox?bounce-sweeper-test-gap-ms=100`);
    await page.waitForSelector(START, { state: 'attached' });
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  it('sweeps a virtualised folder of 60 notices: each recorded once, dated as the list shows it, none lost when rows shift', async () => {
    const started = Date.now();
    const inDom: number[] = [];
    await page.locator(START).click();
    let arrived = false;
    for (;;) {
      const progress = await progressOf(page);
      inDom.push(await page.locator(ROW).count());
      // Mail arrives while the sweep walks the list: every row moves down.
      if (!arrived && progress.found >= 10) {
        arrived = true;
        await page.evaluate(() => {
          const w = window as unknown as { fakeOutlook: { arrive(m: unknown): void } };
          for (let i = 0; i < 3; i += 1) {
            w.fakeOutlook.arrive({ convid: `AAQkADNEW-${i}`, itemId: `AQAANEWMAIL${i}=`, senderName: 'Jane Doe', senderAddress: 'jane@example.net', subject: `New ${i}`, preview: 'Hello', time: '4:00 PM', body: '', text: 'Hello', failed: '' });
          }
        });
      }
      if (progress.state === 'done' || progress.state === 'stopped') break;
      if (Date.now() - started > 150_000) throw new Error(`sweep did not end: ${JSON.stringify(progress)}`);
      await page.waitForTimeout(200);
    }
    const done = await progressOf(page);
    expect(done, done.text).toMatchObject({ state: 'done', found: 60, read: 60, bounces: 60 });
    expect(arrived).toBe(true);
    expect(Math.max(...inDom)).toBeLessThanOrEqual(20);
    expect(Math.min(...inDom)).toBeGreaterThanOrEqual(15);

    const popup = await session.openExtensionPage('popup.html');
    const list = await sendFromPage<ListReply>(popup, 'listAddresses', { group: 'all', limit: 500 });
    const swept = list.rows.filter((row) => /^owner\d+@example\.org$/.test(row.address));
    expect(swept).toHaveLength(60);
    for (const message of MESSAGES) {
      const row = swept.find((r) => r.address === message.failed);
      expect(row, message.failed).toBeDefined();
      expect(row!.hardCount + row!.softCount + (row!.undeterminedCount ?? 0), message.failed).toBe(1);
      // Dated as the list showed it, not when it was read.
      expect(row!.lastBounceAt, message.failed).toBe(parseShownDate(message.dateTitle ?? '', 'en-US'));
    }
    console.log(`[sweep-outlook] 60 notices in ${Date.now() - started} ms, ${Math.min(...inDom)}–${Math.max(...inDom)} rows in the DOM`);
  }, 200_000);

  it('a badge never changes the height of a fixed-height row, and the banner follows the message on screen', async () => {
    await page.evaluate(() => {
      const scroller = document.querySelector('#MailList') as HTMLElement;
      scroller.scrollTop = 0;
      scroller.dispatchEvent(new Event('scroll'));
    });
    await page.waitForSelector(`${ROW} [data-bounce-sweeper="badge"][data-kind="hard"]`);
    const heights = await page.evaluate((rowCss) => {
      return [...document.querySelectorAll<HTMLElement>(rowCss)]
        .filter((row) => row.querySelector('[data-bounce-sweeper="badge"]'))
        .map((row) => {
          const badge = row.querySelector<HTMLElement>('[data-bounce-sweeper="badge"]')!;
          const line = badge.parentElement!;
          const withBadge = [line.getBoundingClientRect().height, row.scrollHeight];
          badge.style.display = 'none';
          const without = [line.getBoundingClientRect().height, row.scrollHeight];
          badge.style.display = '';
          return { withBadge, without };
        });
    }, ROW);
    expect(heights.length).toBeGreaterThan(5);
    for (const h of heights) expect(h.withBadge).toEqual(h.without);

    // Open one notice, then the next: the banner names the second at once, never the first.
    const rows = page.locator(ROW);
    const firstId = await rows.nth(3).getAttribute('data-convid');
    const secondId = await rows.nth(4).getAttribute('data-convid');
    const first = MESSAGES.find((m) => m.convid === firstId);
    const second = MESSAGES.find((m) => m.convid === secondId);
    await rows.nth(3).click();
    await page.waitForSelector(`[data-bounce-sweeper="banner"][data-address="${first?.failed}"]`, { timeout: 5000 });
    await rows.nth(4).click();
    await page.waitForSelector(`[data-bounce-sweeper="banner"][data-address="${second?.failed}"]`, { timeout: 1000 });
    expect(await page.locator(`[data-bounce-sweeper="banner"][data-address="${first?.failed}"]`).count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);
});
