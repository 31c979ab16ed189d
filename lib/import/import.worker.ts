/** Entry of the import worker (bundled by Vite from `new Worker(new URL(...), { type: 'module' })`). */
import { attachImportWorker, type WorkerScope } from './worker-main';

attachImportWorker(self as unknown as WorkerScope);
