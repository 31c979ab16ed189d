// @vitest-environment happy-dom
/**
 * The export menu over the real background: a Mailgun export holds the hard bounces only, and the
 * popup then offers to mark removed exactly the addresses the file holds.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../components/PopupApp';
import type { ExportFile } from '../../lib/export';
import { createPopupState } from '../../lib/pages/popup-state';
import { dsnBounce, mailboxFull, senderBlocked } from '../import/bounce-fixtures';
import { createRealBackground } from '../pages/real-background';

afterEach(cleanup);

describe('export menu', () => {
  it('Mailgun: writes the hard bounces only and offers to mark just those removed', async () => {
    const now = () => new Date('2026-03-10T12:00:00Z');
    const background = createRealBackground(now);
    await background.seed([
      dsnBounce('+hard@example.com', { date: 'Mon, 02 Mar 2026 10:00:00 +0000' }),
      mailboxFull('full@example.com', 'Tue, 03 Mar 2026 10:00:00 +0000', 'f1@mx.example.net'),
      mailboxFull('full@example.com', 'Wed, 04 Mar 2026 10:00:00 +0000', 'f2@mx.example.net'),
      mailboxFull('full@example.com', 'Thu, 05 Mar 2026 10:00:00 +0000', 'f3@mx.example.net'),
    ]);
    const state = createPopupState(background.transport, now, 'en-GB');
    const downloads: ExportFile[] = [];
    render(<PopupApp state={state} download={(file) => void downloads.push(file)} copy={async () => {}} />);
    await waitFor(() => expect(screen.getAllByTestId('address-row')).toHaveLength(2));
    fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'mailgun' } });
    fireEvent.click(screen.getByTestId('export-download'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const rows = Papa.parse<Record<string, string>>(downloads[0]!.content, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((row) => row.address)).toEqual(['+hard@example.com']);
    expect((await screen.findByTestId('toast-action')).textContent).toBe('Mark 1 address removed');
    expect(screen.getByTestId('toast').textContent).toMatch(/only the hard bounces/);
  });

  it('in the All view, offers to mark removed the recipients at fault, never a sender problem', async () => {
    const now = () => new Date('2026-03-10T12:00:00Z');
    const background = createRealBackground(now);
    await background.seed([dsnBounce('gone@example.com', { date: 'Mon, 09 Mar 2026 10:00:00 +0000' }), senderBlocked('fay@example.com', 'Mon, 09 Mar 2026 11:00:00 +0000', 'fay-1@mx.example.net')]);
    const state = createPopupState(background.transport, now, 'en-GB');
    const downloads: ExportFile[] = [];
    render(<PopupApp state={state} download={(file) => void downloads.push(file)} copy={async () => {}} />);
    await screen.findAllByTestId('address-row');
    fireEvent.click(screen.getByTestId('group-tab-all'));
    await waitFor(() => expect(screen.getAllByTestId('address-row')).toHaveLength(2));
    fireEvent.click(screen.getByTestId('export-download'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.count).toBe(2);
    expect((await screen.findByTestId('toast-action')).textContent).toBe('Mark 1 address removed');
    fireEvent.click(screen.getByTestId('toast-action'));
    await waitFor(async () => expect((await background.transport('lookupAddresses', { addresses: ['gone@example.com'] }))[0]?.decision).toBe('removed'));
    expect((await background.transport('lookupAddresses', { addresses: ['fay@example.com'] }))[0]?.decision).toBe('none');
  });
});
