import { render } from 'preact';
import { CleanListPage } from '../../components/CleanListPage';
import { createCleanListState, type CleanFile, type CleanWorkerLike } from '../../lib/clean-list/page-state';
import { extensionTransport } from '../../lib/pages/transport';

const createWorker = () =>
  new Worker(new URL('../../lib/clean-list/clean.worker.ts', import.meta.url), { type: 'module' }) as unknown as CleanWorkerLike;

/** A download of the file's bytes (its encoding and BOM as the list had them). */
function save(file: CleanFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const state = createCleanListState(extensionTransport, createWorker, (name) => performance.mark(name));

render(<CleanListPage state={state} save={save} />, document.getElementById('app')!);
