#!/usr/bin/env node
/**
 * `npm start`: the demo mailbox. Builds the extension, launches Debian's Chromium with a window and
 * the extension loaded, and serves a bundled fake mail.google.com by request routing (no network,
 * no Google account): a list with bounce rows, an opened bounce notice with its banner, and a compose
 * window warning about a bounced recipient; a fake Outlook on the web opens in another tab the same way.
 *
 *   npm start                   headed (needs a display; on a server: xvfb-run -a npm start)
 *   npm start -- --headless     no window: loads the demo, prints what the extension drew, exits
 *   npm start -- --no-build     reuse .output/chrome-mv3
 *   npm start -- --headless --screenshots=DIR
 *                               also saves what the extension drew, from the real extension, as PNGs
 *                               in DIR: the Gmail inbox badges, the banner (Gmail, Outlook), the
 *                               compose summary, the first-run page and the popup (the README's are
 *                               made with --screenshots=docs)
 */
import { spawnSync } from 'node:child_process';
import { tsImport } from 'tsx/esm/api';

const args = new Set(process.argv.slice(2));
const headless = args.has('--headless');
const screenshots = process.argv.slice(2).find((arg) => arg.startsWith('--screenshots='))?.slice('--screenshots='.length) ?? '';

if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'No display found, so Chromium cannot open a window.\n' +
      '  On a server or container, run it under a virtual display:  xvfb-run -a npm start\n' +
      '  (Debian: apt-get install -y xvfb)\n' +
      '  Or check it without a window:                              npm start -- --headless',
  );
  process.exit(1);
}

if (!args.has('--no-build')) {
  console.log('Building the extension (wxt build)…');
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { launchWithExtension } = await tsImport('../tests/e2e/browser.ts', import.meta.url);
const gmail = await tsImport('../tests/e2e/fake-gmail.ts', import.meta.url);
const outlook = await tsImport('../tests/e2e/fake-outlook.ts', import.meta.url);

const session = await launchWithExtension({ headless });
const { context } = session;
await gmail.routeFakeGmail(context, [gmail.DEMO_ACCOUNT, gmail.CLEAN_ACCOUNT, gmail.SWEEP_DEMO_ACCOUNT]);
await outlook.routeFakeOutlook(context);

// Tab 1: the inbox, every bounce row badged.
const inbox = context.pages()[0] ?? (await context.newPage());
await inbox.goto(`${gmail.FAKE_GMAIL_ORIGIN}/mail/u/0/#inbox`);
await inbox.waitForSelector('[data-bounce-sweeper="badge"]', { timeout: 20_000 });

// Tab 2: an opened notice (read from its "Show original"), then a compose window to the same address.
const notice = await context.newPage();
await notice.goto(`${gmail.FAKE_GMAIL_ORIGIN}/mail/u/0/#inbox/FMfcgzAnnLee`);
await notice.waitForSelector('[data-bounce-sweeper="banner"][data-state="classified"]', { timeout: 20_000 });
await notice.evaluate(() => window.fakeGmail.compose());
await notice.waitForSelector('[data-bounce-sweeper="compose-warning"]', { timeout: 20_000 });
await notice.waitForSelector('[data-bounce-sweeper="compose-summary"]', { timeout: 20_000 });

// Tab 3: Outlook on the web, an opened Exchange Online notice (read from the screen, as Outlook shows it).
const outlookPage = await context.newPage();
await outlookPage.goto(`${outlook.FAKE_OUTLOOK_ORIGIN}/mail/inbox`);
await outlookPage.click('[data-convid="AAQkADNDR-EXO-1"]');
await outlookPage.waitForSelector('[data-bounce-sweeper="banner"][data-state="classified"]', { timeout: 20_000 });

// Tab 4: a sweep (issue #11) of a third account's 120 notices over 3 result pages, at the real pace (one a second).
const sweepPage = await context.newPage();
await sweepPage.goto(`${gmail.FAKE_GMAIL_ORIGIN}/mail/u/2/#inbox`);
await sweepPage.locator('[data-bounce-sweeper="sweep-start"]').click();
await sweepPage.waitForFunction(() => Number(document.querySelector('[data-bounce-sweeper="sweep-progress"]')?.getAttribute('data-read') ?? 0) >= 3, null, { timeout: 60_000 });
const sweepWords = await sweepPage.evaluate(() => document.querySelector('[data-bounce-sweeper="sweep-progress"]')?.textContent ?? '');

if (screenshots) {
  const { mkdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  mkdirSync(screenshots, { recursive: true });
  const shoot = async (page, selector, file) => {
    await page.locator(selector).first().screenshot({ path: join(screenshots, file) });
    console.log(`saved ${join(screenshots, file)}`);
  };
  await notice.setViewportSize({ width: 1100, height: 800 });
  await shoot(notice, '[data-bounce-sweeper="banner"]', 'gmail-banner.png');
  await shoot(notice, '#mole', 'gmail-compose-summary.png');
  await outlookPage.setViewportSize({ width: 1280, height: 800 });
  await shoot(outlookPage, '[data-bounce-sweeper="banner"]', 'outlook-banner.png');
  await inbox.setViewportSize({ width: 1100, height: 700 });
  await shoot(inbox, '[role="main"]', 'gmail-inbox.png');
  // The first-run page the install opened, and the popup over what the tour recorded.
  const welcomeUrl = `chrome-extension://${session.extensionId}/welcome.html`;
  const welcome = context.pages().find((page) => page.url() === welcomeUrl) ?? (await session.openExtensionPage('welcome.html'));
  await welcome.setViewportSize({ width: 900, height: 1000 });
  await welcome.waitForSelector('[data-testid="welcome"]');
  await welcome.screenshot({ path: join(screenshots, 'welcome.png'), fullPage: true });
  console.log(`saved ${join(screenshots, 'welcome.png')}`);
  const popup = await session.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 420, height: 590 });
  await popup.locator('[data-testid="address-row"]').first().waitFor();
  await popup.locator('[data-testid="row-expand"]').first().click();
  await popup.screenshot({ path: join(screenshots, 'popup.png') });
  console.log(`saved ${join(screenshots, 'popup.png')}`);
  await popup.close();
}
await inbox.bringToFront();

