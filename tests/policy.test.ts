import { describe, expect, it } from 'vitest';
import type { BounceKind, Reason } from '../lib/bounce/types';
import {
  applyDecision,
  DEFAULT_POLICY,
  foldEvents,
  isWaitingForRemoval,
  MANUAL_WEBMAIL,
  mergeDecisions,
  normaliseAddress,
  normaliseSettings,
  POLICY_PRESETS,
  summariseAddress,
  undoDecision,
  type DecisionState,
  type PolicySettings,
  type TallyEvent,
  type Verdict,
} from '../lib/policy';
import { classifyNotice } from '../lib/bounce';

const ADDRESS = 'ann@example.com';
const NOW = new Date('2026-11-27T12:00:00Z');

let nextId = 0;
/** One event `daysAgo` days before NOW (at `hour` UTC). */
function event(kind: BounceKind, reason: Reason, daysAgo: number, hour = 10, extra: Partial<TallyEvent> = {}): TallyEvent {
  const at = new Date(Date.UTC(2026, 10, 27 - daysAgo, hour));
  nextId += 1;
  return {
    id: `e${String(nextId).padStart(4, '0')}`,
    address: ADDRESS,
    kind,
    reason,
    status: kind === 'hard' ? '5.1.1' : '4.2.2',
    replyCode: kind === 'hard' ? '550' : '452',
    diagnostic: `${reason} said the server`,
    remoteMta: 'mx.example.com',
    webmail: 'gmail',
    seenAt: at.toISOString(),
    noticeUrl: 'https://mail.google.com/mail/u/0/#inbox/abc',
    ...extra,
  };
}
const soft = (daysAgo: number, hour?: number) => event('soft', 'mailboxfull', daysAgo, hour);
const hard = (daysAgo: number) => event('hard', 'userunknown', daysAgo);
const sender = (reason: Reason, daysAgo: number) => event('soft', reason, daysAgo);

function verdictOf(events: TallyEvent[], settings: PolicySettings = DEFAULT_POLICY, decision?: DecisionState) {
  return summariseAddress(foldEvents(ADDRESS, events, decision), settings, NOW);
}

describe('verdicts (standard: 3 soft-bounce days within 30 days)', () => {
  const cases: Array<{ name: string; events: () => TallyEvent[]; verdict: Verdict; softDays: number; bounceDays: number }> = [
    { name: 'one hard bounce removes', events: () => [hard(3)], verdict: 'remove', softDays: 0, bounceDays: 1 },
    { name: 'an old hard bounce never expires', events: () => [hard(400)], verdict: 'remove', softDays: 0, bounceDays: 1 },
    { name: 'one soft bounce is watched', events: () => [soft(1)], verdict: 'watch', softDays: 1, bounceDays: 1 },
    { name: 'two soft days: watch, 2 of 3', events: () => [soft(1), soft(5)], verdict: 'watch', softDays: 2, bounceDays: 2 },
    { name: 'three soft days: remove', events: () => [soft(1), soft(5), soft(20)], verdict: 'remove-repeated-soft', softDays: 3, bounceDays: 3 },
    { name: 'three soft bounces on one day are one day', events: () => [soft(2, 8), soft(2, 12), soft(2, 23)], verdict: 'watch', softDays: 1, bounceDays: 1 },
    { name: 'a day 29 days ago is inside the window', events: () => [soft(0), soft(10), soft(29)], verdict: 'remove-repeated-soft', softDays: 3, bounceDays: 3 },
    { name: 'a day 30 days ago has expired', events: () => [soft(0), soft(10), soft(30)], verdict: 'watch', softDays: 2, bounceDays: 3 },
    { name: 'all soft days expired: clear', events: () => [soft(40), soft(50), soft(60)], verdict: 'clear', softDays: 0, bounceDays: 3 },
    { name: 'sender problems alone: sender-problem', events: () => [sender('blocked', 1), sender('authfailure', 2), sender('ratelimited', 3)], verdict: 'sender-problem', softDays: 0, bounceDays: 3 },
    { name: 'sender problems never count toward removal', events: () => [soft(1), sender('spamdetected', 2), sender('badreputation', 3)], verdict: 'watch', softDays: 1, bounceDays: 3 },
    { name: 'a refused envelope sender (rejected) is a sender problem', events: () => [sender('rejected', 1), sender('rejected', 4), sender('rejected', 9)], verdict: 'sender-problem', softDays: 0, bounceDays: 3 },
    { name: 'hard beats sender problems', events: () => [hard(5), sender('blocked', 1)], verdict: 'remove', softDays: 0, bounceDays: 2 },
    { name: 'old sender problems expire', events: () => [sender('blocked', 45)], verdict: 'clear', softDays: 0, bounceDays: 1 },
    { name: 'undetermined failures are watched, never removed', events: () => [event('undetermined', 'undefined', 1), event('undetermined', 'undefined', 2), event('undetermined', 'undefined', 3)], verdict: 'watch', softDays: 0, bounceDays: 3 },
  ];
  it.each(cases)('$name', ({ events, verdict, softDays, bounceDays }) => {
    const summary = verdictOf(events());
    expect(summary.verdict).toBe(verdict);
    expect(summary.softDaysInWindow).toBe(softDays);
    expect(summary.softDaysThreshold).toBe(3);
    expect(summary.bounceDays).toBe(bounceDays);
    expect(summary.evidence.length).toBeGreaterThan(0);
  });
});

