/**
 * Exports from the popup in real Chromium over the real background (issue 13): a vendor file
 * (Mailchimp, SendGrid, Amazon SES) carries `+x@`, `-x@`, `=x@` and `'x@` addresses byte for byte,
 * with no formula guard; the spreadsheet CSV neutralises every hostile start of a cell (= + - @
 * after whitespace, NUL, a BOM or a bidi mark; tab; CR), in the server's words and the addresses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { dsnBounce } from '../import/bounce-fixtures';
import { launchWithExtension, sendFromPage, type ExtensionSession } from './browser';

const TRICKY = ['+x@example.com', '-x@example.com', '=x@example.com', "'x@example.com"];
const LEADS = ['', ' ', '\t', '\r', '\n', '\u00a0', '\u0000', '\uFEFF', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const TRIGGERS = ['=', '+', '-', '@'];
/** Server words that start hostile, one address each. */
const HOSTILE = [
  ...LEADS.flatMap((lead, i) => TRIGGERS.map((trigger, j) => ({ address: `lead${i}-${j}@example.net`, words: `${lead}${trigger}HYPERLINK("http://192.0.2.1/x","click")` }))),
  { address: 'tab@example.net', words: '\tcmd' },
  { address: 'cr@example.net', words: '\rcmd' },
];

/** A cell a spreadsheet would run, written independently of lib/export.ts's pattern. */
function isHostile(cell: string): boolean {
  if (cell.startsWith('\t') || cell.startsWith('\r')) return true;
  let i = 0;
  while (i < cell.length && (LEADS.includes(cell[i]!) || /\s/.test(cell[i]!))) i++;
  return TRIGGERS.includes(cell[i] ?? '');
}

let session: ExtensionSession;
let page: Page;
const problems: string[] = [];

function hardNotice(key: string, recipients: Array<{ address: string; words: string }>) {
  return {
    key,
    notice: {
      isBounce: true,
      category: 'bounce',
      format: 'rfc3464',
      recipients: recipients.map(({ address, words }) => ({ address, kind: 'hard', reason: 'userunknown', status: '5.1.1', replyCode: '550', diagnostic: words, action: 'failed', remoteMta: 'mx.example.com' })),
      subject: 'Undelivered Mail Returned to Sender',
      from: 'MAILER-DAEMON@mx.example.net',
      messageId: `${key}@mx.example.net`,
      date: new Date(Date.now() - 86_400_000).toISOString(),
      notes: [],
    },
  };
}

beforeAll(async () => {
  session = await launchWithExtension();
  const seeder = await session.openExtensionPage('popup.html');
  for (const [index, address] of TRICKY.entries()) {
    await sendFromPage(seeder, 'reportNotice', { webmail: 'gmail', account: '0', messageId: `18c00000000e${index}01`, url: '', raw: dsnBounce(address, { id: `tricky-${index}@mx.example.net` }) });
  }
  // Five recipients a notice: what one real bounce names, so the store counts them at once.
  const notices = [];
  for (let i = 0; i < HOSTILE.length; i += 5) notices.push(hardNotice(`hostile-${i}`, HOSTILE.slice(i, i + 5)));
  await sendFromPage(seeder, 'importNotices', { notices });
  await seeder.close();
  page = await session.openExtensionPage('popup.html');
  await page.setViewportSize({ width: 420, height: 590 });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.locator('[data-testid="address-row"]').first().waitFor();
}, 120_000);

afterAll(async () => {
  await session?.close();
});

async function download(format: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('export-format').selectOption(format);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe('exports from the popup in Chromium', () => {
  it('records every address (the Remove tab holds them all)', async () => {
    const expected = String(TRICKY.length + HOSTILE.length);
    await page.waitForFunction((n) => document.querySelector('[data-testid="group-tab-remove"] [data-testid="group-count"]')?.textContent === n, expected);
  });

  it('Mailchimp: the addresses byte for byte, no quote added, no BOM', async () => {
    const { name, bytes } = await download('mailchimp');
    expect(name).toMatch(/^bounce-sweeper-mailchimp-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = bytes.toString('utf8');
    expect(bytes[0]).not.toBe(0xef);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Email Address');
    // Each tricky address is a line of its own, exactly as recorded.
    for (const address of TRICKY) expect(lines, address).toContain(address);
    expect(text).not.toContain("''x@");
    expect(text).not.toContain("'+x@");
    expect(text).not.toContain("'=x@");
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, delimiter: ',' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((row) => row['Email Address']).sort()).toEqual([...TRICKY, ...HOSTILE.map((h) => h.address)].sort());
  });

  it('SendGrid and Amazon SES: the same addresses byte for byte', async () => {
    const sendgrid = (await download('sendgrid')).bytes.toString('utf8');
    const sendgridRows = Papa.parse<Record<string, string>>(sendgrid, { header: true, skipEmptyLines: true }).data.map((row) => row.email);
    for (const address of TRICKY) expect(sendgridRows).toContain(address);
    const ses = (await download('ses')).bytes.toString('utf8');
    for (const address of TRICKY) expect(ses.split('\r\n'), address).toContain(`${address},BOUNCE`);
  });

  it('the spreadsheet CSV neutralises every hostile start, in the server words and the addresses', async () => {
    const { bytes } = await download('csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const byAddress = new Map(parsed.data.map((row) => [row.Address, row]));
    // The recorded words, as the background holds them.
    const recorded = await sendFromPage<Array<{ address: string; lastDiagnostic: string }>>(page, 'lookupAddresses', { addresses: HOSTILE.map((h) => h.address) });
    expect(recorded).toHaveLength(HOSTILE.length);
    // The background trims leading whitespace from what it records (so "\tcmd" is kept as "cmd");
    // NUL, bidi marks and = + - @ reach the file as sent, and each hostile start is neutralised.
    let hostile = 0;
    for (const { address, lastDiagnostic } of recorded) {
      const row = byAddress.get(address);
      expect(row, address).toBeDefined();
      if (isHostile(lastDiagnostic)) {
        hostile++;
        expect(row!['Server words'], JSON.stringify(lastDiagnostic)).toBe(`'${lastDiagnostic}`);
      } else {
        expect(row!['Server words'], JSON.stringify(lastDiagnostic)).toBe(lastDiagnostic);
      }
    }
    const original = new Map(HOSTILE.map((h) => [h.address, h.words]));
    const asSent = recorded.filter(({ address, lastDiagnostic }) => lastDiagnostic === original.get(address));
    expect(asSent.length, 'hostile words recorded as sent').toBeGreaterThan(HOSTILE.length / 2);
    expect(hostile).toBe(recorded.length - 2);
    for (const lead of ['\u0000', '\u200E', '\u202E', '\u2066']) {
      expect(asSent.some(({ lastDiagnostic }) => lastDiagnostic.startsWith(lead)), JSON.stringify(lead)).toBe(true);
    }
    for (const address of TRICKY.filter((a) => !a.startsWith("'"))) expect(byAddress.get(`'${address}`), address).toBeDefined();
    expect(byAddress.get("'x@example.com")).toBeDefined();
  });

  it('logged no console errors', () => {
    expect(problems).toEqual([]);
  });
});
