/**
 * The router answers only the message types of its own table, and a failure comes back as a
 * message without a stack. Messages travel through WXT's fakeBrowser, the real messaging library
 * (as patched in patches/) and the real router; the store runs on fake-indexeddb.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { classifyNotice } from '../../lib/bounce/classify';
import { createHandlers } from '../../lib/background/handlers';
import { dispatch, registerMessageHandlers, toReplyError } from '../../lib/background/router';
import type { MessageSenderInfo } from '../../lib/messaging';
import { TallyStore } from '../../lib/store/tally';
import { freshIndexedDb } from '../store/notices';
import { reply, send } from './bus';

const ID = fakeBrowser.runtime.id;
const SELF = { id: ID, origin: `chrome-extension://${ID}/` };
const FROM_POPUP: MessageSenderInfo = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox';
const FROM_GMAIL: MessageSenderInfo = { id: ID, url: GMAIL_URL, tab: { id: 7, url: GMAIL_URL } };

let store: TallyStore;
let unregister: () => void;

beforeEach(() => {
  fakeBrowser.reset();
  freshIndexedDb();
  store = new TallyStore();
  unregister = registerMessageHandlers(createHandlers({ store, classify: classifyNotice }), SELF);
});
afterEach(async () => {
  unregister();
  await store.close();
});

describe('router', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__', 'isPrototypeOf', 'noSuchMessage'])(
    'does not answer a message named %s (no echo, no prototype method)',
    async (type) => {
      expect(await send(type, { probe: 1 }, FROM_POPUP)).toBe('unanswered');
      expect(await send(type, { probe: 1 }, FROM_GMAIL)).toBe('unanswered');
    },
  );

  it('dispatch itself refuses a type that is not its own, even when called directly', async () => {
    const handlers = createHandlers({ store, classify: classifyNotice });
    await expect(dispatch(handlers, SELF, 'constructor' as never, {}, FROM_POPUP)).rejects.toThrow(/unknown message type "constructor"/);
    await expect(dispatch(handlers, SELF, 'toString' as never, {}, FROM_POPUP)).rejects.toThrow(/unknown message type/);
  });

  it('still answers its own messages', async () => {
    expect((await reply('getSettings', undefined, FROM_POPUP)).res).toMatchObject({ preset: 'standard' });
  });

  it('an error reply carries the error name and message, and no stack', async () => {
    const refused = await reply('listAddresses', { group: 'all' }, FROM_GMAIL);
    expect(refused.err?.name).toBe('ProtocolError');
    expect(refused.err?.message).toMatch(/listAddresses refused/);
    expect(refused.err?.stack ?? '').toBe('');
    const invalid = await reply('setDecision', { addresses: ['not an address'], decision: 'removed' }, FROM_POPUP);
    expect(invalid.err?.message).toMatch(/setDecision: invalid payload at addresses/);
    expect(invalid.err?.stack ?? '').toBe('');
    expect(JSON.stringify(invalid)).not.toMatch(/\.ts:\d+|at [\w.]+ \(/);
  });

  it('toReplyError keeps the name and message of anything thrown, never the stack', () => {
    const fromError = toReplyError(new RangeError('too big'));
    expect([fromError.name, fromError.message, fromError.stack]).toEqual(['RangeError', 'too big', '']);
    const fromString = toReplyError('plain words');
    expect([fromString.name, fromString.message, fromString.stack]).toEqual(['Error', 'plain words', '']);
  });
});
