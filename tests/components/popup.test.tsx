// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { PopupApp } from '../../components/PopupApp';
import { createPopupState } from '../../lib/pages/popup-state';
import type { ExportFile } from '../../lib/export';
import type { AddressSummary } from '../../lib/policy';
import { makeSummary } from '../pages/make-summary';
import { createFakeBackground } from '../pages/fake-transport';

afterEach(cleanup);

const seed: AddressSummary[] = [
  makeSummary({ address: 'ann@example.com', lastBounceAt: '2026-03-05T10:00:00.000Z', hardCount: 1 }),
  makeSummary({ address: 'bob@example.org', lastBounceAt: '2026-03-09T10:00:00.000Z', hardCount: 3, bounceDays: 2 }),
  makeSummary({ address: 'cat@sample.net', lastBounceAt: '2026-03-01T10:00:00.000Z', verdict: 'remove-repeated-soft', hardCount: 0, softCount: 5, lastKind: 'soft', lastReason: 'mailboxfull' }),
  makeSummary({ address: 'dan@example.com', lastBounceAt: '2026-03-07T10:00:00.000Z', hardCount: 2 }),
  makeSummary({ address: 'eve@example.com', verdict: 'watch', hardCount: 0, softCount: 1, lastKind: 'soft', lastReason: 'mailboxfull' }),
  makeSummary({ address: 'fay@example.com', verdict: 'sender-problem', hardCount: 0, senderProblemCount: 2, lastKind: 'soft', lastReason: 'blocked' }),
  makeSummary({ address: 'gus@example.com', verdict: 'removed', decision: 'removed' }),
  makeSummary({ address: 'old@example.com', verdict: 'clear', hardCount: 0, softCount: 1 }),
];

function setup(rows: AddressSummary[] = seed) {
  const background = createFakeBackground(rows);
  const state = createPopupState(background.transport, () => new Date('2026-11-27T12:00:00Z'), 'en-GB');
  const downloads: ExportFile[] = [];
  const copies: string[] = [];
  render(
    <PopupApp
      state={state}
      download={(file) => void downloads.push(file)}
      copy={async (text) => void copies.push(text)}
      onOpenOptions={() => {}}
    />,
  );
  return { background, state, downloads, copies };
}

const rowAddresses = () => screen.queryAllByTestId('address-row').map((row) => row.getAttribute('data-address'));
const count = (group: string) => within(screen.getByTestId(`group-tab-${group}`)).getByTestId('group-count').textContent;

