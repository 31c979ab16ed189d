/**
 * A row's status from the addresses on record (pure). The background lists every address on record
 * with its group (`listVerdicts`, lib/messaging.ts); `statusOf(map)` turns that map into the status
 * of a row's addresses: the most urgent of them, remove > sender problem > watch > ok.
 */
import type { ListGroup } from '../store/db';

export type RowStatus = 'remove' | 'sender problem' | 'watch' | 'ok';

/** Where each group leaves an address on the user's own list. */
const STATUS_OF_GROUP: Record<ListGroup, RowStatus> = {
  remove: 'remove',
  // Marked removed in Bounce Sweeper: if it is still on this list, it is still to remove.
  done: 'remove',
  sender: 'sender problem',
  watch: 'watch',
  // "Keep anyway" is the user's word; nothing current (bounces expired) is fine to mail.
  kept: 'ok',
  clear: 'ok',
};

const RANK: Record<RowStatus, number> = { remove: 3, 'sender problem': 2, watch: 1, ok: 0 };

/** Address (store key) → its group, as listVerdicts answers. */
export type VerdictMap = ReadonlyMap<string, ListGroup>;

export function toVerdictMap(verdicts: ReadonlyArray<{ address: string; group: ListGroup }>): Map<string, ListGroup> {
  return new Map(verdicts.map((verdict) => [verdict.address, verdict.group]));
}

/** One address's status: 'ok' for an address not on record. */
export function addressStatus(map: VerdictMap, address: string): RowStatus {
  const group = map.get(address);
  return group ? STATUS_OF_GROUP[group] : 'ok';
}

/** The status of a row holding `addresses` (store keys): the most urgent; null for a row without any. */
export function statusOf(map: VerdictMap): (addresses: readonly string[]) => RowStatus | null {
  return (addresses) => {
    if (addresses.length === 0) return null;
    let worst: RowStatus = 'ok';
    for (const address of addresses) {
      const status = addressStatus(map, address);
      if (RANK[status] > RANK[worst]) worst = status;
    }
    return worst;
  };
}
