/**
 * npm run eval [-- --gate]
 * Classifies ../shared/corpus in every view and prints the scorer's report (score.mjs) for the raw
 * view, the CRLF and CR-only variants, and the rendered view. With --gate (npm test), exits 1 when a
 * figure falls under THRESHOLDS. Without ../shared it says so and exits 0.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { classifyNotice } from '../lib/bounce/index.ts';
import { renderedViewOf } from '../lib/bounce/rendered.ts';
import { emlFiles } from './eml-files.ts';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = resolve(here, '../../shared/corpus');

/**
 * Gate: at or just below what the classifier reaches on the dev corpus (measured 2026-12-03:
 * headline recall 0.990, kind 0.983, status 0.974, reason 0.951, 0/19 false positives; CRLF and
 * CR-only recall 1.000; rendered recall 0.920, kind 0.940, reason 0.877), never below issue 2's bar.
 * Reason is left a little more room because the reason tables keep moving. A figure under its line
 * fails `npm test`: a change that helps one family and hurts another shows here.
 */
export const THRESHOLDS = {
  headline: { recall: 0.985, kind: 0.978, status: 0.97, reason: 0.94, falsePositives: 0 },
  crlf: { recall: 0.995 },
  cr: { recall: 0.995 },
  rendered: { recall: 0.915, kind: 0.935, reason: 0.87 },
};

/** The fields of score.mjs --json that the gate reads (ratios are null when nothing was scored). */
interface Score {
  nonBounces: number;
  falsePositives: number;
  recipientRecall: number | null;
  kindAccuracy: number | null;
  statusExact: number | null;
  reasonExact: number | null;
}

async function classifyAll(view: 'raw' | 'rendered'): Promise<string> {
  const lines: string[] = [];
  for (const f of emlFiles(join(corpus, 'emails'))) {
    const source = readFileSync(f);
    const r = view === 'rendered' ? await classifyNotice(await renderedViewOf(source)) : await classifyNotice({ view: 'raw', source });
    lines.push(JSON.stringify({ file: f.slice(corpus.length + 1), isBounce: r.isBounce, recipients: r.recipients.map((x) => ({ address: x.address, kind: x.kind, status: x.status, reason: x.reason, replyCode: x.replyCode })) }));
  }
  return lines.join('\n') + '\n';
}

function score(output: string, extra: string[], json: boolean): string {
  return execFileSync(process.execPath, [join(corpus, 'score.mjs'), '--manifest', join(corpus, 'manifest.json'), '--output', output, ...extra, ...(json ? ['--json'] : [])], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

const orOne = (x: number | null): number => (typeof x === 'number' ? x : 1);

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const gate = args.has('--gate');
  if (!existsSync(join(corpus, 'manifest.json'))) {
    console.log(`corpus not found at ${corpus}: nothing to evaluate (this is fine outside the project workspace)`);
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'bounce-eval-'));
  const rawOut = join(tmp, 'raw.jsonl');
  const renderedOut = join(tmp, 'rendered.jsonl');
  writeFileSync(rawOut, await classifyAll('raw'));
  writeFileSync(renderedOut, await classifyAll('rendered'));

  const runs: { label: string; output: string; extra: string[] }[] = [
    { label: 'headline (raw view)', output: rawOut, extra: ['--set', 'headline'] },
    { label: 'CRLF variants', output: rawOut, extra: ['--set', 'variants', '--newline', 'crlf'] },
    { label: 'CR-only variants', output: rawOut, extra: ['--set', 'variants', '--newline', 'cr'] },
    { label: 'rendered view (headline)', output: renderedOut, extra: ['--set', 'headline'] },
  ];
  const failures: string[] = [];
  const summary: string[] = [];
  for (const run of runs) {
    if (!gate) {
      console.log(`\n===== ${run.label} =====`);
      console.log(score(run.output, run.extra, false).trimEnd());
    }
    const s = JSON.parse(score(run.output, run.extra, true)) as Score;
    const recall = orOne(s.recipientRecall);
    const kind = orOne(s.kindAccuracy);
    const status = orOne(s.statusExact);
    const reason = orOne(s.reasonExact);
    summary.push(`${run.label}: recall ${recall.toFixed(3)} kind ${kind.toFixed(3)} status ${status.toFixed(3)} reason ${reason.toFixed(3)} false-positives ${s.falsePositives}/${s.nonBounces}`);
    const check = (name: string, got: number, min: number | undefined): void => {
      if (min !== undefined && got < min) failures.push(`${run.label}: ${name} ${got.toFixed(3)} < ${min}`);
    };
    const t = run.label.startsWith('headline') ? THRESHOLDS.headline : run.label.startsWith('CRLF') ? THRESHOLDS.crlf : run.label.startsWith('CR-only') ? THRESHOLDS.cr : THRESHOLDS.rendered;
    check('recipient recall', recall, t.recall);
    check('kind accuracy', kind, (t as { kind?: number }).kind);
    check('status exact', status, (t as { status?: number }).status);
    check('reason exact', reason, (t as { reason?: number }).reason);
    const fpMax = (t as { falsePositives?: number }).falsePositives;
    if (fpMax !== undefined && s.falsePositives > fpMax) failures.push(`${run.label}: false positives ${s.falsePositives} > ${fpMax}`);
  }
  console.log('\n' + summary.join('\n'));
  if (failures.length) {
    console.log(`\nBELOW THRESHOLD:\n  ${failures.join('\n  ')}`);
    if (gate) process.exit(1);
  } else if (gate) console.log('\ncorpus accuracy gate: all figures at or above thresholds');
}

await main();
