import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { decodeBytes, encodeText } from '../../lib/clean-list/decode';
import { cleanInspected, inspectBytes } from '../../lib/clean-list/run';
import { toVerdictMap } from '../../lib/clean-list/status';
import { CRM_HEADER, crmVerdicts, makeCrmExport } from './crm-fixture';

describe('Clean my list at scale', () => {
  it('100,000 rows against 10,000 addresses on record: every row its status, every column intact', () => {
    const crm = makeCrmExport(100_000, 10_000);
    const inspected = inspectBytes(encodeText(crm.text, 'utf-8', true));
    const out = cleanInspected(inspected, inspected.column, toVerdictMap(crmVerdicts(10_000)));
    const annotated = Papa.parse<string[]>(decodeBytes(out.annotated).text, { delimiter: ';' }).data.filter((row) => row.length > 1);
    expect(annotated[0]).toEqual([...CRM_HEADER, 'Bounce Sweeper status']);
    expect(annotated.length - 1).toBe(100_000);
    expect(annotated.slice(1).map((row) => row.slice(0, -1))).toEqual(crm.rows);
    expect(annotated.slice(1).map((row) => row.at(-1))).toEqual(crm.statuses);
    const removeCount = crm.statuses.filter((status) => status === 'remove').length;
    expect(out.counts.remove).toBe(removeCount);
    const cleanedRows = Papa.parse<string[]>(decodeBytes(out.cleaned).text, { delimiter: ';' }).data.filter((row) => row.length > 1);
    expect(cleanedRows.length - 1).toBe(100_000 - removeCount);
  }, 120_000);
});
