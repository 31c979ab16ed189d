// @vitest-environment happy-dom
/**
 * The Sender-problems tab over the real background (handlers, router, tally store on
 * fake-indexeddb): nothing there offers to mark an address removed (not the selection bar, not the
 * toast after an export or a copy), and each expanded row says what to fix, citing the provider.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../components/PopupApp';
import type { ExportFile } from '../../lib/export';
import { createPopupState } from '../../lib/pages/popup-state';
import { dsnBounce } from '../import/bounce-fixtures';
import { createRealBackground } from '../pages/real-background';

afterEach(cleanup);

const NOTICES = [
  dsnBounce('gmail-auth@example.com', { status: '5.7.26', diagnostic: 'smtp; 550-5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM. gsmtp' }),
  dsnBounce('listed@example.net', { status: '5.7.1', diagnostic: 'smtp; 554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org' }),
  dsnBounce('no-ptr@example.org', { status: '5.7.25', diagnostic: 'smtp; 550-5.7.25 The IP address sending this message does not have a PTR record setup, or the corresponding forward DNS entry does not point to the sending IP. gsmtp' }),
  dsnBounce('outlook@example.com', { status: '5.7.515', diagnostic: 'smtp; 550 5.7.515 Access denied, sending domain example.org does not meet the required authentication level.' }),
  dsnBounce('gone@example.com'),
];

async function setup() {
  const now = () => new Date('2026-03-03T12:00:00Z');
  const background = createRealBackground(now);
  await background.seed(NOTICES);
  const state = createPopupState(background.transport, now, 'en-GB');
  const downloads: ExportFile[] = [];
  const copies: string[] = [];
  render(<PopupApp state={state} download={(file) => void downloads.push(file)} copy={async (text) => void copies.push(text)} />);
  await screen.findAllByTestId('address-row');
  fireEvent.click(screen.getByTestId('group-tab-sender'));
  await waitFor(() => expect(screen.getAllByTestId('address-row')).toHaveLength(4));
  return { downloads, copies };
}

const markRemovedOffers = () => [
  ...screen.queryAllByTestId('mark-removed'),
  ...screen.queryAllByTestId('toast-action'),
  ...screen.queryAllByRole('button').filter((button) => /mark .*removed/i.test(button.textContent ?? '')),
];

describe('Sender problems, actionable', () => {
  it('offers no "mark removed" anywhere in the tab: selection bar, export, copy', async () => {
    const { downloads, copies } = await setup();
    expect(markRemovedOffers()).toEqual([]);
    fireEvent.click(screen.getByTestId('select-all'));
    await waitFor(() => expect(screen.getByTestId('selection-count').textContent).toBe('4 selected'));
    expect(markRemovedOffers()).toEqual([]);
    fireEvent.click(screen.getByTestId('export-download'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('toast').textContent).toMatch(/^Exported 4 addresses/));
    expect(markRemovedOffers()).toEqual([]);
    fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'mailchimp' } });
    fireEvent.click(screen.getByTestId('export-copy'));
    await waitFor(() => expect(copies).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('toast').textContent).toMatch(/^Copied 4 addresses/));
    expect(markRemovedOffers()).toEqual([]);
    // The Remove tab still offers it: the rule is about sender problems, not the button.
    fireEvent.click(screen.getByTestId('group-tab-remove'));
    await waitFor(() => expect(screen.getAllByTestId('address-row').map((row) => row.dataset.address)).toEqual(['gone@example.com']));
    expect(screen.getByTestId('mark-removed')).toBeTruthy();
  });

  it('says what to fix in each expanded row, naming the provider and citing it', async () => {
    await setup();
    const expected: Record<string, [string, RegExp, string]> = {
      'gmail-auth@example.com': ['gmail-unauthenticated', /Gmail requires every sender to pass SPF or DKIM/, 'https://support.google.com/mail/answer/81126'],
      'listed@example.net': ['blocklist', /blocklist/, 'https://check.spamhaus.org/'],
      'no-ptr@example.org': ['gmail-ptr', /reverse DNS \(a PTR record\)/, 'https://support.google.com/mail/answer/81126'],
      'outlook@example.com': ['microsoft-authentication-level', /Outlook\.com refused the message/, 'https://support.microsoft.com/topic/fix-ndr-error-550-5-7-515-in-outlook-com-34cfe8f8-6fbf-457e-9e8b-9e4dbaf4e0ef'],
    };
    for (const [address, [id, words, url]] of Object.entries(expected)) {
      const row = screen.getAllByTestId('address-row').find((r) => r.dataset.address === address)!;
      expect(within(row).queryByTestId('row-sender-fix')).toBeNull();
      fireEvent.click(within(row).getByTestId('row-expand'));
      const note = await within(row).findByTestId('row-sender-fix');
      expect(note.dataset.fix, address).toBe(id);
      expect(note.textContent).toMatch(words);
      expect(within(note).getByTestId('row-sender-fix-source').getAttribute('href')).toBe(url);
    }
  });

  it('shows no fix-it note on a recipient problem', async () => {
    await setup();
    fireEvent.click(screen.getByTestId('group-tab-remove'));
    await waitFor(() => expect(screen.getAllByTestId('address-row')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('row-expand'));
    await screen.findByTestId('row-details');
    expect(screen.queryByTestId('row-sender-fix')).toBeNull();
  });
  it('under All, sender problems picked one by one are not offered "mark removed" after an export; the hard bounce is', async () => {
    const { downloads } = await setup();
    fireEvent.click(screen.getByTestId('group-tab-all'));
    await waitFor(() => expect(screen.getAllByTestId('address-row')).toHaveLength(5));
    const check = (address: string) => fireEvent.click(within(screen.getAllByTestId('address-row').find((row) => row.dataset.address === address)!).getByTestId('row-checkbox'));
    check('listed@example.net');
    check('outlook@example.com');
    await waitFor(() => expect(screen.getByTestId('selection-count').textContent).toBe('2 selected'));
    fireEvent.click(screen.getByTestId('export-download'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('toast').textContent).toMatch(/^Exported 2 addresses/));
    expect(screen.queryAllByTestId('toast-action')).toEqual([]);
    check('gone@example.com');
    fireEvent.click(screen.getByTestId('export-download'));
    await waitFor(() => expect(downloads).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('toast-action').textContent).toBe('Mark 1 address removed'));
  });
});
