/**
 * Removal-list exports (pure: no DOM, no `browser`). The popup picks addresses and a format, this
 * module returns the file's text; the popup only downloads or copies it.
 *
 * Each import shape carries exactly the columns its tool documents (cited beside each builder), so
 * the file can be uploaded without mapping columns by hand.
 *
 * Addresses and server words come from hostile emails. papaparse writes every CSV, quoting included.
 * Only the spreadsheet export (`csv`) carries the formula guard (OWASP "CSV Injection": a cell a
 * spreadsheet would run is prefixed with a single quote so it shows as text). Its pattern,
 * FORMULA_START, also catches what papaparse's default (/^[=+\-@\t\r].*$/) misses: a trigger after
 * leading whitespace, NUL, a byte-order mark or a bidi mark (spreadsheets skip or hide those before
 * reading a formula), and a trigger followed by a line break ("=cmd|' /C calc'!A0\nx").
 *
 * The vendor files (Mailchimp, Amazon SES, SendGrid, Mailgun, Google Contacts) are uploaded to a
 * service, never opened in a spreadsheet: they carry every address exactly as recorded, so that
 * `+15551234@example.com` is not uploaded as `'+15551234@example.com` (a row the vendor rejects, or
 * an address it suppresses that does not exist). tests/export.test.ts parses each file back.
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
  | 'google';

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
  /** The addresses written, in file order (a format may leave some out: Mailgun takes hard bounces only). */
  addresses?: string[];
  /** Addresses given but left out of this format. */
  skipped?: number;
  /**
   * The written addresses the popup may offer to mark removed: not sender problems (refusals of the
   * sender, not the recipients' fault) and not those already marked removed.
   */
  removable?: string[];
}

export interface ExportOptions {
  /** Used in the file name (and nowhere else): exports are reproducible for the same input. */
  now?: Date;
  /** Google Contacts label that lets the user find and delete these contacts. */
  contactLabel?: string;
}

export const DEFAULT_CONTACT_LABEL = 'Bounced - remove';

/**
 * The registry: menu order is this order. Each vendor's import is cited beside its builder below.
 * There is no Outlook contacts file: Outlook's CSV import only adds contacts (a copy beside the
 * user's own), and no Outlook has a documented way to delete contacts by import; Clean my list reads
 * Outlook's own export instead and says which contacts to delete (README, "Clean my list").
 */
export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
  { id: 'csv', label: 'Spreadsheet (CSV)', description: 'Every detail, opens in Excel, Numbers or Google Sheets', extension: 'csv', mimeType: 'text/csv', bom: true, howTo: 'Open it in a spreadsheet, or keep it as a record of what you removed.' },
  { id: 'text', label: 'Plain text', description: 'One address per line, to paste anywhere', extension: 'txt', mimeType: 'text/plain', bom: false, howTo: 'Paste the addresses wherever your tool asks for a list.' },
  { id: 'json', label: 'JSON', description: 'Every detail, for scripts', extension: 'json', mimeType: 'application/json', bom: false, howTo: 'For scripts: one object per address.' },
  { id: 'mailchimp', label: 'Mailchimp', description: 'Import as unsubscribed (updates the contacts already in your audience)', extension: 'csv', mimeType: 'text/csv', bom: false, howTo: 'Mailchimp: Audience → Add contacts → Import contacts → Upload a file, choose the status Unsubscribed and tick “Update any existing contacts”, so the contacts already in your audience stop getting your campaigns.' },
  { id: 'ses', label: 'Amazon SES', description: 'Account-level suppression list, bulk add (address,BOUNCE)', extension: 'csv', mimeType: 'text/csv', bom: false, howTo: 'Amazon SES console: Configuration → Suppression list → Bulk actions → Add email addresses, upload the file (production access needed), and SES stops sending to them.' },
  { id: 'sendgrid', label: 'SendGrid', description: 'Suppressions upload (email column)', extension: 'csv', mimeType: 'text/csv', bom: false, howTo: 'SendGrid: Suppressions → Global Unsubscribes → Add → Upload CSV, and SendGrid stops sending to them.' },
  { id: 'mailgun', label: 'Mailgun', description: 'Bounces import, hard bounces only (address, code, error, created_at)', extension: 'csv', mimeType: 'text/csv', bom: false, howTo: 'Mailgun: Send → Suppressions → Bounces → Import, upload the file (or POST it to /v3/<domain>/bounces/import); it holds only the hard bounces, because Mailgun’s bounce list is for permanent failures.' },
  { id: 'google', label: 'Google Contacts', description: 'Copies with a label: merge them into your contacts, then delete the label’s contacts', extension: 'csv', mimeType: 'text/csv', bom: false, howTo: 'Google Contacts: Import this file, click Merge & fix → Merge all (each copy shares its address with your contact, so your contact takes the label “Bounced - remove”), then open that label, select all and choose More actions → Delete.' },
];

