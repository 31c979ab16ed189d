/**
 * The format and reason registries, checked against the file system (after Refined GitHub's
 * build/features.test.ts: every feature file is imported once, has its test URLs). One file per
 * format or reason, one line in the registry, fixtures and test rows: a module that misses one of
 * them fails here, not in production.
 *
 * The rules:
 * - lib/bounce/formats/ holds format modules only; helpers live in lib/bounce/ (prose-format.ts,
 *   format-types.ts). Each file exports one FormatModule whose id is the file name, and that
 *   module is in FORMATS; it has a fixture tests/fixtures/eml/<id>-NN.eml and a row naming it in
 *   tests/bounce/formats.test.ts.
 * - lib/bounce/reasons/ holds one PhraseTable per reason, named for it, and in PHRASE_TABLES, with
 *   a row in tests/bounce/reasons.test.ts. The one other file there is vendor-codes.ts, the
 *   numbered provider labels (see its header for why they are not phrase tables).
 * - Every module says "not mine" (null) for empty input, garbage and non-bounces (go-sisimai
 *   lhost/03-inquire-for_test.go does the same for its decoders).
 * - The order of FORMATS is documented in formats.ts, and each "order: a < b (fixture)" claim
 *   there holds: moved behind b, module a loses that fixture to b.
 * - Format modules pass a reason hint only for what a notice's structure says (rfc3464: an
 *   X-Unix diagnostic; googlegroups: the group's refusal); words are the reason tables'.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS, type FormatModule } from '../../lib/bounce';
import { classifyMessage } from '../../lib/bounce/classify';
import { readMessage, type Message } from '../../lib/bounce/message';
import { PHRASE_TABLES, type PhraseTable } from '../../lib/bounce/reasons';
import type { Reason } from '../../lib/bounce/types';

const ROOT = join(__dirname, '../..');
const dir = join(ROOT, 'tests/fixtures/eml');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const tsFiles = (folder: string): string[] =>
  readdirSync(join(ROOT, folder))
    .filter((name) => name.endsWith('.ts'))
    .sort();

/** The reasons/ files that are not a phrase table, each with why. */
const REASON_FOLDER_HELPERS: Record<string, string> = {
  'vendor-codes.ts': 'numbered provider labels: variable parts and ranges, read through the same index',
  'providers.ts': 'who reported it: the hosts and mailbox domains of the providers whose replies the tables carry',
};

function isFormatModule(x: unknown): x is FormatModule {
  return typeof x === 'object' && x !== null && typeof (x as FormatModule).id === 'string' && typeof (x as FormatModule).parse === 'function';
}

function isPhraseTable(x: unknown): x is PhraseTable {
  return typeof x === 'object' && x !== null && typeof (x as PhraseTable).reason === 'string' && Array.isArray((x as PhraseTable).phrases);
}

async function inputs(): Promise<[string, Message][]> {
  const garbage = new Uint8Array(4096);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
  return [
    ['empty raw', await readMessage({ view: 'raw', source: '' })],
    ['empty rendered', await readMessage({ view: 'rendered', subject: '', from: '', text: '' })],
    ['binary garbage', await readMessage({ view: 'raw', source: garbage })],
    ['text garbage', await readMessage({ view: 'raw', source: 'lorem ipsum @ @@ <> : ; 550 5.1.1\n\n\n'.repeat(50) })],
    ['ordinary mail', await readMessage({ view: 'raw', source: readFileSync(join(dir, 'not-ordinary-01.eml')) })],
    ['out-of-office', await readMessage({ view: 'raw', source: readFileSync(join(dir, 'not-autoreply-01.eml')) })],
    ['read receipt', await readMessage({ view: 'raw', source: readFileSync(join(dir, 'not-mdn-01.eml')) })],
    ['feedback report', await readMessage({ view: 'raw', source: readFileSync(join(dir, 'not-arf-01.eml')) })],
    ['delivered DSN', await readMessage({ view: 'raw', source: readFileSync(join(dir, 'not-delivered-01.eml')) })],
    ['SES complaint', await readMessage({ view: 'raw', source: readFileSync(join(dir, 'amazonses-02.eml')) })],
    ['challenge-response', await readMessage({ view: 'raw', source: readFileSync(join(dir, 'not-challenge-01.eml')) })],
  ];
}

describe('format registry', () => {
  it('has unique ids, generic last', () => {
    const ids = FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.at(-1)).toBe('generic');
  });

  it('every module returns null ("not mine") for empty, garbage and non-bounce input', async () => {
    const cases = await inputs();
    const claimed: string[] = [];
    for (const f of FORMATS) {
      for (const [label, msg] of cases) {
        const got = f.parse(msg);
        if (got !== null && got.length > 0) claimed.push(`${f.id} claimed ${label}`);
      }
    }
    expect(claimed).toEqual([]);
  });
});

