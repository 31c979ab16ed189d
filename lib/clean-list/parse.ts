/**
 * A user's list as rows and columns (pure), read by papaparse: the delimiter is guessed (comma,
 * semicolon from European Excel, tab from "Unicode Text" and Outlook, pipe), quoted cells may hold
 * the delimiter, doubled quotes and line breaks (RFC 4180 §2). What is kept to write the list back
 * the same way: the delimiter, the line break, whether every cell was quoted, whether the file
 * ended with a line break. Blank lines stay rows (a row is never lost).
 */
import Papa from 'papaparse';
import { addressesIn } from './addresses';

export interface ListShape {
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
  /** Every cell of the first line was quoted (Outlook writes lists that way). */
  quoteAll: boolean;
  trailingNewline: boolean;
}

export interface ParsedList {
  shape: ListShape;
  /** The first row, when it names the columns (it holds no address and a later row does). */
  header: string[] | null;
  rows: string[][];
  /** papaparse's complaints (an unclosed quote), as "row N: message". */
  problems: string[];
  /**
   * Each row's text as it stands in the file (header first when there is one), so an unchanged row
   * is written back byte for byte; null when the file's rows could not be lined up with papaparse's.
   */
  raw: string[] | null;
}

/**
 * The text of each row, split where papaparse splits them (a line break outside a quoted field;
 * RFC 4180: a field is quoted when it starts with a quote, and "" inside is a quote).
 */
export function rowTexts(text: string, delimiter: string): string[] {
  const out: string[] = [];
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let start = 0;
  let i = 0;
  let fieldStart = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (fieldStart && c === 34) {
      // A quoted field: to the quote not followed by another.
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === 34) i = q + 2;
        else {
          i = q + 1;
          break;
        }
      }
      fieldStart = false;
      continue;
    }
    if (c === 10 || c === 13) {
      out.push(text.slice(start, i));
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      i++;
      start = i;
      fieldStart = true;
      continue;
    }
    fieldStart = c === d;
    i++;
  }
  if (start < n) out.push(text.slice(start));
  return out;
}

const GUESS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter: the candidate found on every one of the first lines (outside quotes) the most
 * times. papaparse's own guess loses tab-separated lists whose every cell is quoted (Outlook's).
 */
export function guessDelimiter(text: string): string {
  const lines: Array<Record<string, number>> = [];
  let counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  let quoted = false;
  let filled = false;
  for (let i = 0; i < text.length && i < 65_536 && lines.length < 20; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (filled) lines.push(counts);
      counts = { ',': 0, ';': 0, '\t': 0, '|': 0 };
      filled = false;
    } else {
      filled = true;
      if (!quoted && ch in counts) counts[ch]!++;
    }
  }
  if (filled) lines.push(counts);
  let best = ',';
  let bestScore = 0;
  for (const delimiter of GUESS) {
    const score = Math.min(...lines.map((line) => line[delimiter]!));
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function hasAddress(row: readonly string[]): boolean {
  return row.some((cell) => addressesIn(cell).length > 0);
}

export function parseList(text: string, lap: (step: string) => void = () => {}): ParsedList {
  const delimiter = guessDelimiter(text);
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, header: false });
  lap('papaparse');
  const rows = result.data;
  const newlineGuess = result.meta.linebreak;
  const newline: ListShape['newline'] = newlineGuess === '\r\n' || newlineGuess === '\r' ? newlineGuess : '\n';
  const trailingNewline = text.endsWith('\n') || text.endsWith('\r');
  // papaparse reads the line break at the end of the file as one more, empty row.
  if (trailingNewline && rows.length > 0) {
    const last = rows[rows.length - 1]!;
    if (last.length === 1 && last[0] === '') rows.pop();
  }
  const first = rows[0];
  let header: string[] | null = null;
  if (first && !hasAddress(first) && rows.slice(1, 50).some(hasAddress)) header = rows.shift()!;
  const firstCells = header ?? first ?? [];
  const quoted = firstCells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(delimiter);
  const quoteAll = firstCells.length > 0 && text.startsWith(quoted);
  const problems = result.errors.map((error) => `row ${(error.row ?? 0) + 1}: ${error.message}`);
  const raw = rowTexts(text, delimiter);
  lap('rows');
  const lined = raw.length === rows.length + (header ? 1 : 0);
  return { shape: { delimiter, newline, quoteAll, trailingNewline }, header, rows, problems, raw: lined ? raw : null };
}

/** One row as the list writes rows: its delimiter, quoting as it did (or where RFC 4180 needs it). */
export function writeRow(shape: ListShape, row: readonly string[]): string {
  const { delimiter, quoteAll } = shape;
  const cells = new Array<string>(row.length);
  for (let c = 0; c < row.length; c++) {
    const cell = row[c]!;
    const needs =
      quoteAll ||
      cell.includes('"') ||
      cell.includes(delimiter) ||
      cell.includes('\n') ||
      cell.includes('\r') ||
      (cell.length > 0 && (cell[0] === ' ' || cell[cell.length - 1] === ' '));
    cells[c] = needs ? `"${cell.replace(/"/g, '""')}"` : cell;
  }
  return cells.join(delimiter);
}

/** A list's lines joined as it joins them (its line break, a final one if it had one). */
export function joinLines(shape: ListShape, lines: readonly string[]): string {
  return lines.join(shape.newline) + (shape.trailingNewline && lines.length > 0 ? shape.newline : '');
}

/** Writes rows back in the list's shape. */
export function writeList(shape: ListShape, rows: ReadonlyArray<readonly string[]>): string {
  return joinLines(shape, rows.map((row) => writeRow(shape, row)));
}
