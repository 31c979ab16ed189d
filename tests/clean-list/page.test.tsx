// @vitest-environment happy-dom
/**
 * The Clean my list page over the real background (handlers, router, store on fake-indexeddb) and
 * the real worker code (lib/clean-list/worker-main.ts), run in-process behind a message pair: a
 * dropped-in list comes back with counts and three files; the column can be changed.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CleanListPage } from '../../components/CleanListPage';
import { decodeBytes, encodeText } from '../../lib/clean-list/decode';
import { createCleanListState, type CleanFile, type CleanWorkerLike } from '../../lib/clean-list/page-state';
import type { FromWorker, ToWorker } from '../../lib/clean-list/protocol';
import { attachCleanWorker } from '../../lib/clean-list/worker-main';
import { dsnBounce, senderBlocked } from '../import/bounce-fixtures';
import { createRealBackground } from '../pages/real-background';

afterEach(cleanup);

/** The worker's own code behind an asynchronous message pair, as a Worker would run it. */
function inProcessWorker(): CleanWorkerLike {
  const scope: { onmessage: ((event: { data: ToWorker }) => void) | null; postMessage(message: FromWorker): void } = {
    onmessage: null,
    postMessage: (message) => setTimeout(() => page.onmessage?.({ data: message })),
  };
  attachCleanWorker(scope);
  const page: CleanWorkerLike = {
    onmessage: null,
    postMessage: (message) => setTimeout(() => scope.onmessage?.({ data: message })),
    terminate() {},
  };
  return page;
}

async function bytes(file: CleanFile): Promise<Uint8Array> {
  return new Uint8Array(await file.blob.arrayBuffer());
}

async function text(file: CleanFile): Promise<string> {
  return decodeBytes(await bytes(file)).text;
}

async function setup() {
  const now = () => new Date('2026-03-05T12:00:00Z');
  const background = createRealBackground(now);
  await background.seed([dsnBounce('gone@example.com'), senderBlocked('blocked@example.net', 'Wed, 04 Mar 2026 10:00:00 +0000', 'b1@mx.example.net')]);
  const state = createCleanListState(background.transport, inProcessWorker);
  const saved: CleanFile[] = [];
  render(<CleanListPage state={state} save={(file) => void saved.push(file)} />);
  return { state, saved };
}

describe('Clean my list page', () => {
  it('reads a dropped file, shows what it found, and saves the three files', async () => {
    const { saved } = await setup();
    const csv = 'Name;Email;Backup\r\nAnn;gone@example.com;ann@example.org\r\nBob;blocked@example.net;gone@example.com\r\nCat;cat@example.org;\r\n';
    const file = new File([encodeText(csv, 'utf-8', true) as BlobPart], 'members.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('clean-list-file'), { target: { files: [file] } });
    await waitFor(() => expect(screen.getByTestId('clean-list').dataset.phase).toBe('done'));
    expect(screen.getByTestId('clean-list-shape').textContent).toBe('3 rows · semicolon-separated · UTF-8 with BOM (the files come back the same way)');
    expect((screen.getByTestId('clean-list-column') as HTMLSelectElement).value).toBe('1');
    expect(screen.getByTestId('clean-list-counts').textContent).toBe('1 row to remove · 1 sender problem · 0 to watch · 1 ok');
    for (const kind of ['annotated', 'cleaned', 'removal']) fireEvent.click(screen.getByTestId(`clean-list-download-${kind}`));
    expect(saved.map((f) => f.filename)).toEqual(['members-with-status.csv', 'members-cleaned.csv', 'members-to-remove.csv']);
    expect([...(await bytes(saved[0]!)).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(saved[0]!.blob.type).toBe('text/csv');
    expect(await text(saved[0]!)).toBe('Name;Email;Backup;Bounce Sweeper status\r\nAnn;gone@example.com;ann@example.org;remove\r\nBob;blocked@example.net;gone@example.com;sender problem\r\nCat;cat@example.org;;ok\r\n');
    expect(await text(saved[1]!)).toBe('Name;Email;Backup\r\nBob;blocked@example.net;gone@example.com\r\nCat;cat@example.org;\r\n');
    expect(await text(saved[2]!)).toBe('Name;Email;Backup\r\nAnn;gone@example.com;ann@example.org\r\n');

    // Another column: the backup addresses.
    fireEvent.change(screen.getByTestId('clean-list-column'), { target: { value: '2' } });
    await waitFor(() => expect(screen.getByTestId('clean-list-counts').textContent).toBe('1 row to remove · 0 sender problems · 0 to watch · 1 ok · 1 row without an address'));
  });

  it('checks pasted addresses, and says so when no column holds one', async () => {
    await setup();
    fireEvent.input(screen.getByTestId('clean-list-paste'), { target: { value: 'gone@example.com\nnew@example.org\n' } });
    fireEvent.click(screen.getByTestId('clean-list-paste-check'));
    await waitFor(() => expect(screen.getByTestId('clean-list-counts').textContent).toBe('1 row to remove · 0 sender problems · 0 to watch · 1 ok'));
    fireEvent.input(screen.getByTestId('clean-list-paste'), { target: { value: 'just words\nno addresses\n' } });
    fireEvent.click(screen.getByTestId('clean-list-paste-check'));
    await waitFor(() => expect(screen.getByTestId('clean-list-error').textContent).toMatch(/No column holds an email address/));
  });
});