export function findExportFormat(id: ExportFormat): ExportFormatInfo {
  const info = EXPORT_FORMATS.find((format) => format.id === id);
  if (!info) throw new Error(`Unknown export format: ${id}`);
  return info;
}

/**
 * Characters a spreadsheet skips or does not show before it reads a formula: whitespace (\s covers
 * space, tab, CR, LF, NBSP, U+2028/9 and U+FEFF), NUL, and the bidi marks LRM/RLM (U+200E/F), the
 * embeddings and overrides (U+202A–E) and the isolates (U+2066–9).
 */
const INVISIBLE_LEAD = '[\\s\\u0000\\uFEFF\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]';

/**
 * A cell a spreadsheet would run as a formula (OWASP CSV Injection): = + - @ after any run of the
 * characters above, or a cell that starts with tab or CR.
 */
export const FORMULA_START = new RegExp(`^(?:${INVISIBLE_LEAD}*[=+\\-@]|[\\t\\r])`);

/** RFC 4180: CRLF line ends, quotes doubled inside quoted cells. */
const VENDOR_CSV = { newline: '\r\n', quotes: false, escapeFormulae: false } as const;
/** The same, with the formula guard: for the spreadsheet export only. */
const SPREADSHEET_CSV = { ...VENDOR_CSV, escapeFormulae: FORMULA_START } as const;

