import { render } from 'preact';
import { CleanListPage } from '../../components/CleanListPage';
import { createCleanListState, type CleanFile, type CleanWorkerLike } from '../../lib/clean-list/page-state';
import { downloadBlob } from '../../lib/pages/browser-actions';
import { extensionTransport } from '../../lib/pages/transport';

const createWorker = () =>
  new Worker(new URL('../../lib/clean-list/clean.worker.ts', import.meta.url), { type: 'module' }) as unknown as CleanWorkerLike;

const state = createCleanListState(extensionTransport, createWorker, (name) => performance.mark(name));

// A download of the file's bytes (its encoding and BOM as the list had them).
render(<CleanListPage state={state} save={(file: CleanFile) => downloadBlob(file.blob, file.filename)} />, document.getElementById('app')!);