describe('presets and thresholds', () => {
  const fourDays = () => [soft(0), soft(3), soft(6), soft(9)];
  it.each([
    { preset: 'strict' as const, days: [soft(0), soft(1)], verdict: 'remove-repeated-soft' },
    { preset: 'strict' as const, days: [soft(0)], verdict: 'watch' },
    { preset: 'standard' as const, days: fourDays(), verdict: 'remove-repeated-soft' },
    { preset: 'lenient' as const, days: fourDays(), verdict: 'watch' },
    { preset: 'lenient' as const, days: [0, 2, 4, 6, 8, 10, 12].map((d) => soft(d)), verdict: 'remove-repeated-soft' },
  ])('$preset with $days.length days: $verdict', ({ preset, days, verdict }) => {
    expect(verdictOf(days, POLICY_PRESETS[preset]).verdict).toBe(verdict);
  });

  it('presets carry the documented numbers', () => {
    expect(POLICY_PRESETS.standard).toEqual({ preset: 'standard', softBounceDays: 3, windowDays: 30 });
    expect(POLICY_PRESETS.lenient.softBounceDays).toBe(7);
    expect(POLICY_PRESETS.strict.softBounceDays).toBe(2);
  });

  it('a custom window changes expiry', () => {
    const days = [soft(0), soft(8), soft(12)];
    expect(verdictOf(days, { preset: 'custom', softBounceDays: 3, windowDays: 10 }).verdict).toBe('watch');
    expect(verdictOf(days, { preset: 'custom', softBounceDays: 3, windowDays: 13 }).verdict).toBe('remove-repeated-soft');
  });

  it('a named preset ignores stray numbers; custom numbers are clamped', () => {
    expect(normaliseSettings({ preset: 'strict', softBounceDays: 99, windowDays: 1 })).toEqual(POLICY_PRESETS.strict);
    expect(normaliseSettings({ preset: 'custom', softBounceDays: 0, windowDays: 10_000 })).toEqual({ preset: 'custom', softBounceDays: 1, windowDays: 365 });
    expect(normaliseSettings({ preset: 'custom', softBounceDays: Number.NaN, windowDays: 4.6 })).toEqual({ preset: 'custom', softBounceDays: 1, windowDays: 5 });
  });
});

describe('evidence', () => {
  it('gives progress as data: "2 of 3" days within the window', () => {
    expect(verdictOf([soft(1), soft(2)]).evidence).toContainEqual({ fact: 'soft-days', inWindow: 2, threshold: 3, windowDays: 30 });
  });
  it('names the hard bounce with its reason, codes and time', () => {
    const [fact] = verdictOf([hard(3)]).evidence;
    expect(fact).toEqual({ fact: 'hard-bounce', at: hard(3).seenAt, reason: 'userunknown', status: '5.1.1', replyCode: '550' });
  });
  it('names sender-problem reasons, sorted, while they are in the window', () => {
    expect(verdictOf([sender('blocked', 1), sender('authfailure', 2)]).evidence).toContainEqual({
      fact: 'sender-refused',
      inWindow: 2,
      windowDays: 30,
      reasons: ['authfailure', 'blocked'],
    });
    expect(verdictOf([sender('blocked', 40)]).evidence).toContainEqual({ fact: 'sender-refusals-expired', reasons: ['blocked'] });
  });
  it('says when soft days expired', () => {
    expect(verdictOf([soft(1), soft(50)]).evidence).toContainEqual({ fact: 'soft-days-expired', days: 1, windowDays: 30 });
  });
  it('marks a hard event added by hand', () => {
    const byHand = { ...hard(2), webmail: MANUAL_WEBMAIL };
    expect(verdictOf([byHand]).evidence[0]).toMatchObject({ fact: 'hard-bounce', byHand: true });
    expect(verdictOf([hard(2)]).evidence[0]).not.toHaveProperty('byHand');
  });
});

