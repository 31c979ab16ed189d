import type { OptionsState } from '../lib/pages/options-state';
import { plural } from '../lib/pages/format';

export interface ImportPanelProps {
  state: OptionsState;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0)} MB`;
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
          {progress && (
            <p data-testid="import-counts">
              {plural(progress.messages, 'message')} read ({megabytes(progress.bytesRead)} of {megabytes(progress.bytesTotal)}),{' '}
              {plural(progress.bounces, 'bounce')} found, {plural(status.recorded.noticesAdded, 'new notice')} recorded
              {status.recorded.noticesSkipped ? `, ${plural(status.recorded.noticesSkipped, 'notice')} already known` : ''}.
            </p>
          )}
          {running && (
            <button type="button" data-testid="import-cancel" disabled={status.phase === 'cancelling'} onClick={() => state.cancelImport()}>
              {status.phase === 'cancelling' ? 'Cancelling…' : 'Cancel'}
            </button>
          )}
          {status.phase === 'done' && <p data-testid="import-done">Done. Open the Bounce Sweeper button to see the addresses.</p>}
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
