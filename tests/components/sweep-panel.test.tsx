// @vitest-environment happy-dom
/**
 * The popup's sweep control (issue #11) over its state module with fakes for the webmail tab and
 * the background: the test contract (sweep-start, the progress element's data attributes), the
 * commands sent to the tab, and what it says without a webmail tab.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SweepPanel } from '../../components/SweepPanel';
import type { SweepStatus } from '../../lib/messaging';
import { createSweepState, type SweepTab, type SweepTabs } from '../../lib/pages/sweep-state';
import type { SweepCommand } from '../../lib/webmail/sweep/tab-commands';
import { IDLE_TIDY, type TidyStatus } from '../../lib/webmail/sweep/tidy';
import type { Transport } from '../../lib/pages/transport';

afterEach(cleanup);

const status = (overrides: Partial<SweepStatus> = {}): SweepStatus => ({
  id: 's1',
  webmail: 'gmail',
  account: 'user@example.com',
  query: 'from:mailer-daemon',
  state: 'running',
  stopReason: '',
  startedAt: '2026-12-04T10:00:00.000Z',
  updatedAt: '2026-12-04T10:00:00.000Z',
  collected: true,
  pages: 3,
  found: 120,
  read: 40,
  failed: 0,
  bounces: 38,
  addresses: 35,
  dailyCap: 2000,
  requestsToday: 40,
  failedIds: [],
  ...overrides,
});

function fakeTabs(tab: SweepTab | null, answer: () => SweepStatus | null) {
  const commands: SweepCommand[] = [];
  const tabs: SweepTabs = {
    find: async () => tab,
    command: async (_tab, command) => {
      commands.push(command);
      return { status: answer(), phase: 'reading' };
    },
  };
  return { tabs, commands };
}

const noBackground: Transport = (async () => null) as unknown as Transport;

describe('SweepPanel', () => {
  it('starts a sweep in the Gmail tab and shows its progress with the contract attributes', async () => {
    let current: SweepStatus | null = null;
    const { tabs, commands } = fakeTabs({ tabId: 3, webmail: 'gmail' }, () => current);
    const state = createSweepState(noBackground, tabs);
    render(<SweepPanel state={state} />);
    const start = await screen.findByTestId('sweep-start');
    current = status();
    fireEvent.click(start);
    await waitFor(() => expect(screen.getByTestId('sweep-progress').getAttribute('data-state')).toBe('running'));
    const progress = screen.getByTestId('sweep-progress');
    expect(progress.getAttribute('data-bounce-sweeper')).toBe('sweep-progress');
    expect([progress.getAttribute('data-found'), progress.getAttribute('data-read'), progress.getAttribute('data-bounces')]).toEqual(['120', '40', '38']);
    expect(progress.textContent).toContain('Found 120 · read 40 · 38 bounces · 35 addresses');
    expect(commands.map((c) => c.action)).toContain('start');
    // Running: Pause and Cancel, no start.
    fireEvent.click(screen.getByTestId('sweep-pause'));
    current = status({ state: 'paused' });
    await waitFor(() => expect(commands.map((c) => c.action)).toContain('pause'));
  });

  it('says why a sweep stopped, and offers to continue it', async () => {
    const stopped = status({ state: 'stopped', stopReason: 'Stopped: Gmail answered 500 to "Show original" (message 19b0000000000021). That notice is left unread; press start to continue with the rest.', failed: 1 });
    const { tabs } = fakeTabs({ tabId: 3, webmail: 'gmail' }, () => stopped);
    render(<SweepPanel state={createSweepState(noBackground, tabs)} />);
    await waitFor(() => expect(screen.getByTestId('sweep-progress').getAttribute('data-state')).toBe('stopped'));
    expect(screen.getByTestId('sweep-progress').textContent).toContain('answered 500');
    expect(screen.getByTestId('sweep-start').textContent).toBe('Continue sweep');
  });

  it('without a webmail tab, says to open one', async () => {
    const { tabs } = fakeTabs(null, () => null);
    render(<SweepPanel state={createSweepState(noBackground, tabs)} />);
    fireEvent.click(await screen.findByTestId('sweep-start'));
    await waitFor(() => expect(screen.getByTestId('sweep-note').textContent).toBe('Open Gmail or Outlook in a tab to sweep it.'));
  });

  it("after a sweep, offers the one tidy action with the count, sends it to the tab only on the click, and says what was done and how to undo it", async () => {
    const done = status({ state: 'done', read: 119, found: 120, failed: 1 });
    const commands: SweepCommand[] = [];
    let tidy: TidyStatus = { ...IDLE_TIDY };
    const tabs: SweepTabs = {
      find: async () => ({ tabId: 3, webmail: 'gmail' }),
      command: async (_tab, command) => {
        commands.push(command);
        return { status: done, phase: 'idle', tidy };
      },
    };
    render(<SweepPanel state={createSweepState(noBackground, tabs)} />);
    const button = await screen.findByTestId('sweep-tidy');
    expect(button.textContent).toBe('Label and archive the 119 read notices');
    expect(commands.map((c) => c.action)).not.toContain('tidy');
    tidy = { ...tidy, state: 'done', total: 119, done: 118, left: 1, batches: 3, lastBatch: 22 };
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('sweep-tidy-words').getAttribute('data-state')).toBe('done'));
    expect(commands.filter((c) => c.action === 'tidy')).toHaveLength(1);
    const words = screen.getByTestId('sweep-tidy-words');
    expect([words.getAttribute('data-done'), words.getAttribute('data-left'), words.getAttribute('data-last-batch')]).toEqual(['118', '1', '22']);
    expect(words.textContent).toContain('archived 118 notices');
    expect(words.textContent).toContain("Gmail's own Undo");
  });

  it('offers no tidy when the tab does not offer it (a page without it answers no tidy state)', async () => {
    const { tabs } = fakeTabs({ tabId: 3, webmail: 'gmail' }, () => status({ state: 'done' }));
    render(<SweepPanel state={createSweepState(noBackground, tabs)} />);
    await waitFor(() => expect(screen.getByTestId('sweep-progress').getAttribute('data-state')).toBe('done'));
    expect(screen.queryByTestId('sweep-tidy')).toBeNull();
  });
});