describe('popup list and grouping', () => {
  it('files every address in its group with counts, and hides ones with nothing current', async () => {
    setup();
    await screen.findAllByTestId('address-row');
    expect([count('remove'), count('watch'), count('sender'), count('done'), count('kept')]).toEqual(['4', '1', '1', '1', '0']);
    // Newest last bounce first by default.
    expect(rowAddresses()).toEqual(['bob@example.org', 'dan@example.com', 'ann@example.com', 'cat@sample.net']);
    fireEvent.click(screen.getByTestId('group-tab-sender'));
    await waitFor(() => expect(rowAddresses()).toEqual(['fay@example.com']));
    expect(screen.getByTestId('group-hint').textContent).toMatch(/Do not remove/);
    expect(screen.queryByText('old@example.com')).toBeNull();
  });

  it('shows the row facts in plain words and the evidence on demand', async () => {
    setup();
    const row = (await screen.findAllByTestId('address-row')).find((r) => r.dataset.address === 'bob@example.org')!;
    expect(within(row).getByTestId('row-reason').textContent).toBe('Hard bounce address does not exist');
    expect(within(row).getByTestId('row-address').textContent).toBe('bob@example.org');
    expect(within(row).getByTestId('row-meta').textContent).toMatch(/3 bounces on 2 days · first 2 Mar · last 9 Mar · Gmail/);
    expect(within(row).queryByTestId('row-details')).toBeNull();
    expect(within(row).getByTestId('row-open-notice').getAttribute('href')).toBe('https://mail.google.com/mail/u/0/#inbox/18c0000000000001');
    fireEvent.click(within(row).getByTestId('row-expand'));
    const details = within(row).getByTestId('row-details');
    expect(within(details).getByTestId('row-status').textContent).toBe('550 5.1.1');
    expect(within(details).getByTestId('row-server-words').textContent).toMatch(/User unknown/);
    expect(within(details).getByTestId('row-notice-link').getAttribute('href')).toMatch(/^https:\/\/mail\.google\.com\//);
  });

  it('renders hostile text as text and drops a notice link that is not the webmail', async () => {
    setup([
      makeSummary({
        address: '<img src=x onerror=alert(1)>@example.com',
        lastDiagnostic: '<script>window.pwned=1</script>',
        lastNoticeUrl: 'javascript:alert(1)',
      }),
    ]);
    const row = await screen.findByTestId('address-row');
    expect(row.querySelector('img')).toBeNull();
    fireEvent.click(within(row).getByTestId('row-expand'));
    expect(row.querySelector('script')).toBeNull();
    expect(within(row).getByTestId('row-server-words').textContent).toBe('<script>window.pwned=1</script>');
    expect(within(row).queryByTestId('row-notice-link')).toBeNull();
    expect(within(row).queryByTestId('row-open-notice')).toBeNull();
  });

  it('searches by address or domain and sorts by count or domain', async () => {
    const { state } = setup();
    await screen.findAllByTestId('address-row');
    fireEvent.input(screen.getByTestId('search'), { target: { value: 'EXAMPLE.COM' } });
    await waitFor(() => expect(rowAddresses()).toEqual(['dan@example.com', 'ann@example.com']));
    expect(count('remove')).toBe('2');
    fireEvent.input(screen.getByTestId('search'), { target: { value: 'nobody' } });
    await waitFor(() => expect(screen.getByTestId('empty-state').dataset.kind).toBe('no-match'));
    fireEvent.input(screen.getByTestId('search'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('sort'), { target: { value: 'count' } });
    await waitFor(() => expect(rowAddresses()).toEqual(['cat@sample.net', 'bob@example.org', 'dan@example.com', 'ann@example.com']));
    fireEvent.change(screen.getByTestId('sort'), { target: { value: 'domain' } });
    await waitFor(() => expect(rowAddresses()).toEqual(['ann@example.com', 'dan@example.com', 'bob@example.org', 'cat@sample.net']));
    expect(state.sort.value).toBe('domain');
  });

  it('tells a new user what to do when nothing is recorded', async () => {
    setup([]);
    const empty = await screen.findByTestId('empty-state');
    expect(empty.dataset.kind).toBe('new-user');
    expect(empty.textContent).toMatch(/Open Gmail or Outlook/);
    expect(screen.getByTestId('open-import')).toBeTruthy();
  });

  it('shows a load failure with a retry', async () => {
    const background = createFakeBackground(seed);
    background.failNext('listAddresses', 'background asleep');
    const state = createPopupState(background.transport);
    render(<PopupApp state={state} download={() => {}} copy={async () => {}} />);
    expect((await screen.findByTestId('load-error')).textContent).toMatch(/background asleep/);
    fireEvent.click(screen.getByText('Retry'));
    await screen.findAllByTestId('address-row');
  });
});

describe('popup selection and decisions', () => {
  it('selects one, a shift-click range, and all in the group', async () => {
    const { state } = setup();
    await screen.findAllByTestId('address-row');
    const boxes = () => screen.getAllByTestId('row-checkbox');
    fireEvent.click(boxes()[0]!);
    expect(screen.getByTestId('selection-count').textContent).toBe('1 selected');
    fireEvent.click(boxes()[2]!, { shiftKey: true });
    expect([...state.selected.value]).toEqual(['bob@example.org', 'dan@example.com', 'ann@example.com']);
    fireEvent.click(boxes()[1]!);
    expect(state.selected.value.has('dan@example.com')).toBe(false);
    fireEvent.click(screen.getByTestId('select-all'));
    await waitFor(() => expect(state.selected.value.size).toBe(4));
    fireEvent.click(screen.getByTestId('select-all'));
    await waitFor(() => expect(state.selected.value.size).toBe(0));
    // Switching group clears the selection: actions only ever apply to what is on screen.
    fireEvent.click(boxes()[0]!);
    fireEvent.click(screen.getByTestId('group-tab-watch'));
    expect(state.selected.value.size).toBe(0);
  });

  it('marks selected rows removed through the background, moves them to Done, and undoes it', async () => {
    const { background } = setup();
    await screen.findAllByTestId('address-row');
    expect((screen.getByTestId('mark-removed') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getAllByTestId('row-checkbox')[0]!);
    fireEvent.click(screen.getAllByTestId('row-checkbox')[1]!);
    fireEvent.click(screen.getByTestId('mark-removed'));
    await waitFor(() => expect(count('done')).toBe('3'));
    expect(background.calls.find((call) => call.type === 'setDecision')?.request).toEqual({
      addresses: ['bob@example.org', 'dan@example.com'],
      decision: 'removed',
    });
    expect(count('remove')).toBe('2');
    expect(screen.getByTestId('toast').textContent).toMatch(/2 addresses marked removed/);
    fireEvent.click(screen.getByTestId('toast-action'));
    await waitFor(() => expect(count('done')).toBe('1'));
    expect(count('remove')).toBe('4');
    expect(background.rows.get('bob@example.org')?.decision).toBe('none');
  });

  it('keeps an address anyway, and moves it back from Kept', async () => {
    const { background } = setup();
    await screen.findAllByTestId('address-row');
    fireEvent.click(screen.getByTestId('group-tab-watch'));
    await waitFor(() => expect(rowAddresses()).toEqual(['eve@example.com']));
    fireEvent.click(screen.getAllByTestId('row-checkbox')[0]!);
    fireEvent.click(screen.getByTestId('keep'));
    await waitFor(() => expect(count('kept')).toBe('1'));
    fireEvent.click(screen.getByTestId('group-tab-kept'));
    await waitFor(() => expect(rowAddresses()).toEqual(['eve@example.com']));
    fireEvent.click(screen.getAllByTestId('row-checkbox')[0]!);
    fireEvent.click(screen.getByTestId('undo-decision'));
    await waitFor(() => expect(count('watch')).toBe('1'));
    expect(background.rows.get('eve@example.com')?.verdict).toBe('watch');
  });
});

describe('popup export', () => {
  it('exports the selection as CSV, then offers to mark exactly those removed', async () => {
    const { downloads, background } = setup();
    await screen.findAllByTestId('address-row');
    fireEvent.click(screen.getAllByTestId('row-checkbox')[0]!);
    fireEvent.click(screen.getAllByTestId('row-checkbox')[3]!);
    expect(screen.getByTestId('export-download').textContent).toBe('Export 2');
    fireEvent.click(screen.getByTestId('export-download'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const parsed = Papa.parse<Record<string, string>>(downloads[0]!.content.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.data.map((row) => row.Address)).toEqual(['bob@example.org', 'cat@sample.net']);
    const offer = await screen.findByTestId('toast-action');
    expect(offer.textContent).toBe('Mark 2 addresses removed');
    fireEvent.click(offer);
    await waitFor(() => expect(count('done')).toBe('3'));
    expect(background.rows.get('cat@sample.net')?.decision).toBe('removed');
  });

  it('with nothing selected, copies the whole group in the chosen format', async () => {
    const { copies } = setup();
    await screen.findAllByTestId('address-row');
    fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'text' } });
    fireEvent.click(screen.getByTestId('export-copy'));
    await waitFor(() => expect(copies).toHaveLength(1));
    expect(copies[0]).toBe('bob@example.org\ndan@example.com\nann@example.com\ncat@sample.net\n');
    // A copy makes no file: the toast says what happened, not "Exported … (….txt)".
    await waitFor(() => expect(screen.getByTestId('toast').textContent).toMatch(/^Copied 4 addresses to the clipboard\. Once they are off your list/));
    fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'mailchimp' } });
    fireEvent.click(screen.getByTestId('export-copy'));
    await waitFor(() => expect(screen.getByTestId('toast').textContent).toMatch(/^Copied 4 addresses to the clipboard \(Mailchimp format\)\./));
  });

  it('never offers to remove sender problems after an export', async () => {
    const { downloads } = setup();
    await screen.findAllByTestId('address-row');
    fireEvent.click(screen.getByTestId('group-tab-sender'));
    await waitFor(() => expect(screen.getByTestId('export-download').hasAttribute('disabled')).toBe(false));
    await waitFor(() => expect(rowAddresses()).toEqual(['fay@example.com']));
    fireEvent.click(screen.getByTestId('export-download'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('toast').textContent).toMatch(/^Exported/));
    expect(screen.queryByTestId('toast-action')).toBeNull();
  });
});
