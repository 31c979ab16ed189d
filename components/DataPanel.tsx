import { useState } from 'preact/hooks';
import type { OptionsState } from '../lib/pages/options-state';
import { plural } from '../lib/vocabulary';

export interface DataPanelProps {
  state: OptionsState;
}

/** Add addresses by hand, forget one (and its bounces), or clear everything after a confirmation. */
export function DataPanel({ state }: DataPanelProps) {
  const [address, setAddress] = useState('');
  const [toAdd, setToAdd] = useState('');
  const [confirming, setConfirming] = useState(false);
  const total = state.addresses.value.length;
  return (
    <section class="panel" data-testid="data-panel" aria-labelledby="data-heading">
      <h2 id="data-heading">Add, forget and clear</h2>
      <p class="hint">Know an address is dead (a client told you, a mail merge keeps failing)? Put it on the Remove list by hand.</p>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          void state.add(toAdd).then(() => {
            if (state.message.value?.tone !== 'error') setToAdd('');
          });
        }}
      >
        {/* A textarea: an input would strip the line breaks of a column pasted from a spreadsheet. */}
        <textarea
          rows={2}
          autoComplete="off"
          spellcheck={false}
          placeholder="someone@example.com, another@example.org"
          aria-label="Addresses to add to the Remove list"
          data-testid="add-address"
          value={toAdd}
          onInput={(event) => setToAdd((event.currentTarget as HTMLTextAreaElement).value)}
        />
        <button type="submit" data-testid="add" disabled={!toAdd.trim()}>
          Add to the Remove list
        </button>
      </form>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          void state.forget(address).then(() => setAddress(''));
        }}
      >
        <input
          type="text"
          inputMode="email"
          autoComplete="off"
          spellcheck={false}
          placeholder="someone@example.com"
          aria-label="Address to forget"
          data-testid="forget-address"
          value={address}
          onInput={(event) => setAddress((event.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" data-testid="forget" disabled={!address.trim()}>
          Forget this address
        </button>
      </form>
      {!confirming ? (
        <button type="button" class="danger" data-testid="clear-all" disabled={total === 0} onClick={() => setConfirming(true)}>
          Clear everything
        </button>
      ) : (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-clear">
          <p id="confirm-clear">
            Delete all {plural(total, 'address', 'addresses')} and every recorded bounce? You can undo it while this page stays open;
            for a copy that lasts, download a backup first.
          </p>
          <button
            type="button"
            class="danger"
            data-testid="clear-all-confirm"
            onClick={async () => {
              await state.clearAll();
              setConfirming(false);
            }}
          >
            Yes, clear everything
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
    </section>
  );
}
