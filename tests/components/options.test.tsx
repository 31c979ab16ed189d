// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../components/OptionsApp';
import { createOptionsState } from '../../lib/pages/options-state';
import { attachImportWorker, type WorkerScope } from '../../lib/import/worker-main';
import type { WorkerLike } from '../../lib/import/run-import';
import type { AddressSummary } from '../../lib/policy';
import { makeSummary } from '../pages/make-summary';
import { createFakeBackground } from '../pages/fake-transport';
import { createRealBackground, type RealBackground } from '../pages/real-background';
import { describeEvidence, describeWebmail } from '../../lib/vocabulary';
import { dsnBounce, ordinaryMail, toMbox } from '../import/bounce-fixtures';
import { openDB } from 'idb';
import { DB_NAME, DB_VERSION } from '../../lib/store/db';

afterEach(cleanup);

const NOW = new Date('2026-11-27T12:00:00Z');

/** The real worker loop, one asynchronous hop away (as in a browser, minus the thread). */
function inProcessWorker(): WorkerLike {
  const scope: WorkerScope = { onmessage: null, postMessage: (message) => setTimeout(() => page.onmessage?.({ data: message })) };
  attachImportWorker(scope);
  const page: WorkerLike = {
    onmessage: null,
    postMessage: (message) => setTimeout(() => scope.onmessage?.({ data: message })),
    terminate: () => {},
  };
  return page;
}

const soft = (address: string, days: number) =>
  makeSummary({ address, hardCount: 0, softCount: days, softDaysInWindow: days, verdict: days >= 3 ? 'remove-repeated-soft' : 'watch', lastKind: 'soft', lastReason: 'mailboxfull' });

const seed: AddressSummary[] = [makeSummary({ address: 'hard@example.com' }), soft('two@example.com', 2), soft('five@example.com', 5)];

function setup(rows = seed) {
  const background = createFakeBackground(rows);
  const state = createOptionsState(background.transport, inProcessWorker, () => new Date('2026-11-27T12:00:00Z'));
  const saved: Array<{ filename: string; content: string }> = [];
  render(<OptionsApp state={state} save={(filename, content) => void saved.push({ filename, content })} />);
  return { background, state, saved };
}

const preview = (preset: string) => within(screen.getByTestId(`preset-${preset}`)).getByTestId('preset-preview').textContent;
const loaded = () => waitFor(() => expect(screen.getByTestId('options').dataset.loaded).toBe('true'));

