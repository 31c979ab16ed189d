/**
 * The popup at scale (issue #12): open → first rows with 10,000 and with 100,000 addresses, each
 * beside the same popup over an empty store, in Debian's Chromium with the built extension, in the
 * same run.
 *
 * Three browser profiles run side by side (empty, 10k, 100k); each round opens the popup once in
 * each, in an order that rotates every round, so a neighbour's load on the shared machine lands on
 * every side alike. The first open of each profile (worker start, caches) is not counted.
 *
 * Seeding goes through the real background: `importNotices` from an extension page, 500 notices per
 * message (MESSAGE_LIMITS.importNotices), 5 failed recipients each: the most a notice that does not
 * carry the message it returns (an import's never do: the protocol has no field for it) counts
 * without asking (lib/store/trust.ts MAX_UNTIED_ADDRESSES). 70% hard, 20% mailbox full, 10% sender
 * refused; dated over the last 20 days.
 * Five marks are read from the popup (entrypoints/popup/main.tsx):
 *   popup-script-start   the page's script runs (the page and its bundle are loaded and evaluated),
 *   popup-list-sent      the first listAddresses is asked,
 *   popup-list-received  the background's first answer to listAddresses (one page, 100 rows) arrived,
 *   popup-first-commit   the rows are in the DOM (layout effect: our JavaScript is done),
 *   popup-first-render   the rows are on screen (Preact effect, after the next paint).
 * "first rows" is navigation start → popup-first-render: the figure the issue's bar is about.
 *
 *   npm run build && npx tsx scripts/bench/popup.ts     (or npm run bench -- popup)
 *   BENCH_ROUNDS=15 npx tsx scripts/bench/popup.ts
 *   BENCH_SIZES=0,10000 BENCH_BEFORE=/tmp/before/chrome-mv3 npx tsx scripts/bench/popup.ts
 *     (without the 100,000 store; another build's profiles beside this build's, in the same rounds)
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension, sendFromPage, type ExtensionSession } from '../../tests/e2e/browser';

/** BENCH_SIZES=0,10000 leaves out the 100,000 store (its seeding takes minutes). */
const SIZES: readonly number[] = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [0, 10_000, 100_000];
const PER_NOTICE = 5;
const NOTICES_PER_MESSAGE = 500;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const BARS = { ms10k: 150, ratio10k: 2, ms100k: 300 };

interface Sample {
  /** Navigation start → rows painted. */
  firstRows: number;
  /** Navigation start → the page's own script runs (the page and its bundle loaded and evaluated). */
  script: number;
  /** Navigation start → the first listAddresses asked. */
  sent: number;
  /** Navigation start → first listAddresses reply. */
  listed: number;
  /** List reply → rows in the DOM. */
  commit: number;
  rows: number;
}

/** One failed recipient of the bench's mix: 70% hard, 20% mailbox full, 10% sender refused (blocklist). */
export function benchRecipient(i: number, domain = `domain${i % 613}.example.com`) {
  const address = `contact${i}@${domain}`;
  const bucket = i % 10;
  if (bucket < 7) {
    return { address, kind: 'hard', reason: 'userunknown', status: '5.1.1', replyCode: '550', diagnostic: `550 5.1.1 <${address}>: Recipient address rejected: User unknown`, action: 'failed', remoteMta: 'mx.example.com' };
  }
  if (bucket < 9) {
    return { address, kind: 'soft', reason: 'mailboxfull', status: '4.2.2', replyCode: '452', diagnostic: '452 4.2.2 Mailbox full', action: 'failed', remoteMta: 'mx.example.com' };
  }
  return { address, kind: 'soft', reason: 'blocked', status: '5.7.1', replyCode: '554', diagnostic: '554 5.7.1 Client host [192.0.2.10] blocked using zen.spamhaus.org', action: 'failed', remoteMta: 'mx.example.com' };
}

/** A bounce notice as the options page's import hands it to the background. */
export function benchNotice(key: string, recipients: unknown[], date: string) {
  return {
    key,
    notice: {
      isBounce: true,
      category: 'bounce',
      format: 'rfc3464',
      recipients,
      subject: 'Undelivered Mail Returned to Sender',
      from: 'MAILER-DAEMON@mx.example.net',
      messageId: `${key.replace(/[^a-z0-9]/gi, '-')}@mx.example.net`,
      date,
      notes: [],
    },
  };
}

