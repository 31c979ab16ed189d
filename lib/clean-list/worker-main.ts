/**
 * The Clean my list worker: reads the list once (decode, parse, find the column), then cleans it
 * against the verdicts for whichever column the page asks, so a 100,000-row list never blocks the
 * page. The outputs go back as transferred buffers (no copy).
 */
import type { FromWorker, ToWorker } from './protocol';
import { cleanInspected, inspectBytes, type InspectedList } from './run';
import { toVerdictMap } from './status';

export interface CleanWorkerScope {
  onmessage: ((event: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker, transfer?: ArrayBuffer[]): void;
}

function bufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
}

export function attachCleanWorker(scope: CleanWorkerScope): void {
  let inspected: InspectedList | null = null;
  scope.onmessage = ({ data }) => {
    try {
      if (data.type === 'inspect') {
        inspected = inspectBytes(new Uint8Array(data.bytes));
        const { decoded, list, column, columns } = inspected;
        scope.postMessage({
          type: 'inspected',
          summary: { ...decoded, delimiter: list.shape.delimiter, rows: list.rows.length, hasHeader: list.header !== null, columns, column, problems: list.problems.slice(0, 5) },
        });
        return;
      }
      if (!inspected) throw new Error('no list read yet');
      const started = performance.now();
      const out = cleanInspected(inspected, data.column, toVerdictMap(data.verdicts));
      const [annotated, cleaned, removal] = [bufferOf(out.annotated), bufferOf(out.cleaned), bufferOf(out.removal)];
      scope.postMessage(
        { type: 'cleaned', column: data.column, annotated, cleaned, removal, counts: out.counts, ms: performance.now() - started },
        [annotated, cleaned, removal],
      );
    } catch (error) {
      scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
