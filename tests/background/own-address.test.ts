/**
 * The reporting account's own mailbox is never recorded as a bounce (lib/background/handlers.ts
 * withoutOwnAddress): some NDR layouts print "Sender Address: <you>", and a classifier that misread
 * it as a failed recipient would put the user's own address on the removal list. The classifier is
 * stubbed here to make exactly that misreading; the messages travel through WXT's fakeBrowser and
 * the real router, and the real store runs on fake-indexeddb.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ClassifiedNotice } from '../../lib/bounce/types';
import { createHandlers } from '../../lib/background/handlers';
import { registerMessageHandlers } from '../../lib/background/router';
import type { MessageSenderInfo } from '../../lib/messaging';
import { TallyStore } from '../../lib/store/tally';
import { bounce, freshIndexedDb, recipient } from '../store/notices';
import { ok } from './bus';

const NOW = new Date('2026-11-27T12:00:00Z');
const ID = fakeBrowser.runtime.id;
const OUTLOOK_URL = 'https://outlook.office.com/mail/';
const FROM_OUTLOOK: MessageSenderInfo = { id: ID, url: OUTLOOK_URL, tab: { id: 8, url: OUTLOOK_URL } };
const FROM_POPUP: MessageSenderInfo = { id: ID, url: `chrome-extension://${ID}/popup.html` };

/** What the stubbed classifier answers for the next report. */
let classified: ClassifiedNotice;
let store: TallyStore;
let unregister: () => void;
let changes = 0;

beforeEach(() => {
  fakeBrowser.reset();
  freshIndexedDb();
  changes = 0;
  store = new TallyStore({ now: () => NOW });
  const handlers = createHandlers({ store, classify: async () => classified, now: () => NOW, onTallyChanged: () => (changes += 1) });
  unregister = registerMessageHandlers(handlers, { id: ID, origin: `chrome-extension://${ID}/` });
});
afterEach(async () => {
  unregister();
  await store.close();
});

/** An Office 365 NDR whose "Sender Address: me@contoso.example" line was misread as a second failed recipient. */
function misreadNdr(): ClassifiedNotice {
  return bounce('2026-11-26T09:00:00Z', [
    recipient('nobody@example.com', 'hard', 'userunknown'),
    recipient('me@contoso.example', 'hard', 'userunknown'),
  ]);
}

function outlookReport(account: string, messageId: string) {
  return {
    webmail: 'outlook',
    account,
    messageId,
    url: `${OUTLOOK_URL}inbox/id/${messageId}`,
    rendered: { subject: 'Undeliverable: Hello', from: 'postmaster@contoso.example', text: 'Delivery has failed to these recipients or groups: nobody@example.com … Sender Address: me@contoso.example' },
  };
}

type ReportReply = { duplicate: boolean; notice: { recipients: Array<{ address: string }>; notes: string[] }; addresses: Array<{ address: string }> };
type ListReply = { rows: Array<{ address: string }> };

describe('the reporting account is never a bounced recipient', () => {
  it('leaves out the account\'s own address (any case, in <>) and records the others', async () => {
    classified = misreadNdr();
    const result = await ok<ReportReply>('reportNotice', outlookReport('<Me@Contoso.Example>', 'AAMk1'), FROM_OUTLOOK);
    expect(result.notice.recipients.map((r) => r.address)).toEqual(['nobody@example.com']);
    expect(result.notice.notes.some((note) => /own address/.test(note))).toBe(true);
    expect(result.addresses.map((a) => a.address)).toEqual(['nobody@example.com']);

    const listed = await ok<ListReply>('listAddresses', { group: 'all' }, FROM_POPUP);
    expect(listed.rows.map((a) => a.address)).toEqual(['nobody@example.com']);
    expect(await store.lookup(['me@contoso.example'])).toEqual([]);
    expect(await store.webmailsOf('me@contoso.example')).toEqual(new Set());
    expect(changes).toBe(1);
  });

  it('records nothing when the only "recipient" is the account itself', async () => {
    classified = bounce('2026-11-26T09:00:00Z', [recipient('me@contoso.example', 'hard', 'userunknown')]);
    const result = await ok<ReportReply>('reportNotice', outlookReport('me@contoso.example', 'AAMk2'), FROM_OUTLOOK);
    expect(result.notice.recipients).toEqual([]);
    expect(result.addresses).toEqual([]);
    expect((await ok<ListReply>('listAddresses', { group: 'all' }, FROM_POPUP)).rows).toEqual([]);
    expect((await store.exportBackup()).events).toEqual([]);
  });

  it('filters nothing when the account is not an address (a Gmail /u/N/ index)', async () => {
    classified = misreadNdr();
    const result = await ok<ReportReply>('reportNotice', { ...outlookReport('0', 'AAMk3'), webmail: 'outlook' }, FROM_OUTLOOK);
    expect(result.notice.recipients.map((r) => r.address).sort()).toEqual(['me@contoso.example', 'nobody@example.com']);
    expect(result.notice.notes).toEqual([]);
    expect((await ok<ListReply>('listAddresses', { group: 'all' }, FROM_POPUP)).rows.map((a) => a.address).sort()).toEqual(['me@contoso.example', 'nobody@example.com']);
  });

  it('another account\'s address is still recorded: only the reporting mailbox is left out', async () => {
    classified = misreadNdr();
    await ok('reportNotice', outlookReport('someone.else@contoso.example', 'AAMk4'), FROM_OUTLOOK);
    expect((await store.lookup(['me@contoso.example', 'nobody@example.com'])).map((r) => r.address).sort()).toEqual(['me@contoso.example', 'nobody@example.com']);
  });
});
