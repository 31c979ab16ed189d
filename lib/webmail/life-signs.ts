/**
 * Proof of life (issue #13): an address on the list that has written to the user since its last
 * bounce works, whatever its soft bounces said. The webmail's message list and open messages show
 * who wrote and when; the adapters read that (findLifeSigns), and this module passes it on.
 *
 * What counts as a sign, so that "wrote to you on …" is a record, not a guess:
 * - one message whose sender and date are both on screen: an open message's header, or a list row
 *   whose every message is from one sender (a conversation row's date is its latest message's,
 *   whoever sent it, so a row with several participants says nothing about any one of them);
 * - never a row of a folder that lists recipients in the sender column (Sent, Drafts, Outbox);
 * - never the user's own address, never a bounce notice's sender (mailer-daemon, postmaster …).
 * The background keeps a date only for an address already on record (lib/store/tally.ts
 * noteLifeSigns); every other sender is dropped there.
 */
import { MESSAGE_LIMITS, type LifeSign } from '../messaging';
import { normaliseAddress } from '../policy';
import { isBounceSender } from './looks-like-bounce';

export type { LifeSign };

/** The bare address a sender element names, lower-cased; '' when it names none or it is not a person's. */
export function lifeSignAddress(written: string | null | undefined, account: string): string {
  // The one address key (lib/policy.ts normaliseAddress), as the store keys the list.
  const address = normaliseAddress(written ?? '');
  if (!address || address === normaliseAddress(account) || isBounceSender(address)) return '';
  return address;
}

export interface LifeSignReporterOptions {
  send(signs: LifeSign[]): Promise<unknown>;
  setTimeout(handler: () => void, ms: number): number;
  /** Signs seen within this long go in one message (a list renders in slices). */
  delayMs?: number;
}

export interface LifeSignReporter {
  /** Signs from one pass; only an address's newer date than the one sent before is kept. */
  add(signs: readonly LifeSign[]): void;
  /** Sends what is waiting now (settle in tests, and the page going away). */
  flush(): Promise<void>;
  readonly waiting: number;
}

/**
 * Batches signs per page: each address is sent again only with a later date, so re-renders of the
 * same list send nothing, and a 1,000-row list is a couple of messages, not one per row.
 */
export function createLifeSignReporter(options: LifeSignReporterOptions): LifeSignReporter {
  const delayMs = options.delayMs ?? 1000;
  const sent = new Map<string, string>();
  const waiting = new Map<string, string>();
  let timer: number | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  function add(signs: readonly LifeSign[]): void {
    for (const { address, at } of signs) {
      if ((sent.get(address) ?? '') >= at || (waiting.get(address) ?? '') >= at) continue;
      waiting.set(address, at);
    }
    if (waiting.size && timer === undefined) timer = options.setTimeout(() => void flush(), delayMs);
  }

  function flush(): Promise<void> {
    timer = undefined;
    const batch = [...waiting].map(([address, at]) => ({ address, at }));
    waiting.clear();
    for (const { address, at } of batch) sent.set(address, at);
    for (let i = 0; i < batch.length; i += MESSAGE_LIMITS.lifeSigns) {
      const slice = batch.slice(i, i + MESSAGE_LIMITS.lifeSigns);
      // One at a time; a failed send forgets what it carried, so a later pass may send it again.
      inFlight = inFlight.then(() =>
        options.send(slice).then(
          () => undefined,
          () => {
            for (const { address, at } of slice) if (sent.get(address) === at) sent.delete(address);
          },
        ),
      );
    }
    return inFlight;
  }

  return {
    add,
    flush,
    get waiting() {
      return waiting.size;
    },
  };
}