/** Fills a store with `addresses` distinct addresses; returns how many it holds and how long it took. */
async function seed(session: ExtensionSession, addresses: number): Promise<{ onRecord: number; ms: number }> {
  const page = await session.openExtensionPage('popup.html');
  const started = performance.now();
  let batch: unknown[] = [];
  for (let start = 0, n = 0; start < addresses; start += PER_NOTICE, n++) {
    const date = new Date(Date.now() - (n % 20) * 86_400_000).toISOString();
    const recipients = Array.from({ length: Math.min(PER_NOTICE, addresses - start) }, (_, k) => benchRecipient(start + k));
    batch.push(benchNotice(`bench:${n}`, recipients, date));
    if (batch.length === NOTICES_PER_MESSAGE || start + PER_NOTICE >= addresses) {
      await sendFromPage(page, 'importNotices', { notices: batch });
      batch = [];
    }
  }
  const ms = performance.now() - started;
  const reply = await sendFromPage<{ counts: { all: number } }>(page, 'listAddresses', { group: 'all', limit: 0 });
  await page.close();
  return { onRecord: reply.counts.all, ms };
}

/**
 * The floor any extension page has on this machine: a blank page (one 0.5 KB module, no CSS, no
 * framework) added to a copy of the build, asking the background the same first page over the same
 * message bus and writing each row's address as a line of text, with the popup's marks. Opened in
 * the 10,000 store's profile in the same rounds, it shows how much of "first rows" is the browser
 * (starting an extension page, the message round trip) and how much is the popup.
 */
const FLOOR_PAGE = 'bench-floor.html';
const FLOOR_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>floor</title><script type="module" src="/bench-floor.js"></script></head><body><div id="app"></div></body></html>`;
const FLOOR_SCRIPT = `performance.mark('popup-script-start');
performance.mark('popup-list-sent');
const data = { group: 'remove', query: '', sort: 'last', offset: 0, limit: 100, filter: {} };
chrome.runtime.sendMessage({ id: 1, type: 'listAddresses', data, timestamp: Date.now() }, (reply) => {
  performance.mark('popup-list-received');
  const app = document.getElementById('app');
  for (const row of (reply && reply.res && reply.res.rows) || []) {
    const line = document.createElement('div');
    line.dataset.testid = 'address-row';
    line.textContent = row.address;
    app.append(line);
  }
  performance.mark('popup-first-commit');
  requestAnimationFrame(() => setTimeout(() => performance.mark('popup-first-render')));
});
`;

/** A copy of `dir` (the build) with the floor page added; the caller removes it. */
function buildWithFloorPage(dir = EXTENSION_DIR): string {
  const copy = mkdtempSync(join(tmpdir(), 'bench-popup-floor-'));
  cpSync(dir, copy, { recursive: true });
  writeFileSync(join(copy, FLOOR_PAGE), FLOOR_HTML);
  writeFileSync(join(copy, 'bench-floor.js'), FLOOR_SCRIPT);
  return copy;
}

async function open(session: ExtensionSession, path = 'popup.html'): Promise<Sample> {
  const page: Page = await session.context.newPage();
  try {
    await page.setViewportSize({ width: 420, height: 590 });
    await page.goto(`chrome-extension://${session.extensionId}/${path}`);
    await page.waitForFunction(() => performance.getEntriesByName('popup-first-render').length > 0, undefined, { timeout: 60_000 });
    return await page.evaluate(() => {
      const first = performance.getEntriesByName('popup-first-render')[0]!.startTime;
      const listed = performance.getEntriesByName('popup-list-received')[0]?.startTime ?? first;
      const committed = performance.getEntriesByName('popup-first-commit')[0]?.startTime ?? first;
      // Builds before these two marks have neither: NaN, left out of the medians.
      const script = performance.getEntriesByName('popup-script-start')[0]?.startTime ?? Number.NaN;
      const sent = performance.getEntriesByName('popup-list-sent')[0]?.startTime ?? Number.NaN;
      return { firstRows: first, script, sent, listed, commit: committed - listed, rows: document.querySelectorAll('[data-testid="address-row"]').length };
    });
  } finally {
    await page.close();
  }
}