describe('format files', () => {
  const files = tsFiles('lib/bounce/formats');
  const fixtures = readdirSync(dir);
  const formatRows = read('tests/bounce/formats.test.ts');

  it('are exactly the modules of FORMATS, one each', () => {
    expect(files.map((f) => basename(f, '.ts'))).toEqual(FORMATS.map((f) => f.id).sort());
  });

  it.each(files)('%s exports one format module, its id the file name, registered', async (file) => {
    const exported = Object.values(await import(join(ROOT, 'lib/bounce/formats', file))).filter(isFormatModule);
    expect(exported.map((m) => m.id)).toEqual([basename(file, '.ts')]);
    expect(FORMATS).toContain(exported[0]);
  });

  it.each(FORMATS.map((f) => f.id))('%s has a fixture <id>-NN.eml and a row in formats.test.ts', (id) => {
    expect(fixtures.filter((name) => new RegExp(`^${id}-\\d\\d\\.eml$`).test(name)).length, `tests/fixtures/eml/${id}-NN.eml`).toBeGreaterThan(0);
    expect(formatRows.includes(`format: '${id}'`), `a row with format: '${id}'`).toBe(true);
  });

  it('name a reason only where the notice structure says it (rfc3464, googlegroups)', () => {
    const withHints = files.filter((file) => /\bhint\b/.test(read(`lib/bounce/formats/${file}`)));
    expect(withHints).toEqual(['googlegroups.ts', 'rfc3464.ts']);
  });
});

describe('reason files', () => {
  const files = tsFiles('lib/bounce/reasons').filter((file) => !(file in REASON_FOLDER_HELPERS));
  const reasonRows = read('tests/bounce/reasons.test.ts');

  it('are exactly the tables of PHRASE_TABLES (and the stated helpers)', () => {
    expect(files.map((f) => basename(f, '.ts'))).toEqual(Object.keys(PHRASE_TABLES).sort());
    for (const helper of Object.keys(REASON_FOLDER_HELPERS)) expect(tsFiles('lib/bounce/reasons')).toContain(helper);
  });

  it.each(files)('%s exports one phrase table for the reason it is named for, registered, with a test row', async (file) => {
    const reason = basename(file, '.ts') as Reason;
    const exported = Object.values(await import(join(ROOT, 'lib/bounce/reasons', file))).filter(isPhraseTable);
    expect(exported.map((t) => t.reason)).toEqual([reason]);
    expect(PHRASE_TABLES[reason]).toBe(exported[0]);
    expect(reasonRows.includes(`reason: '${reason}'`), `a row with reason: '${reason}'`).toBe(true);
  });
});

describe('format order', () => {
  const source = read('lib/bounce/formats.ts');
  const claims = [...source.matchAll(/\/\/ order: ([a-z0-9-]+) < ([a-z0-9-]+) \(([a-z0-9-]+-\d\d)\)/g)].map((m) => ({ a: m[1]!, b: m[2]!, fixture: m[3]! }));
  const ids = FORMATS.map((f) => f.id);

  /** FORMATS with module `a` moved right behind module `b`. */
  function behind(a: string, b: string): FormatModule[] {
    const moved = FORMATS.find((f) => f.id === a)!;
    const list = FORMATS.filter((f) => f !== moved);
    list.splice(list.findIndex((f) => f.id === b) + 1, 0, moved);
    return list;
  }

  async function formatOf(fixture: string, formats: readonly FormatModule[]): Promise<string> {
    const msg = await readMessage({ view: 'raw', source: readFileSync(join(dir, `${fixture}.eml`)) });
    return classifyMessage(msg, formats).format;
  }

  it('gives a reason for every module but the last', () => {
    expect(new Set(claims.map((c) => c.a))).toEqual(new Set(ids.slice(0, -1)));
    expect(source).toContain('// generic last:');
  });

  it.each(claims.map((c) => [`${c.a} < ${c.b} (${c.fixture})`, c] as const))('%s', async (_label, { a, b, fixture }) => {
    expect(ids.indexOf(a)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(a)).toBeLessThan(ids.indexOf(b));
    expect(await formatOf(fixture, FORMATS)).toBe(a);
    expect(await formatOf(fixture, behind(a, b))).toBe(b);
  });

  it('reading a notice with the wrong module changes more than its name', async () => {
    // A group's refusal read as Gmail's blames the poster; a DSN read as prose loses its Status.
    const read = async (fixture: string, formats: readonly FormatModule[]) =>
      classifyMessage(await readMessage({ view: 'raw', source: readFileSync(join(dir, `${fixture}.eml`)) }), formats).recipients.map((r) => [r.address, r.status]);
    expect(await read('googlegroups-01', FORMATS)).toEqual([['no-such-group@googlegroups.com', '']]);
    expect(await read('googlegroups-01', behind('googlegroups', 'gmail'))).toEqual([['victor@example.com', '']]);
    expect((await read('rfc3464-01', FORMATS)).map(([, status]) => status)).toEqual(['5.1.1', '5.2.2']);
    expect((await read('rfc3464-01', behind('rfc3464', 'generic'))).map(([, status]) => status)).not.toContain('5.1.1');
  });

  it('generic first would read every notice of a family module', async () => {
    const genericFirst = [FORMATS.at(-1)!, ...FORMATS.slice(0, -1)];
    const taken: string[] = [];
    for (const { a, fixture } of claims) if ((await formatOf(fixture, genericFirst)) === 'generic' && a !== 'generic') taken.push(a);
    expect(taken.length).toBeGreaterThan(claims.length / 2);
  });
});
