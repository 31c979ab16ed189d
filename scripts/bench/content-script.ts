/**
 * What the Gmail content script costs a real page, measured in Debian's Chromium with the built
 * extension, against the same page without the extension, in the same run:
 * - time per observer batch (User Timing measures the watcher leaves when the page opts in with
 *   <html data-bounce-sweeper-profile>, lib/webmail/watch.ts);
 * - total scripting time added (Chrome DevTools Protocol Performance.getMetrics ScriptDuration: all
 *   JavaScript on the page's main thread, page and content-script worlds together).
 * The page: the fake Gmail (tests/e2e/fake-gmail.ts) with a 100-row list (5 rows in 7 are bounce
 * notices), loaded, then the whole list re-rendered RERENDERS times, as Gmail does on refresh.
 *
 * Issue #12's bars (issue #11 carries them out), each printed with its bar:
 * - one changed row in a 1,000-row Gmail-like list: < 1 ms per observer batch;
 * - a full re-render of 1,000 rows: < 10 ms per batch, and no long task (≥ 50 ms) of ours
 *   (long tasks counted with and without the extension, on the same page and workload);
 * - the virtualised Outlook list (tests/e2e/fake-outlook.ts, 18 rows in the DOM) scrolled through
 *   60 notices: time per batch.
 *
 *   npx tsx scripts/bench/content-script.ts     (or npm run bench; it builds the extension first)
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findChromium, launchWithExtension } from '../../tests/e2e/browser';
import { FAKE_GMAIL_ORIGIN, gmailCss, routeFakeGmail, type FakeGmailAccount } from '../../tests/e2e/fake-gmail';

const ROWS = 100;
const RERENDERS = 20;
const HOVERS = 20;
/** Quiet time after each re-render: longer than the watcher's debounce + a lookup round trip. */
const SETTLE_MS = 500;
const BENCH_ACCOUNT: FakeGmailAccount = { index: 0, ik: '1f119f7bbb', email: 'user@example.com', list: ROWS, profile: true };
/** Rows whose fixture template is a bounce: indices 0, 2, 3, 4, 5 of every 7. */
/** A list row as the extension finds it (the newest variant of lib/webmail/gmail/selectors.ts). */
const ROW = gmailCss('row');
const BOUNCE_ROWS = Array.from({ length: ROWS }, (_, i) => i % 7).filter((k) => [0, 2, 3, 4, 5].includes(k)).length;

interface RunResult {
  scriptMs: number;
  taskMs: number;
  batches: number[];
  hoverBatches: number[];
}

type Cdp = Awaited<ReturnType<BrowserContext['newCDPSession']>>;

/** Cumulative main-thread script and task time of the page since Performance.enable, in ms. */
async function scriptDuration(cdp: Cdp): Promise<{ script: number; task: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { script: get('ScriptDuration'), task: get('TaskDuration') };
}

