/**
 * The background's side of the selector reports: a webmail page reports the names it found only
 * with an older layout, the options page reads them worded (lib/background/selector-health.ts,
 * handlers.ts). Through the real router (sender check, payload schema), without the message bus.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../lib/background/handlers';
import { dispatch } from '../../lib/background/router';
import type { Diagnostics, MessageSenderInfo, MessageType } from '../../lib/messaging';
import { TallyStore } from '../../lib/store/tally';
import { freshIndexedDb } from '../store/notices';

const SELF = { id: 'bounce-sweeper-test', origin: 'chrome-extension://bounce-sweeper-test/' };
const FROM_OPTIONS: MessageSenderInfo = { id: SELF.id, url: `${SELF.origin}options.html` };
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox';
const FROM_GMAIL: MessageSenderInfo = { id: SELF.id, url: GMAIL_URL, tab: { id: 3, url: GMAIL_URL } };
const OUTLOOK_URL = 'https://outlook.office.com/mail/';
const FROM_OUTLOOK: MessageSenderInfo = { id: SELF.id, url: OUTLOOK_URL, tab: { id: 4, url: OUTLOOK_URL } };

const OLD_SUBJECTS = { name: 'rowSubject', matchedSince: '2014-12-01', newestSince: '2019-01-01' };

let clock: Date;
let store: TallyStore;
let handlers: Handlers;

const send = (type: MessageType, data: unknown, sender: MessageSenderInfo) => dispatch(handlers, SELF, type, data, sender);
const diagnostics = async () => (await send('getDiagnostics', undefined, FROM_OPTIONS)) as Diagnostics;

beforeEach(() => {
  freshIndexedDb();
  clock = new Date('2026-11-27T12:00:00Z');
  store = new TallyStore({ now: () => clock });
  handlers = createHandlers({ store, classify: async () => Promise.reject(new Error('not used')), now: () => clock });
});
afterEach(async () => {
  await store.close();
});

describe('reportSelectorHealth and getDiagnostics', () => {
  it('keeps what a webmail page reported and words it for the options page', async () => {
    expect(await diagnostics()).toEqual({ selectors: [] });
    expect(await send('reportSelectorHealth', { webmail: 'gmail', names: [OLD_SUBJECTS] }, FROM_GMAIL)).toEqual({ recorded: 1 });
    expect(await diagnostics()).toEqual({
      selectors: [
        {
          webmail: 'gmail',
          webmailName: 'Gmail',
          reportedAt: '2026-11-27T12:00:00.000Z',
          stale: [{ ...OLD_SUBJECTS, what: 'the subjects in the message list' }],
        },
      ],
    });
  });

  it("keeps only each webmail's latest report, the latest first", async () => {
    await send('reportSelectorHealth', { webmail: 'gmail', names: [OLD_SUBJECTS] }, FROM_GMAIL);
    clock = new Date('2026-11-28T09:00:00Z');
    await send('reportSelectorHealth', { webmail: 'outlook', names: [{ name: 'recipientChip', matchedSince: '2019-01-01', newestSince: '2025-01-01' }] }, FROM_OUTLOOK);
    clock = new Date('2026-11-28T10:00:00Z');
    // A later Gmail page found everything with the newest layouts: the old warning goes.
    await send('reportSelectorHealth', { webmail: 'gmail', names: [] }, FROM_GMAIL);
    const { selectors } = await diagnostics();
    expect(selectors.map((entry) => [entry.webmail, entry.reportedAt, entry.stale.map((s) => s.what)])).toEqual([
      ['gmail', '2026-11-28T10:00:00.000Z', []],
      ['outlook', '2026-11-28T09:00:00.000Z', ['the recipients in a compose form']],
    ]);
  });

  it("believes a page only what this version's tables confirm", async () => {
    const names = [
      { name: 'noSuchSelector', matchedSince: '2014-01-01', newestSince: '2019-01-01' },
      { name: 'rowSubject', matchedSince: '2019-01-01', newestSince: '2019-01-01' }, // the newest: not old
      { name: 'message', matchedSince: '2020-05-05', newestSince: '2023-11-16' }, // no variant of that date
      { name: 'messageBody', matchedSince: '2017-01-01', newestSince: '2001-01-01' }, // newest taken from the table
      { name: 'constructor', matchedSince: '2014-01-01', newestSince: '2019-01-01' },
    ];
    expect(await send('reportSelectorHealth', { webmail: 'gmail', names }, FROM_GMAIL)).toEqual({ recorded: 1 });
    const [gmail] = (await diagnostics()).selectors;
    expect(gmail?.stale).toEqual([{ name: 'messageBody', matchedSince: '2017-01-01', newestSince: '2019-01-01', what: 'the text of an open message' }]);
  });

  it('refuses a page reporting for another webmail, and diagnostics to a page', async () => {
    await expect(send('reportSelectorHealth', { webmail: 'outlook', names: [] }, FROM_GMAIL)).rejects.toThrow(/a gmail page cannot report for outlook/);
    await expect(send('getDiagnostics', undefined, FROM_GMAIL)).rejects.toThrow(/only the extension's own pages/);
    expect(await diagnostics()).toEqual({ selectors: [] });
  });

  it('rejects oversized or malformed reports before any handler runs', async () => {
    const many = Array.from({ length: 65 }, (_, i) => ({ name: `name${i}`, matchedSince: '2014-01-01', newestSince: '2019-01-01' }));
    await expect(send('reportSelectorHealth', { webmail: 'gmail', names: many }, FROM_GMAIL)).rejects.toThrow(/invalid payload at names/);
    const bad = [
      { webmail: 'import', names: [] },
      { webmail: 'gmail', names: [{ name: '<img src=x>', matchedSince: '2014-01-01', newestSince: '2019-01-01' }] },
      { webmail: 'gmail', names: [{ name: 'row', matchedSince: 'last year', newestSince: '2019-01-01' }] },
      { webmail: 'gmail', names: [{ name: 'x'.repeat(65), matchedSince: '2014-01-01', newestSince: '2019-01-01' }] },
    ];
    for (const report of bad) await expect(send('reportSelectorHealth', report, FROM_GMAIL)).rejects.toThrow(/invalid payload/);
    expect(await diagnostics()).toEqual({ selectors: [] });
  });
});

describe('the reports in the tally database', () => {
  it('keep the latest report per webmail across a worker restart (a new store on the same database)', async () => {
    await store.putSelectorHealth({ webmail: 'gmail', reportedAt: '2026-11-27T12:00:00.000Z', names: [OLD_SUBJECTS] });
    await store.putSelectorHealth({ webmail: 'gmail', reportedAt: '2026-11-27T13:00:00.000Z', names: [] });
    await store.putSelectorHealth({ webmail: 'outlook', reportedAt: '2026-11-27T13:30:00.000Z', names: [] });
    await store.close();
    store = new TallyStore({ now: () => clock });
    const records = await store.selectorHealth();
    expect(records.map((record) => [record.webmail, record.reportedAt])).toEqual([
      ['gmail', '2026-11-27T13:00:00.000Z'],
      ['outlook', '2026-11-27T13:30:00.000Z'],
    ]);
  });

  it('are not bounces: clearing the tally keeps them, and a backup does not carry them', async () => {
    await send('reportSelectorHealth', { webmail: 'gmail', names: [OLD_SUBJECTS] }, FROM_GMAIL);
    await store.clear();
    expect((await store.selectorHealth()).map((record) => record.names)).toEqual([[OLD_SUBJECTS]]);
    expect(Object.keys(await store.exportBackup())).not.toContain('selectorHealth');
  });
});
