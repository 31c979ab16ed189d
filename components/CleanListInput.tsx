import { useState } from 'preact/hooks';
import type { CleanListState } from '../lib/clean-list/page-state';

export interface CleanListInputProps {
  state: CleanListState;
}

/** Where the list comes in: choose or drop a file, or paste addresses. */
export function CleanListInput({ state }: CleanListInputProps) {
  const [text, setText] = useState('');
  const [over, setOver] = useState(false);
  const busy = state.phase.value === 'reading' || state.phase.value === 'cleaning';
  const open = async (file: File | undefined) => {
    if (file) await state.openFile(file);
  };
  return (
    <section
      class={`panel drop-zone${over ? ' over' : ''}`}
      data-testid="clean-list-input"
      aria-labelledby="clean-list-input-heading"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        void open(event.dataTransfer?.files[0]);
      }}
    >
      <h2 id="clean-list-input-heading">Your list</h2>
      <div class="row">
        <label class="file-button">
          Choose a file…
          <input
            type="file"
            accept=".csv,.txt,.tsv,.tab,text/csv,text/plain,text/tab-separated-values"
            disabled={busy}
            data-testid="clean-list-file"
            onChange={(event) => {
              const input = event.currentTarget as HTMLInputElement;
              void open(input.files?.[0]).finally(() => {
                input.value = '';
              });
            }}
          />
        </label>
        <span class="hint">or drop it here (.csv, .txt; any delimiter, UTF-8 or UTF-16)</span>
      </div>
      <div class="row">
        <textarea
          rows={3}
          placeholder="…or paste addresses, one per line"
          aria-label="Paste addresses"
          data-testid="clean-list-paste"
          value={text}
          onInput={(event) => setText((event.currentTarget as HTMLTextAreaElement).value)}
        />
        <button type="button" data-testid="clean-list-paste-check" disabled={busy || text.trim() === ''} onClick={() => void state.openText(text)}>
          Check pasted addresses
        </button>
      </div>
    </section>
  );
}
