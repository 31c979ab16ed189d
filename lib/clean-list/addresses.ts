/**
 * The addresses in one cell, and the cell without some of them (pure). A cell may hold several:
 * "a@example.com; b@example.org" (Outlook, mail merges), "a@example.com ::: b@example.org" (Google
 * Contacts), "Ann <a@example.com>, Bob <b@example.org>", or one per line. The cell is split at its
 * separators (";", ",", " ::: ", a line break) into parts, each part's words are checked with the
 * store's own address rule (lib/bounce/address.ts normaliseAddress), so "Ann <A@Example.com>" finds
 * the key "a@example.com". No regular expression that can backtrack: one split, one scan per word.
 */
import { normaliseAddress } from '../bounce/address';

/** Separators between the entries of a cell, with the spaces around them. */
const PART_SEPARATOR = /(\s*(?:;|,|:::|\r?\n|\r)\s*)/;
/** Anything that could separate or wrap addresses in a cell. */
const SIMPLE_BREAK = /[\s;,:<>()[\]"']/;
/** What may wrap an address inside an entry. */
const WORD_SEPARATOR = /[\s<>()[\]"']+/;

function addressesOfPart(part: string): string[] {
  if (!part.includes('@')) return [];
  const found: string[] = [];
  for (let word of part.split(WORD_SEPARATOR)) {
    if (!word.includes('@')) continue;
    if (word.slice(0, 7).toLowerCase() === 'mailto:') word = word.slice(7);
    const address = normaliseAddress(word);
    if (address) found.push(address);
  }
  return found;
}

/** Every address in the cell, as store keys (lowercase), in order, without repeats. */
export function addressesIn(cell: string): string[] {
  if (!cell.includes('@')) return [];
  // The common case, one bare address: no split.
  if (!SIMPLE_BREAK.test(cell)) {
    const address = normaliseAddress(cell);
    if (address) return [address];
  }
  const parts = cell.split(PART_SEPARATOR);
  const found: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    for (const address of addressesOfPart(parts[i]!)) if (!found.includes(address)) found.push(address);
  }
  return found;
}

/**
 * The cell's entries: its parts, with a part that holds no address joined to the next one (a
 * display name with a comma, `"Bob, Jr" <b@example.org>`, is one entry), and the separator
 * between the first two entries (to join what is kept).
 */
function entriesOf(cell: string): { entries: string[]; separator: string } {
  const parts = cell.split(PART_SEPARATOR);
  const entries: string[] = [];
  let separator = '';
  let pending = '';
  for (let i = 0; i < parts.length; i += 2) {
    pending += parts[i]!;
    const after = parts[i + 1] ?? '';
    if (addressesOfPart(pending).length > 0 || i + 2 >= parts.length) {
      entries.push(pending);
      pending = '';
      if (entries.length === 1 && after) separator = after;
    } else {
      pending += after;
    }
  }
  return { entries, separator };
}

/**
 * The cell with the entries whose addresses all satisfy `drop` taken out (and their separators),
 * the rest as written; `dropped` holds the entries taken out, joined the same way.
 */
export function splitCell(cell: string, drop: (address: string) => boolean): { kept: string; dropped: string } {
  const { entries, separator } = entriesOf(cell);
  const keep: string[] = [];
  const gone: string[] = [];
  for (const entry of entries) {
    const addresses = addressesOfPart(entry);
    if (addresses.length > 0 && addresses.every(drop)) gone.push(entry);
    else if (entry !== '' || entries.length === 1) keep.push(entry);
  }
  const join = separator || '; ';
  return { kept: keep.join(join), dropped: gone.join(join) };
}
