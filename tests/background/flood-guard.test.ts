import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyNotice } from '../../lib/bounce/classify';
import { createFloodGuard } from '../../lib/background/flood-guard';
import { createHandlers } from '../../lib/background/handlers';
import { dispatch } from '../../lib/background/router';
import { TallyStore } from '../../lib/store/tally';
import { freshIndexedDb } from '../store/notices';
import { RENDERED_GMAIL } from './samples';

const SELF = { id: 'ext', origin: 'chrome-extension://ext/' };
const tab = (id: number) => ({ id: 'ext', url: 'https://mail.google.com/mail/u/0/', tab: { id } });
const report = (n: number) => ({ webmail: 'gmail', account: '0', messageId: `m${n}`, url: '', rendered: { ...RENDERED_GMAIL, text: `${RENDERED_GMAIL.text} ${n}` } });

let store: TallyStore;
beforeEach(() => {
  freshIndexedDb();
  store = new TallyStore();
});
afterEach(async () => store.close());

describe('flood guard', () => {
  it('refuses a tab over its ceiling without writing, and lets it report again later', async () => {
    let clock = 0;
    const handlers = createHandlers({ store, classify: classifyNotice, floodGuard: createFloodGuard(() => clock, { max: 2, windowMs: 1000 }) });
    await dispatch(handlers, SELF, 'reportNotice', report(1), tab(7));
    await dispatch(handlers, SELF, 'reportNotice', report(2), tab(7));
    await expect(dispatch(handlers, SELF, 'reportNotice', report(3), tab(7))).rejects.toThrow('reportNotice refused: too many reports from this tab');
    // A notice already recorded is still answered (a re-render writes nothing).
    await expect(dispatch(handlers, SELF, 'reportNotice', report(1), tab(7))).resolves.toMatchObject({ duplicate: true });
    expect((await store.exportBackup()).notices.map((notice) => notice.key).sort()).toEqual(['gmail:0:m1', 'gmail:0:m2']);
    // Another tab has its own count; extension pages (imports) are not limited.
    await dispatch(handlers, SELF, 'reportNotice', report(4), tab(8));
    await dispatch(handlers, SELF, 'reportNotice', report(5), { id: 'ext', url: 'chrome-extension://ext/options.html' });
    clock = 1000;
    await dispatch(handlers, SELF, 'reportNotice', report(3), tab(7));
    expect((await store.exportBackup()).notices).toHaveLength(5);
  });
});
