/// <reference types="chrome" />
/**
 * A 500-recipient compose in real headless Chromium with the built extension, in the fake Gmail and
 * the fake Outlook (tests/e2e/fake-gmail.ts, fake-outlook.ts): 25 of the recipients were recorded
 * first through the real background (bounce notices reported from an extension page, one address
 * added by hand), one more is a sender problem (never counted). The compose shows exactly one
 * summary with the right counts, the per-chip marks, a "Remove them from this message" that takes
 * exactly those chips out with the webmail's own controls, and an Undo that puts them back.
 * Run: npx wxt build && npx vitest run --config vitest.e2e.config.ts tests/e2e/compose.e2e.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, sendFromPage, type ExtensionSession } from './browser';
import { CLEAN_ACCOUNT, FAKE_GMAIL_ORIGIN, routeFakeGmail } from './fake-gmail';
import { FAKE_OUTLOOK_ORIGIN, routeFakeOutlook } from './fake-outlook';
import { daysAgo, dsnBounce, mailboxFull, senderBlocked } from '../import/bounce-fixtures';

const SUMMARY = '[data-bounce-sweeper="compose-summary"]';
const WARNING = '[data-bounce-sweeper="compose-warning"]';

/** 500 recipients; every 20th (25 of them) is on record, member001 is a sender problem. */
const RECIPIENTS = Array.from({ length: 500 }, (_, i) => `member${String(i).padStart(3, '0')}@example.org`);
const FLAGGED = RECIPIENTS.filter((_, i) => i % 20 === 0);
const HARD = FLAGGED.slice(0, 20);
const KEEPS_BOUNCING = FLAGGED.slice(20, 22);
const WATCHED = FLAGGED.slice(22, 24);
const BY_HAND = FLAGGED[24]!;
const SENDER_PROBLEM = RECIPIENTS[1]!;
const SENTENCE =
  '⚠ 25 of 500 recipients bounced before or are on your Remove list: 20 addresses do not exist, 2 keep bouncing, 1 you added to the Remove list, 2 bounced recently';

const send = sendFromPage;

let seq = 0;
function report(raw: string) {
  seq += 1;
  const messageId = `19c00000000${String(seq).padStart(5, '0')}`;
  return { webmail: 'gmail', account: '0', messageId, url: `${FAKE_GMAIL_ORIGIN}/mail/u/0/#inbox/${messageId}`, raw };
}

async function seed(session: ExtensionSession): Promise<void> {
  const page = await session.openExtensionPage('popup.html');
  try {
    const notices = [
      ...HARD.map((address, i) => dsnBounce(address, { date: daysAgo(2 + (i % 5)), id: `hard-${i}@mx.example.net` })),
      ...KEEPS_BOUNCING.flatMap((address, i) => [3, 6, 9].map((days) => mailboxFull(address, daysAgo(days), `soft-${i}-${days}@mx.example.net`))),
      ...WATCHED.map((address, i) => mailboxFull(address, daysAgo(4), `watch-${i}@mx.example.net`)),
      senderBlocked(SENDER_PROBLEM, daysAgo(1), 'sender-1@mx.example.net'),
    ];
    for (const raw of notices) await send(page, 'reportNotice', report(raw));
    expect(await send(page, 'addAddresses', { addresses: [BY_HAND] })).toEqual({ added: 1 });
  } finally {
    await page.close();
  }
}

/** What the page shows of the compose: summaries, their sentence and status, the warned chips. */
function composeState(page: Page) {
  return page.evaluate(
    ({ summary, warning }) => {
      const hosts = [...document.querySelectorAll<HTMLElement>(summary)];
      const part = (name: string) => hosts[0]?.shadowRoot?.querySelector(`[data-part="${name}"]`)?.textContent ?? null;
      return {
        summaries: hosts.length,
        flagged: hosts[0]?.getAttribute('data-flagged') ?? null,
        total: hosts[0]?.getAttribute('data-total') ?? null,
        sentence: part('sentence'),
        removed: part('removed'),
        warned: [...document.querySelectorAll(warning)].map((w) => w.getAttribute('data-address') ?? '').sort(),
        byHandWords: [...document.querySelectorAll<HTMLElement>(warning)].find((w) => w.getAttribute('data-address') === 'member480@example.org')?.shadowRoot?.textContent ?? null,
      };
    },
    { summary: SUMMARY, warning: WARNING },
  );
}

