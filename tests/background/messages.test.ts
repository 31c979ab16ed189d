/**
 * The background's message handling end to end under Vitest: WXT's fakeBrowser carries the
 * messages (the real @webext-core/messaging listener), fake-indexeddb holds the real store, and
 * the real classifier reads the notices.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { classifyNotice } from '../../lib/bounce/classify';
import { createBadgeUpdater } from '../../lib/background/badge';
import { createHandlers } from '../../lib/background/handlers';
import { registerMessageHandlers } from '../../lib/background/router';
import { MESSAGE_LIMITS, type MessageSenderInfo, type MessageType } from '../../lib/messaging';
import { TallyStore } from '../../lib/store/tally';
import { bounce, freshIndexedDb, recipient } from '../store/notices';
import { RAW_DSN, RENDERED_GMAIL } from './samples';
import { ok as okOnBus, reply } from './bus';

const NOW = new Date('2026-11-27T12:00:00Z');
const ID = fakeBrowser.runtime.id;
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox';
const FROM_GMAIL: MessageSenderInfo = { id: ID, url: GMAIL_URL, tab: { id: 7, url: GMAIL_URL } };
const FROM_OUTLOOK: MessageSenderInfo = { id: ID, url: 'https://outlook.office.com/mail/', tab: { id: 8, url: 'https://outlook.office.com/mail/' } };
const FROM_POPUP: MessageSenderInfo = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const FROM_OPTIONS_TAB: MessageSenderInfo = { id: ID, url: `chrome-extension://${ID}/options.html`, tab: { id: 9, url: `chrome-extension://${ID}/options.html` } };

let store: TallyStore;
let refreshBadge: () => Promise<void>;
let unregister: () => void;

/** Delivers a message the way the browser does (listener, sender, sendResponse) and waits for the answer. */
const send = (type: MessageType, data: unknown, sender: MessageSenderInfo) => reply(type, data, sender);
const ok = <T>(type: MessageType, data: unknown, sender: MessageSenderInfo) => okOnBus<T>(type, data, sender);

/** Everything the store holds, to prove a refused message wrote nothing. */
async function snapshot() {
  const backup = await store.exportBackup();
  return { notices: backup.notices, events: backup.events, decisions: backup.decisions, settings: backup.settings };
}

function startWorker(): void {
  store = new TallyStore({ now: () => NOW });
  refreshBadge = createBadgeUpdater(store, fakeBrowser.action);
  const handlers = createHandlers({ store, classify: classifyNotice, now: () => NOW, onTallyChanged: () => void refreshBadge() });
  unregister = registerMessageHandlers(handlers, { id: ID, origin: `chrome-extension://${ID}/` });
}

beforeEach(() => {
  fakeBrowser.reset();
  freshIndexedDb();
  startWorker();
});
afterEach(async () => {
  unregister();
  await store.close();
});

const gmailRaw = { webmail: 'gmail', account: '0', messageId: '18c0ffee', url: `${GMAIL_URL}/18c0ffee`, raw: RAW_DSN };

