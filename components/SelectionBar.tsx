import { formatCount } from '../lib/vocabulary';
import type { ComponentChildren } from 'preact';
import type { PopupState } from '../lib/pages/popup-state';

export interface SelectionBarProps {
  state: PopupState;
  children?: ComponentChildren;
}

/** Select all in the group, then act on the selection: mark removed, keep anyway, or move back. */
export function SelectionBar({ state, children }: SelectionBarProps) {
  const rows = state.visible.value;
  const chosen = state.selected.value.size;
  const all = rows.length > 0 && chosen >= rows.length;
  const group = state.group.value;
  const busy = state.busy.value;
  return (
    <div class="selection-bar" data-testid="selection-bar">
      <label class="select-all">
        <input
          type="checkbox"
          data-testid="select-all"
          checked={all}
          indeterminate={chosen > 0 && !all}
          disabled={rows.length === 0}
          onChange={() => void state.selectAll(!all)}
        />
        <span data-testid="selection-count">{chosen > 0 ? `${formatCount(chosen)} selected` : 'Select all'}</span>
      </label>
      <div class="actions">
        {group !== 'done' && group !== 'sender' && (
          <button type="button" data-testid="mark-removed" disabled={chosen === 0 || busy} onClick={() => state.decide('removed')}>
            Mark removed
          </button>
        )}
        {group !== 'kept' && group !== 'done' && (
          <button type="button" data-testid="keep" disabled={chosen === 0 || busy} onClick={() => state.decide('kept')}>
            Keep anyway
          </button>
        )}
        {(group === 'done' || group === 'kept') && (
          <button type="button" data-testid="undo-decision" disabled={chosen === 0 || busy} onClick={() => state.decide('none')}>
            Undo
          </button>
        )}
      </div>
      {children}
    </div>
  );
}
