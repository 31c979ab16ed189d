/**
 * The background's sweep messages (issue #11) through the real message bus (fakeBrowser, the real
 * router and schemas, the real store on fake-indexeddb): a page may steer only its own webmail's
 * sweeps, "read" is believed only for a notice the tally holds, and a sweep over notices already
 * recorded asks for none of them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { classifyNotice } from '../../lib/bounce/classify';
import { createHandlers } from '../../lib/background/handlers';
import { registerMessageHandlers } from '../../lib/background/router';
import type { MessageSenderInfo, SweepStatus } from '../../lib/messaging';
import { SweepQueue } from '../../lib/store/sweep-queue';
import { TallyStore } from '../../lib/store/tally';
import { ok, reply } from '../background/bus';
import { RAW_DSN } from '../background/samples';
import { freshIndexedDb } from '../store/notices';

const ID = fakeBrowser.runtime.id;
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox';
const FROM_GMAIL: MessageSenderInfo = { id: ID, url: GMAIL_URL, tab: { id: 7, url: GMAIL_URL } };
const FROM_OUTLOOK: MessageSenderInfo = { id: ID, url: 'https://outlook.office.com/mail/', tab: { id: 8, url: 'https://outlook.office.com/mail/' } };
const FROM_POPUP: MessageSenderInfo = { id: ID, url: `chrome-extension://${ID}/popup.html` };

let store: TallyStore;
let sweeps: SweepQueue;
let unregister: () => void;

beforeEach(() => {
  fakeBrowser.reset();
  freshIndexedDb();
  store = new TallyStore();
  sweeps = new SweepQueue();
  unregister = registerMessageHandlers(createHandlers({ store, sweeps, classify: classifyNotice }), { id: ID, origin: `chrome-extension://${ID}/` });
});
afterEach(async () => {
  unregister();
  await sweeps.close();
  await store.close();
});

describe('sweep messages', () => {
  it('walks a sweep from a Gmail page: begin, add, take, report, mark; the popup reads the same status', async () => {
    const begun = await ok<SweepStatus>('sweepBegin', { webmail: 'gmail', account: '0', query: 'from:mailer-daemon' }, FROM_GMAIL);
    await ok('sweepAdd', { sweepId: begun.id, items: [{ messageId: '18c0ffee', legacyId: '19a5b1c2d3e4f501' }, { messageId: '18c0ffef' }], pages: 1 }, FROM_GMAIL);
    const taken = await ok<{ item: { messageId: string } }>('sweepTake', { sweepId: begun.id }, FROM_GMAIL);
    expect(taken.item.messageId).toBe('18c0ffee');
    // "read" before it was reported is refused: the tally must hold it.
    expect((await reply('sweepMark', { sweepId: begun.id, messageId: '18c0ffee', state: 'read' }, FROM_GMAIL)).err).toBeTruthy();
    await ok('reportNotice', { webmail: 'gmail', account: '0', messageId: '18c0ffee', url: '', raw: RAW_DSN }, FROM_GMAIL);
    const marked = await ok<SweepStatus>('sweepMark', { sweepId: begun.id, messageId: '18c0ffee', state: 'read' }, FROM_GMAIL);
    expect(marked).toMatchObject({ found: 2, read: 1, bounces: 1, addresses: 1 });
    expect(await ok<SweepStatus>('sweepStatus', { webmail: 'gmail' }, FROM_POPUP)).toMatchObject({ id: begun.id, read: 1 });
    // The list badges' lookup: recorded notices answer their verdict, others null.
    const notices = await ok<Array<{ notice: { recipients: Array<{ address: string }> } } | null>>('lookupNotices', { webmail: 'gmail', account: '0', messageIds: ['18c0ffee', '18c0ffef'] }, FROM_GMAIL);
    expect(notices[0]?.notice.recipients.map((r) => r.address)).toEqual(['nobody@example.com']);
    expect(notices[1]).toBeNull();
  });

  it('another webmail\'s page can neither read nor steer a Gmail sweep', async () => {
    const begun = await ok<SweepStatus>('sweepBegin', { webmail: 'gmail', account: '0', query: '' }, FROM_GMAIL);
    expect((await reply('sweepBegin', { webmail: 'gmail', account: '0', query: '' }, FROM_OUTLOOK)).err).toBeTruthy();
    expect((await reply('sweepControl', { sweepId: begun.id, action: 'cancel' }, FROM_OUTLOOK)).err).toBeTruthy();
    expect((await reply('sweepTake', { sweepId: begun.id }, FROM_OUTLOOK)).err).toBeTruthy();
    expect((await reply('sweepStatus', { webmail: 'gmail' }, FROM_OUTLOOK)).err).toBeTruthy();
    expect((await reply('lookupNotices', { webmail: 'gmail', account: '0', messageIds: ['x'] }, FROM_OUTLOOK)).err).toBeTruthy();
    // Payloads are checked: a thread id is not a message id form.
    expect((await reply('sweepAdd', { sweepId: begun.id, items: [{ messageId: 'x', permId: 'thread-f:1' }] }, FROM_GMAIL)).err).toBeTruthy();
  });

  it('files notices the tally already holds as read: sweeping again asks for nothing', async () => {
    await ok('reportNotice', { webmail: 'gmail', account: '0', messageId: '18c0ffee', url: '', raw: RAW_DSN }, FROM_GMAIL);
    const begun = await ok<SweepStatus>('sweepBegin', { webmail: 'gmail', account: '0', query: '' }, FROM_GMAIL);
    const added = await ok<SweepStatus>('sweepAdd', { sweepId: begun.id, items: [{ messageId: '18c0ffee' }] }, FROM_GMAIL);
    expect(added).toMatchObject({ found: 1, read: 1 });
    expect(await ok('sweepTake', { sweepId: begun.id }, FROM_GMAIL)).toMatchObject({ item: null, capReached: false });
    // Paused: nothing is handed out.
    const second = await ok<SweepStatus>('sweepAdd', { sweepId: begun.id, items: [{ messageId: '18c0ff00' }] }, FROM_GMAIL);
    expect(second.found).toBe(2);
    await ok('sweepControl', { sweepId: begun.id, action: 'pause' }, FROM_POPUP);
    expect(await ok('sweepTake', { sweepId: begun.id }, FROM_GMAIL)).toMatchObject({ item: null });
    await ok('sweepControl', { sweepId: begun.id, action: 'resume' }, FROM_GMAIL);
    expect(await ok('sweepTake', { sweepId: begun.id }, FROM_GMAIL)).toMatchObject({ item: { messageId: '18c0ff00' } });
  });

  it('offers for "out of the way" only the notices a sweep read and the tally holds, and only to that webmail', async () => {
    const begun = await ok<SweepStatus>('sweepBegin', { webmail: 'gmail', account: '0', query: '' }, FROM_GMAIL);
    await ok('sweepAdd', { sweepId: begun.id, items: [{ messageId: '18c0ffee' }, { messageId: '18c0ffef' }, { messageId: '18c0fff0' }] }, FROM_GMAIL);
    // One read and recorded, one failed, one still queued.
    await ok('sweepTake', { sweepId: begun.id }, FROM_GMAIL);
    await ok('reportNotice', { webmail: 'gmail', account: '0', messageId: '18c0ffee', url: '', raw: RAW_DSN }, FROM_GMAIL);
    await ok('sweepMark', { sweepId: begun.id, messageId: '18c0ffee', state: 'read' }, FROM_GMAIL);
    await ok('sweepTake', { sweepId: begun.id }, FROM_GMAIL);
    await ok('sweepMark', { sweepId: begun.id, messageId: '18c0ffef', state: 'failed', error: 'Gmail answered 500' }, FROM_GMAIL);
    expect(await ok('sweepReadItems', { sweepId: begun.id }, FROM_GMAIL)).toEqual({ items: [{ messageId: '18c0ffee' }] });
    expect((await reply('sweepReadItems', { sweepId: begun.id }, FROM_OUTLOOK)).err).toBeTruthy();
    // A notice forgotten from the tally since is no longer offered.
    await ok('clearAll', undefined, FROM_POPUP);
    expect(await ok('sweepReadItems', { sweepId: begun.id }, FROM_GMAIL)).toEqual({ items: [] });
  });
});
