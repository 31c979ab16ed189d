/**
 * Clean my list in real Chromium with the built extension (issue 13): 10,000 addresses on record
 * through the real background, then a 100,000-row CRM export (UTF-8 with BOM, semicolons, quoted
 * line breaks, extra columns) chosen in the page comes back as three downloaded files with every
 * original column intact and the right status per row; an Outlook contacts export in UTF-16 LE
 * comes back in UTF-16 LE. The list is read in the page's worker; nothing is sent anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { decodeBytes, encodeText } from '../../lib/clean-list/decode';
import { CRM_HEADER, crmSeed, groupOf, makeCrmExport, crmAddress } from '../clean-list/crm-fixture';
import { launchWithExtension, sendFromPage, type ExtensionSession } from './browser';

const ON_RECORD = 10_000;
const ROWS = 100_000;

let session: ExtensionSession;
let page: Page;
const problems: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  session = await launchWithExtension();
  const seeder = await session.openExtensionPage('popup.html');
  const { requests: batches, decisions } = crmSeed(ON_RECORD);
  for (const batch of batches) await sendFromPage(seeder, 'importNotices', batch);
  for (const decision of decisions) await sendFromPage(seeder, 'setDecision', decision);
  await seeder.close();
  page = await session.openExtensionPage('clean-list.html');
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith('chrome-extension://') && !request.url().startsWith('blob:')) requests.push(request.url());
  });
}, 180_000);

afterAll(async () => {
  await session?.close();
});

/** Chooses a file in the page, waits for the result, downloads the three files. */
async function cleanFile(name: string, bytes: Uint8Array): Promise<{ annotated: Uint8Array; cleaned: Uint8Array; removal: Uint8Array; names: string[] }> {
  await page.getByTestId('clean-list-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(bytes) });
  await page.waitForSelector('[data-testid="clean-list"][data-phase="done"]', { timeout: 60_000 });
  const out: Record<string, Uint8Array> = {};
  const names: string[] = [];
  for (const kind of ['annotated', 'cleaned', 'removal']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`clean-list-download-${kind}`).click()]);
    names.push(download.suggestedFilename());
    out[kind] = new Uint8Array(readFileSync((await download.path())!));
  }
  return { annotated: out.annotated!, cleaned: out.cleaned!, removal: out.removal!, names };
}

