import type { ImportStatus, OptionsState } from '../lib/pages/options-state';
import { formatBytes, plural } from '../lib/vocabulary';

export interface ImportPanelProps {
  state: OptionsState;
}

/** The last line of a finished import: what it found, or plainly that there was nothing to read. */
function doneText(status: ImportStatus): string {
  const result = status.result;
  if (!result || result.messages === 0) {
    return result && result.skipped.length === result.fileCount
      ? 'Nothing was imported: choose a Google Takeout .mbox file or .eml files.'
      : 'Done: these files hold no messages.';
  }
  if (result.bounces === 0) return `Done: no bounce notices among ${plural(result.messages, 'message')}.`;
  return 'Done. Open the Bounce Sweeper button to see the addresses.';
}

/** Sweep old bounces from a mailbox file: scanned locally in a worker, with progress and cancel. */
export function ImportPanel({ state }: ImportPanelProps) {
  const status = state.importStatus.value;
  const running = status.phase === 'running' || status.phase === 'cancelling';
  const progress = status.progress;
  const percent = progress && progress.bytesTotal > 0 ? Math.round((progress.bytesRead / progress.bytesTotal) * 100) : 0;
  return (
    <section class="panel" data-testid="import-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Import a mailbox file</h2>
      <p class="hint">
        A Google Takeout <code>.mbox</code> (Gmail: takeout.google.com → Mail) or <code>.eml</code> files saved from any mail
        program. The file is read here in your browser and never uploaded. Importing the same file again changes nothing.
      </p>
      <input
        type="file"
        accept=".mbox,.mbx,.eml,application/mbox,message/rfc822"
        multiple
        disabled={running}
        data-testid="import-file"
        aria-label="Choose .mbox or .eml files"
        onChange={(event) => {
          const input = event.currentTarget as HTMLInputElement;
          state.startImport([...(input.files ?? [])]);
          input.value = '';
        }}
      />
      {status.phase !== 'idle' && (
        <div class="import-status" data-testid="import-status" data-phase={status.phase}>
          <progress max={100} value={percent} aria-label="Import progress" data-testid="import-progress" />
          {/* Above the counts, so the line that appears with the first progress does not move it under the pointer. */}
          {running && (
            <button type="button" data-testid="import-cancel" disabled={status.phase === 'cancelling'} onClick={() => state.cancelImport()}>
              {status.phase === 'cancelling' ? 'Cancelling…' : 'Cancel'}
            </button>
          )}
          {progress && (
            <p data-testid="import-counts">
              {plural(progress.messages, 'message')} read ({formatBytes(progress.bytesRead)} of {formatBytes(progress.bytesTotal)}),{' '}
              {plural(progress.bounces, 'bounce')} found, {plural(status.recorded.noticesAdded, 'new notice')} recorded
              {status.recorded.noticesSkipped ? `, ${plural(status.recorded.noticesSkipped, 'notice')} already known` : ''}.
            </p>
          )}
          {status.result && status.result.skipped.length > 0 && (
            <ul class="import-skipped" data-testid="import-skipped">
              {status.result.skipped.map((file) => (
                <li key={file.name}>
                  {file.name}: {file.reason}. Nothing was read from it.
                </li>
              ))}
            </ul>
          )}
          {status.phase === 'done' && <p data-testid="import-done">{doneText(status)}</p>}
          {status.phase === 'cancelled' && <p data-testid="import-done">Cancelled. What was read before is kept.</p>}
          {status.phase === 'error' && (
            <p class="error" role="alert" data-testid="import-error">
              The import stopped: {status.error}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
