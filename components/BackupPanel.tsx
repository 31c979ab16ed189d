import type { OptionsState } from '../lib/pages/options-state';

export interface BackupPanelProps {
  state: OptionsState;
  /** Saves a text file (the page: a download). */
  save: (filename: string, content: string) => void;
}

/** Backup and restore of the whole store as one JSON file. */
export function BackupPanel({ state, save }: BackupPanelProps) {
  return (
    <section class="panel" data-testid="backup-panel" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup and restore</h2>
      <p class="hint">A backup holds every recorded bounce and your decisions (no email bodies). Restoring merges it into what is here.</p>
      <div class="row">
        <button
          type="button"
          data-testid="backup"
          onClick={async () => {
            const file = await state.backup();
            if (file) save(file.filename, file.content);
          }}
        >
          Download a backup
        </button>
        <label class="file-button">
          Restore from a backup…
          <input
            type="file"
            accept=".json,application/json"
            data-testid="restore-file"
            onChange={async (event) => {
              const input = event.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file) await state.restore(await file.text());
            }}
          />
        </label>
      </div>
    </section>
  );
}
