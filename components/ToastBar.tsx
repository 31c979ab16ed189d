import type { PopupState } from '../lib/pages/popup-state';

export interface ToastBarProps {
  state: PopupState;
}

/** A toast: the last thing that happened, with its follow-up (Undo, Mark removed). Announced politely. */
export function ToastBar({ state }: ToastBarProps) {
  const toast = state.toast.value;
  return (
    <div class="toast-bar" role="status" aria-live="polite" data-testid="toast">
      {toast && (
        <>
          <span>{toast.text}</span>
          {toast.action && (
            <button type="button" data-testid="toast-action" disabled={state.busy.value} onClick={() => toast.action!.run()}>
              {toast.action.label}
            </button>
          )}
          <button type="button" class="dismiss" aria-label="Dismiss" onClick={() => (state.toast.value = null)}>
            ×
          </button>
        </>
      )}
    </div>
  );
}
