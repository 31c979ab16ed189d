/** Forged notices (issue #10 item 7): what cannot be tied to the user's sent mail does not count until the user says so. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { judgeTrust, MAX_ADDRESSES_PER_NOTICE, MAX_UNTIED_ADDRESSES } from '../../lib/store/trust';
import { TallyStore } from '../../lib/store/tally';
import type { ReturnedFacts } from '../../lib/bounce/types';
import { createRealBackground } from '../pages/real-background';
import { bounce, freshIndexedDb, recipient, report } from './notices';
import { dsnBounce } from '../import/bounce-fixtures';

const NOW = new Date('2026-11-27T12:00:00Z');
const returned = (from: string, extra: Partial<ReturnedFacts> = {}): ReturnedFacts => ({ from, sender: '', returnPath: '', subject: 'Open house', messageId: 'm1@example.com', date: '', ...extra });

describe('judgeTrust', () => {
  it.each([
    ['the returned message was sent from the account', { returned: returned('Me@Example.com') }, 'me@example.com', 3, true],
    ['sent with the account as Sender (a delegate)', { returned: returned('boss@example.com', { sender: 'me@example.com' }) }, 'me@example.com', 1, true],
    ['the account is a Gmail index: only the size rules', { returned: returned('someone@example.org') }, 'u/0', 40, true],
    ['a file import: only the size rules', { returned: returned('someone@example.org') }, '', 100, true],
    ['no returned message, a few addresses', {}, 'me@example.com', MAX_UNTIED_ADDRESSES, true],
    ['no returned message, many addresses', {}, 'me@example.com', MAX_UNTIED_ADDRESSES + 1, false],
    ['returned from another sender', { returned: returned('spoofer@example.net') }, 'me@example.com', 1, false],
    ['more addresses than one notice may add', { returned: returned('me@example.com') }, 'me@example.com', MAX_ADDRESSES_PER_NOTICE + 1, false],
  ])('%s', (_name, notice, account, failed, verified) => {
    const trust = judgeTrust(notice, account, failed);
    expect(trust.verified).toBe(verified);
    if (!trust.verified) expect(trust.why.length).toBeGreaterThan(10);
  });
});

describe('a forged notice in the store', () => {
  let store: TallyStore;
  beforeEach(() => {
    freshIndexedDb();
    store = new TallyStore({ now: () => NOW });
  });
  afterEach(() => store.close());

  const many = (n: number) => Array.from({ length: n }, (_, i) => recipient(`victim${i}@example.org`, 'hard', 'userunknown'));

  it('500 addresses do not reach the Remove list until the user counts the notice', async () => {
    const forged = report('gmail:me@example.com:f1', bounce('2026-11-26T10:00:00Z', many(500)));
    const result = await store.recordNotice({ ...forged, account: 'me@example.com' });
    expect(result.unverified).toMatch(/names 500 addresses/);
    expect(await store.groupCounts()).toMatchObject({ remove: 0 });
    expect(await store.lookup(['victim1@example.org'])).toEqual([]);
    expect(await store.unverifiedCount()).toBe(1);
    // Seen again, it still says so.
    expect((await store.findRecorded(forged.key))?.unverified).toMatch(/names 500 addresses/);
    const [listed] = await store.listUnverified();
    expect(listed).toMatchObject({ key: forged.key, addresses: 500 });
    expect(listed?.sample).toHaveLength(10);

    expect(await store.settleUnverified([forged.key], true)).toBe(1);
    expect(await store.groupCounts()).toMatchObject({ remove: 500 });
    expect(await store.unverifiedCount()).toBe(0);
    expect(await store.listUnverified()).toEqual([]);
  });

  it('a notice returning someone else\'s message is kept apart; ignoring it keeps it out for good', async () => {
    const notice = { ...bounce('2026-11-26T10:00:00Z', [recipient('ann@example.org', 'hard', 'userunknown')]), returned: returned('spoofer@example.net') };
    const result = await store.recordNotice({ ...report('outlook:me@example.com:x', notice, 'outlook'), account: 'me@example.com' });
    expect(result.unverified).toMatch(/not sent from me@example\.com/);
    expect(await store.settleUnverified(['outlook:me@example.com:x'], false)).toBe(1);
    expect(await store.lookup(['ann@example.org'])).toEqual([]);
    expect(await store.unverifiedCount()).toBe(0);
    // A real bounce for the same address still counts.
    const real = { ...bounce('2026-11-27T09:00:00Z', [recipient('ann@example.org', 'hard', 'userunknown')]), returned: returned('me@example.com') };
    expect((await store.recordNotice({ ...report('outlook:me@example.com:y', real, 'outlook'), account: 'me@example.com' })).unverified).toBeUndefined();
    expect((await store.lookup(['ann@example.org']))[0]).toMatchObject({ hardCount: 1, group: 'remove' });
  });

  it('survives a backup round trip still waiting for the user', async () => {
    await store.recordNotice({ ...report('gmail:me@example.com:f2', bounce('2026-11-26T10:00:00Z', many(120))), account: 'me@example.com' });
    const backup = JSON.parse(JSON.stringify(await store.exportBackup()));
    freshIndexedDb();
    const other = new TallyStore({ now: () => NOW });
    await other.importBackup(backup);
    expect(await other.unverifiedCount()).toBe(1);
    expect(await other.groupCounts()).toMatchObject({ remove: 0 });
    await other.close();
  });
});

describe('through the background, from a webmail page', () => {
  it('a raw forged DSN naming many addresses is answered "not counted" and lists nothing', async () => {
    const background = createRealBackground(() => NOW);
    const rcpts = Array.from({ length: 30 }, (_, i) => `victim${i}@example.org`);
    const raw = dsnBounce(rcpts, { date: 'Thu, 26 Nov 2026 10:00:00 +0000', id: 'forged1@mx.example.net', returned: null });
    await background.seed([raw]);
    const page = await background.transport('listAddresses', { group: 'all' });
    expect(page.counts.all).toBe(0);
    expect(page.unverified).toBe(1);
    const { notices } = await background.transport('listUnverified');
    expect(notices[0]?.why).toMatch(/does not include the message it returns, and names 30 addresses/);
  });
});

describe('through the message bus, as the pages send it', () => {
  it('a backup restored through importBackup keeps unconfirmed notices unconfirmed', async () => {
    const background = createRealBackground(() => NOW);
    await background.store.recordNotice({ ...report('gmail:me@example.com:f3', bounce('2026-11-26T10:00:00Z', Array.from({ length: 120 }, (_, i) => recipient(`v${i}@example.org`, 'hard', 'userunknown')))), account: 'me@example.com' });
    const backup = JSON.parse(JSON.stringify(await background.transport('exportBackup')));
    await background.transport('clearAll');
    await background.transport('importBackup', backup);
    expect(await background.store.groupCounts()).toMatchObject({ remove: 0 });
    expect(await background.store.unverifiedCount()).toBe(1);
  });

  it('an imported notice keeps its returned message, so a real bounce of many recipients counts', async () => {
    const background = createRealBackground(() => NOW);
    const notice = { ...bounce('2026-11-26T10:00:00Z', Array.from({ length: 8 }, (_, i) => recipient(`r${i}@example.org`, 'hard', 'userunknown'))), returned: returned('me@example.com') };
    expect(await background.transport('importNotices', { notices: [{ key: 'import:abc', notice }] })).toMatchObject({ noticesAdded: 1 });
    expect(await background.store.groupCounts()).toMatchObject({ remove: 8 });
    expect(await background.store.unverifiedCount()).toBe(0);
  });
});