interface Webmail {
  name: string;
  open(page: Page): Promise<void>;
  compose(page: Page, addresses: string[]): Promise<void>;
  recipients(page: Page): Promise<string[]>;
}

const WEBMAILS: Webmail[] = [
  {
    name: 'Gmail',
    open: async (page) => {
      await page.goto(`${FAKE_GMAIL_ORIGIN}/mail/u/${CLEAN_ACCOUNT.index}/#inbox`);
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-bounce-sweeper-user'));
    },
    compose: (page, addresses) =>
      page.evaluate((list) => (window as unknown as { fakeGmail: { compose(a: string[]): void } }).fakeGmail.compose(list), addresses),
    recipients: (page) => page.evaluate(() => (window as unknown as { fakeGmail: { recipients(): string[] } }).fakeGmail.recipients()),
  },
  {
    name: 'Outlook',
    open: (page) => page.goto(`${FAKE_OUTLOOK_ORIGIN}/mail/inbox`).then(() => undefined),
    compose: (page, addresses) =>
      page.evaluate((list) => (window as unknown as { fakeOutlook: { compose(a: string[]): void } }).fakeOutlook.compose(list), addresses),
    recipients: (page) => page.evaluate(() => (window as unknown as { fakeOutlook: { recipients(): string[] } }).fakeOutlook.recipients()),
  },
];

describe.each(WEBMAILS)('a 500-recipient compose in $name', (webmail) => {
  let session: ExtensionSession;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    session = await launchWithExtension();
    await routeFakeGmail(session.context);
    await routeFakeOutlook(session.context);
    await seed(session);
    page = await session.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await webmail.open(page);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows exactly one summary with the right counts, promptly, and keeps the per-chip marks', async () => {
    const started = Date.now();
    await webmail.compose(page, RECIPIENTS);
    await page.waitForFunction((css) => document.querySelector(css)?.getAttribute('data-flagged') === '25', SUMMARY, { timeout: 15_000 });
    const took = Date.now() - started;
    // One lookup of 500 (not ten of 50 spaced out): well under the 3 s the issue saw, on a busy 2-core machine too.
    expect(took).toBeLessThan(2500);
    await page.waitForFunction(({ css, n }) => document.querySelectorAll(css).length === n, { css: WARNING, n: 25 }, { timeout: 15_000 });
    const state = await composeState(page);
    expect(state).toMatchObject({ summaries: 1, flagged: '25', total: '500', sentence: SENTENCE, removed: null });
    expect(state.warned).toEqual([...FLAGGED].sort());
    expect(state.warned).not.toContain(SENDER_PROBLEM);
    expect(state.byHandWords).toMatch(/^⚠ on your Remove list: added by you on [A-Z][a-z]{2} \d{1,2}$/);
  });

  it('"Remove them from this message" takes out exactly those 25 chips', async () => {
    await page.locator(`${SUMMARY} button[data-action="remove-flagged"]`).click();
    await page.waitForFunction(
      (css) => !!document.querySelector(css)?.shadowRoot?.querySelector('[data-part="removed"]'),
      SUMMARY,
      { timeout: 15_000 },
    );
    const left = await webmail.recipients(page);
    expect(left).toHaveLength(475);
    expect(left.filter((address) => FLAGGED.includes(address))).toEqual([]);
    expect(left).toContain(SENDER_PROBLEM);
    const state = await composeState(page);
    expect(state).toMatchObject({ summaries: 1, sentence: null, removed: 'Removed 25 recipients from this message.' });
    expect(state.warned).toEqual([]);
  });

  it('Undo puts them back, and the summary and the marks with them', async () => {
    await page.locator(`${SUMMARY} button[data-action="undo-remove"]`).click();
    await page.waitForFunction(
      ({ css, n }) => document.querySelector(css)?.getAttribute('data-flagged') === '25' && document.querySelectorAll('[data-bounce-sweeper="compose-warning"]').length === n,
      { css: SUMMARY, n: 25 },
      { timeout: 15_000 },
    );
    const back = await webmail.recipients(page);
    expect(back).toHaveLength(500);
    expect([...back].sort()).toEqual([...RECIPIENTS].sort());
    const state = await composeState(page);
    expect(state).toMatchObject({ summaries: 1, flagged: '25', total: '500', sentence: SENTENCE, removed: null });
    expect(state.warned).toEqual([...FLAGGED].sort());
    expect(errors).toEqual([]);
  });
});
