/**
 * Every registered format module must say "not mine" (null) for empty input, garbage and
 * non-bounces (go-sisimai lhost/03-inquire-for_test.go does the same for its decoders).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../lib/bounce';
import { readMessage, type Message } from '../../lib/bounce/message';

const dir = join(__dirname, '../fixtures/eml');

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