describe('the fold', () => {
  it('counts each bucket and keeps the latest event, whatever the order', () => {
    const events = [soft(9), hard(4), sender('blocked', 2), soft(1, 7), event('undetermined', 'undefined', 6)];
    const forward = foldEvents(ADDRESS, events);
    const backward = foldEvents(ADDRESS, [...events].reverse());
    expect(backward).toEqual(forward);
    expect(forward).toMatchObject({ hardCount: 1, softCount: 2, senderProblemCount: 1, undeterminedCount: 1, domain: 'example.com' });
    expect(forward.firstBounceAt).toBe(events[0]!.seenAt);
    expect(forward.lastBounceAt).toBe(events[3]!.seenAt);
    expect(forward.last.reason).toBe('mailboxfull');
    expect(forward.lastHard?.reason).toBe('userunknown');
  });
  it('ignores an event repeated by id', () => {
    const once = soft(1);
    expect(foldEvents(ADDRESS, [once, once, { ...once }]).softCount).toBe(1);
  });
  it('suggests the new address of the latest hasmoved bounce', () => {
    const older = event('hard', 'hasmoved', 5, 10, { newAddress: 'ann@old-new.example' });
    const newer = event('hard', 'hasmoved', 1, 10, { newAddress: 'ann@new.example' });
    const summary = verdictOf([newer, older]);
    expect(summary.verdict).toBe('remove');
    expect(summary.suggestedReplacement).toBe('ann@new.example');
    expect(verdictOf([hard(1)]).suggestedReplacement).toBeUndefined();
  });
});

describe('user decisions', () => {
  const none: DecisionState = { decision: 'none', decidedAt: '' };
  it.each([
    { decision: 'removed' as const, events: () => [hard(1)] },
    { decision: 'kept' as const, events: () => [hard(1)] },
    { decision: 'kept' as const, events: () => [soft(0), soft(1), soft(2)] },
    { decision: 'removed' as const, events: () => [soft(0)] },
  ])('$decision wins over the bounces', ({ decision, events }) => {
    const state = applyDecision(none, decision, '2026-11-26T09:00:00.000Z');
    const summary = verdictOf(events(), DEFAULT_POLICY, state);
    expect(summary.verdict).toBe(decision);
    expect(summary.decision).toBe(decision);
    expect(summary.evidence[0]).toMatchObject({ fact: 'decided', decision, at: '2026-11-26T09:00:00.000Z' });
    expect(isWaitingForRemoval(summary)).toBe(false);
  });

  it('a decision survives new bounces (it is kept in the state, not in the events)', () => {
    const state = applyDecision(none, 'kept', '2026-11-20T00:00:00.000Z');
    expect(verdictOf([hard(10), hard(1), hard(0)], DEFAULT_POLICY, state).verdict).toBe('kept');
  });

  it('undo restores the decision before, once', () => {
    const kept = applyDecision(none, 'kept', '2026-11-20T00:00:00.000Z');
    const removed = applyDecision(kept, 'removed', '2026-11-21T00:00:00.000Z');
    const undone = undoDecision(removed);
    expect(undone.decision).toBe('kept');
    expect(undone.decidedAt).toBe('2026-11-20T00:00:00.000Z');
    expect(undoDecision(undone).decision).toBe('none');
    expect(verdictOf([hard(1)], DEFAULT_POLICY, undoDecision(kept)).verdict).toBe('remove');
  });

  it('setting the same decision again changes nothing', () => {
    const kept = applyDecision(none, 'kept', '2026-11-20T00:00:00.000Z');
    expect(applyDecision(kept, 'kept', '2026-11-25T00:00:00.000Z')).toBe(kept);
  });

  it('merging keeps the later decision', () => {
    const a = applyDecision(none, 'kept', '2026-11-20T00:00:00.000Z');
    const b = applyDecision(none, 'removed', '2026-11-22T00:00:00.000Z');
    expect(mergeDecisions(a, b).decision).toBe('removed');
    expect(mergeDecisions(b, a).decision).toBe('removed');
    expect(mergeDecisions(a, none).decision).toBe('kept');
  });

  it('waiting for removal means remove or remove-repeated-soft without a decision', () => {
    expect(isWaitingForRemoval(verdictOf([hard(1)]))).toBe(true);
    expect(isWaitingForRemoval(verdictOf([soft(0), soft(1), soft(2)]))).toBe(true);
    expect(isWaitingForRemoval(verdictOf([soft(0)]))).toBe(false);
    expect(isWaitingForRemoval(verdictOf([sender('blocked', 0)]))).toBe(false);
  });
});

