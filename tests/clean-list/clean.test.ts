/**
 * Clean my list end to end on bytes, with the verdicts read from the real background (handlers,
 * router and tally store on fake-indexeddb) through listVerdicts, as the page reads them.
 */
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATUS_COLUMN } from '../../lib/clean-list/clean';
import { decodeBytes, encodeText } from '../../lib/clean-list/decode';
import { cleanInspected, inspectBytes } from '../../lib/clean-list/run';
import { toVerdictMap, type VerdictMap } from '../../lib/clean-list/status';
import { dsnBounce, mailboxFull, senderBlocked } from '../import/bounce-fixtures';
import { createRealBackground } from '../pages/real-background';

let map: VerdictMap;

beforeAll(async () => {
  const now = () => new Date('2026-03-10T12:00:00Z');
  const background = createRealBackground(now);
  await background.seed([
    dsnBounce('hard@example.com'),
    dsnBounce('second@example.org'),
    mailboxFull('full@example.com', 'Tue, 03 Mar 2026 10:00:00 +0000', 'f1@mx.example.net'),
    senderBlocked('blocked@example.net', 'Wed, 04 Mar 2026 10:00:00 +0000', 'b1@mx.example.net'),
    dsnBounce('kept@example.com', { id: 'k1@mx.example.net' }),
  ]);
  await background.transport('setDecision', { addresses: ['kept@example.com'], decision: 'kept' });
  map = toVerdictMap((await background.transport('listVerdicts', {})).verdicts);
});

function parseOut(bytes: Uint8Array, delimiter = ';') {
  const { text } = decodeBytes(bytes);
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

const CRM =
  'Id;Nom;E-mail;Notes;Société\r\n' +
  '1;Ann;Hard@Example.com;"two\r\nlines; with ; semicolons";Acme\r\n' +
  '2;Bob;full@example.com;;Globex\r\n' +
  '3;Cat;blocked@example.net;"said ""hi""";\r\n' +
  '4;Dan;kept@example.com;;Initech\r\n' +
  '5;Eve;eve@example.org;;\r\n' +
  '6;Fay;"second@example.org; eve2@example.org";;\r\n' +
  '7;Gus;;no address;\r\n';

describe('Clean my list', () => {
  it('finds the rows on record in a CRM export (UTF-8 BOM, semicolons, quoted line breaks) and writes three files like it', () => {
    const bytes = encodeText(CRM, 'utf-8', true);
    const inspected = inspectBytes(bytes);
    expect(inspected.decoded).toEqual({ encoding: 'utf-8', bom: true });
    expect(inspected.column).toBe(2);
    expect(inspected.columns).toEqual(['Id', 'Nom', 'E-mail', 'Notes', 'Société']);
    const out = cleanInspected(inspected, inspected.column, map);
    for (const file of [out.annotated, out.cleaned, out.removal]) expect([...file.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const annotated = parseOut(out.annotated);
    expect(annotated[0]).toEqual(['Id', 'Nom', 'E-mail', 'Notes', 'Société', STATUS_COLUMN]);
    expect(annotated.slice(1).map((row) => [row[0], row[5]])).toEqual([
      ['1', 'remove'], ['2', 'watch'], ['3', 'sender problem'], ['4', 'ok'], ['5', 'ok'], ['6', 'remove'], ['7', ''],
    ]);
    // Every original column intact, quoted line breaks and quotes included.
    const original = Papa.parse<string[]>(CRM, { delimiter: ';', skipEmptyLines: true }).data;
    expect(annotated.map((row) => row.slice(0, 5))).toEqual(original);

    // The cleaned file: row 1 gone, row 6 keeps its other address; the removal file: row 1 and row 6's first address.
    const cleaned = parseOut(out.cleaned);
    expect(cleaned.map((row) => row[0])).toEqual(['Id', '2', '3', '4', '5', '6', '7']);
    expect(cleaned[5]).toEqual(['6', 'Fay', 'eve2@example.org', '', '']);
    const removal = parseOut(out.removal);
    expect(removal).toEqual([original[0], original[1], ['6', 'Fay', 'second@example.org', '', '']]);
    expect(out.counts).toEqual({ rows: 7, remove: 2, sender: 1, watch: 1, ok: 2, none: 1, partial: 1 });
    // CRLF kept, and the final line break.
    expect(decodeBytes(out.cleaned).text.endsWith('7;Gus;;no address;\r\n')).toBe(true);
  });

  it('reads and writes an Outlook contacts export in UTF-16 LE', () => {
    const outlook =
      '"First Name","Last Name","E-mail Address","E-mail 2 Address","Categories"\r\n' +
      '"Ann","Äpfel","hard@example.com","","Kunden"\r\n' +
      '"Bob","Øst","bob@example.com","","Kunden"\r\n';
    const bytes = encodeText(outlook, 'utf-16le', true);
    const inspected = inspectBytes(bytes);
    expect(inspected.decoded).toEqual({ encoding: 'utf-16le', bom: true });
    expect(inspected.column).toBe(2);
    const out = cleanInspected(inspected, inspected.column, map);
    expect([...out.cleaned.slice(0, 2)]).toEqual([0xff, 0xfe]);
    expect(decodeBytes(out.cleaned).text).toBe('"First Name","Last Name","E-mail Address","E-mail 2 Address","Categories"\r\n"Bob","Øst","bob@example.com","","Kunden"\r\n');
    expect(decodeBytes(out.removal).text).toBe('"First Name","Last Name","E-mail Address","E-mail 2 Address","Categories"\r\n"Ann","Äpfel","hard@example.com","","Kunden"\r\n');
  });

  it('pasted addresses: one column, no header, the status beside each', () => {
    const inspected = inspectBytes(new TextEncoder().encode('hard@example.com\nfriend@example.com\n'));
    expect(inspected.list.header).toBeNull();
    const out = cleanInspected(inspected, 0, map);
    expect(decodeBytes(out.annotated).text).toBe('hard@example.com,remove\nfriend@example.com,ok\n');
    expect(decodeBytes(out.cleaned).text).toBe('friend@example.com\n');
    expect(decodeBytes(out.removal).text).toBe('hard@example.com\n');
  });

  it('uses the column the user picks', () => {
    const inspected = inspectBytes(new TextEncoder().encode('Email,Backup\nfriend@example.com,hard@example.com\n'));
    expect(inspected.column).toBe(0);
    expect(decodeBytes(cleanInspected(inspected, 1, map).annotated).text).toBe('Email,Backup,Bounce Sweeper status\nfriend@example.com,hard@example.com,remove\n');
  });
});
