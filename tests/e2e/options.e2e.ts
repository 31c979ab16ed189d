/// <reference types="chrome" />
/**
 * The options page in real Chromium: an .mbox (raw notices written for this test) is imported
 * through the real worker and background, the addresses appear in the popup, re-importing changes
 * nothing, and a long import can be cancelled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from './browser';
import { daysAgo, dsnBounce, mailboxFull, ordinaryMail, senderBlocked, toMbox } from '../import/bounce-fixtures';

let session: ExtensionSession;
let options: Page;
const problems: string[] = [];

const MBOX = toMbox([
  dsnBounce('old.client@example.com', { date: daysAgo(400), id: 'old-1@mx.example.net' }),
  ordinaryMail('Listing photos'),
  dsnBounce('typo@exmaple.com', { date: daysAgo(20), id: 'typo-1@mx.example.net' }),
  mailboxFull('busy@example.org', daysAgo(3), 'busy-1@mx.example.net'),
  senderBlocked('strict@example.net', daysAgo(2), 'strict-1@mx.example.net'),
  ordinaryMail('From the closing table'),
]);

async function importFile(page: Page, name: string, content: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/mbox', buffer: Buffer.from(content) });
}

beforeAll(async () => {
  session = await launchWithExtension();
  options = await session.openExtensionPage('options.html');
  options.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  options.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await options.waitForSelector('[data-testid="options"][data-loaded="true"]');
});

afterAll(async () => {
  await session?.close();
});

describe('options page in Chromium', () => {
  it('imports an .mbox in the worker and the addresses appear in the popup', async () => {
    expect(await options.getByTestId('address-total').textContent()).toMatch(/^0 addresses/);
    await importFile(options, 'Takeout.mbox', MBOX);
    await options.waitForSelector('[data-testid="import-status"][data-phase="done"]');
    expect(await options.getByTestId('import-counts').textContent()).toMatch(/6 messages read .* 4 bounces found, 4 new notices recorded/);
    await options.waitForFunction(() => document.querySelector('[data-testid="address-total"]')?.textContent?.startsWith('4 addresses'));

    const popup = await session.openExtensionPage('popup.html');
    await popup.locator('[data-testid="address-row"]').first().waitFor();
    const addresses = await popup.locator('[data-testid="address-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-address')));
    expect(addresses.sort()).toEqual(['old.client@example.com', 'typo@exmaple.com']);
    expect(await popup.locator('[data-testid="group-tab-watch"] [data-testid="group-count"]').textContent()).toBe('1');
    expect(await popup.locator('[data-testid="group-tab-sender"] [data-testid="group-count"]').textContent()).toBe('1');
    expect(await popup.locator('[data-testid="row-meta"]').first().textContent()).toMatch(/an imported mailbox file/);
    await popup.close();
  });

  it('re-importing the same file changes nothing', async () => {
    await importFile(options, 'Takeout.mbox', MBOX);
    await options.waitForFunction(() => /0 new notices recorded, 4 notices already known/.test(document.querySelector('[data-testid="import-counts"]')?.textContent ?? ''));
    expect(await options.getByTestId('address-total').textContent()).toMatch(/^4 addresses/);
  });

  it('previews the presets against the recorded addresses', async () => {
    const preview = (preset: string) => options.locator(`[data-testid="preset-${preset}"] [data-testid="preset-preview"]`).textContent();
    // The background counts each preview (previewPolicies): it arrives a moment after the page.
    await expect.poll(() => preview('standard'), { timeout: 10_000 }).toBe('2 addresses to remove');
    await options.locator('[data-testid="preset-custom"] input[type="radio"]').check();
    await options.getByTestId('custom-days').fill('1');
    await expect.poll(() => preview('custom'), { timeout: 10_000 }).toBe('3 addresses to remove');
  });

  it('cancels a long import and keeps what was read', async () => {
    const big = toMbox(Array.from({ length: 4000 }, (_, i) => dsnBounce(`bulk${i}@example.com`, { date: daysAgo(10), id: `bulk-${i}@mx.example.net` })));
    // The popup tabs opened before left this one in the background, where Chromium runs animation
    // frames once a second; Playwright's click waits for two steady frames, and on a quiet machine
    // the 4,000 messages were all recorded first (the Cancel button gone) in two runs of three.
    await options.bringToFront();
    await importFile(options, 'big.mbox', big);
    await options.getByTestId('import-cancel').click();
    await options.waitForSelector('[data-testid="import-status"][data-phase="cancelled"]');
    const text = (await options.getByTestId('import-counts').textContent()) ?? '';
    const read = Number(/^([\d,]+) messages? read/.exec(text)?.[1]?.replace(/,/g, ''));
    expect(read).toBeLessThan(4000);
  });

  it('forgets one address and its bounces, and Undo brings both back', async () => {
    const total = async () => Number(/^([\d,]+) address/.exec((await options.getByTestId('address-total').textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    // A fresh page: the count the cancelled import left is settled.
    await options.reload();
    await options.waitForSelector('[data-testid="options"][data-loaded="true"]');
    const before = await total();
    await options.getByTestId('forget-address').fill('Typo@Exmaple.com');
    await options.getByTestId('forget-address-submit').click();
    await options.waitForFunction(() => /Forgot typo@exmaple\.com/.test(document.querySelector('[data-testid="options-message"]')?.textContent ?? ''));
    expect(await total()).toBe(before - 1);
    await options.getByTestId('options-undo').click();
    await options.waitForFunction(() => /typo@exmaple\.com is back/.test(document.querySelector('[data-testid="options-message"]')?.textContent ?? ''));
    expect(await total()).toBe(before);
    const popup = await session.openExtensionPage('popup.html');
    await popup.getByTestId('search').fill('typo@');
    const row = popup.locator('[data-testid="address-row"][data-address="typo@exmaple.com"]');
    await row.waitFor();
    expect(await row.locator('[data-testid="row-meta"]').textContent()).toMatch(/1 bounce/);
    await popup.close();
  });

  it('clears everything after a confirmation, and Undo restores it all', async () => {
    const before = await options.getByTestId('address-total').textContent();
    await options.getByTestId('clear-all').click();
    await options.getByTestId('clear-all-confirm').click();
    await options.waitForFunction(() => document.querySelector('[data-testid="address-total"]')?.textContent?.startsWith('0 addresses'));
    await options.getByTestId('options-undo').click();
    await options.waitForFunction(() => /^Restored/.test(document.querySelector('[data-testid="options-message"]')?.textContent ?? ''));
    expect(await options.getByTestId('address-total').textContent()).toBe(before);
  });

  it('logged no console errors', () => {
    expect(problems).toEqual([]);
  });
});