// Issue 10: one key for every consumer. The classifier reports an address as written; the store,
// the banner and the compose warning compare through normaliseAddress (lib/bounce/address.ts).
describe('normaliseAddress, the one address key', () => {
  it.each([
    ['Nobody@Example.com', 'nobody@example.com'],
    ['  <Ann@Example.COM>  ', 'ann@example.com'],
    ["'john@example.com", "'john@example.com"],
    ['=sales@example.com', '=sales@example.com'],
    ['+desk@example.com', '+desk@example.com'],
    ['"neko....nyaan...."@example.org', '"neko....nyaan...."@example.org'],
    ['\ud83d\udc08@example.org', '\ud83d\udc08@example.org'],
    ['kijitora@mailhub0', 'kijitora@mailhub0'],
  ])('%j → %j', (raw, key) => expect(normaliseAddress(raw)).toBe(key));

  it.each([
    '',
    '<>',
    'not an address',
    'a@b@example.com',
    'bob@',
    '@example.com',
    '.bob@example.com',
    'bob@example..com',
    `${'a'.repeat(65)}@example.com`,
    `bob@${'a'.repeat(250)}.com`,
    'bob\u202e@example.com',
    'bob\u200b@example.com',
    'bob\u0007@example.com',
    'b\ud800ob@example.com',
    'bob smith@example.com',
    'Bob <bob@example.com>',
  ])('%j is no address', (raw) => expect(normaliseAddress(raw)).toBeNull());

  it('the banner of Nobody@example.com finds the tally it was recorded under', async () => {
    const text = 'This is the mail system at host mx.example.com.\n\n<Nobody@example.com>: host mx.example.net[192.0.2.7] said: 550 5.1.1 User unknown\n';
    const r = await classifyNotice({ view: 'rendered', subject: 'Undelivered Mail Returned to Sender', from: 'MAILER-DAEMON@mx.example.com', text });
    const reported = r.recipients.map((x) => x.address);
    expect(reported).toEqual(['Nobody@example.com']);
    expect(reported.map(normaliseAddress)).toEqual(['nobody@example.com']);
  });
});

describe('proof of life (issue #13): the address wrote to the user', () => {
  const wrote = (daysAgo: number): DecisionState & { wroteAt: string } => ({ decision: 'none', decidedAt: '', wroteAt: new Date(Date.UTC(2026, 10, 27 - daysAgo, 15)).toISOString() });

  it('soft bounces before the message no longer count toward removal: Watch, not Remove', () => {
    const before = verdictOf([soft(1), soft(5), soft(20)]);
    expect(before.verdict).toBe('remove-repeated-soft');
    const after = verdictOf([soft(1), soft(5), soft(20)], DEFAULT_POLICY, wrote(0));
    expect(after.verdict).toBe('watch');
    expect(after.softDaysInWindow).toBe(0);
    expect(after.wroteAt).toBe(wrote(0).wroteAt);
    expect(after.evidence).toContainEqual({ fact: 'wrote-to-you', at: wrote(0).wroteAt, setAside: 3 });
  });

  it('soft bounces after the message count again, from zero', () => {
    const summary = verdictOf([soft(25), soft(22), soft(20), soft(10), soft(5)], DEFAULT_POLICY, wrote(15));
    expect(summary.softDaysInWindow).toBe(2);
    expect(summary.verdict).toBe('watch');
    expect(verdictOf([soft(25), soft(10), soft(5), soft(1)], DEFAULT_POLICY, wrote(15)).verdict).toBe('remove-repeated-soft');
    // Written before its last bounce: no "wrote to you" mark, only the earlier days are set aside.
    expect(summary.evidence.some((fact) => fact.fact === 'wrote-to-you')).toBe(false);
  });

  it('a soft bounce on the day of the message is set aside with the earlier ones', () => {
    expect(verdictOf([soft(3, 8), soft(2), soft(1)], DEFAULT_POLICY, wrote(1)).verdict).toBe('watch');
  });

  it('a hard bounce still removes: soft bounces alone are set aside, nothing else', () => {
    const summary = verdictOf([hard(5)], DEFAULT_POLICY, wrote(1));
    expect(summary.verdict).toBe('remove');
    expect(summary.evidence).toContainEqual({ fact: 'wrote-to-you', at: wrote(1).wroteAt, setAside: 0 });
  });

  it('the user decision still wins, and the fold keeps the date across re-folds', () => {
    expect(verdictOf([soft(1)], DEFAULT_POLICY, { ...wrote(0), decision: 'removed', decidedAt: NOW.toISOString() }).verdict).toBe('removed');
    expect(foldEvents(ADDRESS, [soft(1)], wrote(0)).wroteAt).toBe(wrote(0).wroteAt);
    expect(foldEvents(ADDRESS, [soft(1)]).wroteAt).toBeUndefined();
  });
});