function rowsOf(bytes: Uint8Array, delimiter: string): string[][] {
  const { text } = decodeBytes(bytes);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('Clean my list in Chromium', () => {
  it('the store holds the seeded groups', async () => {
    const { verdicts } = await sendFromPage<{ verdicts: Array<{ address: string; group: string }> }>(page, 'listVerdicts', {});
    expect(verdicts).toHaveLength(ON_RECORD);
    const groups = new Map(verdicts.map((verdict) => [verdict.address, verdict.group]));
    for (let i = 0; i < ON_RECORD; i += 1) expect(groups.get(crmAddress(i)), crmAddress(i)).toBe(groupOf(i));
  });

  it('a 100,000-row CRM export: three files, every column intact, the right status per row', async () => {
    const crm = makeCrmExport(ROWS, ON_RECORD);
    const bytes = encodeText(crm.text, 'utf-8', true);
    const started = Date.now();
    const files = await cleanFile('crm-export.csv', bytes);
    const elapsed = Date.now() - started;
    expect(files.names).toEqual(['crm-export-with-status.csv', 'crm-export-cleaned.csv', 'crm-export-to-remove.csv']);
    for (const file of [files.annotated, files.cleaned, files.removal]) expect([...file.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const annotated = rowsOf(files.annotated, ';');
    expect(annotated[0]).toEqual([...CRM_HEADER, 'Bounce Sweeper status']);
    expect(annotated.slice(1).map((row) => row.slice(0, CRM_HEADER.length))).toEqual(crm.rows);
    expect(annotated.slice(1).map((row) => row[CRM_HEADER.length])).toEqual(crm.statuses);
    // Unchanged rows come back byte for byte: the annotated file is the original plus one column.
    const annotatedText = decodeBytes(files.annotated).text;
    expect(annotatedText.startsWith(`${CRM_HEADER.join(';')};Bounce Sweeper status\r\n100000;Prénom0;Nom 0;CONTACT0@DOMAIN0.EXAMPLE.COM;"Müller & Söhne; GmbH";"Met at the fair; ""VIP""\r\nCall back in 1 weeks";+33 1 00000000;2026-01-15;remove\r\n`)).toBe(true);
    expect(annotatedText).toContain('\r\n100001;Prénom1;Nom 1;contact1@domain1.example.com;Company 1;;+33 1 00000001;2026-01-15;watch\r\n');

    const toRemove = crm.rows.filter((_, i) => crm.statuses[i] === 'remove');
    const kept = crm.rows.filter((_, i) => crm.statuses[i] !== 'remove');
    expect(rowsOf(files.cleaned, ';')).toEqual([[...CRM_HEADER], ...kept]);
    expect(rowsOf(files.removal, ';')).toEqual([[...CRM_HEADER], ...toRemove]);
    const tally = (status: string) => crm.statuses.filter((s) => s === status).length.toLocaleString('en-US');
    expect(toRemove.length).toBe(4000);
    expect(await page.getByTestId('clean-list-counts').textContent()).toBe(
      `${tally('remove')} rows to remove · ${tally('sender problem')} sender problems · ${tally('watch')} to watch · ${tally('ok')} ok · ${tally('')} rows without an address`,
    );
    const inPage = await page.evaluate(() => {
      const start = performance.getEntriesByName('clean-list-start').at(-1)!.startTime;
      return performance.getEntriesByName('clean-list-done').at(-1)!.startTime - start;
    });
    console.log(`clean-list e2e: 100,000 rows, in the page ${inPage.toFixed(0)} ms (chosen → three files downloaded and checked: ${elapsed} ms)`);
  }, 120_000);

  it('an Outlook contacts export in UTF-16 LE comes back in UTF-16 LE, and the column can be chosen', async () => {
    const outlook =
      '"First Name","Last Name","E-mail Address","E-mail 2 Address","Categories"\r\n' +
      `"Ann","Äpfel","${crmAddress(0)}","${crmAddress(3)}","Kunden"\r\n` +
      `"Bob","Øst","bob@example.com","${crmAddress(1)}","Kunden"\r\n` +
      `"Cat","Ünal","${crmAddress(4)}","","Kunden"\r\n`;
    const files = await cleanFile('contacts.csv', encodeText(outlook, 'utf-16le', true));
    expect(await page.getByTestId('clean-list-shape').textContent()).toMatch(/3 rows · comma-separated · UTF-16 LE with BOM/);
    for (const file of [files.annotated, files.cleaned, files.removal]) expect([...file.slice(0, 2)]).toEqual([0xff, 0xfe]);
    expect(decodeBytes(files.annotated).text).toBe(
      '"First Name","Last Name","E-mail Address","E-mail 2 Address","Categories","Bounce Sweeper status"\r\n' +
        `"Ann","Äpfel","${crmAddress(0)}","${crmAddress(3)}","Kunden","remove"\r\n` +
        `"Bob","Øst","bob@example.com","${crmAddress(1)}","Kunden","ok"\r\n` +
        `"Cat","Ünal","${crmAddress(4)}","","Kunden","ok"\r\n`,
    );
    expect(decodeBytes(files.removal).text).toBe(`"First Name","Last Name","E-mail Address","E-mail 2 Address","Categories"\r\n"Ann","Äpfel","${crmAddress(0)}","${crmAddress(3)}","Kunden"\r\n`);
    // The second address column: Ann's is marked removed (done), Bob's is to watch.
    await page.getByTestId('clean-list-column').selectOption('3');
    await page.waitForFunction(() => document.querySelector('[data-testid="clean-list-counts"]')?.textContent?.startsWith('1 row to remove · 0 sender problems · 1 to watch'));
    expect(await page.getByTestId('clean-list-counts').textContent()).toMatch(/^1 row to remove · 0 sender problems · 1 to watch · 0 ok · 1 row without an address/);
  }, 60_000);

  it('pasted addresses', async () => {
    await page.getByTestId('clean-list-paste').fill(`${crmAddress(0)}\nfriend@example.org\n${crmAddress(2)}\n`);
    await page.getByTestId('clean-list-paste-check').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="clean-list"]')?.getAttribute('data-phase') === 'done' && document.querySelector('[data-testid="clean-list-summary"] h2')?.textContent === 'pasted-addresses.csv');
    expect(await page.getByTestId('clean-list-counts').textContent()).toMatch(/^1 row to remove · 1 sender problem · 0 to watch · 1 ok/);
  });

  it('sent nothing anywhere and logged no errors', () => {
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
  });
});
