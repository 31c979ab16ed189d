import type { SweepPopupState } from '../lib/pages/sweep-state';
import { canTidy } from '../lib/webmail/sweep/tidy';
import { TIDY_WORDS, describeTidy } from '../lib/vocabulary';

export interface SweepTidyProps {
  state: SweepPopupState;
}

/**
 * After a sweep, the popup's one explicit action on the notices it read and recorded (issue #11):
 * move them out of the inbox in the webmail tab (Gmail: label and archive; Outlook: archive), and
 * what was done and how to undo it. Shown only when the tab offers it. Test contract:
 * [data-testid="sweep-tidy"] (the button) and [data-testid="sweep-tidy-words"] with data-state,
 * data-done, data-left and data-last-batch.
 */
export function SweepTidy({ state }: SweepTidyProps) {
  const status = state.status.value;
  const tidy = state.tidy.value;
  if (!status || !tidy) return null;
  const offered = canTidy(status, state.phase.value, tidy);
  if (!offered && tidy.state === 'idle') return null;
  return (
    <div class="sweep-tidy">
      {offered && (
        <button type="button" data-testid="sweep-tidy" disabled={state.busy.value} onClick={() => void state.tidyNow()}>
          {TIDY_WORDS.action(status.webmail, status.read)}
        </button>
      )}
      <p class="sweep-note" role="status" data-testid="sweep-tidy-words" data-state={tidy.state} data-done={tidy.done} data-left={tidy.left} data-last-batch={tidy.lastBatch}>
        {describeTidy(tidy, status.webmail)}
      </p>
    </div>
  );
}
