/**
 * npm run bench: runs every benchmark module in scripts/bench/*.ts in name order. Each module's
 * default export is `async () => void` and prints its own lines.
 *
 *   npm run bench -- scaling classify     only the modules named (file name without .ts)
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const wanted = process.argv.slice(2).map((a) => a.replace(/\.ts$/, ''));
const all = readdirSync(here).filter((n) => n.endsWith('.ts')).sort();
const names = wanted.length ? all.filter((n) => wanted.includes(n.slice(0, -3))) : all;
const unknown = wanted.filter((w) => !all.includes(`${w}.ts`));
if (unknown.length) {
  console.log(`no bench named ${unknown.join(', ')} (there are: ${all.map((n) => n.slice(0, -3)).join(', ')})`);
  process.exitCode = 2;
}
let failed = 0;
for (const name of names) {
  console.log(`\n▶ bench ${name}`);
  try {
    const mod = (await import(pathToFileURL(join(here, name)).href)) as { default?: () => Promise<void> };
    if (typeof mod.default === 'function') await mod.default();
    else console.log(`  (no default export in ${name})`);
  } catch (err) {
    failed++;
    console.log(`  failed: ${(err as Error)?.stack ?? String(err)}`);
  }
}
if (failed) process.exitCode = 1;