async function workload(context: BrowserContext, withExtension: boolean): Promise<RunResult> {
  await routeFakeGmail(context, [BENCH_ACCOUNT]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(`${FAKE_GMAIL_ORIGIN}/mail/u/0/#inbox`);
  await page.waitForSelector(ROW);
  const badged = () =>
    page.waitForFunction(({ n, css }) => document.querySelectorAll(`${css} [data-bounce-sweeper="badge"]`).length === n, { n: BOUNCE_ROWS, css: ROW }, { timeout: 30_000 });
  if (withExtension) await badged();
  await page.waitForTimeout(SETTLE_MS);
  const before = await scriptDuration(cdp);
  for (let i = 0; i < RERENDERS; i++) {
    await page.evaluate(() => (window as unknown as { fakeGmail: { rerenderList(): void } }).fakeGmail.rerenderList());
    if (withExtension) await badged();
    await page.waitForTimeout(SETTLE_MS);
  }
  const after = await scriptDuration(cdp);
  await cdp.detach();
  const batches = await page.evaluate(() => performance.getEntriesByName('bounce-sweeper:batch').map((e) => e.duration));
  // Small mutations: Gmail paints hover actions into a row and takes them away again.
  for (let i = 0; i < HOVERS; i++) {
    await page.evaluate(({ n, css }) => {
      const rows = document.querySelectorAll(css);
      const row = rows[(n * 7) % rows.length]!;
      const actions = document.createElement('ul');
      actions.className = 'bqY';
      actions.append(document.createElement('li'));
      row.querySelector('td.xW')?.append(actions);
      setTimeout(() => actions.remove(), 150);
    }, { n: i, css: ROW });
    await page.waitForTimeout(300);
  }
  const hoverBatches = (await page.evaluate(() => performance.getEntriesByName('bounce-sweeper:batch').map((e) => e.duration))).slice(batches.length);
  await page.close();
  return { scriptMs: after.script - before.script, taskMs: after.task - before.task, batches, hoverBatches };
}

async function plainContext(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'bounce-sweeper-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

const ms = (n: number): string => `${n.toFixed(2)} ms`;

export default async function benchContentScript(): Promise<void> {
  // BENCH_BARS_ONLY=1: issue #12's bars alone (rounds of them, see benchIssue12Bars).
  if (process.env.BENCH_BARS_ONLY) {
    const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
    if (build.status !== 0) throw new Error('wxt build failed; run it by hand to see why');
    await benchIssue12Bars();
    return;
  }
  // Measure the code as it is now: build the extension first (wxt build, a few seconds).
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  if (build.status !== 0) throw new Error('wxt build failed; run it by hand to see why');
  const plain = await plainContext();
  let without: RunResult;
  try {
    without = await workload(plain.context, false);
  } finally {
    await plain.close();
  }
  const session = await launchWithExtension();
  let withExt: RunResult;
  try {
    withExt = await workload(session.context, true);
  } finally {
    await session.close();
  }
  const added = withExt.scriptMs - without.scriptMs;
  console.log(`\ncontent script on a ${ROWS}-row Gmail list (${BOUNCE_ROWS} bounce rows), headless Chromium, with vs without the extension`);
  const describe = (values: number[]): string => {
    const s = [...values].sort((a, b) => a - b);
    return `n=${s.length}, median ${ms(quantile(s, 0.5))}, p95 ${ms(quantile(s, 0.95))}, max ${ms(s[s.length - 1] ?? NaN)}, total ${ms(s.reduce((a, b) => a + b, 0))}`;
  };
  console.log(`  observer batches, load + full re-renders (100 rows each): ${describe(withExt.batches)}`);
  console.log(`  observer batches, hover actions painted into one row (${HOVERS}x add + remove): ${describe(withExt.hoverBatches)}`);
  // The fake page runs almost no script of its own, so a ratio of script time would divide by ~0;
  // the ratio is taken on all main-thread work (script + style + layout + DOM), which both runs share.
  console.log(
    `  scripting time during the re-renders: without extension ${ms(without.scriptMs)}, with ${ms(withExt.scriptMs)}: added ${ms(added)}, ${ms(added / RERENDERS)} per re-render`,
  );
  console.log(
    `  main-thread task time (script+style+layout): without ${ms(without.taskMs)}, with ${ms(withExt.taskMs)}: ratio ${(withExt.taskMs / Math.max(without.taskMs, 0.001)).toFixed(2)}x, added ${ms((withExt.taskMs - without.taskMs) / RERENDERS)} per re-render`,
  );
  await benchIssue12Bars();
}

// --- issue #12's bars on 1,000 rows and on Outlook's virtualised list -------------------------------

const BIG = 1000;
const BIG_ACCOUNT: FakeGmailAccount = { index: 0, ik: '1f119f7bbb', email: 'user@example.com', list: BIG, profile: true };
const BIG_BOUNCES = Array.from({ length: BIG }, (_, i) => i % 7).filter((k) => [0, 2, 3, 4, 5].includes(k)).length;
const CHANGES = 30;
const FULL_RERENDERS = 10;

/**
 * Long tasks the page saw (PerformanceObserver 'longtask', buffered): [start, duration]. Chromium
 * reports a task only when script of the page ran in it (a MutationObserver callback is enough), so
 * the page's own re-render task shows up once anything observes the list; a rendering task with no
 * script never does. Hence also the long animation frames ('long-animation-frame', Chromium 123+),
 * which include style, layout and paint: [start, duration, style-and-layout time].
 */
const LONG_TASKS_INIT = `(() => { window.__longTasks = []; window.__loafs = []; try { new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true }); } catch {} try { new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__loafs.push([e.startTime, e.duration, e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0]); }).observe({ type: 'long-animation-frame', buffered: true }); } catch {} })();`;
/** The reference for the long-task count: the page without the extension, watched by a no-op observer (which makes its own long tasks visible). */
const NOOP_OBSERVER_INIT = `addEventListener('DOMContentLoaded', () => new MutationObserver(() => {}).observe(document.body, { childList: true, subtree: true }));`;

interface BigResult {
  changedRow: number[];
  fullRerender: number[];
  /** Long tasks during the re-renders, and those of them that hold a batch of ours. */
  longTasks: number[];
  longTasksOurs: number[];
  longTasksWhat: string[];
  /** Long animation frames during the re-renders: durations and their style-and-layout parts. */
  loafs: number[];
  loafLayout: number[];
  /** Each batch's kind as the extension labels it (watch.ts profile: 'batch', 'full', 'slice'), by phase. */
  kinds: { changedRow: Array<{ kind: string; ms: number }>; fullRerender: Array<{ kind: string; ms: number }> };
}

/** How many batch measures the page holds so far (watch.ts profile). */
const batchCount = (page: Page) => page.evaluate(() => performance.getEntriesByName('bounce-sweeper:batch').length);
/** The durations of the batch measures after the first `from`. */
const batchDurations = (page: Page, from: number) => page.evaluate((n) => performance.getEntriesByName('bounce-sweeper:batch').slice(n).map((e) => e.duration), from);

/**
 * One changed row, CHANGES times: the webmail replaces a row element (a new message in it, a
 * label, a read state), the n-th change taking row (n * stride) mod rows; 250 ms between changes.
 */
async function changeRowsOneByOne(page: Page, rowCss: string, stride: number): Promise<void> {
  for (let i = 0; i < CHANGES; i++) {
    await page.evaluate(({ n, css, step }) => {
      const rows = document.querySelectorAll(css);
      const row = rows[(n * step) % rows.length]!;
      const fresh = row.cloneNode(true) as HTMLElement;
      for (const own of fresh.querySelectorAll('[data-bounce-sweeper]')) own.remove();
      row.replaceWith(fresh);
    }, { n: i, css: rowCss, step: stride });
    await page.waitForTimeout(250);
  }
}

async function bigWorkload(context: BrowserContext, withExtension: boolean, noopObserver = false): Promise<BigResult> {
  await routeFakeGmail(context, [BIG_ACCOUNT]);
  const page = await context.newPage();
  await page.addInitScript(LONG_TASKS_INIT);
  if (noopObserver) await page.addInitScript(NOOP_OBSERVER_INIT);
  await page.goto(`${FAKE_GMAIL_ORIGIN}/mail/u/0/#inbox`);
  await page.waitForSelector(ROW);
  const badged = () =>
    page.waitForFunction(({ n, css }) => document.querySelectorAll(`${css} [data-bounce-sweeper="badge"]`).length === n, { n: BIG_BOUNCES, css: ROW }, { timeout: 60_000 });
  if (withExtension) await badged();
  await page.waitForTimeout(SETTLE_MS);
  const beforeChanges = await batchCount(page);
  await changeRowsOneByOne(page, ROW, 37);
  const kinds = (from: number) =>
    page.evaluate(
      (n) => performance.getEntriesByName('bounce-sweeper:batch').slice(n).map((e) => ({ kind: String(((e as PerformanceMeasure).detail as { kind?: string } | null)?.kind ?? '?'), ms: e.duration })),
      from,
    );
  const changedRow = await batchDurations(page, beforeChanges);
  const changedKinds = await kinds(beforeChanges);
  type Marks = { __longTasks: Array<[number, number]>; __loafs: Array<[number, number, number]> };
  const longBefore = await page.evaluate(() => (window as unknown as Marks).__longTasks.length);
  const loafBefore = await page.evaluate(() => (window as unknown as Marks).__loafs.length);
  const beforeFull = await batchCount(page);
  for (let i = 0; i < FULL_RERENDERS; i++) {
    await page.evaluate(() => (window as unknown as { fakeGmail: { rerenderList(): void } }).fakeGmail.rerenderList());
    if (withExtension) await badged();
    await page.waitForTimeout(SETTLE_MS);
  }
  const fullRerender = await batchDurations(page, beforeFull);
  const fullKinds = await kinds(beforeFull);
  const marks = await page.evaluate(() => {
    const { __longTasks, __loafs } = window as unknown as Marks;
    const ours = performance
      .getEntriesByName('bounce-sweeper:batch')
      .map((e) => [e.startTime, e.startTime + e.duration, String(((e as PerformanceMeasure).detail as { kind?: string } | null)?.kind ?? '?')] as const);
    return { __longTasks, __loafs, ours };
  });
  const tasks = marks.__longTasks.slice(longBefore);
  // A long task of ours: one that holds one of our batches (a batch runs inside one task).
  const inside = (start: number, took: number) => marks.ours.filter(([from, to]) => from >= start - 1 && to <= start + took + 1);
  const held = tasks.filter(([start, took]) => inside(start, took).length);
  const longTasksOurs = held.map(([, took]) => took);
  // What ran in them: our batch's kind and its own duration, beside the task's.
  const longTasksWhat = held.map(([start, took]) => `${inside(start, took).map(([from, to, kind]) => `${kind} ${(to - from).toFixed(1)}`).join('+')} in ${took.toFixed(0)}`);
  const loafs = marks.__loafs.slice(loafBefore);
  await page.close();
  return {
    changedRow,
    fullRerender,
    longTasks: tasks.map(([, took]) => took),
    longTasksOurs,
    longTasksWhat,
    loafs: loafs.map(([, took]) => took),
    loafLayout: loafs.map(([, , layout]) => layout),
    kinds: { changedRow: changedKinds, fullRerender: fullKinds },
  };
}

/** Outlook's virtualised list: per batch, while it scrolls, and while one row at a time is re-rendered. */
interface OutlookResult {
  scroll: number[];
  changedRow: number[];
}

async function outlookWorkload(context: BrowserContext): Promise<OutlookResult> {
  const { FAKE_OUTLOOK_ORIGIN, SWEEP_OUTLOOK_VIRTUAL, routeFakeOutlook, sweepOutlookMessages } = await import('../../tests/e2e/fake-outlook');
  await routeFakeOutlook(context, [FAKE_OUTLOOK_ORIGIN], sweepOutlookMessages(60), SWEEP_OUTLOOK_VIRTUAL);
  const page = await context.newPage();
  await page.goto(`${FAKE_OUTLOOK_ORIGIN}/mail/inbox`);
  await page.evaluate(() => document.documentElement.setAttribute('data-bounce-sweeper-profile', ''));
  await page.waitForSelector('[data-bounce-sweeper="badge"]', { timeout: 30_000 });
  const start = await batchCount(page);
  for (let step = 0; step < 30; step++) {
    await page.evaluate((i) => {
      const scroller = document.querySelector('#MailList') as HTMLElement;
      scroller.scrollTop = (i % 15) * 200;
    }, step);
    await page.waitForTimeout(200);
  }
  const scroll = await batchDurations(page, start);
  await page.waitForTimeout(SETTLE_MS);
  // One changed row: React re-renders one row (read state, a flag), its element replaced.
  const beforeChanges = await batchCount(page);
  await changeRowsOneByOne(page, '#MailList [role=option]', 7);
  const changedRow = await batchDurations(page, beforeChanges);
  await page.close();
  return { scroll, changedRow };
}

/** Load average of the machine (1, 5, 15 min), printed beside every figure: these machines are shared. */
const load = (): string => `load ${loadavg().map((n) => n.toFixed(2)).join(' ')}`;

const summarise = (values: number[]): { n: number; mean: number; median: number; p95: number; max: number } => {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length), median: quantile(s, 0.5), p95: quantile(s, 0.95), max: s[s.length - 1] ?? NaN };
};

