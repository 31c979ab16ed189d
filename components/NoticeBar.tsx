import type { PopupState } from '../lib/ui/popup-state';

export interface NoticeBarProps {
  state: PopupState;
}

/** The last thing that happened, with its follow-up (Undo, Mark removed). Announced politely. */
export function NoticeBar({ state }: NoticeBarProps) {
  const notice = state.notice.value;
  return (
    <div class="notice-bar" role="status" aria-live="polite" data-testid="notice">
      {notice && (
        <>
          <span>{notice.text}</span>
          {notice.action && (
            <button type="button" data-testid="notice-action" disabled={state.busy.value} onClick={() => notice.action!.run()}>
              {notice.action.label}
            </button>
          )}
          <button type="button" class="dismiss" aria-label="Dismiss" onClick={() => (state.notice.value = null)}>
            ×
          </button>
        </>
      )}
    </div>
  );
}