describe('options: policy', () => {
  it('previews what each preset would flag, counted exactly by the real background, and saves the choice', async () => {
    const background = createRealBackground(() => NOW);
    const day = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * 86_400_000).toUTCString();
    const full = (address: string, daysAgo: number) =>
      dsnBounce(address, { date: day(daysAgo), id: `${address}.${daysAgo}@mx.example.net`, status: '4.2.2', diagnostic: 'smtp; 452 4.2.2 Mailbox full' });
    await background.seed([
      dsnBounce('hard@example.com', { date: day(1) }),
      ...[1, 2].map((ago) => full('two@example.com', ago)),
      // Three days in the last 30, four more 40–55 days ago: only a 90-day window sees seven.
      ...[1, 2, 3, 40, 45, 50, 55].map((ago) => full('three@example.com', ago)),
      ...[1, 2, 3, 4, 5, 6].map((ago) => full('six@example.com', ago)),
    ]);
    const state = createOptionsState(background.transport, inProcessWorker, () => NOW);
    render(<OptionsApp state={state} save={() => {}} />);
    await loaded();
    await waitFor(() => expect(preview('standard')).toBe('3 addresses to remove'));
    expect(preview('strict')).toBe('4 addresses to remove');
    expect(preview('lenient')).toBe('1 address to remove');
    expect((screen.getByTestId('save-settings') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(within(screen.getByTestId('preset-custom')).getByRole('radio'));
    fireEvent.input(screen.getByTestId('custom-days'), { target: { value: '6' } });
    await waitFor(() => expect(preview('custom')).toBe('2 addresses to remove'));
    fireEvent.input(screen.getByTestId('custom-window'), { target: { value: '90' } });
    await waitFor(() => expect(preview('custom')).toBe('3 addresses to remove'));

    fireEvent.click(screen.getByTestId('save-settings'));
    await waitFor(() => expect(screen.getByTestId('options-message').textContent).toBe('Settings saved.'));
    expect(await background.store.getSettings()).toEqual({ preset: 'custom', softBounceDays: 6, windowDays: 90 });
    expect((await background.store.groupCounts()).remove).toBe(3);
  });
});

describe('options: forget, clear, restore', () => {
  /** The options page over the real background and store, seeded with three recorded bounces. */
  async function setupReal() {
    const background = createRealBackground(() => NOW);
    await background.seed([
      dsnBounce('hard@example.com', { date: 'Mon, 23 Nov 2026 10:00:00 +0000' }),
      dsnBounce('two@example.com', { date: 'Tue, 24 Nov 2026 10:00:00 +0000' }),
      dsnBounce('five@example.com', { date: 'Wed, 25 Nov 2026 10:00:00 +0000' }),
    ]);
    const state = createOptionsState(background.transport, inProcessWorker, () => NOW);
    render(<OptionsApp state={state} save={() => {}} />);
    await loaded();
    return background;
  }
  const onRecord = async (background: RealBackground) => (await background.store.allAddresses()).map((record) => record.address).sort();

  it('forgets one address, normalised, and Undo brings it back with its bounce; refuses something that is not an address', async () => {
    const background = await setupReal();
    fireEvent.input(screen.getByTestId('forget-address'), { target: { value: ' Two@EXAMPLE.com ' } });
    fireEvent.click(screen.getByTestId('forget-address-submit'));
    await waitFor(() => expect(screen.getByTestId('options-message').textContent).toBe('Forgot two@example.com and its bounces. Undo'));
    expect(await onRecord(background)).toEqual(['five@example.com', 'hard@example.com']);
    expect(screen.getByTestId('address-total').textContent).toMatch(/^2 addresses/);

    fireEvent.click(screen.getByTestId('options-undo'));
    await waitFor(() => expect(screen.getByTestId('options-message').textContent).toBe('two@example.com is back, with its bounces.'));
    expect(await onRecord(background)).toEqual(['five@example.com', 'hard@example.com', 'two@example.com']);
    const [back] = await background.store.lookup(['two@example.com']);
    expect(back).toMatchObject({ hardCount: 1, last: { reason: 'userunknown' } });

    fireEvent.input(screen.getByTestId('forget-address'), { target: { value: 'not an address' } });
    fireEvent.click(screen.getByTestId('forget-address-submit'));
    await waitFor(() => expect(screen.getByTestId('options-message').textContent).toMatch(/is not an email address/));
  });

  it('clears everything only after a confirmation, and Undo restores every address', async () => {
    const background = await setupReal();
    fireEvent.click(screen.getByTestId('clear-all'));
    expect(await onRecord(background)).toHaveLength(3);
    expect(screen.getByRole('alertdialog').textContent).toMatch(/Delete all 3 addresses/);
    fireEvent.click(screen.getByTestId('clear-all-confirm'));
    await waitFor(() => expect(screen.getByTestId('address-total').textContent).toMatch(/^0 addresses/));
    expect(await onRecord(background)).toEqual([]);
    fireEvent.click(screen.getByTestId('options-undo'));
    await waitFor(() => expect(screen.getByTestId('address-total').textContent).toMatch(/^3 addresses/));
    expect(screen.getByTestId('options-message').textContent).toBe('Restored 3 notices and every address.');
    expect(await onRecord(background)).toEqual(['five@example.com', 'hard@example.com', 'two@example.com']);
  });

  it('adds addresses by hand to the Remove list, says so wherever they show, and adding again changes nothing', async () => {
    const background = await setupReal();
    fireEvent.input(screen.getByTestId('add-address'), { target: { value: 'Dead.Client@Example.com, typo@exmaple.com\nhard@example.com' } });
    fireEvent.click(screen.getByTestId('add-address-submit'));
    await waitFor(() => expect(screen.getByTestId('options-message').textContent).toBe('Added 3 addresses to the Remove list.'));
    expect(screen.getByTestId('address-total').textContent).toMatch(/^5 addresses/);
    const summaries = await background.transport('listAddresses', { group: 'all' });
    const dead = summaries.rows.find((row) => row.address === 'dead.client@example.com')!;
    expect(dead).toMatchObject({ verdict: 'remove', lastWebmail: 'manual', hardCount: 1, lastStatus: '', lastDiagnostic: '' });
    expect(describeEvidence(dead.evidence[0]!, { locale: 'en-GB', timeZone: 'UTC' })).toBe('Added to the list by you on 27 Nov 2026.');
    expect(describeWebmail(dead.lastWebmail)).toBe('added by you');

    fireEvent.input(screen.getByTestId('add-address'), { target: { value: 'dead.client@example.com' } });
    fireEvent.click(screen.getByTestId('add-address-submit'));
    await waitFor(() => expect(screen.getByTestId('options-message').textContent).toBe('dead.client@example.com was already added by hand.'));
    expect((await background.store.lookup(['dead.client@example.com']))[0]?.hardCount).toBe(1);
  });

  it('adds nothing when any of the addresses is not one, and says which', async () => {
    const background = await setupReal();
    fireEvent.input(screen.getByTestId('add-address'), { target: { value: 'ok@example.com not-an-address bob@gmail' } });
    fireEvent.click(screen.getByTestId('add-address-submit'));
    await waitFor(() => expect(screen.getByTestId('options-message').textContent).toBe('Not an email address: “not-an-address”, “bob@gmail”. Nothing was added.'));
    expect(await onRecord(background)).toEqual(['five@example.com', 'hard@example.com', 'two@example.com']);
    expect((screen.getByTestId('add-address') as HTMLTextAreaElement).value).toBe('ok@example.com not-an-address bob@gmail');
  });

  it('refuses to restore a file that is not a backup', async () => {
    const { state, background } = setup();
    await loaded();
    await state.restore('{"hello":1}');
    expect(screen.getByTestId('options-message').textContent).toBe('That file is not a Bounce Sweeper backup.');
    await state.restore('not json');
    expect(screen.getByTestId('options-message').textContent).toMatch(/not JSON/);
    expect(background.calls.some((call) => call.type === 'importBackup')).toBe(false);
  });
});

describe('options: mailbox import', () => {
  it('imports an .mbox through the worker loop with progress, and a second import adds nothing', async () => {
    const { background } = setup([]);
    await loaded();
    const mbox = toMbox([dsnBounce('ann@example.com'), ordinaryMail('Lunch'), dsnBounce('bob@example.org', { date: 'Tue, 03 Mar 2026 11:00:00 +0000' })]);
    const choose = () => {
      const input = screen.getByTestId('import-file') as HTMLInputElement;
      Object.defineProperty(input, 'files', { value: [new File([mbox], 'Takeout.mbox')], configurable: true });
      fireEvent.change(input);
    };
    choose();
    await waitFor(() => expect(screen.getByTestId('import-status').dataset.phase).toBe('done'));
    expect(screen.getByTestId('import-counts').textContent).toMatch(/3 messages read .* 2 bounces found, 2 new notices recorded/);
    expect((screen.getByTestId('import-progress') as HTMLProgressElement).value).toBe(100);
    const sent = background.calls.filter((call) => call.type === 'importNotices');
    expect(sent).toHaveLength(1);

    choose();
    await waitFor(() => expect(screen.getByTestId('import-counts').textContent).toMatch(/0 new notices recorded, 2 notices already known/));
  });

  it('says plainly when a file is not a mailbox, and writes small sizes in small units', async () => {
    const { background } = setup([]);
    await loaded();
    const input = screen.getByTestId('import-file') as HTMLInputElement;
    const json = '{\n  "name": "bounce-sweeper"\n}\n';
    Object.defineProperty(input, 'files', { value: [new File([json], 'package.json')], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(screen.getByTestId('import-status').dataset.phase).toBe('done'));
    expect(screen.getByTestId('import-skipped').textContent).toBe('package.json: not a mailbox file (.mbox) or a saved message (.eml). Nothing was read from it.');
    expect(screen.getByTestId('import-done').textContent).toBe('Nothing was imported: choose a Google Takeout .mbox file or .eml files.');
    expect(screen.getByTestId('import-counts').textContent).toMatch(/^0 messages read \(\d+ bytes of \d+ bytes\)/);
    expect(background.calls.filter((call) => call.type === 'importNotices')).toHaveLength(0);
  });
});


describe('options: data from a newer version', () => {
  it('says so, and backs the data up before starting afresh', async () => {
    const background = createRealBackground(() => NOW);
    await background.seed([dsnBounce('hard@example.com', { date: 'Mon, 23 Nov 2026 10:00:00 +0000' })]);
    await background.store.close();
    // A later build upgraded the database past this build's version.
    (await openDB(DB_NAME, DB_VERSION + 1, { upgrade: (db) => void db.createObjectStore('later') })).close();
    const saved: Array<{ filename: string; content: string }> = [];
    const state = createOptionsState(background.transport, inProcessWorker, () => NOW);
    render(<OptionsApp state={state} save={(filename, content) => void saved.push({ filename, content })} />);
    const panel = await screen.findByTestId('store-rescue');
    expect(panel.textContent).toMatch(/newer version of Bounce Sweeper saved your list/);
    expect(screen.getByTestId('options-message').textContent).toMatch(/saved by a newer version of the extension/);
    fireEvent.click(screen.getByTestId('store-rescue-button'));
    await waitFor(() => expect(screen.queryByTestId('store-rescue')).toBeNull());
    expect(saved).toHaveLength(1);
    const backup = JSON.parse(saved[0]!.content) as { events: Array<{ address: string }> };
    expect(backup.events.map((event) => event.address)).toEqual(['hard@example.com']);
    expect(screen.getByTestId('address-total').textContent).toMatch(/^0 addresses/);
    // The saved file restores into the new, empty store.
    await background.transport('importBackup', JSON.parse(saved[0]!.content));
    expect((await background.store.groupCounts()).remove).toBe(1);
  });
});

describe('options: bounces per send', () => {
  /** A DSN returning the user's own message (its headers), so the notice says which send it answers. */
  function returning(recipient: string, status: string, sent: { subject: string; id: string; date: string }, at: string): string {
    return dsnBounce(recipient, {
      date: at,
      id: `${recipient.replace(/\W/g, '.')}.${sent.id}@mx.example.net`,
      status,
      diagnostic: `smtp; ${status.startsWith('5.1') ? '550 5.1.1 user unknown' : '452 4.2.2 mailbox full'}`,
      returned: { from: 'Me <me@example.com>', subject: sent.subject, messageId: `${sent.id}@example.com`, date: sent.date },
    });
  }

  it('groups notices from two sends, and warns when a send passes the bounce-rate lines', async () => {
    const background = createRealBackground(() => NOW);
    const openHouse = { subject: 'Open house, Saturday', id: 'send-1', date: 'Thu, 26 Nov 2026 09:00:00 +0000' };
    const newsletter = { subject: 'November newsletter', id: 'send-2', date: 'Tue, 24 Nov 2026 09:00:00 +0000' };
    await background.seed([
      returning('a@example.org', '5.1.1', openHouse, 'Thu, 26 Nov 2026 09:05:00 +0000'),
      returning('b@example.org', '5.1.1', openHouse, 'Thu, 26 Nov 2026 09:06:00 +0000'),
      returning('c@example.org', '4.2.2', openHouse, 'Thu, 26 Nov 2026 09:07:00 +0000'),
      returning('d@example.org', '5.1.1', newsletter, 'Tue, 24 Nov 2026 09:05:00 +0000'),
    ]);
    const state = createOptionsState(background.transport, inProcessWorker, () => NOW);
    render(<OptionsApp state={state} save={() => {}} />);
    await waitFor(() => expect(screen.getAllByTestId('send-report')).toHaveLength(2));
    const lines = screen.getAllByTestId('send-line').map((line) => line.textContent);
    expect(lines[0]).toMatch(/^Open house, Saturday, .*: 2 hard, 1 soft$/);
    expect(lines[1]).toMatch(/^November newsletter, .*: 1 hard, 0 soft$/);
    // 2 hard bounces of 40 recipients: 5 %, the review line.
    const [first] = screen.getAllByTestId('send-report');
    fireEvent.change(within(first!).getByTestId('send-sent-to'), { target: { value: '40' } });
    await waitFor(() => expect(within(screen.getAllByTestId('send-report')[0]!).getByTestId('send-rate').textContent).toMatch(/^Hard-bounce rate 5% of 40: over 5 %/));
    expect(screen.getAllByTestId('send-report')[0]!.dataset.level).toBe('review');
    fireEvent.change(within(screen.getAllByTestId('send-report')[0]!).getByTestId('send-sent-to'), { target: { value: '500' } });
    await waitFor(() => expect(screen.getAllByTestId('send-report')[0]!.dataset.level).toBe('ok'));
  });
});
