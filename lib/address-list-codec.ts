/**
 * The packed address list (listAddresses for our own pages): the same AddressSummary objects, in
 * fewer bytes. With 10,000 addresses the plain list is ~7 MB of JSON, and the browser's messaging
 * spent most of the popup's opening time carrying it; packed it is ~1 MB. Pure: no browser APIs.
 */
import type { AddressSummary, Evidence, PolicySettings } from './policy';

// Each distinct string is sent once (a table), each address is a row of table indexes and numbers
// (PackedRow). A server's words usually quote the address ("550 5.1.1 <ann@x>: User unknown"): they
// travel as the pieces around it, so the same words for many addresses are sent once too.
// Only for callers that ask ({ packed: true }); a plain request gets the plain list.

/** What listAddresses answers, unpacked. */
export interface ListReply {
  addresses: AddressSummary[];
  settings: PolicySettings;
}

/** The payload that asks for the packed list. */
export const PACKED_LIST_REQUEST = { packed: true } as const;

type Ref = number; // index into PackedAddressList.strings

/** One address, as a row. Field order is AddressSummary's; null marks an absent optional field. */
export type PackedRow = [
  /** Itself: every address is distinct, a table entry would only add a lookup. */
  address: string,
  domain: Ref,
  verdict: Ref,
  /** Facts, as they are: few per row and mostly numbers, nothing to intern. */
  evidence: Evidence[],
  hardCount: number,
  softCount: number,
  senderProblemCount: number,
  undeterminedCount: number | null,
  bounceDays: number,
  softDaysInWindow: number,
  softDaysThreshold: number,
  firstBounceAt: Ref,
  lastBounceAt: Ref,
  lastKind: Ref,
  lastReason: Ref,
  lastStatus: Ref,
  lastReplyCode: Ref,
  /** The server's words as the pieces around the address (joined with it again when unpacked). */
  lastDiagnostic: Ref[],
  lastRemoteMta: Ref,
  lastWebmail: Ref,
  lastNoticeUrl: Ref,
  decision: Ref,
  decidedAt: Ref,
  suggestedReplacement: Ref | null,
];

/** A field added to AddressSummary fails to compile here until PackedRow carries it too. */
type Unpacked = Exclude<keyof AddressSummary, PackedFieldNames>;
type PackedFieldNames =
  | 'address' | 'domain' | 'verdict' | 'evidence' | 'hardCount' | 'softCount' | 'senderProblemCount' | 'undeterminedCount'
  | 'bounceDays' | 'softDaysInWindow' | 'softDaysThreshold' | 'firstBounceAt' | 'lastBounceAt' | 'lastKind' | 'lastReason'
  | 'lastStatus' | 'lastReplyCode' | 'lastDiagnostic' | 'lastRemoteMta' | 'lastWebmail' | 'lastNoticeUrl' | 'decision'
  | 'decidedAt' | 'suggestedReplacement';
const EVERY_FIELD_PACKED: [Unpacked] extends [never] ? true : never = true;
void EVERY_FIELD_PACKED;

export interface PackedAddressList {
  /** Distinct strings; rows refer to them by index. */
  strings: string[];
  rows: PackedRow[];
  settings: PolicySettings;
}

/** Is this (validated) listAddresses payload a request for the packed list? */
export function wantsPackedList(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { packed?: unknown }).packed === true;
}

export function packAddressList(list: ListReply): PackedAddressList {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (value: string): Ref => {
    let at = index.get(value);
    if (at === undefined) {
      at = strings.length;
      strings.push(value);
      index.set(value, at);
    }
    return at;
  };
  const rows = list.addresses.map((summary): PackedRow => {
    const {
      address, domain, verdict, evidence, hardCount, softCount, senderProblemCount, undeterminedCount, bounceDays, softDaysInWindow,
      softDaysThreshold, firstBounceAt, lastBounceAt, lastKind, lastReason, lastStatus, lastReplyCode, lastDiagnostic, lastRemoteMta,
      lastWebmail, lastNoticeUrl, decision, decidedAt, suggestedReplacement,
    } = summary;
    return [
      address, ref(domain), ref(verdict), evidence, hardCount, softCount, senderProblemCount, undeterminedCount ?? null,
      bounceDays, softDaysInWindow, softDaysThreshold, ref(firstBounceAt), ref(lastBounceAt), ref(lastKind), ref(lastReason),
      ref(lastStatus), ref(lastReplyCode),
      // split then join with the same separator gives back exactly the original words.
      lastDiagnostic.split(address).map(ref),
      ref(lastRemoteMta), ref(lastWebmail), ref(lastNoticeUrl), ref(decision), ref(decidedAt),
      suggestedReplacement === undefined ? null : ref(suggestedReplacement),
    ];
  });
  return { strings, rows, settings: list.settings };
}

export function unpackAddressList(packed: PackedAddressList): ListReply {
  const text = packed.strings;
  const addresses = packed.rows.map((row): AddressSummary => {
    const address = row[0];
    // One object literal per row, without spreads, in summariseAddress's field order: every row
    // gets the same hidden class, as JSON.parse would give, so grouping and sorting stay fast.
    const summary: AddressSummary = {
      address,
      domain: text[row[1]]!,
      verdict: text[row[2]] as AddressSummary['verdict'],
      evidence: row[3],
      hardCount: row[4],
      softCount: row[5],
      senderProblemCount: row[6],
      undeterminedCount: row[7] ?? undefined,
      bounceDays: row[8],
      softDaysInWindow: row[9],
      softDaysThreshold: row[10],
      firstBounceAt: text[row[11]]!,
      lastBounceAt: text[row[12]]!,
      lastKind: text[row[13]] as AddressSummary['lastKind'],
      lastReason: text[row[14]] as AddressSummary['lastReason'],
      lastStatus: text[row[15]]!,
      lastReplyCode: text[row[16]]!,
      lastDiagnostic: row[17].map((at) => text[at]!).join(address),
      lastRemoteMta: text[row[18]]!,
      lastWebmail: text[row[19]]!,
      lastNoticeUrl: text[row[20]]!,
      decision: text[row[21]] as AddressSummary['decision'],
      decidedAt: text[row[22]]!,
    };
    if (row[7] === null) delete summary.undeterminedCount; // absent, not undefined (summariseAddress always sets it)
    if (row[23] !== null) summary.suggestedReplacement = text[row[23]]!;
    return summary;
  });
  return { addresses, settings: packed.settings };
}

