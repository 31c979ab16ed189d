/**
 * listAddresses, packed (lib/messaging.ts packAddressList / unpackAddressList): our own pages ask
 * for the list with { packed: true } and get each distinct string once; unpacked, it must be the
 * very list a plain request gets, field for field (optional fields absent where they were absent).
 * Messages travel through WXT's fakeBrowser and the real router; the store runs on fake-indexeddb.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { classifyNotice } from '../../lib/bounce/classify';
import { createHandlers } from '../../lib/background/handlers';
import { registerMessageHandlers } from '../../lib/background/router';
import { PACKED_LIST_REQUEST, unpackAddressList, type MessageSenderInfo, type PackedAddressList } from '../../lib/messaging';
import type { AddressSummary, PolicySettings } from '../../lib/policy';
import { TallyStore } from '../../lib/store/tally';
import { bounce, freshIndexedDb, recipient, report } from '../store/notices';
import { ok as okFrom, reply } from './bus';

const ok = <T>(type: string, data: unknown, sender: MessageSenderInfo = FROM_POPUP) => okFrom<T>(type, data, sender);

const NOW = new Date('2026-11-27T12:00:00Z');
const ID = fakeBrowser.runtime.id;
const FROM_POPUP: MessageSenderInfo = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox';
const FROM_GMAIL: MessageSenderInfo = { id: ID, url: GMAIL_URL, tab: { id: 7, url: GMAIL_URL } };

let store: TallyStore;
let unregister: () => void;

type ListReply = { addresses: AddressSummary[]; settings: PolicySettings };

beforeEach(() => {
  fakeBrowser.reset();
  freshIndexedDb();
  store = new TallyStore({ now: () => NOW });
  const handlers = createHandlers({ store, classify: classifyNotice, now: () => NOW });
  unregister = registerMessageHandlers(handlers, { id: ID, origin: `chrome-extension://${ID}/` });
});
afterEach(async () => {
  unregister();
  await store.close();
});

/** A store with every kind of summary: hard, repeated soft, watch, sender problem, moved, decided, unclear, expired. */
async function seedVariety(): Promise<void> {
  await store.recordNotice(report('gmail:0:a1', bounce('2026-11-20T08:00:00Z', [
    recipient('hard@example.com', 'hard', 'userunknown'),
    recipient('full@example.com', 'soft', 'mailboxfull'),
    recipient('refused@example.org', 'soft', 'blocked', { diagnostic: '554 5.7.1 Client host [192.0.2.10] blocked' }),
    recipient('moved@example.com', 'hard', 'hasmoved', { newAddress: 'new.home@example.net' }),
    recipient('unclear@example.com', 'undetermined', 'undefined', { status: '', replyCode: '', diagnostic: '', remoteMta: '' }),
    recipient('old@example.com', 'soft', 'mailboxfull'),
    recipient('ünï@exämple.de', 'hard', 'userunknown'),
    // The address twice, at both ends, and once in another case: the words must come back verbatim.
    recipient('twice@example.com', 'hard', 'userunknown', { diagnostic: 'twice@example.com: 550 <TWICE@example.com> unknown, no such user twice@example.com' }),
  ])));
  await store.recordNotice(report('gmail:0:a2', bounce('2026-11-22T08:00:00Z', [recipient('full@example.com', 'soft', 'mailboxfull'), recipient('hard@example.com', 'hard', 'userunknown')])));
  await store.recordNotice(report('gmail:0:a3', bounce('2026-11-25T08:00:00Z', [recipient('full@example.com', 'soft', 'mailboxfull'), recipient('watch@example.com', 'soft', 'exceedlimit')])));
  await store.recordNotice(report('gmail:0:a4', bounce('2026-08-01T08:00:00Z', [recipient('old@example.com', 'soft', 'mailboxfull'), recipient('expired@example.com', 'soft', 'mailboxfull')])));
  await store.setDecision(['hard@example.com'], 'removed');
  await store.setDecision(['watch@example.com'], 'kept');
  await store.setDecision(['never-bounced@example.com'], 'kept');
}

describe('listAddresses, packed', () => {
  it('unpacks to exactly the plain list (every field, same order, absent optionals stay absent)', async () => {
    await seedVariety();
    await ok('setSettings', { preset: 'custom', softBounceDays: 2, windowDays: 60 });
    const plain = await ok<ListReply>('listAddresses', undefined);
    const packed = await ok<PackedAddressList>('listAddresses', PACKED_LIST_REQUEST);
    expect(plain.addresses.length).toBe(11);
    // The variety is really there: otherwise the comparison below proves little.
    expect(new Set(plain.addresses.map((a) => a.verdict))).toEqual(new Set(['removed', 'remove', 'remove-repeated-soft', 'kept', 'sender-problem', 'watch', 'clear']));
    expect(plain.addresses.find((a) => a.address === 'moved@example.com')?.suggestedReplacement).toBe('new.home@example.net');

    const unpacked = unpackAddressList(JSON.parse(JSON.stringify(packed)) as PackedAddressList);
    expect(unpacked).toStrictEqual(plain);
    expect(unpacked.addresses.map((a) => a.address)).toEqual(plain.addresses.map((a) => a.address));
    expect(unpacked.addresses.map((a) => Object.keys(a).sort())).toEqual(plain.addresses.map((a) => Object.keys(a).sort()));
  });

  it('sends each distinct string once, so the list is smaller on the wire', async () => {
    await seedVariety();
    const plain = await ok<ListReply>('listAddresses', null);
    const packed = await ok<PackedAddressList>('listAddresses', { packed: true });
    expect(packed.rows.length).toBe(plain.addresses.length);
    expect(packed.strings.filter((s) => s === 'example.com').length).toBe(1);
    // "550 userunknown for <address>" of two addresses: the words around the address, once.
    expect(plain.addresses.filter((a) => a.lastDiagnostic.startsWith('550 userunknown for ')).length).toBeGreaterThan(1);
    expect(packed.strings.filter((s) => s === '550 userunknown for ').length).toBe(1);
    expect(packed.strings.filter((s) => s.includes('@'))).toEqual(['new.home@example.net', ': 550 <TWICE@example.com> unknown, no such user ']);
    expect(new Set(packed.strings).size).toBe(packed.strings.length);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(plain).length);
  });

  it('an empty store packs to an empty list with the settings', async () => {
    const packed = await ok<PackedAddressList>('listAddresses', PACKED_LIST_REQUEST);
    expect(unpackAddressList(packed)).toEqual({ addresses: [], settings: { preset: 'standard', softBounceDays: 3, windowDays: 30 } });
  });

  it('a plain request (the shape scripts and old callers use) still gets plain summaries', async () => {
    await seedVariety();
    const plain = await ok<ListReply>('listAddresses', {});
    expect(plain.addresses.every((a) => typeof a.address === 'string' && Array.isArray(a.evidence))).toBe(true);
  });

  it('rejects anything else in the payload, and stays closed to content scripts', async () => {
    expect((await reply('listAddresses', { packed: 'yes' }, FROM_POPUP)).err?.message).toMatch(/listAddresses: invalid payload at packed/);
    expect((await reply('listAddresses', PACKED_LIST_REQUEST, FROM_GMAIL)).err?.message).toMatch(/listAddresses refused/);
  });
});
