/**
 * Meta-tests over the house rules that no single feature test sees (after Refined GitHub's
 * build/features.test.ts): every webmail folder is registered, wired and tested, and the pure core
 * reaches nothing outside itself through its imports. The bounce format and reason registries have
 * theirs in tests/bounce/registry.test.ts, the selector tables in tests/webmail/selector-tables.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEBMAILS } from '../../lib/webmail/registry';

const ROOT = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Module specifiers of static imports, re-exports and dynamic imports (type-only ones included: they still couple). */
function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm)) found.push(match[1]!);
  for (const match of source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) found.push(match[1]!);
  for (const match of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  return found;
}

/** The file a relative specifier names (TypeScript's resolution for our own sources). */
function resolveLocal(from: string, specifier: string): string {
  const base = join(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base]) {
    if (existsSync(join(ROOT, candidate)) && statSync(join(ROOT, candidate)).isFile()) return relative(ROOT, join(ROOT, candidate));
  }
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

/**
 * Folders of lib/webmail/ that are not an adapter: the sweep's page-side code (issue #11), which
 * every adapter drives through its own small sweep module there.
 */
const SHARED_WEBMAIL_FOLDERS = new Set(['sweep']);
const WEBMAIL_FOLDERS = readdirSync(join(ROOT, 'lib/webmail')).filter((name) => statSync(join(ROOT, 'lib/webmail', name)).isDirectory() && !SHARED_WEBMAIL_FOLDERS.has(name));

describe('webmail registry', () => {
  it('registers exactly the adapter folders of lib/webmail/, each under its folder name', () => {
    expect(Object.keys(WEBMAILS).sort()).toEqual([...WEBMAIL_FOLDERS].sort());
    for (const [key, entry] of Object.entries(WEBMAILS)) expect(entry.id).toBe(key);
  });

  it('is the one host list: no other source names a webmail host', () => {
    const hosts = Object.values(WEBMAILS).flatMap((entry) => [...entry.hosts]);
    const sources = [...filesUnder('lib'), ...filesUnder('components'), ...filesUnder('entrypoints'), 'wxt.config.ts'].filter(
      (path) => /\.tsx?$/.test(path) && path !== 'lib/webmail/registry.ts',
    );
    const naming = sources.flatMap((path) => hosts.filter((host) => read(path).includes(`'${host}'`) || read(path).includes(`"${host}"`)).map((host) => `${path}: ${host}`));
    expect(naming).toEqual([]);
  });

  describe.each(WEBMAIL_FOLDERS)('%s', (id) => {
    it('has selectors.ts and adapter.ts, and the adapter reads its selectors from there', () => {
      expect(existsSync(join(ROOT, `lib/webmail/${id}/selectors.ts`))).toBe(true);
      expect(existsSync(join(ROOT, `lib/webmail/${id}/adapter.ts`))).toBe(true);
      expect(importsOf(read(`lib/webmail/${id}/adapter.ts`))).toContain('./selectors');
    });

    it('has a content-script entrypoint that matches its registered hosts and runs its adapter', () => {
      const entry = `entrypoints/${id}.content.ts`;
      expect(existsSync(join(ROOT, entry)), entry).toBe(true);
      const source = read(entry);
      expect(source).toContain(`matchPatterns('${id}')`);
      expect(importsOf(source)).toContain(`../lib/webmail/${id}/adapter`);
      expect(source).toMatch(/runWebmail\(ctx, /);
    });

    it('has an adapter test and dated DOM fixtures', () => {
      const adapterTest = `tests/webmail/${id}/adapter.test.ts`;
      expect(existsSync(join(ROOT, adapterTest)), adapterTest).toBe(true);
      const fixtures = readdirSync(join(ROOT, `tests/fixtures/dom/${id}`)).filter((name) => name.endsWith('.html'));
      expect(fixtures.length).toBeGreaterThan(0);
      for (const name of fixtures) expect(name, `tests/fixtures/dom/${id}/${name}`).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.html$/);
      const test = read(adapterTest);
      expect(fixtures.filter((name) => !test.includes(name)), 'fixtures no adapter test loads').toEqual([]);
    });
  });
});

/** The pure core (README "How it fits together"): runs in Node, the service worker and a worker alike. */
const CORE_ROOTS = [...filesUnder('lib/bounce'), 'lib/policy.ts', 'lib/export.ts', 'lib/mbox.ts', 'lib/vocabulary.ts'].filter((path) => path.endsWith('.ts'));
/** Libraries the core may use: none of them touches the DOM or an extension API. */
const CORE_PACKAGES = new Set(['postal-mime', 'papaparse']);

describe('the pure core', () => {
  it('imports only core modules and DOM-free libraries, transitively', () => {
    const core = new Set(CORE_ROOTS);
    const seen = new Set<string>();
    const problems: string[] = [];
    const queue = [...CORE_ROOTS];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const specifier of importsOf(read(file))) {
        if (!specifier.startsWith('.')) {
          if (!CORE_PACKAGES.has(specifier)) problems.push(`${file} imports ${specifier}`);
          continue;
        }
        const target = resolveLocal(file, specifier);
        if (!core.has(target)) problems.push(`${file} imports ${target}, outside the core`);
        else queue.push(target);
      }
    }
    expect(problems).toEqual([]);
    expect(seen.size).toBe(core.size);
  });

  it('the import reader sees every form the check relies on', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "export * from 'wxt/browser';",
      "import 'side-effect';",
      'import {\n  d,\n  e,\n} from "./multi-line";',
      "const later = await import('./lazy');",
    ].join('\n');
    expect(importsOf(source).sort()).toEqual(['../b', './a', './c', './lazy', './multi-line', 'side-effect', 'wxt/browser']);
  });
});

describe('mail content never becomes markup', () => {
  it('no source writes HTML into the page (innerHTML, outerHTML, insertAdjacentHTML, document.write)', () => {
    const sources = [...filesUnder('lib'), ...filesUnder('components'), ...filesUnder('entrypoints')].filter((path) => /\.tsx?$/.test(path));
    // Code, not comments: a line comment or a doc-comment line may name the APIs to say why they are avoided.
    const code = (path: string) => read(path).split('\n').filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line)).join('\n');
    const writers = sources.filter((path) => /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML\(|document\.write\(|dangerouslySetInnerHTML/.test(code(path)));
    expect(writers).toEqual([]);
  });
});

describe('libraries through their public API', () => {
  it("calls the virtualizer's adapter hooks (_didMount, _willUpdate) from its one documented hook only", () => {
    const files = [...filesUnder('lib'), ...filesUnder('components'), ...filesUnder('entrypoints')].filter((path) => /\.tsx?$/.test(path));
    const callers = files.filter((path) => /\._(didMount|willUpdate)\(/.test(read(path)));
    expect(callers).toEqual(['lib/pages/use-virtualizer.ts']);
  });
});
