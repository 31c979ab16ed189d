import { formatCount } from '../lib/vocabulary';
import { useEffect } from 'preact/hooks';
import type { OptionsState } from '../lib/pages/options-state';
import { PolicySettingsForm } from './PolicySettingsForm';
import { ImportPanel } from './ImportPanel';
import { BackupPanel } from './BackupPanel';
import { DataPanel } from './DataPanel';
import { SelectorDiagnostics } from './SelectorDiagnostics';
import { StoreRescuePanel } from './StoreRescuePanel';
import { UnverifiedNotices } from './UnverifiedNotices';
import { SendReports } from './SendReports';

export interface OptionsAppProps {
  state: OptionsState;
  save: (filename: string, content: string) => void;
}

/** The settings page (opens in a tab). */
export function OptionsApp({ state, save }: OptionsAppProps) {
  useEffect(() => {
    void state.load();
  }, [state]);
  const message = state.message.value;
  return (
    <main class="options" data-testid="options" data-loaded={state.loaded.value ? 'true' : 'false'}>
      <h1>Bounce Sweeper settings</h1>
      <p class="hint"><a href="/clean-list.html" data-testid="open-clean-list">Clean my list</a>: check your own contact list against the addresses on record.</p>
      <p class="summary" data-testid="address-total">
        {formatCount(state.onRecord.value)} addresses on record.
      </p>
      <div class={`message ${message?.tone ?? ''}`} role="status" aria-live="polite" data-testid="options-message">
        {message?.text}
        {message?.undo && (
          <>
            {' '}
            <button type="button" data-testid="options-undo" onClick={() => void message.undo?.()}>
              Undo
            </button>
          </>
        )}
      </div>
      {state.storeTooNew.value && <StoreRescuePanel state={state} save={save} />}
      <UnverifiedNotices state={state} />
      <SendReports state={state} />
      <PolicySettingsForm state={state} />
      <ImportPanel state={state} />
      <BackupPanel state={state} save={save} />
      <DataPanel state={state} />
      <SelectorDiagnostics state={state} />
    </main>
  );
}
