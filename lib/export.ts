/**
 * Removal-list exports (pure: no DOM, no `browser`). The popup picks addresses and a format, this
 * module returns the file's text; the popup only downloads or copies it.
 *
 * Each import shape carries exactly the columns its tool documents (cited beside each builder), so
 * the file can be uploaded without mapping columns by hand.
 *
 * Addresses and server words come from hostile emails. papaparse writes every CSV, quoting and
 * formula guard included (OWASP "CSV Injection": a cell starting with = + - @ tab or CR is prefixed
 * with a single quote so a spreadsheet shows it as text instead of running it). Its guard is given
 * our pattern, FORMULA_START: the default one (/^[=+\-@\t\r].*$/) misses a cell with a line break
 * after the trigger, e.g. "=cmd|' /C calc'!A0\nx", because `.` stops at the line break.
 */
import Papa from 'papaparse';
import type { AddressSummary } from './policy';
import { describeReason, describeVerdict, describeKind } from './vocabulary';

export type ExportFormat =
  | 'csv'
  | 'text'
  | 'json'
  | 'mailchimp'
  | 'ses'
  | 'sendgrid'
  | 'mailgun'
  | 'google'
  | 'outlook';

export interface ExportFormatInfo {
  id: ExportFormat;
  /** Menu label. */
  label: string;
  /** One line on where the file goes. */
  description: string;
  extension: 'csv' | 'txt' | 'json';
  mimeType: string;
  /** A UTF-8 byte-order mark, so Excel and Outlook read non-ASCII text as UTF-8. */
  bom: boolean;
  /** Where the file goes in the tool, in one sentence, shown after the export. */
  howTo: string;
}

export interface ExportFile {
  format: ExportFormat;
  filename: string;
  mimeType: string;
  /** The file's text, starting with U+FEFF when the format wants a byte-order mark. */
  content: string;
  /** Number of addresses written. */
  count: number;
}

export interface ExportOptions {
  /** Used in the file name (and nowhere else): exports are reproducible for the same input. */
  now?: Date;
  /** Google label / Outlook category that lets the user find and delete these contacts. */
  contactLabel?: string;
}

export const DEFAULT_CONTACT_LABEL = 'Bounced - remove';

/** The registry: menu order is this order. */
export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
  { id: 'csv', label: 'Spreadsheet (CSV)', description: 'Every detail, opens in Excel, Numbers or Google Sheets', extension: 'csv', mimeType: 'text/csv', bom: true, howTo: 'Open it in a spreadsheet, or keep it as a record of what you removed.' },
  { id: 'text', label: 'Plain text', description: 'One address per line, to paste anywhere', extension: 'txt', mimeType: 'text/plain', bom: false, howTo: 'Paste the addresses wherever your tool asks for a list.' },
  { id: 'json', label: 'JSON', description: 'Every detail, for scripts', extension: 'json', mimeType: 'application/json', bom: false, howTo: 'For scripts: one object per address.' },
  { id: 'mailchimp', label: 'Mailchimp', description: 'Import as unsubscribed, or to archive contacts', extension: 'csv', mimeType: 'text/csv', bom: false, howTo: 'Mailchimp: Audience → Add contacts → Import contacts, upload the file and choose the status Unsubscribed (or import, then select them and Archive).' },
  { id: 'ses', label: 'Amazon SES', description: 'Suppression list bulk import (address, reason)', extension: 'csv', mimeType: 'text/csv', bom: false, howTo: 'Amazon SES console: Configuration → Suppression list → Bulk actions → Add email addresses, upload the file.' },
  { id: 'sendgrid', label: 'SendGrid', description: 'Suppressions upload (email column)', extension: 'csv', mimeType: 'text/csv', bom: false, howTo: 'SendGrid: Suppressions → Bounces (or Global Unsubscribes) → Add, upload the CSV.' },
  { id: 'mailgun', label: 'Mailgun', description: 'Bounces import (address, code, error, created_at)', extension: 'csv', mimeType: 'text/csv', bom: false, howTo: 'Mailgun: Sending → Suppressions → Bounces → Import, upload the CSV (or POST it to /v3/<domain>/bounces/import).' },
  { id: 'google', label: 'Google Contacts', description: 'Contacts with a label, to find and delete them', extension: 'csv', mimeType: 'text/csv', bom: false, howTo: 'Google Contacts: Import, pick the file, then open the label “Bounced - remove”, select all and delete (or fix) them.' },
  { id: 'outlook', label: 'Outlook contacts', description: 'Contacts with a category, to find and delete them', extension: 'csv', mimeType: 'text/csv', bom: true, howTo: 'Outlook: People → Manage contacts → Import contacts, then filter by the category “Bounced - remove” and delete them.' },
];

