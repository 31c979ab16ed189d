/**
 * First run, in real Chromium: installing the extension (a fresh profile loading the built
 * extension) opens the welcome page, which explains the three kinds and links to the settings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from './browser';

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchWithExtension();
});
afterAll(async () => {
  await session?.close();
});

describe('first run', () => {
  it('opens the welcome page on install, with the three kinds, what is read, and the privacy promise', async () => {
    const { context, extensionId } = session;
    const url = `chrome-extension://${extensionId}/welcome.html`;
    const page = context.pages().find((open) => open.url() === url) ?? (await context.waitForEvent('page', { predicate: (open) => open.url() === url, timeout: 15_000 }));
    await page.waitForSelector('[data-testid="welcome"]');
    expect(await page.locator('[data-testid^="welcome-kind-"] dt').allTextContents()).toEqual(['Hard bounce', 'Soft bounce', 'Sender problem']);
    expect(await page.textContent('main')).toMatch(/Nothing leaves your browser/);
    const [options] = await Promise.all([context.waitForEvent('page', { timeout: 15_000 }), page.click('[data-testid="welcome-settings"]')]);
    await options.waitForLoadState();
    expect(options.url()).toBe(`chrome-extension://${extensionId}/options.html`);
  });

  it('opens it once: the welcome tab is the only one of its kind after start-up', async () => {
    const url = `chrome-extension://${session.extensionId}/welcome.html`;
    expect(session.context.pages().filter((open) => open.url() === url)).toHaveLength(1);
  });
});