const count = (page, selector) => page.evaluate((s) => document.querySelectorAll(s).length, selector);
console.log(`\nBounce Sweeper demo mailbox (fake, nothing leaves this machine):
  Gmail inbox        ${gmail.FAKE_GMAIL_ORIGIN}/mail/u/0/#inbox — ${await count(inbox, '[data-bounce-sweeper="badge"]')} bounce rows badged
  Opened notice      ${gmail.FAKE_GMAIL_ORIGIN}/mail/u/0/#inbox/FMfcgzAnnLee — banner with its decision, Mark removed / Keep anyway / Undo;
                     compose window: a summary line ("1 of 3 recipients bounced before") with "Remove it from this message", a warning beside ann.lee@example.com
  A big send         in the console: fakeGmail.compose(Array.from({ length: 500 }, (_, i) => \`member\${i}@example.org\`))
  More notices       #inbox/FMfcgzErinQr (no raw source: read from the screen), #inbox/FMfcgzMallory (hostile markup shown as text)
  Clean mailbox      ${gmail.FAKE_GMAIL_ORIGIN}/mail/u/1/#inbox (a second account, no bounce)
  Sweep              ${gmail.FAKE_GMAIL_ORIGIN}/mail/u/2/#inbox — "Sweep bounce notices" (bottom left, or the popup) reads 120 notices, one a second:
                     ${sweepWords}
  Outlook on the web ${outlook.FAKE_OUTLOOK_ORIGIN}/mail/inbox — the Exchange Online notice open, its banner read from the screen
  Popup              chrome-extension://${session.extensionId}/popup.html (or the toolbar button)`);

if (headless) {
  await session.close();
  process.exit(0);
}
console.log('\nClose the browser window to end the demo.');
await new Promise((resolveClose) => context.on('close', resolveClose));
await session.close().catch(() => undefined);
