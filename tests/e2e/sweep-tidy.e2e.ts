/**
 * Processed notices out of the way (issue #11), end to end in real headless Chromium with the
 * built extension, on the fake webmails' own toolbars (tests/e2e/fake-gmail.ts, fake-outlook.ts):
 * after a sweep, one click moves exactly the notices the sweep read and recorded out of the inbox
 * (Gmail: labelled "Bounce Sweeper/Processed" and archived; Outlook: archived), the notice that
 * could not be read stays, so does mail that is not a swept notice, and the webmail's own Undo
 * brings the last batch back. The pages carry the documented test hook (bounce-sweeper-test-gap-ms)
 * so the run is short; nothing here depends on timing beyond generous waits.
 * Run: npm run build && npx vitest run --config vitest.e2e.config.ts tests/e2e/sweep-tidy.e2e.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from './browser';
import { FAKE_GMAIL_ORIGIN, FAKE_GMAIL_VIEWS, SWEEP_COUNT, SWEEP_FAILS, SWEEP_NOTICES, SWEEP_THREAD, SWEEP_THREADED, gmailCss, routeFakeGmail, type FakeGmailAccount } from './fake-gmail';
import { FAKE_OUTLOOK_ORIGIN, FAKE_OUTLOOK_VIEWS, SWEEP_OUTLOOK_VIRTUAL, routeFakeOutlook, sweepOutlookMessages, type FakeMessage } from './fake-outlook';
import { newestVariantMisses } from './selector-coverage';
import { GMAIL_SELECTORS } from '../../lib/webmail/gmail/selectors';
import { OUTLOOK_SELECTORS } from '../../lib/webmail/outlook/selectors';
import { TIDY_GMAIL_LABEL } from '../../lib/vocabulary';

const PROGRESS = '[data-bounce-sweeper="sweep-progress"]';
const START = '[data-bounce-sweeper="sweep-start"]';
const TIDY = '[data-bounce-sweeper="sweep-tidy"]';
const TIDY_WORDS = '[data-bounce-sweeper="sweep-tidy-words"]';

interface Seen {
  state: string | null;
  read: number;
  failed: number;
  text: string;
}

async function waitFor<T>(read: () => Promise<T>, test: (value: T) => boolean, what: string, timeoutMs = 180_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (test(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`${what} never happened; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const progressOf = (page: Page): Promise<Seen> =>
  page.evaluate((css) => {
    const el = document.querySelector(css);
    return { state: el?.getAttribute('data-state') ?? null, read: Number(el?.getAttribute('data-read') ?? 0), failed: Number(el?.getAttribute('data-failed') ?? 0), text: el?.textContent ?? '' };
  }, PROGRESS);

const tidyOf = (page: Page, css: string) =>
  page.evaluate((selector) => {
    const el = document.querySelector(selector);
    return {
      state: el?.getAttribute('data-state') ?? null,
      done: Number(el?.getAttribute('data-done') ?? 0),
      left: Number(el?.getAttribute('data-left') ?? 0),
      lastBatch: Number(el?.getAttribute('data-last-batch') ?? 0),
      text: el?.textContent ?? '',
    };
  }, css);

describe('Gmail: label and archive the read notices (issue #11)', () => {
  const ACCOUNT: FakeGmailAccount = { index: 0, ik: '1f119f7bbb', email: 'user@example.com', list: 'clean', sweep: true };
  let session: ExtensionSession;
  let gmail: Page;
  const errors: string[] = [];
  const mailbox = () =>
    gmail.evaluate(() => (window as unknown as { fakeGmail: { mailbox(): { inbox: string[]; labels: Record<string, string[]>; userLabels: string[] } } }).fakeGmail.mailbox());

  beforeAll(async () => {
    session = await launchWithExtension();
    await routeFakeGmail(session.context, [ACCOUNT]);
    gmail = await session.context.newPage();
    gmail.on('pageerror', (error) => errors.push(error.message));
    await gmail.goto(`${FAKE_GMAIL_ORIGIN}/mail/u/0/?bounce-sweeper-test-gap-ms=50#inbox`);
    await gmail.waitForSelector(START, { state: 'attached' });
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  it('after a sweep, one click labels and archives exactly the recorded notices; the unread and the threaded one stay; Gmail\'s Undo brings the last batch back', async () => {
    // The fake's toolbar, label menu and New label window match the newest variant of each name the tidy uses.
    await gmail.waitForSelector('[gh="mtb"]', { state: 'attached' });
    expect(await newestVariantMisses(gmail, GMAIL_SELECTORS, FAKE_GMAIL_VIEWS.toolbar, 'toolbar')).toEqual([]);
    // Nothing is offered before a sweep, and nothing moves without the click.
    expect(await gmail.locator(TIDY).isVisible()).toBe(false);

    await gmail.locator(START).click();
    await waitFor(() => progressOf(gmail), (p) => p.state === 'stopped', 'the stop at the failing notice');
    await gmail.locator(START).click();
    const done = await waitFor(() => progressOf(gmail), (p) => p.state === 'done', 'the end of the sweep');
    expect(done).toMatchObject({ read: SWEEP_COUNT - 1, failed: 1 });
    expect((await mailbox()).inbox).toHaveLength(SWEEP_COUNT); // the sweep itself moved nothing

    // Both panels offer the one action, with the count of notices read and recorded.
    const popup = await session.openExtensionPage('popup.html');
    await popup.waitForSelector('[data-testid="sweep-tidy"]', { timeout: 15_000 });
    expect(await popup.locator('[data-testid="sweep-tidy"]').textContent()).toBe(`Label and archive the ${SWEEP_COUNT - 1} read notices`);
    await gmail.waitForSelector(`${TIDY}:visible`);
    expect(await gmail.locator(TIDY).textContent()).toBe(`Label and archive the ${SWEEP_COUNT - 1} read notices`);

    await gmail.locator(TIDY).click();
    const tidied = await waitFor(() => tidyOf(gmail, TIDY_WORDS), (t) => t.state === 'done' || t.state === 'stopped', 'the end of the tidy');
    expect(tidied.state, tidied.text).toBe('done');
    // The threaded notice shares its conversation with a person's mail: it is left where it is.
    expect(tidied).toMatchObject({ done: SWEEP_COUNT - 2, left: 1 });
    expect(tidied.text).toContain(`Labelled "${TIDY_GMAIL_LABEL}" and archived ${SWEEP_COUNT - 2} notices.`);
    expect(tidied.text).toContain('Undo');

    const failed = SWEEP_NOTICES[SWEEP_FAILS]?.legacyId ?? '';
    const threadedId = SWEEP_THREAD.threadId;
    const after = await mailbox();
    // Exactly the unread notice and the conversation with the threaded one are still in the inbox.
    expect(after.inbox.sort()).toEqual([failed, threadedId].sort());
    expect(after.userLabels).toContain(TIDY_GMAIL_LABEL);
    const labelled = Object.entries(after.labels).filter(([, names]) => names.includes(TIDY_GMAIL_LABEL)).map(([thread]) => thread);
    const expected = SWEEP_NOTICES.filter((n) => n.index !== SWEEP_FAILS && n.index !== SWEEP_THREADED).map((n) => n.legacyId);
    expect(labelled.sort()).toEqual(expected.sort());
    // Gmail's own list says the same: the tidy ends on the inbox search, which shows those two rows only.
    const visibleRows = () =>
      gmail.evaluate((css) => {
        const views = [...document.querySelectorAll<HTMLElement>('#views > div')].filter((v) => v.style.display !== 'none');
        return [...(views[0]?.querySelectorAll(css) ?? [])].map((row) => row.querySelector('[data-legacy-thread-id]')?.getAttribute('data-legacy-thread-id') ?? '');
      }, gmailCss('row'));
    expect(decodeURIComponent(await gmail.evaluate(() => location.hash)).replace(/\+/g, ' ')).toContain('in:inbox');
    const rowIds = await waitFor(visibleRows, (ids) => ids.length > 0, 'the inbox search');
    expect(rowIds.sort()).toEqual([failed, threadedId].sort());
    expect(await newestVariantMisses(gmail, GMAIL_SELECTORS, FAKE_GMAIL_VIEWS.undo, 'undo')).toEqual([]);

    // Gmail's own Undo (its message after the last archive): that batch is back in the inbox, with its label.
    await gmail.locator('#link_undo:visible').click();
    const undone = await waitFor(() => mailbox(), (m) => m.inbox.length > 2, 'the undo');
    expect(undone.inbox).toHaveLength(2 + tidied.lastBatch);
    for (const thread of undone.inbox) if (thread !== failed && thread !== threadedId) expect(undone.labels[thread]).toContain(TIDY_GMAIL_LABEL);
    // The label is where the rest are found later (the README's way back: the label, then Move to Inbox).
    await gmail.evaluate((label) => {
      location.hash = `#label/${encodeURIComponent(label)}`;
    }, TIDY_GMAIL_LABEL);
    const labelRows = await waitFor(visibleRows, (ids) => ids.length === 50, 'the label view');
    for (const thread of labelRows) expect(expected).toContain(thread);
    expect(errors).toEqual([]);
  }, 300_000);
});

describe('Outlook: archive the read notices (issue #11)', () => {
  const NOTICES = sweepOutlookMessages(30);
  const PERSON: FakeMessage = { convid: 'AAQkADPERSON-T', itemId: 'AQAAPERSONT=', senderName: 'Jane Doe', senderAddress: 'jane@example.net', subject: 'Lunch on Friday?', preview: 'Shall we?', time: '3:00 PM', body: '', text: 'Shall we?', failed: '' };
  const BROKEN: FakeMessage = { ...sweepOutlookMessages(31)[30]!, broken: true };
  const MESSAGES = [...NOTICES.slice(0, 5), PERSON, ...NOTICES.slice(5), BROKEN];
  let session: ExtensionSession;
  let page: Page;
  const errors: string[] = [];
  const folders = () =>
    page.evaluate(() => {
      const w = window as unknown as { fakeOutlook: { folder(): string[]; archived(): string[] } };
      return { folder: w.fakeOutlook.folder(), archived: w.fakeOutlook.archived() };
    });

  beforeAll(async () => {
    session = await launchWithExtension();
    await routeFakeOutlook(session.context, [FAKE_OUTLOOK_ORIGIN], MESSAGES, SWEEP_OUTLOOK_VIRTUAL);
    page = await session.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${FAKE_OUTLOOK_ORIGIN}/mail/inbox?bounce-sweeper-test-gap-ms=50`);
    await page.waitForSelector(START, { state: 'attached' });
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  it("after a sweep, the popup's one click archives exactly the recorded notices; the unread one and a person's mail stay; Outlook's Undo brings the last batch back", async () => {
    expect(await newestVariantMisses(page, OUTLOOK_SELECTORS, FAKE_OUTLOOK_VIEWS.tidy, 'tidy')).toEqual([]);
    await page.locator(START).click();
    // The last notice never shows in the reading pane: the sweep stops there, with the others read.
    const stopped = await waitFor(() => progressOf(page), (p) => p.state === 'stopped' || p.state === 'done', 'the end of the sweep');
    expect(stopped, stopped.text).toMatchObject({ state: 'stopped', read: 30, failed: 1 });
    expect((await folders()).archived).toEqual([]);

    const popup = await session.openExtensionPage('popup.html');
    const button = popup.locator('[data-testid="sweep-tidy"]');
    await button.waitFor({ timeout: 15_000 });
    expect(await button.textContent()).toBe('Archive the 30 read notices');
    await button.click();
    const tidied = await waitFor(() => tidyOf(popup, '[data-testid="sweep-tidy-words"]'), (t) => t.state === 'done' || t.state === 'stopped', 'the end of the tidy');
    expect(tidied.state, tidied.text).toBe('done');
    expect(tidied).toMatchObject({ done: 30, left: 0 });
    expect(tidied.text).toContain('Archived 30 notices.');
    // The page's panel says the same.
    expect((await tidyOf(page, TIDY_WORDS)).done).toBe(30);

    const after = await folders();
    expect(after.folder.sort()).toEqual([PERSON.itemId, BROKEN.itemId].sort());
    expect(after.archived.sort()).toEqual(NOTICES.map((m) => m.itemId).sort());
    // Outlook's own list shows those two rows only.
    const rows = await page.evaluate(() => [...document.querySelectorAll('[role="listbox"] [role="option"][data-convid]')].map((row) => row.id));
    expect(rows.sort()).toEqual([PERSON.itemId, BROKEN.itemId].sort());

    // Outlook's own Undo (its message after the last move): that batch is back in the folder.
    await page.locator('#fake-notification button:visible').click();
    const undone = await waitFor(() => folders(), (f) => f.folder.length > 2, 'the undo');
    expect(undone.folder).toHaveLength(2 + tidied.lastBatch);
    expect(undone.archived).toHaveLength(30 - tidied.lastBatch);
    expect(errors).toEqual([]);
  }, 300_000);
});
