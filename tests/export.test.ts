import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildExport, DEFAULT_CONTACT_LABEL, EXPORT_FORMATS, formatRfc2822, type ExportFormat } from '../lib/export';
import { makeSummary } from './pages/make-summary';

const NOW = new Date('2026-11-27T12:00:00Z');

const plain = makeSummary({ address: 'ann@example.com' });
const soft = makeSummary({
  address: 'bob@example.org',
  verdict: 'remove-repeated-soft',
  hardCount: 0,
  softCount: 4,
  bounceDays: 3,
  firstBounceAt: '2026-02-01T08:00:00.000Z',
  lastBounceAt: '2026-02-20T09:30:05.000Z',
  lastKind: 'soft',
  lastReason: 'mailboxfull',
  lastStatus: '4.2.2',
  lastReplyCode: '452',
  lastDiagnostic: 'Mailbox full, "quota" exceeded, try later',
});
/** Every hostile thing a bounce can carry into a cell. */
const hostile = makeSummary({
  address: '=HYPERLINK("http://192.0.2.1/x","click")@example.net',
  lastDiagnostic: '+cmd|\' /C calc\'!A0\nsecond line, with "quotes" and, commas',
});
const unicode = makeSummary({ address: 'jürgen@bücher.example', lastDiagnostic: '@SUM(1+1) Postfach voll — ünïcödé' });
const complaint = makeSummary({ address: 'carl@example.com', lastReason: 'feedback', lastKind: 'undetermined', lastReplyCode: '' });

function parse(content: string, header = true) {
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  const result = Papa.parse<Record<string, string>>(text, { header, skipEmptyLines: true, delimiter: ',' });
  expect(result.errors).toEqual([]);
  return result;
}

function exportOf(format: ExportFormat, list = [plain, soft, hostile, unicode]) {
  return buildExport(format, list, { now: NOW });
}

