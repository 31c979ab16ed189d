/// <reference types="chrome" />
/**
 * Launches Debian's Chromium headless with the built extension (.output/chrome-mv3) loaded, the way
 * ../shared/docs/TOOLCHAIN.md describes. Webmail pages are served by request routing: no network.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
  return found;
}

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Opens an extension page (popup.html, options.html) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** `extensionDir`: another build than .output/chrome-mv3 (a bench's baseline: the old build, built into its own directory). */
export async function launchWithExtension(options: { headless?: boolean; extensionDir?: string } = {}): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ? resolve(options.extensionDir) : EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run npm run build first`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'bounce-sweeper-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      // Chromium's sandbox cannot run as root (these machines, CI); elsewhere it stays on.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      // Marks an automated run, as ChromeDriver does: Chromium then shows no "unsupported
      // command-line flag" bar above the demo (chrome/browser/ui/startup/bad_flags_prompt.cc).
      '--test-type',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async openExtensionPage(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Sends one protocol message from an extension page through the real message bus, in
 * @webext-core/messaging's wire format; resolves with the result, throws with the error reply.
 */
export async function sendFromPage<T>(from: Page, type: string, data: unknown): Promise<T> {
  const reply = await from.evaluate(
    ({ type, data }) =>
      new Promise<{ res?: unknown; err?: unknown }>((resolve, reject) =>
        chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() }, (response: { res?: unknown; err?: unknown }) =>
          chrome.runtime.lastError ? reject(new Error(chrome.runtime.lastError.message)) : resolve(response),
        ),
      ),
    { type, data },
  );
  if (reply.err) throw new Error(`${type}: ${JSON.stringify(reply.err)}`);
  return reply.res as T;
}

/** Serves `html` for every request under `origin` (e.g. https://mail.google.com). */
export async function serveHtml(context: BrowserContext, origin: string, html: string): Promise<void> {
  await context.route(`${origin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}
