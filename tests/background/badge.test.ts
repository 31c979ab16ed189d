import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeText, countWaitingForRemoval, createBadgeUpdater } from '../../lib/background/badge';
import { TallyStore } from '../../lib/store/tally';
import { bounce, freshIndexedDb, recipient, report } from '../store/notices';

const NOW = new Date('2026-11-27T12:00:00Z');
let store: TallyStore;

beforeEach(() => {
  fakeBrowser.reset();
  freshIndexedDb();
  store = new TallyStore({ now: () => NOW });
});
afterEach(async () => store.close());

describe('toolbar badge', () => {
  it('counts addresses the bounces say to remove and the user has not decided on', async () => {
    const notices = [
      report('g:1', bounce('2026-11-26T08:00:00Z', [recipient('hard@example.com', 'hard', 'userunknown'), recipient('decided@example.com', 'hard', 'userunknown')])),
      report('g:2', bounce('2026-11-20T08:00:00Z', [recipient('soft@example.com', 'soft', 'mailboxfull'), recipient('watch@example.com', 'soft', 'mailboxfull')])),
      report('g:3', bounce('2026-11-22T08:00:00Z', [recipient('soft@example.com', 'soft', 'mailboxfull'), recipient('sender@example.com', 'soft', 'blocked')])),
      report('g:4', bounce('2026-11-25T08:00:00Z', [recipient('soft@example.com', 'soft', 'mailboxfull'), recipient('sender@example.com', 'soft', 'blocked')])),
      report('g:5', bounce('2026-09-01T08:00:00Z', [recipient('expired@example.com', 'soft', 'mailboxfull')])),
      report('g:6', bounce('2026-09-02T08:00:00Z', [recipient('expired@example.com', 'soft', 'mailboxfull')])),
      report('g:7', bounce('2026-09-03T08:00:00Z', [recipient('expired@example.com', 'soft', 'mailboxfull')])),
    ];
    for (const notice of notices) await store.recordNotice(notice);
    await store.setDecision(['decided@example.com'], 'removed');
    expect(await countWaitingForRemoval(store)).toBe(2); // hard@ and soft@ (3 days)

    const refresh = createBadgeUpdater(store, fakeBrowser.action);
    await refresh();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    // Under the lenient preset three soft days are not enough: only the hard bounce is left.
    await store.setSettings({ preset: 'lenient', softBounceDays: 7, windowDays: 30 });
    await refresh();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('shows nothing for zero and caps long numbers', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(42)).toBe('42');
    expect(badgeText(1000)).toBe('999+');
  });
});
