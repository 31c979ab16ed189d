import { useState } from 'preact/hooks';
import type { OptionsState } from '../lib/pages/options-state';
import { AddressForm } from './AddressForm';
import { plural } from '../lib/vocabulary';

export interface DataPanelProps {
  state: OptionsState;
}

/** Add addresses by hand, forget one (and its bounces), or clear everything after a confirmation. */
export function DataPanel({ state }: DataPanelProps) {
  const [confirming, setConfirming] = useState(false);
  const total = state.onRecord.value;
  return (
    <section class="panel" data-testid="data-panel" aria-labelledby="data-heading">
      <h2 id="data-heading">Add, forget and clear</h2>
      <p class="hint">Know an address is dead (a client told you, a mail merge keeps failing)? Put it on the Remove list by hand.</p>
      <AddressForm
        label="Addresses to add to the Remove list"
        placeholder="someone@example.com, another@example.org"
        buttonLabel="Add to the Remove list"
        testId="add-address"
        multiline
        onSubmit={async (value) => {
          await state.add(value);
          return state.message.value?.tone !== 'error';
        }}
      />
      <AddressForm
        label="Address to forget"
        placeholder="someone@example.com"
        buttonLabel="Forget this address"
        testId="forget-address"
        onSubmit={async (value) => {
          await state.forget(value);
          return true;
        }}
      />
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
