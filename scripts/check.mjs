#!/usr/bin/env node
/**
 * `npm test`: the one command that checks everything, in the order a failure is cheapest to find:
 * type-check, lint (Biome, biome.jsonc), unit tests (the registry meta-tests among them), build,
 * browser tests (real headless Chromium), corpus accuracy gate.
 * Ends with a plain `N passed, N failed` line (CI reads it); exits non-zero on any failure.
 *
 *   npm test                 everything
 *   npm test -- --no-e2e     skip the browser tests (no Chromium on this machine)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const tmp = mkdtempSync(join(tmpdir(), 'bounce-sweeper-check-'));
let passed = 0;
let failed = 0;
const problems = [];

function run(label, command, commandArgs, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) problems.push(label);
  return ok;
}

/** Runs vitest with the JSON reporter beside the default one and adds its counts. */
function vitest(label, configArgs) {
  const out = join(tmp, `${label.replace(/\W+/g, '-')}.json`);
  const ok = run(label, 'npx', ['vitest', 'run', ...configArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (report.numTotalTests === 0) problems.push(`${label}: no test ran`);
  } else if (!ok) {
    failed += 1;
  }
}

function step(label, command, commandArgs) {
  if (run(label, command, commandArgs)) passed += 1;
  else failed += 1;
}

step('type-check', 'npx', ['tsc', '--noEmit']);
step('lint', 'npx', ['biome', 'lint', '--error-on-warnings']);
vitest('unit tests', []);
step('build (chrome)', 'npx', ['wxt', 'build']);
step('build (firefox)', 'npx', ['wxt', 'build', '-b', 'firefox']);
if (!args.has('--no-e2e')) vitest('browser tests', ['--config', 'vitest.e2e.config.ts']);
step('corpus accuracy gate', 'npx', ['tsx', 'scripts/eval.ts', '--gate']);

if (problems.length) console.log(`\nFailed: ${problems.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || problems.length > 0 ? 1 : 0);
