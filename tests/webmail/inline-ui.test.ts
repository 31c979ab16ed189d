// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { FailedRecipient } from '../../lib/bounce/types';
import type { AddressSummary } from '../../lib/policy';
import {
  badgeKindOf,
  composeWarningText,
  createBadge,
  createBanner,
  createComposeWarning,
  describeTally,
  ordinal,
  shouldWarn,
  updateBadge,
  updateBanner,
  type BannerActions,
} from '../../lib/webmail/inline-ui';

function summary(overrides: Partial<AddressSummary> = {}): AddressSummary {
  return {
    address: 'ann.lee@example.com',
    domain: 'example.com',
    verdict: 'remove',
    evidence: [],
    hardCount: 1,
    softCount: 0,
    senderProblemCount: 0,
    bounceDays: 1,
    softDaysInWindow: 0,
    softDaysThreshold: 3,
    firstBounceAt: '2026-11-03T09:00:00.000Z',
    lastBounceAt: '2026-11-03T09:00:00.000Z',
    lastKind: 'hard',
    lastReason: 'userunknown',
    lastStatus: '5.1.1',
    lastReplyCode: '550',
    lastDiagnostic: '550 5.1.1 no such user',
    lastRemoteMta: 'mx.example.com',
    lastWebmail: 'gmail',
    lastNoticeUrl: '',
    decision: 'none',
    decidedAt: '',
    ...overrides,
  };
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

  it('is rewritten in place when refined', () => {
    const badge = createBadge(document, { kind: 'undetermined', address: '' });
    expect(badge.textContent).toBe('Bounce');
    updateBadge(badge, { kind: 'sender', address: 'x@example.com' });
    expect(badge.getAttribute('data-kind')).toBe('sender');
    expect(badge.textContent).toBe('Sender blockedx@example.com');
    expect(badge.style.background).toMatch(/#e8f0fe|rgb\(232, 240, 254\)/);
  });

  it('calls a sender-side refusal "sender" whatever its severity', () => {
    expect(badgeKindOf('soft', 'blocked')).toBe('sender');
    expect(badgeKindOf('hard', 'userunknown')).toBe('hard');
    expect(badgeKindOf('soft', 'mailboxfull')).toBe('soft');
  });
});

describe('banner', () => {
  it('shows address, kind, plain-words reason, status and the server words', () => {
    const banner = createBanner(
      document,
      { state: 'classified', source: 'raw', delayed: false, recipients: [{ recipient: recipient(), summary: summary() }] },
      noActions,
    );
    expect(banner.getAttribute('data-bounce-sweeper')).toBe('banner');
    expect(banner.getAttribute('data-kind')).toBe('hard');
    const text = shadowText(banner);
    expect(text).toContain('ann.lee@example.com');
    expect(text).toContain('Hard bounce');
    expect(text).toContain('address does not exist');
    expect(text).toContain('Status 5.1.1 / 550');
    expect(text).toContain('The email account that you tried to reach does not exist.');
    expect(text).toContain('1st hard bounce');
    expect([...banner.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Mark removed',
      'Keep anyway',
      'Copy address',
    ]);
  });

  it('renders markup in the server words as text', () => {
    const hostile = '<img src=x onerror="window.__bsPwned=1"><script>window.__bsPwned=2</script>';
    const banner = createBanner(
      document,
      { state: 'classified', source: 'rendered', delayed: false, recipients: [{ recipient: recipient({ diagnostic: hostile }) }] },
      noActions,
    );
    document.body.append(banner);
    expect(banner.shadowRoot!.querySelector('img, script')).toBeNull();
    expect(shadowText(banner)).toContain(hostile);
    expect((window as unknown as { __bsPwned?: number }).__bsPwned).toBeUndefined();
  });

  it('runs an action, shows its answer, and keeps the click from reaching the webmail', async () => {
    const decide = vi.fn(async () => 'Marked removed.');
    const banner = createBanner(
      document,
      { state: 'classified', source: 'raw', delayed: false, recipients: [{ recipient: recipient(), summary: summary() }] },
      { ...noActions, decide },
    );
    const outside = vi.fn();
    document.body.addEventListener('click', outside);
    document.body.append(banner);
    banner.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="removed"]')!.click();
    await vi.waitFor(() => expect(shadowText(banner)).toContain('Marked removed.'));
    expect(decide).toHaveBeenCalledWith('ann.lee@example.com', 'removed');
    expect(outside).not.toHaveBeenCalled();
  });

  it('keeps the action answer when the banner is refreshed with the new tally', async () => {
    const model = { state: 'classified' as const, source: 'raw' as const, delayed: false, recipients: [{ recipient: recipient(), summary: summary() }] };
    const banner = createBanner(document, model, { ...noActions, decide: async () => 'Kept.' });
    banner.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="kept"]')!.click();
    await vi.waitFor(() => expect(shadowText(banner)).toContain('Kept.'));
    updateBanner(banner, { ...model, recipients: [{ recipient: recipient(), summary: summary({ decision: 'kept', verdict: 'kept' }) }] }, noActions);
    expect(shadowText(banner)).toContain('You chose to keep this address.');
    expect(shadowText(banner)).toContain('Kept.');
  });

  it('says so when the decision is refused', async () => {
    const banner = createBanner(
      document,
      { state: 'classified', source: 'raw', delayed: false, recipients: [{ recipient: recipient(), summary: summary() }] },
      { ...noActions, decide: async () => Promise.reject(new Error('Open the toolbar button to decide.')) },
    );
    banner.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="kept"]')!.click();
    await vi.waitFor(() => expect(shadowText(banner)).toContain('Open the toolbar button to decide.'));
  });

  it('says when it read the rendered text, and when delivery is only delayed', () => {
    const banner = createBanner(
      document,
      { state: 'classified', source: 'rendered', delayed: true, recipients: [{ recipient: recipient({ kind: 'soft', reason: 'expired', action: 'delayed' }) }] },
      noActions,
    );
    expect(shadowText(banner)).toContain('Delivery delayed');
    expect(shadowText(banner)).toContain('Read from the text on screen');
  });
});

describe('tally wording', () => {
  it('counts soft-bounce days against the threshold', () => {
    const text = describeTally(summary({ verdict: 'watch', hardCount: 0, softDaysInWindow: 2, softDaysThreshold: 3, lastKind: 'soft' }));
    expect(text).toContain('2nd day with a soft bounce');
    expect(text).toContain('3 make it removable');
  });
  it('reports the user decision first', () => {
    expect(describeTally(summary({ decision: 'kept', verdict: 'kept' }))).toBe('You chose to keep this address.');
  });
  it('orders in English', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd']);
  });
});

describe('compose warning', () => {
  it('says when and why, with the hooks', () => {
    const warning = createComposeWarning(document, summary({ lastBounceAt: '2026-11-03T12:00:00.000Z' }));
    expect(warning.getAttribute('data-bounce-sweeper')).toBe('compose-warning');
    expect(warning.getAttribute('data-address')).toBe('ann.lee@example.com');
    expect(shadowText(warning)).toContain('hard-bounced on 3 Nov: address does not exist');
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
    const text = composeWarningText(summary({ verdict: 'remove-repeated-soft', lastKind: 'soft', lastReason: 'mailboxfull', softDaysInWindow: 3, lastBounceAt: '2026-11-20T12:00:00Z' }));
    expect(text).toBe('soft-bounced (3 days) on 20 Nov: mailbox full');
  });
});
