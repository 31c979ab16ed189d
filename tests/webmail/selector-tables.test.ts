// @vitest-environment happy-dom
/**
 * Meta-test over every webmail's selector table (lib/webmail/<id>/selectors.ts, through
 * lib/webmail/all-selectors.ts and the registry): the house rules of README "Fix a selector" that
 * a reviewer would otherwise have to check by eye. Each rule is a line of `problemsOf`, which is
 * itself tested on a table that breaks every rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_SELECTORS } from '../../lib/webmail/all-selectors';
import { WEBMAILS, type RegisteredWebmailId } from '../../lib/webmail/registry';
import type { SelectorTable } from '../../lib/webmail/selector-table';

const ROOT = resolve(__dirname, '../..');
const TODAY = new Date().toISOString().slice(0, 10);

function isRealDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

function parses(css: string): boolean {
  try {
    document.querySelector(css);
    return true;
  } catch {
    return false;
  }
}

/** Everything wrong with a table, one line per problem ([] when it follows the rules). */
function problemsOf(table: SelectorTable, words: Readonly<Record<string, string>>, adapterSource: string, today = TODAY): string[] {
  const problems: string[] = [];
  for (const [name, variants] of Object.entries(table)) {
    if (variants.length === 0) problems.push(`${name}: no variant`);
    if (!adapterSource.includes(`'${name}'`)) problems.push(`${name}: the adapter never uses it`);
    if (!words[name]?.trim()) problems.push(`${name}: no words for the options page`);
    const seen = new Set<string>();
    variants.forEach((variant, index) => {
      const where = `${name}[${index}]`;
      if (!isRealDay(variant.since)) problems.push(`${where}: since ${JSON.stringify(variant.since)} is not a real YYYY-MM-DD day`);
      else if (variant.since > today) problems.push(`${where}: since ${variant.since} is in the future`);
      const newer = variants[index - 1];
      if (newer && variant.since > newer.since) problems.push(`${where}: ${variant.since} is newer than the variant before it (${newer.since}): newest first`);
      if (seen.has(variant.css)) problems.push(`${where}: the same css twice`);
      seen.add(variant.css);
      if (!variant.css.trim() || !parses(variant.css)) problems.push(`${where}: css ${JSON.stringify(variant.css)} does not parse`);
      if (!variant.source.trim()) problems.push(`${where}: no source`);
    });
  }
  for (const name of Object.keys(words)) if (!(name in table)) problems.push(`${name}: words for a name the table does not have`);
  return problems;
}

const IDS = Object.keys(WEBMAILS) as RegisteredWebmailId[];

describe('selector tables', () => {
  it('exist for exactly the registered webmails', () => {
    expect(Object.keys(ALL_SELECTORS).sort()).toEqual([...IDS].sort());
  });

  describe.each(IDS)('%s', (id) => {
    it("is the table its own selectors.ts exports (what the adapter runs)", async () => {
      const module: Record<string, unknown> = await import(`../../lib/webmail/${id}/selectors.ts`);
      expect(Object.values(module)).toContain(ALL_SELECTORS[id].table);
    });

    it('follows the rules: variants newest first with real past dates, distinct valid css, sources, words, every name used', () => {
      // The adapter and its folder's other modules (the tidy's toolbar code, issue #11); never the table itself.
      const folder = resolve(ROOT, `lib/webmail/${id}`);
      const adapterSource = readdirSync(folder)
        .filter((file) => file.endsWith('.ts') && file !== 'selectors.ts')
        .map((file) => readFileSync(resolve(folder, file), 'utf8'))
        .join('\n');
      expect(problemsOf(ALL_SELECTORS[id].table, ALL_SELECTORS[id].words, adapterSource)).toEqual([]);
    });
  });

  it('the rules catch a table that breaks each of them', () => {
    const broken = {
      empty: [],
      unused: [{ css: 'div', since: '2020-01-01', source: 'x' }],
      used: [
        { css: 'a', since: '2019-02-30', source: 'x' },
        { css: 'b', since: '2030-01-01', source: '' },
        { css: 'b', since: '2021-01-01', source: 'x' },
        { css: 'p[', since: '2020-01-01', source: 'x' },
      ],
    } as unknown as SelectorTable;
    const problems = problemsOf(broken, { used: 'words', ghost: 'words' }, "queryFirst(doc, 'used'); queryAll(doc, 'empty')", '2026-11-27');
    expect(problems).toEqual([
      'empty: no variant',
      'empty: no words for the options page',
      'unused: the adapter never uses it',
      'unused: no words for the options page',
      'used[0]: since "2019-02-30" is not a real YYYY-MM-DD day',
      'used[1]: since 2030-01-01 is in the future',
      'used[1]: 2030-01-01 is newer than the variant before it (2019-02-30): newest first',
      'used[1]: no source',
      'used[2]: the same css twice',
      'used[3]: css "p[" does not parse',
      'ghost: words for a name the table does not have',
    ]);
  });
});
