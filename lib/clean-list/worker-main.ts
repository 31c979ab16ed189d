/**
 * The Clean my list worker: reads the list once (decode, parse, find the column), then cleans it
 * against the verdicts for whichever column the page asks, so a 100,000-row list never blocks the
 * page. The outputs go back as transferred buffers (no copy).
 */
import type { FromWorker, ToWorker } from './protocol';
import { addressesByRow } from './clean';
import { cleanToBodies, inspectBytes, type FileBody, type InspectedList } from './run';
import { toVerdictMap } from './status';

export interface CleanWorkerScope {
  onmessage: ((event: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker, transfer?: ArrayBuffer[]): void;
}

/**
 * A file's Blob, made here: the browser encodes a string part as UTF-8 natively, and a Blob goes to
 * the page by reference (copying three 11 MB strings through postMessage cost more than the work).
 */
function blobOf(body: FileBody): Blob {
  if (body instanceof Uint8Array) return new Blob([body as BlobPart]);
  return new Blob(body.bom ? ['\uFEFF', body.utf8] : [body.utf8]);
}

/** Times each step of a run, ms. */
function stopwatch(): { lap: (step: string) => void; timings: Record<string, number> } {
  const timings: Record<string, number> = {};
  let last = performance.now();
  return {
    timings,
    lap(step) {
      const now = performance.now();
      timings[step] = Math.round((now - last) * 10) / 10;
      last = now;
    },
  };
}

export function attachCleanWorker(scope: CleanWorkerScope): void {
  let inspected: InspectedList | null = null;
  /** The found column's addresses per row, read while the page waits for the verdicts. */
  let ahead: { column: number; addresses: string[][] } | null = null;
  scope.onmessage = ({ data }) => {
    const watch = stopwatch();
    try {
      if (data.type === 'inspect') {
        ahead = null;
        inspected = inspectBytes(new Uint8Array(data.bytes), watch.lap);
        const { decoded, list, column, columns } = inspected;
        scope.postMessage({
          type: 'inspected',
          summary: { ...decoded, delimiter: list.shape.delimiter, rows: list.rows.length, hasHeader: list.header !== null, columns, column, problems: list.problems.slice(0, 5), timings: watch.timings },
        });
        ahead = column >= 0 ? { column, addresses: addressesByRow(list, column) } : null;
        return;
      }
      if (!inspected) throw new Error('no list read yet');
      const map = toVerdictMap(data.verdicts);
      watch.lap('verdicts');
      const known = ahead?.column === data.column ? ahead.addresses : undefined;
      const bodies = cleanToBodies(inspected, data.column, map, watch.lap, known);
      const [annotated, cleaned, removal] = [blobOf(bodies.annotated), blobOf(bodies.cleaned), blobOf(bodies.removal)];
      watch.lap('blobs');
      scope.postMessage({ type: 'cleaned', column: data.column, annotated, cleaned, removal, counts: bodies.counts, timings: watch.timings });
    } catch (error) {
      scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
