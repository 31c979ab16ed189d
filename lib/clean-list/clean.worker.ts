/** Entry of the Clean my list worker (bundled by Vite from `new Worker(new URL(...), { type: 'module' })`). */
import { attachCleanWorker, type CleanWorkerScope } from './worker-main';

attachCleanWorker(self as unknown as CleanWorkerScope);