/** Control characters (line breaks included) folded to spaces: an address is one line. */
function oneLine(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

/** A vendor file: cells exactly as given, quoted where RFC 4180 needs it. */
function toCsv(fields: string[], rows: string[][]): string {
  return Papa.unparse({ fields, data: rows }, VENDOR_CSV);
}

/** Whether Mailgun's bounce list may hold the address: it is for permanent failures only. */
function isPermanent(summary: AddressSummary): boolean {
  return summary.hardCount > 0;
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
    Papa.unparse(
      {
        fields: ['Address', 'Kind', 'Reason', 'Status', 'Server words', 'Bounce count', 'Bounce days', 'First bounce', 'Last bounce', 'Verdict'],
        data: addresses.map((a) => [
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
      },
      SPREADSHEET_CSV,
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

  // Mailchimp: Audience > Add contacts > Import contacts > Upload a file; the importer matches the
  // "Email Address" column header, and the status chosen on import (Unsubscribed) with "Update any
  // existing contacts" changes the contacts already in the audience (an audience is keyed by address).
  // https://mailchimp.com/help/format-guidelines-for-your-import-file/ · https://mailchimp.com/help/unsubscribe-contacts/
  mailchimp: (addresses) => toCsv(['Email Address'], addresses.map((a) => [a.address])),

  // Amazon SES account-level suppression list, bulk add (console "Bulk actions", or CreateImportJob
  // with DataFormat CSV): one record per line, "address,REASON", REASON BOUNCE or COMPLAINT, no
  // header row in the documented example ("recipient1@example.com,BOUNCE").
  // https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html
  // https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SuppressionOptions.html (BOUNCE | COMPLAINT)
  ses: (addresses) =>
    addresses.length
      ? Papa.unparse(addresses.map((a) => [a.address, a.lastReason === 'feedback' ? 'COMPLAINT' : 'BOUNCE']), VENDOR_CSV) + '\r\n'
      : '',

  // SendGrid: Suppressions > Global Unsubscribes > Add > Upload CSV: a single column of addresses
  // under the header "email". Global unsubscribes are never sent to again (the same list as the API's
  // POST /v3/asm/suppressions/global); the Bounces list is SendGrid's own record, which its page
  // offers to export and delete from, not to add to.
  // https://www.twilio.com/docs/sendgrid/ui/sending-email/index-suppressions
  // https://www.twilio.com/docs/sendgrid/api-reference/suppressions-global-suppressions/add-recipient-addresses-to-the-global-suppression-group
  // https://www.twilio.com/docs/sendgrid/ui/sending-email/bounces
  sendgrid: (addresses) => toCsv(['email'], addresses.map((a) => [a.address])),

  // Mailgun: POST /v3/{domain}/bounces/import (or the Bounces page's Import) takes a CSV with the
  // headers address, code, error, created_at; code defaults to 550, error to "", created_at is RFC
  // 2822. The bounce list "stores events of delivery failures due to permanent recipient mailbox
  // errors ... Soft bounces (for example, mailbox is full) ... are not added to the list": only
  // addresses with a hard bounce are written (FILTERS below), with the hard bounce's code and words
  // when it was the last one, else Mailgun's defaults.
  // https://documentation.mailgun.com/docs/mailgun/api-reference/send/mailgun/bounces
  // https://documentation.mailgun.com/docs/mailgun/api-reference/send/mailgun/bounces/post-v3--domainid--bounces-import
  mailgun: (addresses) =>
    toCsv(
      ['address', 'code', 'error', 'created_at'],
      addresses.map((a) => {
        const last = a.lastKind === 'hard';
        return [
          a.address,
          last && /^5\d\d$/.test(a.lastReplyCode) ? a.lastReplyCode : '550',
          last ? oneLine(a.lastDiagnostic) : '',
          formatRfc2822(a.lastBounceAt),
        ];
      }),
    ),

  // Google Contacts, Google's current CSV layout (what Contacts > Export > Google CSV writes since
  // its 2024 redesign: "First Name", …, "Labels", "E-mail 1 - Label", "E-mail 1 - Value"; labels
  // are separated by " ::: ", a label that does not exist yet is created). Import makes new
  // contacts beside the user's own, so the file alone would only let them delete the copies: the
  // copies carry no name, only the address, and Merge & fix (Google's duplicate merge, which pairs
  // contacts that share an address) merges each copy into the user's contact, which then carries
  // the label; deleting the label's contacts then deletes the user's contacts.
  // https://support.google.com/contacts/answer/1069522 (import) · https://support.google.com/contacts/answer/7078226 (merge duplicates)
  google: (addresses, options) =>
    toCsv(
      [...GOOGLE_NAME_COLUMNS, 'Notes', 'Photo', 'Labels', 'E-mail 1 - Label', 'E-mail 1 - Value'],
      addresses.map((a) => [...GOOGLE_NAME_COLUMNS.map(() => ''), note(a), '', `${options.contactLabel} ::: * myContacts`, '* Other', a.address]),
    ),
};

/** Google CSV's columns before "Notes", in its order, left empty here (a name would stop the merge). */
const GOOGLE_NAME_COLUMNS = [
  'First Name', 'Middle Name', 'Last Name', 'Phonetic First Name', 'Phonetic Middle Name', 'Phonetic Last Name',
  'Name Prefix', 'Name Suffix', 'Nickname', 'File As', 'Organization Name', 'Organization Title', 'Organization Department', 'Birthday',
] as const;

/** Which addresses a format takes (all, unless listed). */
const FILTERS: Partial<Record<ExportFormat, (summary: AddressSummary) => boolean>> = {
  mailgun: isPermanent,
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
  const chosen = FILTERS[format] ? addresses.filter(FILTERS[format]) : addresses;
  const body = BUILDERS[format](chosen, full);
  const suffix = format === 'csv' || format === 'text' || format === 'json' ? 'removal-list' : format;
  return {
    format,
    filename: `bounce-sweeper-${suffix}-${datePart(full.now)}.${info.extension}`,
    mimeType: `${info.mimeType};charset=utf-8`,
    content: (info.bom ? '\uFEFF' : '') + body,
    count: chosen.length,
    addresses: chosen.map((a) => a.address),
    skipped: addresses.length - chosen.length,
    removable: chosen.filter((a) => a.verdict !== 'sender-problem' && a.verdict !== 'removed').map((a) => a.address),
  };
}
