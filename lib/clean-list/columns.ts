/**
 * Which column holds the addresses (pure): by its header, as the tools people export from name it,
 * else by content (the column with the most cells holding an address). The page lets the user pick
 * another.
 */
import { addressesIn } from './addresses';

/**
 * Header names, compared lowercase with spaces, dashes, dots and underscores dropped, most specific
 * first. Outlook: "E-mail Address" (then "E-mail 2 Address"); Google Contacts: "E-mail 1 - Value";
 * Mailchimp: "Email Address"; HubSpot, Salesforce, SendGrid and most CRMs: "Email"; French
 * "Courriel" / "Adresse e-mail", German "E-Mail-Adresse", Spanish "Correo electrónico", Italian
 * "Indirizzo email", Dutch "E-mailadres", Portuguese "Endereço de e-mail".
 */
export const ADDRESS_HEADERS: readonly string[] = [
  'emailaddress', 'email', 'email1value', 'emailaddress1', 'primaryemail', 'emailprimary', 'workemail', 'businessemail', 'personalemail',
  'mail', 'courriel', 'adresseemail', 'adressecourriel', 'adresseélectronique', 'emailadresse', 'correoelectrónico', 'correoelectronico',
  'correo', 'indirizzoemail', 'emailadres', 'endereçodeemail', 'enderecodeemail', 'email2address', 'email2value', 'emailaddress2',
];

function key(name: string): string {
  return name.toLowerCase().replace(/[\s\-._]+/g, '');
}

/** Header names that say "address", for the picker's hint too. */
export function isAddressHeader(name: string): boolean {
  return ADDRESS_HEADERS.includes(key(name));
}

/** How many of the first rows hold an address in each column. */
export function addressCounts(rows: ReadonlyArray<readonly string[]>, columns: number, sample = 500): number[] {
  const counts = new Array<number>(columns).fill(0);
  for (const row of rows.slice(0, sample)) {
    for (let c = 0; c < columns; c++) if (addressesIn(row[c] ?? '').length > 0) counts[c]!++;
  }
  return counts;
}

/** The address column's index, or -1 when no column holds one. */
export function findAddressColumn(header: readonly string[] | null, rows: ReadonlyArray<readonly string[]>): number {
  const columns = Math.max(header?.length ?? 0, ...rows.slice(0, 50).map((row) => row.length), 0);
  const counts = addressCounts(rows, columns);
  if (header) {
    const keys = header.map(key);
    for (const name of ADDRESS_HEADERS) {
      const index = keys.indexOf(name);
      // A header that says "email" but holds no address in the sample (an empty column) gives way.
      if (index >= 0 && (counts[index]! > 0 || rows.length === 0)) return index;
    }
  }
  let best = -1;
  for (let c = 0; c < columns; c++) if (counts[c]! > 0 && (best < 0 || counts[c]! > counts[best]!)) best = c;
  return best;
}
