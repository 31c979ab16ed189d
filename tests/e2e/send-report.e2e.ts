/// <reference types="chrome" />
/**
 * The per-send report (issue #13) in real Chromium over the real background: notices that return
 * two different messages of the user's are grouped by the message they answer (its Message-ID),
 * counted hard and soft per address, and, once the user says how many a send went to, judged
 * against the 2 / 5 / 10 % lines on the options page.
 * Run: npx wxt build && npx vitest run --config vitest.e2e.config.ts tests/e2e/send-report.e2e.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, sendFromPage, type ExtensionSession } from './browser';
import { daysAgo, dsnBounce, type ReturnedHeaders } from '../import/bounce-fixtures';

let session: ExtensionSession;

const OPEN_HOUSE: ReturnedHeaders = { subject: 'Open house, 26 Nov', messageId: 'open-house.1@mail.example.org', date: daysAgo(8, 9) };
const PRICE_DROP: ReturnedHeaders = { subject: 'Price drop on Elm Street', messageId: 'price-drop.1@mail.example.org', date: daysAgo(2, 9) };
const MAILBOX_FULL = { status: '4.2.2', diagnostic: 'smtp; 452 4.2.2 Mailbox full, quota exceeded' };

/** Each notice: the address that failed, how, and the send it returns. */
const NOTICES: Array<{ address: string; returned: ReturnedHeaders; soft?: boolean; days: number }> = [
  { address: 'ann@example.com', returned: OPEN_HOUSE, days: 8 },
  { address: 'bea@example.com', returned: OPEN_HOUSE, days: 8 },
  { address: 'cal@example.net', returned: OPEN_HOUSE, soft: true, days: 7 },
  // The same address twice for one send (a retry's second notice): one address, counted once.
  { address: 'ann@example.com', returned: OPEN_HOUSE, days: 7 },
  { address: 'dee@example.org', returned: PRICE_DROP, days: 2 },
];

beforeAll(async () => {
  session = await launchWithExtension();
  const page = await session.openExtensionPage('popup.html');
  let n = 0;
  for (const notice of NOTICES) {
    n += 1;
    const raw = dsnBounce(notice.address, { date: daysAgo(notice.days), id: `notice-${n}@mx.example.net`, returned: notice.returned, ...(notice.soft ? MAILBOX_FULL : {}) });
    await sendFromPage(page, 'reportNotice', { webmail: 'gmail', account: 'sender@example.org', messageId: `18c0000000005e0${n}`, url: 'https://mail.google.com/mail/u/0/#inbox', raw });
  }
  await page.close();
});

afterAll(async () => {
  await session?.close();
});

describe('Bounces per send (options page)', () => {
  it('groups the notices by the message they return, newest send first', async () => {
    const options = await session.openExtensionPage('options.html');
    const reports = options.getByTestId('send-report');
    await reports.first().waitFor();
    expect(await reports.count()).toBe(2);
    expect(await reports.nth(0).getAttribute('data-key')).toBe(`mid:${PRICE_DROP.messageId}`);
    expect(await reports.nth(0).getByTestId('send-line').textContent()).toMatch(/^Price drop on Elm Street, .+: 1 hard, 0 soft$/);
    expect(await reports.nth(1).getAttribute('data-key')).toBe(`mid:${OPEN_HOUSE.messageId}`);
    expect(await reports.nth(1).getByTestId('send-line').textContent()).toMatch(/^Open house, 26 Nov, .+: 2 hard, 1 soft$/);
    await options.close();
  });

  it('judges a send against the bounce-rate lines once the user says how many it went to, and remembers it', async () => {
    let options = await session.openExtensionPage('options.html');
    const openHouse = () => options.locator(`[data-testid="send-report"][data-key="mid:${OPEN_HOUSE.messageId}"]`);
    await openHouse().waitFor();
    expect(await openHouse().getByTestId('send-rate').count()).toBe(0);
    // 2 hard bounces of 30 recipients: 6.7 %, past the 5 % line.
    await openHouse().getByTestId('send-sent-to').fill('30');
    await openHouse().getByTestId('send-sent-to').blur();
    await openHouse().getByTestId('send-rate').waitFor();
    expect(await openHouse().getAttribute('data-level')).toBe('review');
    expect(await openHouse().getByTestId('send-rate').textContent()).toMatch(/^Hard-bounce rate 6\.7\s?% of 30: over 5 %/);
    await options.close();
    options = await session.openExtensionPage('options.html');
    await openHouse().getByTestId('send-rate').waitFor();
    expect(await openHouse().getByTestId('send-sent-to').inputValue()).toBe('30');
    // 2 of 200: 1 %, under the 2 % line.
    await openHouse().getByTestId('send-sent-to').fill('200');
    await openHouse().getByTestId('send-sent-to').blur();
    await options.waitForFunction((key) => document.querySelector(`[data-testid="send-report"][data-key="${key}"]`)?.getAttribute('data-level') === 'ok', `mid:${OPEN_HOUSE.messageId}`);
    expect(await openHouse().getByTestId('send-rate').textContent()).toMatch(/under the 2 % line/);
    await options.close();
  });
});
