import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';
import { createOptionsState } from '../../lib/pages/options-state';
import { extensionTransport } from '../../lib/pages/transport';
import { saveText } from '../../lib/pages/browser-actions';
import type { WorkerLike } from '../../lib/import/run-import';

const createWorker = () =>
  new Worker(new URL('../../lib/import/import.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;

const state = createOptionsState(extensionTransport, createWorker);

render(<OptionsApp state={state} save={saveText} />, document.getElementById('app')!);
