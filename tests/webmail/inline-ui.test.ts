// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FailedRecipient } from '../../lib/bounce/types';
import type { AddressSummary } from '../../lib/policy';
import {
  badgeKindOf,
  composeWarningText,
  createBadge,
  createBanner,
  createComposeSummary,
  createComposeWarning,
  pageLocale,
  shouldWarn,
  updateBadge,
  updateBanner,
  updateComposeSummary,
  INLINE_CSS,
  type BannerActions,
  type BannerModel,
  type ComposeSummaryActions,
} from '../../lib/webmail/inline-ui';
import { makeSummary } from '../pages/make-summary';

function summary(overrides: Partial<AddressSummary> = {}): AddressSummary {
  return makeSummary({
    address: 'ann.lee@example.com',
    evidence: [],
    firstBounceAt: '2026-11-03T09:00:00.000Z',
    lastBounceAt: '2026-11-03T09:00:00.000Z',
    lastDiagnostic: '550 5.1.1 no such user',
    lastNoticeUrl: '',
    ...overrides,
  });
}

function recipient(overrides: Partial<FailedRecipient> = {}): FailedRecipient {
  return {
    address: 'ann.lee@example.com',
    kind: 'hard',
    reason: 'userunknown',
    status: '5.1.1',
    replyCode: '550',
    diagnostic: '550 5.1.1 The email account that you tried to reach does not exist.',
    action: 'failed',
    remoteMta: 'mx.example.com',
    ...overrides,
  };
}

const noActions: BannerActions = { decide: async () => 'ok', copy: async () => undefined };
const shadowText = (host: HTMLElement): string => host.shadowRoot?.textContent ?? '';
const shadow = <T extends Element = HTMLElement>(host: HTMLElement, css: string): T => host.shadowRoot!.querySelector<T>(css)!;
const buttons = (host: HTMLElement) =>
  [...host.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].map((b) => ({ label: b.textContent, action: b.dataset.action, disabled: b.disabled, pressed: b.getAttribute('aria-pressed') }));

function classified(overrides: Partial<Extract<BannerModel, { state: 'classified' }>> = {}): BannerModel {
  return { state: 'classified', reading: 'raw', webmail: 'gmail', delayed: false, recipients: [{ recipient: recipient(), summary: summary() }], ...overrides };
}

// Dates as a British page writes them, whatever the machine running the tests says.
beforeEach(() => document.documentElement.setAttribute('lang', 'en-GB'));
afterEach(() => {
  document.documentElement.removeAttribute('lang');
  document.body.replaceChildren();
});

