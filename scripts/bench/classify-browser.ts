/**
 * The classifier on the whole corpus inside headless Chromium, where the extension runs it, with
 * postal-mime as patched here (patches/postal-mime+4.0.0.patch) against postal-mime as published,
 * in the same run. Both are the same classifier bundled the same way; the published library is a
 * copy of node_modules/postal-mime with the patch reversed. Each side classifies every file in a
 * fresh page, best of RUNS, the sides alternating.
 *
 *   npx tsx scripts/bench/classify-browser.ts     (or npm run bench)
 */
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findChromium } from '../../tests/e2e/browser';
import { emlFiles } from '../eml-files';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const emails = resolve(root, '../shared/corpus/emails');
const PATCH = join(root, 'patches/postal-mime+4.0.0.patch');
const RUNS = 3;

const ENTRY = `
import { classifyNotice } from './lib/bounce/index.ts';
globalThis.bounceSweeperBench = { classifyNotice };
`;

/** node_modules/postal-mime as published: a copy with our patch reversed, or null if that fails. */
function publishedPostalMime(tmp: string): string | null {
  cpSync(join(root, 'node_modules/postal-mime'), join(tmp, 'node_modules/postal-mime'), { recursive: true });
  const reversed = spawnSync('git', ['apply', '-R', PATCH], { cwd: tmp, encoding: 'utf8' });
  if (reversed.status !== 0) {
    console.log(`classify-browser: could not reverse ${PATCH}: ${reversed.stderr.trim().slice(0, 200)}`);
    return null;
  }
  return join(tmp, 'node_modules/postal-mime');
}

export default async function benchClassifyBrowser(): Promise<void> {
  if (!existsSync(emails)) {
    console.log(`classify-browser: corpus not found at ${emails}; skipped`);
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'bench-classify-browser-'));
  try {
    const published = publishedPostalMime(tmp);
    if (!published) return;
    const { build } = await import('esbuild');
    const bundle = async (alias: Record<string, string>): Promise<string> => {
      const result = await build({ stdin: { contents: ENTRY, resolveDir: root, loader: 'ts' }, bundle: true, minify: true, format: 'iife', target: 'chrome120', write: false, alias, logLevel: 'error' });
      return result.outputFiles[0]!.text;
    };
    const sides = [
      { name: 'postal-mime as patched', script: await bundle({}) },
      { name: 'postal-mime as published', script: await bundle({ 'postal-mime': published }) },
    ];
    if (!sides[1]!.script.includes('new Blob')) throw new Error('classify-browser: the published bundle should build parts through a Blob');

    // Bytes travel to the page as latin1 strings (one character per byte) and are rebuilt there.
    const sources = emlFiles(emails).map((file) => readFileSync(file).toString('latin1'));
    const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const best = sides.map(() => ({ ms: Infinity, recipients: 0 }));
      for (let run = 0; run < RUNS; run++) {
        for (const [k, side] of sides.entries()) {
          const page = await browser.newPage();
          await page.goto('about:blank');
          await page.addScriptTag({ content: side.script });
          const [ms, recipients] = await page.evaluate(async (texts) => {
            const bench = (globalThis as unknown as { bounceSweeperBench: { classifyNotice(input: { view: 'raw'; source: Uint8Array }): Promise<{ recipients: unknown[] }> } }).bounceSweeperBench;
            const inputs = texts.map((text) => Uint8Array.from(text, (c) => c.charCodeAt(0)));
            const start = performance.now();
            let found = 0;
            for (const source of inputs) found += (await bench.classifyNotice({ view: 'raw', source })).recipients.length;
            return [performance.now() - start, found] as const;
          }, sources);
          await page.close();
          if (ms < best[k]!.ms) best[k] = { ms, recipients };
        }
      }
      const [patched, original] = best as [{ ms: number; recipients: number }, { ms: number; recipients: number }];
      if (patched.recipients !== original.recipients) throw new Error(`classify-browser: recipients differ (${patched.recipients} vs ${original.recipients})`);
      console.log(`classify in headless Chromium (a page), ${sources.length} files, best of ${RUNS}, alternating; ${patched.recipients} recipients both ways`);
      console.log(`  ${sides[0]!.name}: ${patched.ms.toFixed(0)} ms; ${sides[1]!.name}: ${original.ms.toFixed(0)} ms; ratio ${(original.ms / patched.ms).toFixed(2)}x`);
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchClassifyBrowser();
}