export function findExportFormat(id: ExportFormat): ExportFormatInfo {
  const info = EXPORT_FORMATS.find((format) => format.id === id);
  if (!info) throw new Error(`Unknown export format: ${id}`);
  return info;
}

/** The first character of a cell a spreadsheet would run as a formula (OWASP CSV Injection). */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180: CRLF line ends, quotes doubled inside quoted cells; the formula guard above. */
const CSV_OPTIONS = { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START } as const;

/** Control characters (line breaks included) folded to spaces: an address is one line. */
function oneLine(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

function toCsv(fields: string[], rows: string[][]): string {
  return Papa.unparse({ fields, data: rows }, CSV_OPTIONS);
}

function bounceCount(summary: AddressSummary): number {
  return summary.hardCount + summary.softCount + summary.senderProblemCount + (summary.undeterminedCount ?? 0);
}

/** "550 5.1.1", "5.2.2", "550" or "". */
function describeStatus(summary: AddressSummary): string {
  return [summary.lastReplyCode, summary.lastStatus].filter(Boolean).join(' ');
}

/** RFC 2822 §3.3 date-time in UTC, e.g. "Fri, 27 Nov 2026 19:56:56 +0000" (Mailgun's created_at). */
export function formatRfc2822(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${days[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

function note(summary: AddressSummary): string {
  return `Bounce Sweeper: ${describeVerdict(summary.verdict)}; ${describeReason(summary.lastReason)}; last bounce ${summary.lastBounceAt.slice(0, 10)}`;
}

type Builder = (addresses: AddressSummary[], options: Required<ExportOptions>) => string;

const BUILDERS: Record<ExportFormat, Builder> = {
  csv: (addresses) =>
    toCsv(
      ['Address', 'Kind', 'Reason', 'Status', 'Server words', 'Bounce count', 'Bounce days', 'First bounce', 'Last bounce', 'Verdict'],
      addresses.map((a) => [
        oneLine(a.address),
        describeKind(a.lastKind),
        describeReason(a.lastReason),
        describeStatus(a),
        a.lastDiagnostic,
        String(bounceCount(a)),
        String(a.bounceDays),
        a.firstBounceAt,
        a.lastBounceAt,
        describeVerdict(a.verdict),
      ]),
    ),

  text: (addresses) => addresses.map((a) => oneLine(a.address)).join('\n') + (addresses.length ? '\n' : ''),

  json: (addresses) =>
    JSON.stringify(
      addresses.map((a) => ({
        address: a.address,
        kind: a.lastKind,
        reason: a.lastReason,
        reasonText: describeReason(a.lastReason),
        status: a.lastStatus,
        replyCode: a.lastReplyCode,
        serverWords: a.lastDiagnostic,
        bounceCount: bounceCount(a),
        bounceDays: a.bounceDays,
        firstBounceAt: a.firstBounceAt,
        lastBounceAt: a.lastBounceAt,
        verdict: a.verdict,
        decision: a.decision,
        evidence: a.evidence,
      })),
      null,
      2,
    ) + '\n',

  // Mailchimp: Audience > Add contacts > Import contacts, status "Unsubscribed" (or import then
  // Actions > Archive); the importer matches the "Email Address" column header.
  // https://mailchimp.com/help/unsubscribe-contacts/ · https://mailchimp.com/help/format-guidelines-for-your-import-file/
  mailchimp: (addresses) => toCsv(['Email Address'], addresses.map((a) => [oneLine(a.address)])),

  // Amazon SES account-level suppression list, bulk add (console "Bulk actions" or CreateImportJob
  // with DataFormat CSV): one record per line, "address,REASON", REASON is BOUNCE or COMPLAINT; the
  // documented example has no header row.
  // https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html
  // https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SuppressionOptions.html (BOUNCE | COMPLAINT)
  ses: (addresses) =>
    addresses
      .map((a) =>
        Papa.unparse([[oneLine(a.address), a.lastReason === 'feedback' ? 'COMPLAINT' : 'BOUNCE']], CSV_OPTIONS),
      )
      .join('\r\n') + (addresses.length ? '\r\n' : ''),

  // SendGrid: Suppressions > (Bounces | Global Unsubscribes | Invalid Emails) > Add > Upload CSV:
  // a single column of addresses under the header "email".
  // https://www.twilio.com/docs/sendgrid/ui/sending-email/index-suppressions
  sendgrid: (addresses) => toCsv(['email'], addresses.map((a) => [oneLine(a.address)])),

  // Mailgun: POST /v3/{domain}/bounces/import takes a CSV with the headers address, code, error,
  // created_at; code defaults to 550, created_at is RFC 2822.
  // https://documentation.mailgun.com/docs/mailgun/api-reference/send/mailgun/bounces/post-v3--domainid--bounces-import
  mailgun: (addresses) =>
    toCsv(
      ['address', 'code', 'error', 'created_at'],
      addresses.map((a) => [
        oneLine(a.address),
        /^[245]\d\d$/.test(a.lastReplyCode) ? a.lastReplyCode : '550',
        oneLine(a.lastDiagnostic),
        formatRfc2822(a.lastBounceAt),
      ]),
    ),

  // Google Contacts "Google CSV": Contacts > Import reads these headers; "Group Membership" holds
  // labels separated by " ::: " (a label that does not exist yet is created), so the user can open
  // the label, select all and delete. https://support.google.com/contacts/answer/1069522
  google: (addresses, options) =>
    toCsv(
      ['Name', 'Notes', 'Group Membership', 'E-mail 1 - Type', 'E-mail 1 - Value'],
      addresses.map((a) => [oneLine(a.address), note(a), `${options.contactLabel} ::: * myContacts`, '* Other', oneLine(a.address)]),
    ),

  // Outlook (classic and new) Import contacts from a CSV file maps its own export's headers: "First
  // Name", "E-mail Address", "Notes" and "Categories"; the category lets the user filter and delete.
  // https://support.microsoft.com/office/import-contacts-to-outlook-bb796340-b58a-46c1-90c7-b549b8f3c5f8
  outlook: (addresses, options) =>
    toCsv(
      ['First Name', 'Last Name', 'E-mail Address', 'Notes', 'Categories'],
      addresses.map((a) => [oneLine(a.address), '', oneLine(a.address), note(a), options.contactLabel]),
    ),
};

function datePart(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Builds the file for `format` from `addresses` (in the order given). */
export function buildExport(format: ExportFormat, addresses: AddressSummary[], options: ExportOptions = {}): ExportFile {
  const info = findExportFormat(format);
  const full: Required<ExportOptions> = {
    now: options.now ?? new Date(),
    contactLabel: oneLine(options.contactLabel ?? '') || DEFAULT_CONTACT_LABEL,
  };
  const body = BUILDERS[format](addresses, full);
  const suffix = format === 'csv' || format === 'text' || format === 'json' ? 'removal-list' : format;
  return {
    format,
    filename: `bounce-sweeper-${suffix}-${datePart(full.now)}.${info.extension}`,
    mimeType: `${info.mimeType};charset=utf-8`,
    content: (info.bom ? '\uFEFF' : '') + body,
    count: addresses.length,
  };
}
