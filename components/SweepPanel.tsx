import { useEffect, useMemo } from 'preact/hooks';
import { createSweepState, type SweepPopupState } from '../lib/pages/sweep-state';
import { extensionTransport } from '../lib/pages/transport';
import { SWEEP_WORDS, describeSweepProgress } from '../lib/vocabulary';
import { SweepTidy } from './SweepTidy';

export interface SweepPanelProps {
  /** The sweep's state module (tests pass one over fakes); the extension's own by default. */
  state?: SweepPopupState;
}

/**
 * The popup's sweep control (issue #11): start a sweep of the open webmail tab, see its progress,
 * pause, resume or cancel it, and afterwards move its read notices out of the inbox (SweepTidy). Test contract: [data-testid="sweep-start"], and the progress element
 * [data-bounce-sweeper="sweep-progress"] with data-state, data-found, data-read and data-bounces.
 */
export function SweepPanel({ state: given }: SweepPanelProps) {
  const state = useMemo(() => given ?? createSweepState(extensionTransport), [given]);
  useEffect(() => {
    void state.load();
    return state.poll();
  }, [state]);
  const status = state.status.value;
  const phase = state.phase.value;
  const busy = state.busy.value;
  const active = status?.state === 'running' && phase !== 'idle';
  const startLabel = status?.state === 'stopped' && !status.stopReason.startsWith(SWEEP_WORDS.cancelled) ? SWEEP_WORDS.continue : SWEEP_WORDS.start;
  return (
    <section class="sweep-panel" data-testid="sweep-panel" aria-label={SWEEP_WORDS.title}>
      <div class="sweep-buttons">
        {!active && status?.state !== 'paused' && (
          <button type="button" data-testid="sweep-start" disabled={busy} onClick={() => void state.start()}>
            {startLabel}
          </button>
        )}
        {active && (
          <button type="button" data-testid="sweep-pause" disabled={busy} onClick={() => void state.pause()}>
            {SWEEP_WORDS.pause}
          </button>
        )}
        {status?.state === 'paused' && (
          <button type="button" data-testid="sweep-resume" disabled={busy} onClick={() => void state.resume()}>
            {SWEEP_WORDS.resume}
          </button>
        )}
        {(active || status?.state === 'paused') && (
          <button type="button" data-testid="sweep-cancel" disabled={busy} onClick={() => void state.cancel()}>
            {SWEEP_WORDS.cancel}
          </button>
        )}
      </div>
      {status && (
        <div
          class="sweep-progress"
          role="status"
          data-testid="sweep-progress"
          data-bounce-sweeper="sweep-progress"
          data-state={status.state}
          data-found={status.found}
          data-read={status.read}
          data-bounces={status.bounces}
        >
          <progress max={Math.max(1, status.found)} value={status.read + status.failed} />
          <span>{describeSweepProgress(status, phase)}</span>
        </div>
      )}
      <SweepTidy state={state} />
      {state.note.value && <p class="sweep-note" data-testid="sweep-note">{state.note.value}</p>}
    </section>
  );
}