describe('reports from a content script', () => {
  it('classifies a raw notice, records it, and counts it on the badge', async () => {
    const result = await ok<{ noticeKey: string; duplicate: boolean; addresses: Array<{ address: string; verdict: string }> }>('reportNotice', gmailRaw, FROM_GMAIL);
    expect(result.noticeKey).toBe('gmail:0:18c0ffee');
    expect(result.duplicate).toBe(false);
    expect(result.addresses).toMatchObject([{ address: 'nobody@example.com', verdict: 'remove' }]);
    await refreshBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('a rendered notice without a message id gets a content-hash key; seeing it again is a duplicate', async () => {
    const report = { webmail: 'gmail', account: '0', messageId: '', url: '', rendered: RENDERED_GMAIL };
    const first = await ok<{ noticeKey: string }>('reportNotice', report, FROM_GMAIL);
    expect(first.noticeKey).toMatch(/^hash:[0-9a-f]{64}$/);
    // A re-render with different whitespace is the same notice.
    const again = await ok<{ noticeKey: string; duplicate: boolean; notice: { recipients: Array<{ address: string }> } }>(
      'reportNotice',
      { ...report, rendered: { ...RENDERED_GMAIL, text: `  ${RENDERED_GMAIL.text.replace(/\n/g, '\n\n')} ` } },
      FROM_GMAIL,
    );
    expect(again).toMatchObject({ noticeKey: first.noticeKey, duplicate: true });
    expect(again.notice.recipients.map((entry) => entry.address)).toEqual(['ann@example.com']);
    expect((await store.lookup(['ann@example.com']))[0]?.hardCount).toBe(1);
  });

  it('drops unknown fields', async () => {
    await ok('reportNotice', { ...gmailRaw, admin: true, rendered: undefined, extra: { x: 1 } }, FROM_GMAIL);
    expect(JSON.stringify(await snapshot())).not.toContain('admin');
  });

  const malformed: Array<[string, unknown, RegExp]> = [
    ['no payload', undefined, /reportNotice: invalid payload/],
    ['a string', 'hello', /reportNotice: invalid payload/],
    ['unknown webmail', { ...gmailRaw, webmail: 'yahoo' }, /invalid payload at webmail/],
    ['neither raw nor rendered', { ...gmailRaw, raw: undefined }, /a report needs raw or rendered/],
    ['raw is a number', { ...gmailRaw, raw: 42 }, /invalid payload at raw/],
    ['oversized raw', { ...gmailRaw, raw: 'x'.repeat(MESSAGE_LIMITS.raw + 1) }, /invalid payload at raw: Invalid length/],
    ['oversized rendered text', { ...gmailRaw, raw: undefined, rendered: { ...RENDERED_GMAIL, text: 'y'.repeat(MESSAGE_LIMITS.renderedText + 1) } }, /invalid payload at rendered\.text: Invalid length/],
    ['oversized account', { ...gmailRaw, account: 'a'.repeat(MESSAGE_LIMITS.account + 1) }, /invalid payload at account/],
    ['a javascript: URL', { ...gmailRaw, url: 'javascript:alert(1)' }, /invalid payload at url/],
  ];
  it.each(malformed)('rejects %s with a clear error and writes nothing', async (_name, data, error) => {
    const before = await snapshot();
    const reply = await send('reportNotice', data, FROM_GMAIL);
    expect(reply.res).toBeUndefined();
    expect(reply.err?.message).toMatch(error);
    expect(await snapshot()).toEqual(before);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('refuses a notice claimed for another webmail or linked to another origin', async () => {
    expect((await send('reportNotice', { ...gmailRaw, webmail: 'outlook' }, FROM_GMAIL)).err?.message).toMatch(/a gmail page cannot report a outlook notice/);
    expect((await send('reportNotice', { ...gmailRaw, webmail: 'import' }, FROM_GMAIL)).err?.message).toMatch(/cannot report a import notice/);
    expect((await send('reportNotice', { ...gmailRaw, url: 'https://evil.example/x' }, FROM_GMAIL)).err?.message).toMatch(/URL must be on https:\/\/mail\.google\.com/);
    expect((await snapshot()).notices).toEqual([]);
  });
});

describe('the trust rule', () => {
  const privileged: Array<[MessageType, unknown]> = [
    ['listAddresses', { group: 'all' }],
    ['listVerdicts', undefined],
    ['rescueBackup', undefined],
    ['resetStore', undefined],
    ['listUnverified', undefined],
    ['listSends', undefined],
    ['filterOptions', undefined],
    ['setSentTo', { key: 'x', count: 10 }],
    ['settleUnverified', { keys: ['x'], count: true }],
    ['previewPolicies', { policies: [] }],
    ['setDecision', { addresses: ['nobody@example.com'], decision: 'kept' }],
    ['forgetAddresses', { addresses: ['nobody@example.com'] }],
    ['addAddresses', { addresses: ['someone@example.com'] }],
    ['clearAll', undefined],
    ['getSettings', undefined],
    ['setSettings', { preset: 'strict', softBounceDays: 2, windowDays: 30 }],
    ['exportBackup', undefined],
    ['importBackup', { format: 'bounce-sweeper-backup', version: 1, exportedAt: NOW.toISOString(), settings: { preset: 'strict', softBounceDays: 2, windowDays: 30 }, notices: [], events: [], decisions: [] }],
    ['importNotices', { notices: [{ key: 'import:x', notice: bounce('2026-11-26T08:00:00Z', [recipient('zed@example.com', 'hard', 'userunknown')]) }] }],
  ];
  it.each(privileged)('refuses %s from a content script, and writes nothing', async (type, data) => {
    await ok('reportNotice', gmailRaw, FROM_GMAIL);
    const before = await snapshot();
    const reply = await send(type, data, FROM_GMAIL);
    expect(reply.err?.message).toBe(`${type} refused: only the extension's own pages may send it (sender: a content script)`);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['a page that is not a webmail', { id: ID, url: 'https://evil.example/', tab: { id: 4, url: 'https://evil.example/' } }, /content script on an unexpected page \(https:\/\/evil\.example\)/],
    ['another extension', { id: 'other-extension', url: 'chrome-extension://other-extension/x.html' }, /message from another extension/],
    ['plain http on a webmail host', { id: ID, url: 'http://mail.google.com/', tab: { id: 4 } }, /unexpected page/],
    ['no URL and no tab', { id: ID }, /neither a tab nor an extension page/],
  ])('refuses even a report from %s', async (_name, sender, error) => {
    const reply = await send('reportNotice', gmailRaw, sender as MessageSenderInfo);
    expect(reply.err?.message).toMatch(error);
    expect((await snapshot()).notices).toEqual([]);
  });

  it('lets extension pages (popup, options in a tab) do everything', async () => {
    await ok('reportNotice', gmailRaw, FROM_GMAIL);
    const listed = await ok<{ rows: Array<{ address: string; verdict: string }>; settings: { preset: string } }>('listAddresses', { group: 'all' }, FROM_POPUP);
    expect(listed.rows.map((entry) => [entry.address, entry.verdict])).toEqual([['nobody@example.com', 'remove']]);
    expect(listed.settings.preset).toBe('standard');
    expect(await ok('setDecision', { addresses: ['NOBODY@example.com'], decision: 'removed' }, FROM_OPTIONS_TAB)).toEqual({ updated: 1 });
    await refreshBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    const backup = await ok<object>('exportBackup', undefined, FROM_OPTIONS_TAB);
    expect(await ok('clearAll', undefined, FROM_POPUP)).toEqual({ cleared: true });
    expect(await ok('importBackup', JSON.parse(JSON.stringify(backup)), FROM_OPTIONS_TAB)).toEqual({ noticesAdded: 1, noticesSkipped: 0, eventsAdded: 1 });
    expect((await store.lookup(['nobody@example.com']))[0]?.decision).toBe('removed');
    expect(await ok('forgetAddresses', { addresses: ['nobody@example.com'] }, FROM_POPUP)).toEqual({ removed: 1 });
    expect(await ok('setSettings', { preset: 'lenient', softBounceDays: 7, windowDays: 30 }, FROM_POPUP)).toEqual({ preset: 'lenient', softBounceDays: 7, windowDays: 30 });
    expect(await ok('getSettings', undefined, FROM_POPUP)).toEqual({ preset: 'lenient', softBounceDays: 7, windowDays: 30 });
  });

  it('validates privileged payloads too', async () => {
    expect((await send('setDecision', { addresses: ['not an address'], decision: 'removed' }, FROM_POPUP)).err?.message).toMatch(/setDecision: invalid payload at addresses\.0: not an e-mail address/);
    expect((await send('setDecision', { addresses: ['a@example.com'], decision: 'delete' }, FROM_POPUP)).err?.message).toMatch(/invalid payload at decision/);
    expect((await send('setSettings', { preset: 'custom', softBounceDays: 0, windowDays: 30 }, FROM_POPUP)).err?.message).toMatch(/invalid payload at softBounceDays/);
    expect((await send('importBackup', { format: 'bounce-sweeper-backup', version: 2 }, FROM_POPUP)).err?.message).toMatch(/importBackup: invalid payload/);
    expect((await send('importNotices', { notices: Array.from({ length: MESSAGE_LIMITS.importNotices + 1 }, () => ({ key: 'k', notice: bounce('', []) })) }, FROM_POPUP)).err?.message).toMatch(/invalid payload at notices: Invalid length/);
    expect((await snapshot()).notices).toEqual([]);
  });
});

describe('addresses added by hand', () => {
  it('records each once as the user\'s own hard event, which backs up and restores like any other', async () => {
    expect(await ok('addAddresses', { addresses: ['Dead@Example.com', 'dead@example.com', 'gone@example.org'] }, FROM_OPTIONS_TAB)).toEqual({ added: 2 });
    expect(await ok('addAddresses', { addresses: ['dead@example.com'] }, FROM_POPUP)).toEqual({ added: 0 });
    const [dead] = await ok<Array<{ verdict: string; lastWebmail: string; evidence: unknown[] }>>('lookupAddresses', { addresses: ['dead@example.com'] }, FROM_GMAIL);
    expect(dead).toMatchObject({ verdict: 'remove', lastWebmail: 'manual', evidence: [{ fact: 'hard-bounce', byHand: true, at: NOW.toISOString() }] });
    await refreshBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    const backup = JSON.parse(JSON.stringify(await ok<object>('exportBackup', undefined, FROM_POPUP)));
    await ok('clearAll', undefined, FROM_POPUP);
    expect(await ok('importBackup', backup, FROM_POPUP)).toEqual({ noticesAdded: 2, noticesSkipped: 0, eventsAdded: 2 });
    expect((await store.lookup(['gone@example.org']))[0]?.lastHard).toMatchObject({ webmail: 'manual' });
  });

  it('refuses an empty list, a non-address and more than the limit', async () => {
    expect((await send('addAddresses', { addresses: [] }, FROM_POPUP)).err?.message).toMatch(/addAddresses: invalid payload at addresses/);
    expect((await send('addAddresses', { addresses: ['nope'] }, FROM_POPUP)).err?.message).toMatch(/not an e-mail address/);
    const many = Array.from({ length: MESSAGE_LIMITS.addAddresses + 1 }, (_, i) => `a${i}@example.com`);
    expect((await send('addAddresses', { addresses: many }, FROM_POPUP)).err?.message).toMatch(/invalid payload at addresses/);
    expect((await snapshot()).notices).toEqual([]);
  });
});

describe('lookups and page decisions', () => {
  it('lookupAddresses answers for known addresses, skips implausible ones, caps the batch', async () => {
    await ok('reportNotice', gmailRaw, FROM_GMAIL);
    const found = await ok<Array<{ address: string; verdict: string }>>('lookupAddresses', { addresses: ['Nobody@Example.com', 'Ann Example', 'new@example.com'] }, FROM_OUTLOOK);
    expect(found.map((entry) => [entry.address, entry.verdict])).toEqual([['nobody@example.com', 'remove']]);
    expect(found[0]).toMatchObject({ lastNoticeUrl: '' }); // an Outlook page gets no Gmail link
    const fromGmail = await ok<Array<{ lastNoticeUrl: string }>>('lookupAddresses', { addresses: ['nobody@example.com'] }, FROM_GMAIL);
    expect(fromGmail[0]?.lastNoticeUrl).toBe(`${GMAIL_URL}/18c0ffee`);
    const tooMany = Array.from({ length: MESSAGE_LIMITS.lookupAddresses + 1 }, (_, index) => `u${index}@example.com`);
    expect((await send('lookupAddresses', { addresses: tooMany }, FROM_GMAIL)).err?.message).toMatch(/lookupAddresses: invalid payload at addresses: Invalid length/);
  });

  it('decideFromPage works only for an address this webmail reported, and only removed/kept/none', async () => {
    await ok('reportNotice', gmailRaw, FROM_GMAIL);
    expect((await send('decideFromPage', { address: 'nobody@example.com', decision: 'kept' }, FROM_OUTLOOK)).err?.message).toMatch(/outlook has not reported a bounce for this address/);
    expect((await send('decideFromPage', { address: 'nobody@example.com', decision: 'forget' }, FROM_GMAIL)).err?.message).toMatch(/invalid payload at decision/);
    expect(await ok('decideFromPage', { address: 'someone@example.com', decision: 'removed' }, FROM_GMAIL)).toEqual({ updated: 0 });
    expect(await store.lookup(['someone@example.com'])).toEqual([]);
    expect(await ok('decideFromPage', { address: 'nobody@example.com', decision: 'removed' }, FROM_GMAIL)).toEqual({ updated: 1 });
    expect((await store.lookup(['nobody@example.com']))[0]?.decision).toBe('removed');
  });

  it("decideFromPage's undo ('none') returns the address to no decision, for the webmail that reported it only", async () => {
    await ok('reportNotice', gmailRaw, FROM_GMAIL);
    await ok('decideFromPage', { address: 'nobody@example.com', decision: 'removed' }, FROM_GMAIL);
    // Another webmail cannot undo it either.
    expect((await send('decideFromPage', { address: 'nobody@example.com', decision: 'none' }, FROM_OUTLOOK)).err?.message).toMatch(/outlook has not reported a bounce for this address/);
    expect((await store.lookup(['nobody@example.com']))[0]?.decision).toBe('removed');
    expect(await ok('decideFromPage', { address: 'nobody@example.com', decision: 'none' }, FROM_GMAIL)).toEqual({ updated: 1 });
    expect((await store.lookup(['nobody@example.com']))[0]?.decision).toBe('none');
    // Nothing left to undo: nothing changes.
    expect(await ok('decideFromPage', { address: 'nobody@example.com', decision: 'none' }, FROM_GMAIL)).toEqual({ updated: 0 });
    expect(await ok('decideFromPage', { address: 'someone@example.com', decision: 'none' }, FROM_GMAIL)).toEqual({ updated: 0 });
  });
});

describe('a restarted worker', () => {
  it('keeps nothing in memory: a new worker recognises old notices and recounts the badge', async () => {
    await ok('reportNotice', gmailRaw, FROM_GMAIL);
    unregister();
    await store.close();
    fakeBrowser.reset();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');

    startWorker();
    await refreshBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    const again = await ok<{ duplicate: boolean }>('reportNotice', gmailRaw, FROM_GMAIL);
    expect(again.duplicate).toBe(true);
    // The same notice imported from an mbox (its Message-ID) is a duplicate too.
    const imported = await classifyNotice({ view: 'raw', source: RAW_DSN });
    expect(await ok('importNotices', { notices: [{ key: 'import:abc', notice: imported }] }, FROM_POPUP)).toEqual({ noticesAdded: 0, noticesSkipped: 1, eventsAdded: 0 });
  });
});