describe('badge', () => {
  it('carries the public hooks and shows kind and address', () => {
    const badge = createBadge(document, { kind: 'hard', address: 'ann.lee@example.com' });
    expect(badge.getAttribute('data-bounce-sweeper')).toBe('badge');
    expect(badge.getAttribute('data-kind')).toBe('hard');
    expect(badge.getAttribute('data-address')).toBe('ann.lee@example.com');
    expect(badge.textContent).toBe('Hard bounceann.lee@example.com');
    // Nothing of ours is focusable in a list row (Gmail's j/k/x shortcuts move focus between rows).
    expect(badge.querySelector('[tabindex], button, a')).toBeNull();
    // Gmail's rules cannot restyle it: every element of ours starts from all: initial/unset inline.
    expect(badge.style.cssText).toMatch(/^all: initial/);
    expect(badge.querySelector('span')?.style.cssText).toMatch(/^all: unset/);
  });

  it('is rewritten in place when refined, and calls a sender problem "Sender problem" as the popup does', () => {
    const badge = createBadge(document, { kind: 'undetermined', address: '' });
    expect(badge.textContent).toBe('Bounce');
    updateBadge(badge, { kind: 'sender', address: 'x@example.com' });
    expect(badge.getAttribute('data-kind')).toBe('sender');
    expect(badge.textContent).toBe('Sender problemx@example.com');
    expect(badge.style.background).toMatch(/#e8f0fe|rgb\(232, 240, 254\)/);
    updateBadge(badge, { kind: 'soft', address: 'x@example.com', delayed: true });
    expect(badge.textContent).toBe('Delivery delayedx@example.com');
  });

  it('calls a sender-side refusal "sender" whatever its severity', () => {
    expect(badgeKindOf('soft', 'blocked')).toBe('sender');
    expect(badgeKindOf('hard', 'userunknown')).toBe('hard');
    expect(badgeKindOf('soft', 'mailboxfull')).toBe('soft');
  });
});

describe('banner', () => {
  it('shows the address first and largest, then the kind tag and the plain words, the codes as evidence', () => {
    const banner = createBanner(document, classified(), noActions);
    expect(banner.getAttribute('data-bounce-sweeper')).toBe('banner');
    expect(banner.getAttribute('data-kind')).toBe('hard');
    const block = shadow(banner, '.recipient');
    const lines = [...block.children].map((line) => line.textContent);
    expect(lines[0]).toBe('ann.lee@example.com');
    expect(block.firstElementChild?.className).toBe('address');
    // The kind tag always starts the second line, whatever the length of the address.
    expect(block.children[1]?.firstElementChild?.textContent).toBe('Hard bounce');
    expect(lines[1]).toBe('Hard bounceaddress does not exist');
    expect(lines[2]).toBe('The server said (550 5.1.1): 550 5.1.1 The email account that you tried to reach does not exist.');
    expect(lines[3]).toBe('1st hard bounce. Remove it: this address cannot receive mail.');
    const text = shadowText(banner);
    expect(text).not.toMatch(/5\.1\.1 \/ 550|Verdict:|userunknown/);
    expect(buttons(banner).map((b) => b.label)).toEqual(['Mark removed', 'Keep anyway', 'Copy address']);
  });

  it('makes the address larger than the detail lines', () => {
    const css = [...INLINE_CSS.matchAll(/\.(address|line) \{[^}]*font-size: (\d+)px/g)];
    const sizes = Object.fromEntries(css.map((m) => [m[1], Number(m[2])]));
    expect(sizes.address).toBeGreaterThan(sizes.line!);
  });

  it('calls a sender problem "Sender problem", with the reason in plain words', () => {
    const banner = createBanner(document, classified({ recipients: [{ recipient: recipient({ kind: 'soft', reason: 'blocked', status: '5.7.1', replyCode: '554' }) }] }), noActions);
    expect(banner.getAttribute('data-kind')).toBe('sender');
    expect(shadow(banner, '.cause').textContent).toBe('Sender problemyour sending server was blocked');
  });

  it('says "added by you" for an address put on the Remove list by hand, never "hard-bounced"', () => {
    const byHand = summary({ lastWebmail: 'manual', lastReason: 'undefined', evidence: [{ fact: 'hard-bounce', at: '2026-12-03T10:00:00Z', reason: 'undefined', status: '', replyCode: '', byHand: true }] });
    const banner = createBanner(document, classified({ recipients: [{ recipient: recipient(), summary: byHand }] }), noActions);
    expect(shadow(banner, '.tally').textContent).toBe('On your Remove list: added by you on 3 Dec.');
  });

  it('says plainly when a notice does not count yet (not tied to the user\'s sent mail)', () => {
    const banner = createBanner(document, classified({ unverified: 'it names 500 addresses; one notice puts at most 100 on your list without asking' }), noActions);
    expect(shadow(banner, '.unverified').textContent).toBe(
      "Not counted yet: it names 500 addresses; one notice puts at most 100 on your list without asking, so this could be a forged notice. Nothing was put on your lists; review it in Bounce Sweeper's settings.",
    );
    expect(createBanner(document, classified(), noActions).shadowRoot!.querySelector('.unverified')).toBeNull();
  });

  it('renders markup in the server words as text', () => {
    const hostile = '<img src=x onerror="window.__bsPwned=1"><script>window.__bsPwned=2</script>';
    const banner = createBanner(document, classified({ reading: 'fallback', recipients: [{ recipient: recipient({ diagnostic: hostile }) }] }), noActions);
    document.body.append(banner);
    expect(banner.shadowRoot!.querySelector('img, script')).toBeNull();
    expect(shadowText(banner)).toContain(hostile);
    expect((window as unknown as { __bsPwned?: number }).__bsPwned).toBeUndefined();
  });

  it('runs an action, shows its answer, and keeps the click from reaching the webmail', async () => {
    const decide = vi.fn(async () => 'Marked removed.');
    const banner = createBanner(document, classified(), { ...noActions, decide });
    const outside = vi.fn();
    document.body.addEventListener('click', outside);
    document.body.append(banner);
    shadow<HTMLButtonElement>(banner, 'button[data-action="removed"]').click();
    await vi.waitFor(() => expect(shadowText(banner)).toContain('Marked removed.'));
    expect(decide).toHaveBeenCalledWith('ann.lee@example.com', 'removed');
    expect(outside).not.toHaveBeenCalled();
    document.body.removeEventListener('click', outside);
  });

  it('shows the current decision, the chosen button pressed and disabled, and an Undo that asks for no decision', async () => {
    const decide = vi.fn(async () => 'Undone: no decision for this address.');
    const removed = summary({ decision: 'removed', verdict: 'removed', decidedAt: '2026-12-02T09:00:00Z' });
    const banner = createBanner(document, classified({ recipients: [{ recipient: recipient(), summary: removed }] }), { ...noActions, decide });
    document.body.append(banner);
    expect(shadow(banner, '.decision').textContent).toBe('You marked this removed on 2 Dec.');
    expect(shadow(banner, '.recipient').getAttribute('data-decision')).toBe('removed');
    expect(buttons(banner)).toEqual([
      { label: '✓ Marked removed', action: 'removed', disabled: true, pressed: 'true' },
      { label: 'Keep anyway', action: 'kept', disabled: false, pressed: null },
      { label: 'Undo', action: 'undo', disabled: false, pressed: null },
      { label: 'Copy address', action: 'copy', disabled: false, pressed: null },
    ]);
    shadow<HTMLButtonElement>(banner, 'button[data-action="undo"]').click();
    await vi.waitFor(() => expect(decide).toHaveBeenCalledWith('ann.lee@example.com', 'none'));
    // The background's answer (no decision) redraws the banner: no decision line, no Undo, nothing pressed.
    updateBanner(banner, classified(), { ...noActions, decide });
    expect(banner.shadowRoot!.querySelector('.decision')).toBeNull();
    expect(buttons(banner).map((b) => [b.label, b.disabled])).toEqual([
      ['Mark removed', false],
      ['Keep anyway', false],
      ['Copy address', false],
    ]);
    expect(shadowText(banner)).toContain('Undone: no decision for this address.');
  });

  it('keeps the action answer when the banner is refreshed with the new tally', async () => {
    const banner = createBanner(document, classified(), { ...noActions, decide: async () => 'Kept.' });
    shadow<HTMLButtonElement>(banner, 'button[data-action="kept"]').click();
    await vi.waitFor(() => expect(shadowText(banner)).toContain('Kept.'));
    updateBanner(banner, classified({ recipients: [{ recipient: recipient(), summary: summary({ decision: 'kept', verdict: 'kept', decidedAt: '2026-12-01T08:00:00Z' }) }] }), noActions);
    expect(shadow(banner, '.decision').textContent).toBe('You chose to keep it on 1 Dec.');
    expect(shadowText(banner)).toContain('Kept.');
    expect(buttons(banner).find((b) => b.action === 'kept')).toMatchObject({ label: '✓ Kept anyway', disabled: true });
  });

  it('says so when the decision is refused', async () => {
    const banner = createBanner(document, classified(), { ...noActions, decide: async () => Promise.reject(new Error('Open the toolbar button to decide.')) });
    shadow<HTMLButtonElement>(banner, 'button[data-action="kept"]').click();
    await vi.waitFor(() => expect(shadowText(banner)).toContain('Open the toolbar button to decide.'));
  });

  it('words how the notice was read: Gmail fell back, Outlook reads text as normal, raw says nothing', () => {
    const delayed = createBanner(document, classified({ reading: 'fallback', delayed: true, recipients: [{ recipient: recipient({ kind: 'soft', reason: 'expired', action: 'delayed' }) }] }), noActions);
    expect(shadowText(delayed)).toContain('Delivery delayed');
    expect(shadow(delayed, '.reading').textContent).toBe("Read from the text on screen: Gmail's original message could not be fetched.");
    const outlook = createBanner(document, classified({ reading: 'screen', webmail: 'outlook' }), noActions);
    expect(shadow(outlook, '.reading').textContent).toBe('Outlook shows notices as text: read from the screen.');
    expect(shadowText(outlook)).not.toMatch(/could not|failed to|error/i);
    expect(createBanner(document, classified(), noActions).shadowRoot!.querySelector('.reading')).toBeNull();
  });
});

describe('page locale', () => {
  it('writes dates as the page does, made specific by the browser when they agree', () => {
    document.documentElement.setAttribute('lang', 'en-US');
    expect(pageLocale(document)).toBe('en-US');
    expect(composeWarningText(summary({ lastBounceAt: '2026-11-24T12:00:00.000Z' }), document)).toBe('hard-bounced on Nov 24: address does not exist');
    document.documentElement.setAttribute('lang', 'en-GB');
    expect(composeWarningText(summary({ lastBounceAt: '2026-11-24T12:00:00.000Z' }), document)).toBe('hard-bounced on 24 Nov: address does not exist');
    document.documentElement.setAttribute('lang', 'de');
    expect(pageLocale(document)).toBe('de');
    // Gmail writes a bare "en": the browser's en-US (happy-dom's navigator) makes it specific.
    document.documentElement.setAttribute('lang', 'en');
    expect(pageLocale(document)).toBe(navigator.language);
    document.documentElement.setAttribute('lang', 'not a tag!');
    expect(pageLocale(document)).toBeUndefined();
  });
});

describe('compose warning', () => {
  it('says when and why, with the hooks', () => {
    const warning = createComposeWarning(document, summary({ lastBounceAt: '2026-11-03T12:00:00.000Z' }));
    expect(warning.getAttribute('data-bounce-sweeper')).toBe('compose-warning');
    expect(warning.getAttribute('data-address')).toBe('ann.lee@example.com');
    expect(shadowText(warning)).toBe('⚠ hard-bounced on 3 Nov: address does not exist');
  });
  it('says "added by you" for an address added by hand', () => {
    const byHand = summary({ lastWebmail: 'manual', lastReason: 'undefined', lastBounceAt: '2026-12-03T10:00:00Z', evidence: [{ fact: 'hard-bounce', at: '2026-12-03T10:00:00Z', reason: 'undefined', status: '', replyCode: '', byHand: true }] });
    expect(shadowText(createComposeWarning(document, byHand))).toBe('⚠ on your Remove list: added by you on 3 Dec');
  });
  it('warns for addresses to remove or watch, not for kept or sender problems', () => {
    expect(shouldWarn(summary({ verdict: 'remove' }))).toBe(true);
    expect(shouldWarn(summary({ verdict: 'watch' }))).toBe(true);
    expect(shouldWarn(summary({ verdict: 'removed' }))).toBe(true);
    expect(shouldWarn(summary({ verdict: 'kept' }))).toBe(false);
    expect(shouldWarn(summary({ verdict: 'sender-problem' }))).toBe(false);
    expect(shouldWarn(summary({ verdict: 'clear' }))).toBe(false);
  });
  it('names repeated soft bounces', () => {
    const text = composeWarningText(summary({ verdict: 'remove-repeated-soft', lastKind: 'soft', lastReason: 'mailboxfull', softDaysInWindow: 3, lastBounceAt: '2026-11-20T12:00:00Z' }), document);
    expect(text).toBe('soft-bounced (3 days) on 20 Nov: mailbox full');
  });
});

describe('compose summary', () => {
  const flagged = [
    summary({ address: 'a@example.com' }),
    summary({ address: 'b@example.com' }),
    summary({ address: 'c@example.com', verdict: 'remove-repeated-soft', lastKind: 'soft', lastReason: 'mailboxfull', hardCount: 0 }),
  ];
  const actions = (): ComposeSummaryActions & { removeFlagged: ReturnType<typeof vi.fn>; undo: ReturnType<typeof vi.fn> } => ({
    removeFlagged: vi.fn(async () => undefined),
    undo: vi.fn(async () => undefined),
  });

  it('is one line: how many bounced before, why, and one button', async () => {
    const act = actions();
    const host = createComposeSummary(document, { total: 500, flagged }, act);
    expect(host.getAttribute('data-bounce-sweeper')).toBe('compose-summary');
    expect(host.getAttribute('data-flagged')).toBe('3');
    expect(host.getAttribute('data-total')).toBe('500');
    expect(shadow(host, '[data-part="sentence"]').textContent).toBe('⚠ 3 of 500 recipients bounced before: 2 addresses do not exist, 1 keeps bouncing');
    expect(buttons(host).map((b) => [b.label, b.action])).toEqual([['Remove them from this message', 'remove-flagged']]);
    const outside = vi.fn();
    document.body.addEventListener('click', outside);
    document.body.append(host);
    shadow<HTMLButtonElement>(host, 'button').click();
    await vi.waitFor(() => expect(act.removeFlagged).toHaveBeenCalledTimes(1));
    expect(outside).not.toHaveBeenCalled();
    document.body.removeEventListener('click', outside);
  });

  it('says what was removed and offers Undo; after it, nothing but the status', async () => {
    const act = actions();
    const host = createComposeSummary(document, { total: 497, flagged: [], removed: { count: 3, failed: 0, undoable: true } }, act);
    expect(host.shadowRoot!.querySelector('[data-part="sentence"]')).toBeNull();
    expect(shadow(host, '[data-part="removed"]').textContent).toBe('Removed 3 recipients from this message.');
    expect(buttons(host).map((b) => b.action)).toEqual(['undo-remove']);
    shadow<HTMLButtonElement>(host, 'button').click();
    await vi.waitFor(() => expect(act.undo).toHaveBeenCalledTimes(1));
    updateComposeSummary(host, { total: 500, flagged, removed: { count: 2, failed: 1, undoable: true } }, act);
    expect(shadow(host, '[data-part="removed"]').textContent).toBe('Removed 2 recipients from this message. 1 recipient could not be removed here: remove it by hand.');
    expect(buttons(host).map((b) => b.action)).toEqual(['remove-flagged', 'undo-remove']);
  });

  it('says "Remove it" for one', () => {
    const host = createComposeSummary(document, { total: 2, flagged: [flagged[0]!] }, actions());
    expect(buttons(host)[0]?.label).toBe('Remove it from this message');
    expect(shadow(host, '[data-part="sentence"]').textContent).toBe('⚠ 1 of 2 recipients bounced before: 1 address does not exist');
  });
});
