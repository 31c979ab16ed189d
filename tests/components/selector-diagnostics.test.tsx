// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../components/OptionsApp';
import { SelectorDiagnostics } from '../../components/SelectorDiagnostics';
import { describeLayoutDate } from '../../lib/vocabulary';
import type { Diagnostics, WebmailSelectorHealth } from '../../lib/messaging';
import type { WorkerLike } from '../../lib/import/run-import';
import { createOptionsState } from '../../lib/pages/options-state';
import type { Transport } from '../../lib/pages/transport';
import { createFakeBackground } from '../pages/fake-transport';

afterEach(cleanup);

const noWorker = (): WorkerLike => ({ onmessage: null, postMessage: () => {}, terminate: () => {} });

const GMAIL_OLD: WebmailSelectorHealth = {
  webmail: 'gmail',
  webmailName: 'Gmail',
  reportedAt: '2026-11-27T12:00:00.000Z',
  stale: [
    { name: 'message', what: 'the messages of an open conversation', matchedSince: '2018-01-01', newestSince: '2023-11-16' },
    { name: 'rowSubject', what: 'the subjects in the message list', matchedSince: '2014-12-01', newestSince: '2019-01-01' },
  ],
};
const OUTLOOK_CURRENT: WebmailSelectorHealth = { webmail: 'outlook', webmailName: 'Outlook on the web', reportedAt: '2026-11-26T08:00:00.000Z', stale: [] };

/** A background that answers getDiagnostics only (or fails it). */
function diagnosticsOnly(answer: Diagnostics | Error): Transport {
  return (async (type: string) => {
    if (type !== 'getDiagnostics') throw new Error(`${type} not expected`);
    if (answer instanceof Error) throw answer;
    return answer;
  }) as Transport;
}

function renderWith(answer: Diagnostics | Error) {
  const state = createOptionsState(diagnosticsOnly(answer), noWorker);
  render(<SelectorDiagnostics state={state} />);
  return state;
}

describe('SelectorDiagnostics', () => {
  it('says, in plain words, which parts a webmail showed only in an older layout, and that it still works', async () => {
    renderWith({ selectors: [GMAIL_OLD, OUTLOOK_CURRENT] });
    const list = await screen.findByTestId('selector-diagnostics-list');
    const lines = within(list).getAllByRole('listitem').map((item) => item.textContent);
    expect(lines).toEqual([
      'Gmail: the messages of an open conversation matched only the layout of 2018 (the newest known is from November 16, 2023).',
      'Gmail: the subjects in the message list matched only the layout of December 2014 (the newest known is from 2019).',
      expect.stringMatching(/^Outlook on the web: everything was found with the newest layout Bounce Sweeper knows \(checked .*26.*\)\.$/),
    ]);
    expect(screen.getByTestId('selector-diagnostics-advice').textContent).toMatch(/still works there\. If badges or banners go missing, the webmail has changed/);
  });

  it('gives no advice when every page found everything with the newest layouts', async () => {
    renderWith({ selectors: [OUTLOOK_CURRENT] });
    await screen.findByTestId('selector-diagnostics-list');
    expect(screen.queryByTestId('selector-diagnostics-advice')).toBeNull();
  });

  it('says how the check happens when no webmail page has reported yet', async () => {
    renderWith({ selectors: [] });
    expect((await screen.findByTestId('selector-diagnostics-none')).textContent).toContain('Open Gmail or Outlook on the web once');
  });

  it('shows nothing when the background cannot say (a diagnostic, not an error to the user)', async () => {
    const state = renderWith(new Error('worker restarting'));
    await waitFor(() => expect(state.selectorHealth.value).toBeNull());
    await Promise.resolve();
    expect(screen.queryByTestId('selector-diagnostics')).toBeNull();
    expect(state.message.value).toBeNull();
  });

  it('is part of the options page', async () => {
    const background = createFakeBackground([]);
    const transport = ((type: string, ...request: unknown[]) =>
      type === 'getDiagnostics' ? Promise.resolve({ selectors: [GMAIL_OLD] }) : (background.transport as (t: string, ...r: unknown[]) => Promise<unknown>)(type, ...request)) as Transport;
    render(<OptionsApp state={createOptionsState(transport, noWorker)} save={() => {}} />);
    const section = await screen.findByTestId('selector-diagnostics');
    expect(within(section).getByRole('heading').textContent).toBe('Webmail check');
    expect(within(section).getAllByRole('listitem')).toHaveLength(2);
  });
});

describe('describeLayoutDate', () => {
  it('writes a date as precisely as the table knows it', () => {
    expect(describeLayoutDate('2014-01-01', 'en-GB')).toBe('2014');
    expect(describeLayoutDate('2021-10-01', 'en-GB')).toBe('October 2021');
    expect(describeLayoutDate('2023-11-16', 'en-GB')).toBe('16 November 2023');
  });
});