/**
 * Issue #12's bars, BENCH_ROUNDS rounds (default 1). Each round runs the page without the extension,
 * then with the build in .output/chrome-mv3, and, when BENCH_BASELINE_DIR names another build (the
 * old code built into its own directory), with that one too: a baseline measured in the same run,
 * under the same load.
 */
export async function benchIssue12Bars(): Promise<void> {
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1) || 1);
  const baselineDir = process.env.BENCH_BASELINE_DIR;
  const builds: Array<{ label: string; dir?: string }> = [...(baselineDir ? [{ label: `baseline (${baselineDir})`, dir: baselineDir }] : []), { label: 'this build (.output/chrome-mv3)' }];
  console.log(`
issue #12 bars: a ${BIG}-row Gmail list (${BIG_BOUNCES} notice rows) and Outlook's virtualised list, headless Chromium, ${rounds} round(s)`);
  const line = (label: string, values: number[], bar: number): string => {
    const { n, mean, median, p95, max } = summarise(values);
    return `    ${label}: n=${n}, mean ${ms(mean)}, median ${ms(median)}, p95 ${ms(p95)}, max ${ms(max)} (bar < ${bar} ms per batch: ${max < bar ? 'met' : mean < bar ? 'met on average, not at the worst batch' : 'NOT met'})`;
  };
  const over = (tasks: number[]) => `${tasks.length}${tasks.length ? ` (longest ${ms(Math.max(...tasks))})` : ''}`;
  for (let round = 1; round <= rounds; round++) {
    console.log(`  round ${round}/${rounds}, ${load()}`);
    const plain = await plainContext();
    let without: BigResult;
    let watched: BigResult;
    try {
      without = await bigWorkload(plain.context, false);
      watched = await bigWorkload(plain.context, false, true);
    } finally {
      await plain.close();
    }
    const frames = (r: BigResult) =>
      `long animation frames (≥ 50 ms) ${over(r.loafs)}, together ${ms(r.loafs.reduce((a, b) => a + b, 0))}; style+layout in them: median ${ms(summarise(r.loafLayout).median)}, max ${ms(summarise(r.loafLayout).max)}, together ${ms(r.loafLayout.reduce((a, b) => a + b, 0))}`;
    console.log(`    without the extension, during the ${FULL_RERENDERS} re-renders: long tasks (≥ 50 ms) ${over(without.longTasks)}; ${frames(without)}`);
    console.log(`    without the extension, a no-op MutationObserver on the page: long tasks ${over(watched.longTasks)} (the page's own tasks, visible once anything observes it)`);
    for (const build of builds) {
      const session = await launchWithExtension(build.dir ? { extensionDir: build.dir } : {});
      let withExt: BigResult;
      let outlook: OutlookResult;
      try {
        withExt = await bigWorkload(session.context, true);
        outlook = await outlookWorkload(session.context);
      } finally {
        await session.close();
      }
      console.log(`   ${build.label}, ${load()}`);
      console.log(line(`one changed row (${CHANGES}x)`, withExt.changedRow, 1));
      console.log(line(`full re-render of ${BIG} rows (${FULL_RERENDERS}x)`, withExt.fullRerender, 10));
      console.log(
        `    long tasks (≥ 50 ms) during the ${FULL_RERENDERS} re-renders: ${over(withExt.longTasks)}, of them holding a batch of ours ${over(withExt.longTasksOurs)} (without the extension: ${without.longTasks.length}; with a no-op observer: ${watched.longTasks.length})`,
      );
      console.log(`    ${frames(withExt)}`);
      // A scroll re-renders the list's whole window (18 rows): the full re-render's bar, not one row's.
      console.log(line('Outlook virtualised list, 30 scrolls over 60 notices (18 rows in the DOM)', outlook.scroll, 10));
      console.log(line(`Outlook virtualised list, one changed row (${CHANGES}x)`, outlook.changedRow, 1));
      if (process.env.BENCH_DETAIL) {
        if (withExt.longTasksWhat.length) console.log(`    (long tasks holding a batch of ours, ms: ${withExt.longTasksWhat.join('; ')})`);
        for (const [phase, entries] of Object.entries(withExt.kinds)) {
          const byKind = new Map<string, number[]>();
          for (const { kind, ms: took } of entries) byKind.set(kind, [...(byKind.get(kind) ?? []), took]);
          const parts = [...byKind].map(([kind, values]) => {
            const { n, median, max } = summarise(values);
            return `${kind} n=${n} median ${ms(median)} max ${ms(max)}`;
          });
          console.log(`    (${phase}, by kind: ${parts.join('; ')})`);
        }
      }
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchContentScript().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