function median(values: number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const count = (n: number) => n.toLocaleString('en-US');
const verdict = (ok: boolean) => (ok ? 'meets the bar' : 'MISSES the bar');

interface Side {
  build: string;
  dir?: string;
  size: number;
  session?: ExtensionSession;
  seeded: { onRecord: number; ms: number };
  samples: Sample[];
  /** The 10,000 store only: the blank floor page's opens, in the same rounds. */
  floor?: Sample[];
  /** The copy of the build with the floor page (removed at the end). */
  floorDir?: string;
}

export default async function benchPopup(): Promise<void> {
  // BENCH_BEFORE=<another build's chrome-mv3 folder>: the same stores and opens of that build, in the same rounds.
  const builds: Array<{ build: string; dir?: string }> = [{ build: 'this build' }];
  if (process.env.BENCH_BEFORE) builds.push({ build: `before (${process.env.BENCH_BEFORE})`, dir: process.env.BENCH_BEFORE });
  const sides: Side[] = builds.flatMap(({ build, dir }) => SIZES.map((size) => ({ build, dir, size, seeded: { onRecord: 0, ms: 0 }, samples: [] })));
  try {
    for (const side of sides) {
      if (side.size === 10_000) {
        side.floorDir = buildWithFloorPage(side.dir);
        side.floor = [];
      }
      side.session = await launchWithExtension({ extensionDir: side.floorDir ?? side.dir });
    }
    for (const side of sides) if (side.size) side.seeded = await seed(side.session!, side.size);
    for (const side of sides) await open(side.session!); // warm-up, not counted
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < sides.length; k++) {
        const side = sides[(round + k) % sides.length]!;
        const sample = await open(side.session!);
        if (side.size > 0 && sample.rows === 0) throw new Error(`the popup over ${count(side.size)} addresses rendered no rows`);
        side.samples.push(sample);
        if (side.floor) {
          const floor = await open(side.session!, FLOOR_PAGE);
          if (floor.rows === 0) throw new Error('the floor page rendered no rows');
          side.floor.push(floor);
        }
      }
    }
    console.log(`\npopup open → first rows, headless Chromium, ${ROUNDS} opens per store, sides rotated (median, best); load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
    for (const { build } of builds) {
      console.log(`${build}:`);
      const mine = sides.filter((side) => side.build === build);
      const first = (side: Side) => median(side.samples.map((s) => s.firstRows));
      for (const side of mine) {
        const stat = (pick: (s: Sample) => number) => median(side.samples.map(pick));
        const seedLine = side.size ? `, seeded ${count(side.seeded.onRecord)} addresses through importNotices in ${(side.seeded.ms / 1000).toFixed(1)} s` : '';
        console.log(
          `  ${side.size ? `${count(side.size)} addresses` : 'empty store'}: first rows ${ms(first(side))} (best ${ms(Math.min(...side.samples.map((s) => s.firstRows)))}); script runs at ${ms(stat((s) => s.script))}, list asked at ${ms(stat((s) => s.sent))}, answered at ${ms(stat((s) => s.listed))}; reply → rows in the DOM ${ms(stat((s) => s.commit))}; ${side.samples[0]?.rows ?? 0} rows in the DOM${seedLine}`,
        );
      }
      for (const side of mine) {
        if (!side.floor) continue;
        const stat = (pick: (s: Sample) => number) => median(side.floor!.map(pick));
        console.log(
          `  floor (a blank extension page, same profile and rounds, the same first page over the same bus): first rows ${ms(stat((s) => s.firstRows))} (best ${ms(Math.min(...side.floor.map((s) => s.firstRows)))}); script runs at ${ms(stat((s) => s.script))}, answered at ${ms(stat((s) => s.listed))}; ${side.floor[0]?.rows ?? 0} rows`,
        );
      }
      const empty = mine.find((side) => side.size === 0);
      const tenK = mine.find((side) => side.size === 10_000);
      const hundredK = mine.find((side) => side.size === 100_000);
      if (empty && tenK) {
        const ratio = first(tenK) / Math.max(first(empty), 0.1);
        console.log(`  bar 10,000: ${ms(first(tenK))} < ${BARS.ms10k} ms and ${ratio.toFixed(2)}x < ${BARS.ratio10k}x the empty store: ${verdict(first(tenK) < BARS.ms10k && ratio < BARS.ratio10k)}`);
      }
      if (empty && hundredK) console.log(`  bar 100,000: ${ms(first(hundredK))} < ${BARS.ms100k} ms (${(first(hundredK) / Math.max(first(empty), 0.1)).toFixed(2)}x empty): ${verdict(first(hundredK) < BARS.ms100k)}`);
    }
  } finally {
    for (const side of sides) {
      await side.session?.close();
      if (side.floorDir) rmSync(side.floorDir, { recursive: true, force: true });
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchPopup().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
