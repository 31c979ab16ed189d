/**
 * Sends one message the way the messaging library puts it on the wire ({ id, type, data, timestamp })
 * through WXT's fakeBrowser, so tests exercise the real library and the real router together.
 */
import { expect } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MessageSenderInfo } from '../../lib/messaging';

export type Reply = { res?: unknown; err?: { name?: string; message: string; stack?: string } };

/** The reply, or `unanswered` when no listener keeps the channel open to respond. */
export function send(type: string, data: unknown, sender: MessageSenderInfo): Promise<Reply | 'unanswered'> {
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
  return new Promise((resolve) => {
    void trigger({ id: 1, type, data, timestamp: Date.now() }, sender, (reply: Reply) => resolve(reply)).then((kept) => {
      // A listener that returns true keeps the channel open and answers later.
      if (!kept.some((value) => value === true)) resolve('unanswered');
    });
  });
}

/** A reply that must exist and carry no error. */
export async function reply(type: string, data: unknown, sender: MessageSenderInfo): Promise<Reply> {
  const answer = await send(type, data, sender);
  if (answer === 'unanswered') throw new Error(`${type}: no listener answered`);
  return answer;
}

/** The result of a message that must succeed. */
export async function ok<T>(type: string, data: unknown, sender: MessageSenderInfo): Promise<T> {
  const answer = await reply(type, data, sender);
  expect(answer.err).toBeUndefined();
  return answer.res as T;
}
