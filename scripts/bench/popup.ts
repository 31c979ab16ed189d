/**
 * The popup's first render with 10,000 addresses, in Debian's Chromium with the built extension,
 * against the same popup over an empty store in the same run (the baseline).
 *
 * Seeding goes through the real background: `importNotices` from an extension page with notices
 * of up to 500 failed recipients each (70% hard, 20% mailbox full, 10% sender refused).
 * Two marks are read from the popup (entrypoints/popup/main.tsx):
 *   popup-list-received  the background's answer to listAddresses arrived,
 *   popup-first-commit   the rows are in the DOM (layout effect: our JavaScript is done),
 *   popup-first-render   the list is on screen (Preact effect, after the next paint);
 * "render" is the time between them (our code: grouping, sorting, the virtual list), "first
 * render" is navigation start to the second mark (includes reading the store in the background).
 *
 *   npx wxt build && npx tsx scripts/bench/popup.ts     (or npm run bench)
 */
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from '../../tests/e2e/browser';

const ADDRESSES = 10_000;
const PER_NOTICE = 500;
const RUNS = 7;

interface Sample {
  firstRender: number;
  render: number;
  commit: number;
  rows: number;
}

async function send(page: Page, type: string, data: unknown): Promise<unknown> {
  const reply = await page.evaluate(
    ({ type, data }) =>
      new Promise<{ res?: unknown; err?: unknown }>((resolve, reject) =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown, cb: (r: { res?: unknown; err?: unknown }) => void): void; lastError?: { message: string } } } }).chrome.runtime.sendMessage(
          { id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() },
          (response) => {
            const lastError = (globalThis as unknown as { chrome: { runtime: { lastError?: { message: string } } } }).chrome.runtime.lastError;
            if (lastError) reject(new Error(lastError.message));
            else resolve(response);
          },
        ),
      ),
    { type, data },
  );
  if (reply.err) throw new Error(`${type}: ${JSON.stringify(reply.err)}`);
  return reply.res;
}

function recipient(i: number) {
  const address = `contact${i}@domain${i % 613}.example.com`;
  const bucket = i % 10;
  if (bucket < 7) {
    return { address, kind: 'hard', reason: 'userunknown', status: '5.1.1', replyCode: '550', diagnostic: `550 5.1.1 <${address}>: Recipient address rejected: User unknown`, action: 'failed', remoteMta: 'mx.example.com' };
  }
  if (bucket < 9) {
    return { address, kind: 'soft', reason: 'mailboxfull', status: '4.2.2', replyCode: '452', diagnostic: '452 4.2.2 Mailbox full', action: 'failed', remoteMta: 'mx.example.com' };
  }
  return { address, kind: 'soft', reason: 'blocked', status: '5.7.1', replyCode: '554', diagnostic: '554 5.7.1 Client host [192.0.2.10] blocked using zen.spamhaus.org', action: 'failed', remoteMta: 'mx.example.com' };
}

async function seed(session: ExtensionSession): Promise<void> {
  const page = await session.openExtensionPage('popup.html');
  const notices = [];
  for (let start = 0, n = 0; start < ADDRESSES; start += PER_NOTICE, n++) {
    const date = new Date(Date.now() - (n % 20) * 86_400_000).toISOString();
    notices.push({
      key: `bench:${n}`,
      notice: {
        isBounce: true,
        category: 'bounce',
        format: 'rfc3464',
        recipients: Array.from({ length: Math.min(PER_NOTICE, ADDRESSES - start) }, (_, k) => recipient(start + k)),
        subject: 'Undelivered Mail Returned to Sender',
        from: 'MAILER-DAEMON@mx.example.net',
        messageId: `bench-${n}@mx.example.net`,
        date,
        notes: [],
      },
    });
  }
  for (const notice of notices) await send(page, 'importNotices', { notices: [notice] });
  await page.close();
}

async function measure(session: ExtensionSession, expectRows: boolean): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 420, height: 590 });
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await page.waitForFunction(() => performance.getEntriesByName('popup-first-render').length > 0, undefined, { timeout: 60_000 });
    const sample = await page.evaluate(() => {
      const first = performance.getEntriesByName('popup-first-render')[0]!.startTime;
      const listed = performance.getEntriesByName('popup-list-received')[0]?.startTime ?? first;
      const committed = performance.getEntriesByName('popup-first-commit')[0]?.startTime ?? first;
      return { firstRender: first, render: first - listed, commit: committed - listed, rows: document.querySelectorAll('[data-testid="address-row"]').length };
    });
    if (expectRows && sample.rows === 0) throw new Error('the popup rendered no rows');
    // The first open warms caches (and the worker); count the rest.
    if (run > 0) samples.push(sample);
    await page.close();
  }
  return samples;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

export default async function benchPopup(): Promise<void> {
  const session = await launchWithExtension();
  try {
    const empty = await measure(session, false);
    const seedStart = performance.now();
    await seed(session);
    const seedMs = performance.now() - seedStart;
    const full = await measure(session, true);
    const count = (await send(await session.openExtensionPage('popup.html'), 'listAddresses', undefined)) as { addresses: unknown[] };
    const firstEmpty = median(empty.map((s) => s.firstRender));
    const firstFull = median(full.map((s) => s.firstRender));
    const renderEmpty = median(empty.map((s) => s.render));
    const renderFull = median(full.map((s) => s.render));
    const commitEmpty = median(empty.map((s) => s.commit));
    const commitFull = median(full.map((s) => s.commit));
    console.log(`\npopup first render, headless Chromium, median of ${full.length} opens (seeded ${count.addresses.length.toLocaleString('en-US')} addresses through importNotices in ${(seedMs / 1000).toFixed(1)} s)`);
    console.log(`  render (list received → rows on screen): empty store ${ms(renderEmpty)}, ${ADDRESSES.toLocaleString('en-US')} addresses ${ms(renderFull)} (${(renderFull / Math.max(renderEmpty, 0.1)).toFixed(2)}x); ${full[0]?.rows ?? 0} rows in the DOM`);
    console.log(`  of which JavaScript (list received → rows in the DOM): empty store ${ms(commitEmpty)}, ${ADDRESSES.toLocaleString('en-US')} addresses ${ms(commitFull)} (${(commitFull / Math.max(commitEmpty, 0.1)).toFixed(2)}x)`);
    console.log(`  first render (navigation → rows on screen, includes listAddresses): empty ${ms(firstEmpty)}, ${ADDRESSES.toLocaleString('en-US')} addresses ${ms(firstFull)} (${(firstFull / Math.max(firstEmpty, 0.1)).toFixed(2)}x)`);
  } finally {
    await session.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchPopup().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
