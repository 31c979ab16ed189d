/**
 * A CRM export as tools write one (semicolons, a UTF-8 BOM added by the caller, quoted cells with
 * line breaks, semicolons and doubled quotes, extra columns), and the addresses on record for it:
 * for the unit tests, the browser test (tests/e2e/clean-list.e2e.ts) and the bench
 * (scripts/bench/clean-list.ts). Anonymised: example.com domains only.
 */
import type { RowStatus } from '../../lib/clean-list/status';
import type { ListGroup } from '../../lib/store/db';

export const CRM_HEADER = ['Id', 'Prénom', 'Nom', 'E-mail', 'Société', 'Notes', 'Téléphone', 'Créé le'] as const;

/** Groups of the addresses on record, in turn. */
const GROUPS: readonly ListGroup[] = ['remove', 'watch', 'sender', 'done', 'kept', 'clear', 'remove', 'remove', 'watch', 'sender'];
const STATUS: Record<ListGroup, RowStatus> = { remove: 'remove', done: 'remove', watch: 'watch', sender: 'sender problem', kept: 'ok', clear: 'ok' };

export function crmAddress(i: number): string {
  return `contact${i}@domain${i % 613}.example.com`;
}

/** The group of the i-th address on record. */
export function groupOf(i: number): ListGroup {
  return GROUPS[i % GROUPS.length]!;
}

export interface CrmExport {
  text: string;
  /** Each data row's cells, as a reader should find them. */
  rows: string[][];
  /** Each data row's expected status ("" for a row without an address). */
  statuses: string[];
}

function quote(cell: string): string {
  return /[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * `rows` contacts; the first `onRecord` rows' addresses are on record (groupOf); every 7th row
 * writes its address in capitals and every 1000th row has none.
 */
export function makeCrmExport(rows: number, onRecord: number): CrmExport {
  const lines: string[] = [CRM_HEADER.join(';')];
  const data: string[][] = [];
  const statuses: string[] = [];
  for (let i = 0; i < rows; i++) {
    const address = i % 1000 === 999 ? '' : i % 7 === 0 ? crmAddress(i).toUpperCase() : crmAddress(i);
    const notes = i % 10 === 0 ? `Met at the fair; "VIP"\r\nCall back in ${i % 12 + 1} weeks` : i % 3 === 0 ? 'Newsletter' : '';
    const row = [String(100000 + i), `Prénom${i}`, `Nom ${i % 97}`, address, i % 5 === 0 ? 'Müller & Söhne; GmbH' : `Company ${i % 311}`, notes, `+33 1 ${String(i).padStart(8, '0')}`, '2026-01-15'];
    data.push(row);
    lines.push(row.map(quote).join(';'));
    statuses.push(address === '' ? '' : i < onRecord ? STATUS[groupOf(i)] : 'ok');
  }
  return { text: lines.join('\r\n') + '\r\n', rows: data, statuses };
}

/** The addresses on record for makeCrmExport, as listVerdicts answers. */
export function crmVerdicts(onRecord: number): Array<{ address: string; group: ListGroup }> {
  return Array.from({ length: onRecord }, (_, i) => ({ address: crmAddress(i), group: groupOf(i) }));
}

const PER_NOTICE = 5;
const NOTICES_PER_REQUEST = 500;

/** One failed recipient as the classifier reports it, for the group it should land in. */
function recipientFor(address: string, group: ListGroup) {
  const base = { address, action: 'failed', remoteMta: 'mx.example.com' };
  if (group === 'watch' || group === 'clear') {
    return { ...base, kind: 'soft', reason: 'mailboxfull', status: '4.2.2', replyCode: '452', diagnostic: '452 4.2.2 Mailbox full' };
  }
  if (group === 'sender') {
    return { ...base, kind: 'soft', reason: 'blocked', status: '5.7.1', replyCode: '554', diagnostic: '554 5.7.1 Client host [192.0.2.10] blocked using zen.spamhaus.org' };
  }
  return { ...base, kind: 'hard', reason: 'userunknown', status: '5.1.1', replyCode: '550', diagnostic: `550 5.1.1 <${address}>: Recipient address rejected: User unknown` };
}

/**
 * The importNotices requests and the decisions that put the first `onRecord` addresses of
 * makeCrmExport in their groups: soft bounces of 'clear' addresses are dated 90 days back, so they
 * have expired. Five recipients per notice, each notice carrying the message it returns: what a
 * real bounce of one send looks like, so the store counts it without asking (lib/store/trust.ts).
 */
export function crmSeed(onRecord: number, now = Date.now()): { requests: Array<{ notices: unknown[] }>; decisions: Array<{ addresses: string[]; decision: 'removed' | 'kept' }> } {
  const byGroup = new Map<ListGroup, string[]>();
  for (let i = 0; i < onRecord; i++) {
    const group = groupOf(i);
    byGroup.set(group, [...(byGroup.get(group) ?? []), crmAddress(i)]);
  }
  const notices: unknown[] = [];
  for (const [group, addresses] of byGroup) {
    const date = new Date(now - (group === 'clear' ? 90 : 2) * 86_400_000).toISOString();
    for (let start = 0; start < addresses.length; start += PER_NOTICE) {
      const key = `crm:${group}:${start}`;
      notices.push({
        key,
        notice: {
          isBounce: true,
          category: 'bounce',
          format: 'rfc3464',
          recipients: addresses.slice(start, start + PER_NOTICE).map((address) => recipientFor(address, group)),
          subject: 'Undelivered Mail Returned to Sender',
          from: 'MAILER-DAEMON@mx.example.net',
          messageId: `${key.replace(/[^a-z0-9]/gi, '-')}@mx.example.net`,
          date,
          notes: [],
          returned: { from: 'newsletter@example.org', sender: '', returnPath: 'newsletter@example.org', subject: 'Our news', messageId: `news-${key.replace(/[^a-z0-9]/gi, '-')}@example.org`, date },
        },
      });
    }
  }
  const requests: Array<{ notices: unknown[] }> = [];
  for (let i = 0; i < notices.length; i += NOTICES_PER_REQUEST) requests.push({ notices: notices.slice(i, i + NOTICES_PER_REQUEST) });
  return {
    requests,
    decisions: [
      { addresses: byGroup.get('done') ?? [], decision: 'removed' },
      { addresses: byGroup.get('kept') ?? [], decision: 'kept' },
    ],
  };
}