describe('the formula guard (spreadsheet CSV)', () => {
  /** The "Server words" cell of a one-row spreadsheet export, as a spreadsheet reads it back. */
  const serverWordsCell = (words: string) => parse(exportOf('csv', [makeSummary({ address: 'ann@example.com', lastDiagnostic: words })]).content).data[0]!['Server words'];
  /** Everything a spreadsheet skips or hides before a formula (issue 13). */
  const LEADS = [' ', '  ', '\t', '\r', '\n', '\u00a0', '\u0000', '\uFEFF', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', ' \u200E\u0000'];
  const TRIGGERS = ['=', '+', '-', '@'];
  const hostileStarts = [
    ...['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', "=cmd|' /C calc'!A0\nsecond line"],
    ...LEADS.flatMap((lead) => TRIGGERS.map((trigger) => `${lead}${trigger}HYPERLINK("http://192.0.2.1")`)),
  ];
  it.each(hostileStarts)('prefixes a quote to %j', (cell) => {
    expect(serverWordsCell(cell)).toBe(`'${cell}`);
  });
  it.each(['ann@example.com', "'already", 'a =b', '1-2', ' plain words', '\u200Eplain', ''])('leaves %j alone', (cell) => {
    expect(serverWordsCell(cell)).toBe(cell);
  });
  it('guards the address column too', () => {
    const row = parse(exportOf('csv', [makeSummary({ address: '\u202E=x@example.com' })]).content).data[0]!;
    expect(row.Address).toBe("'\u202E=x@example.com");
  });
});

describe('vendor files carry addresses exactly (they are uploaded, not opened in a spreadsheet)', () => {
  const TRICKY = ['+x@example.com', '-x@example.com', '=x@example.com', "'x@example.com", '@x@example.com', '+15551234@example.com'];
  const summaries = TRICKY.map((address) => makeSummary({ address }));
  const addressColumn: Record<string, (content: string) => string[]> = {
    mailchimp: (content) => parse(content).data.map((row) => row['Email Address']!),
    sendgrid: (content) => parse(content).data.map((row) => row.email!),
    mailgun: (content) => parse(content).data.map((row) => row.address!),
    google: (content) => parse(content).data.map((row) => row['E-mail 1 - Value']!),
    ses: (content) => (parse(content, false) as unknown as { data: string[][] }).data.map((row) => row[0]!),
  };
  it.each(Object.keys(addressColumn))('%s: every address parses back byte for byte', (format) => {
    const file = exportOf(format as ExportFormat, summaries);
    expect(addressColumn[format]!(file.content)).toEqual(TRICKY);
    expect(file.content).not.toContain("''x");
    for (const address of TRICKY.filter((a) => !a.startsWith("'"))) expect(file.content).not.toContain(`'${address}`);
  });
  it('writes the bytes expected, no guard and no BOM', () => {
    expect(exportOf('mailchimp', summaries.slice(0, 4)).content).toBe('Email Address\r\n+x@example.com\r\n-x@example.com\r\n=x@example.com\r\n\'x@example.com');
    expect(exportOf('sendgrid', summaries.slice(0, 1)).content).toBe('email\r\n+x@example.com');
    expect(exportOf('ses', summaries.slice(2, 4)).content).toBe("=x@example.com,BOUNCE\r\n'x@example.com,BOUNCE\r\n");
  });
});

describe('generic CSV', () => {
  it('has the documented columns, one row per address, and a BOM for Excel', () => {
    const file = exportOf('csv');
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    const { meta, data } = parse(file.content);
    expect(meta.fields).toEqual([
      'Address', 'Kind', 'Reason', 'Status', 'Server words', 'Bounce count', 'Bounce days', 'First bounce', 'Last bounce', 'Verdict',
    ]);
    expect(data).toHaveLength(4);
    expect(data[1]).toEqual({
      Address: 'bob@example.org',
      Kind: 'soft bounce',
      Reason: 'mailbox full',
      Status: '452 4.2.2',
      'Server words': 'Mailbox full, "quota" exceeded, try later',
      'Bounce count': '4',
      'Bounce days': '3',
      'First bounce': '2026-02-01T08:00:00.000Z',
      'Last bounce': '2026-02-20T09:30:05.000Z',
      Verdict: 'Remove it: it keeps bouncing',
    });
    expect(file.filename).toBe('bounce-sweeper-removal-list-2026-11-27.csv');
    expect(file.count).toBe(4);
  });

  it('neutralises formula cells and keeps quotes, commas and line breaks inside their cell', () => {
    const { data } = parse(exportOf('csv').content);
    const row = data[2]!;
    expect(row.Address).toBe('\'=HYPERLINK("http://192.0.2.1/x","click")@example.net');
    // The line break is the one papaparse's own escapeFormulae would miss; it stays in one cell.
    expect(row['Server words']).toBe('\'+cmd|\' /C calc\'!A0\nsecond line, with "quotes" and, commas');
    expect(data[3]!['Server words']).toBe("'@SUM(1+1) Postfach voll — ünïcödé");
    expect(data[3]!.Address).toBe('jürgen@bücher.example');
  });

  it('uses CRLF line ends (RFC 4180)', () => {
    const content = exportOf('csv', [plain]).content;
    expect(content.split('\r\n')).toHaveLength(2);
  });
});

describe('plain text and JSON', () => {
  it('writes one address per line and nothing else', () => {
    const file = exportOf('text', [plain, soft, unicode]);
    expect(file.content).toBe('ann@example.com\nbob@example.org\njürgen@bücher.example\n');
    expect(file.filename.endsWith('.txt')).toBe(true);
  });

  it('folds a line break smuggled into an address so it cannot add a line', () => {
    const sneaky = makeSummary({ address: 'a@example.com\nevil@example.com' });
    expect(exportOf('text', [sneaky]).content.trim().split('\n')).toHaveLength(1);
  });

  it('round-trips the details as JSON', () => {
    const parsed = JSON.parse(exportOf('json').content) as Array<Record<string, unknown>>;
    expect(parsed.map((entry) => entry.address)).toEqual([plain.address, soft.address, hostile.address, unicode.address]);
    expect(parsed[1]).toMatchObject({ kind: 'soft', reason: 'mailboxfull', status: '4.2.2', replyCode: '452', bounceCount: 4, bounceDays: 3, verdict: 'remove-repeated-soft' });
    expect(parsed[2]!.serverWords).toBe(hostile.lastDiagnostic);
  });
});

describe('import shapes, exactly their documented columns', () => {
  it('Mailchimp: one "Email Address" column, no BOM', () => {
    const file = exportOf('mailchimp');
    expect(file.content.startsWith('\uFEFF')).toBe(false);
    const { meta, data } = parse(file.content);
    expect(meta.fields).toEqual(['Email Address']);
    expect(data.map((row) => row['Email Address'])).toEqual([
      'ann@example.com', 'bob@example.org', '=HYPERLINK("http://192.0.2.1/x","click")@example.net', 'jürgen@bücher.example',
    ]);
  });

  it('Amazon SES: address,REASON records without a header, COMPLAINT for complaints', () => {
    const file = exportOf('ses', [plain, complaint, hostile]);
    const { data } = parse(file.content, false) as unknown as { data: string[][] };
    expect(data).toEqual([
      ['ann@example.com', 'BOUNCE'],
      ['carl@example.com', 'COMPLAINT'],
      ['=HYPERLINK("http://192.0.2.1/x","click")@example.net', 'BOUNCE'],
    ]);
  });

  it('SendGrid: one "email" column', () => {
    const { meta, data } = parse(exportOf('sendgrid').content);
    expect(meta.fields).toEqual(['email']);
    expect(data).toHaveLength(4);
    expect(data[0]).toEqual({ email: 'ann@example.com' });
  });

  it('Mailgun: address, code, error, created_at with an RFC 2822 date and one-line error, hard bounces only', () => {
    const hardThenSoft = makeSummary({ address: 'dan@example.com', hardCount: 1, softCount: 1, lastKind: 'soft', lastReplyCode: '452', lastDiagnostic: '452 4.2.2 Mailbox full', lastBounceAt: '2026-03-05T10:00:00.000Z' });
    const hostileHard = makeSummary({ address: 'eve@example.net', lastDiagnostic: hostile.lastDiagnostic });
    const manual = makeSummary({ address: 'fay@example.com', hardCount: 0, lastKind: 'undetermined', verdict: 'remove', lastWebmail: 'manual' });
    const file = exportOf('mailgun', [plain, { ...soft, hardCount: 0 }, hostileHard, { ...complaint, hardCount: 0 }, hardThenSoft, manual]);
    const { meta, data } = parse(file.content);
    expect(meta.fields).toEqual(['address', 'code', 'error', 'created_at']);
    // Repeated soft bounces, a complaint and an address added by hand are not permanent failures.
    expect(data.map((row) => row.address)).toEqual(['ann@example.com', 'eve@example.net', 'dan@example.com']);
    expect(file.count).toBe(3);
    expect(file.skipped).toBe(3);
    expect(file.addresses).toEqual(['ann@example.com', 'eve@example.net', 'dan@example.com']);
    expect(data[0]).toEqual({
      address: 'ann@example.com',
      code: '550',
      error: '550 5.1.1 <user@example.com>: Recipient address rejected: User unknown',
      created_at: 'Mon, 02 Mar 2026 10:00:00 +0000',
    });
    // No formula guard in a vendor file; the line break is folded (one line per error).
    expect(data[1]!.error).toBe('+cmd|\' /C calc\'!A0 second line, with "quotes" and, commas');
    // The last bounce was soft: Mailgun's defaults (550, no words) rather than the soft bounce's.
    expect(data[2]).toEqual({ address: 'dan@example.com', code: '550', error: '', created_at: 'Thu, 05 Mar 2026 10:00:00 +0000' });
  });

  it('Google Contacts: Google\'s current CSV layout, no name (so Merge & fix pairs each copy with the contact by address), the label in Labels', () => {
    const file = buildExport('google', [plain, unicode], { now: NOW, contactLabel: 'Bounced 2026' });
    expect(file.content.startsWith('\uFEFF')).toBe(false);
    const { meta, data } = parse(file.content);
    expect(meta.fields).toEqual([
      'First Name', 'Middle Name', 'Last Name', 'Phonetic First Name', 'Phonetic Middle Name', 'Phonetic Last Name', 'Name Prefix', 'Name Suffix',
      'Nickname', 'File As', 'Organization Name', 'Organization Title', 'Organization Department', 'Birthday', 'Notes', 'Photo', 'Labels',
      'E-mail 1 - Label', 'E-mail 1 - Value',
    ]);
    expect(data[1]!['E-mail 1 - Value']).toBe('jürgen@bücher.example');
    expect(data[1]!.Labels).toBe('Bounced 2026 ::: * myContacts');
    expect(data[1]!['First Name']).toBe('');
    expect(data[0]!.Notes).toContain('address does not exist');
  });

  it('names the written addresses that may be offered for removal: no sender problem, none already removed', () => {
    const sender = makeSummary({ address: 'fay@example.com', verdict: 'sender-problem', hardCount: 0, lastKind: 'soft', lastReason: 'blocked' });
    const removed = makeSummary({ address: 'gus@example.com', verdict: 'removed', decision: 'removed' });
    const file = exportOf('csv', [plain, sender, removed, soft]);
    expect(file.addresses).toEqual(['ann@example.com', 'fay@example.com', 'gus@example.com', 'bob@example.org']);
    expect(file.removable).toEqual(['ann@example.com', 'bob@example.org']);
    expect(exportOf('mailgun', [plain, sender, { ...soft, hardCount: 0 }]).removable).toEqual(['ann@example.com']);
  });

  it('every registered format builds an empty list without failing', () => {
    for (const format of EXPORT_FORMATS) {
      const file = buildExport(format.id, [], { now: NOW });
      expect(file.count).toBe(0);
      expect(file.filename).toMatch(new RegExp(`\\.${format.extension}$`));
    }
  });
});

describe('formatRfc2822', () => {
  it('formats in UTC with a numeric zone', () => {
    expect(formatRfc2822('2026-01-05T03:04:05Z')).toBe('Mon, 05 Jan 2026 03:04:05 +0000');
    expect(formatRfc2822('not a date')).toBe('');
  });
});

describe('the registry', () => {
  it('says where every import shape goes, in one sentence', () => {
    for (const format of EXPORT_FORMATS) {
      expect(format.howTo.length, format.id).toBeGreaterThan(20);
      // One sentence: a single full stop, at the end.
      expect(format.howTo.replace(/\b(e\.g|etc)\./g, '').match(/[.!?](\s|$)/g), format.id).toHaveLength(1);
    }
    const google = EXPORT_FORMATS.find((format) => format.id === 'google')!.howTo;
    expect(google).toContain(DEFAULT_CONTACT_LABEL);
    expect(google).toContain('Merge & fix');
    expect(EXPORT_FORMATS.find((format) => format.id === 'mailgun')!.howTo).toContain('only the hard bounces');
  });
  it('has no Outlook contacts import: Outlook\'s CSV import only adds contacts', () => {
    expect(EXPORT_FORMATS.map((format) => format.id)).not.toContain('outlook');
  });
});
