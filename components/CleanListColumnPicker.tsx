import type { CleanListState } from '../lib/clean-list/page-state';

export interface CleanListColumnPickerProps {
  state: CleanListState;
}

/** Which column holds the addresses: found by its header or its content, and the user's to change. */
export function CleanListColumnPicker({ state }: CleanListColumnPickerProps) {
  const summary = state.summary.value;
  if (!summary) return null;
  const current = state.outcome.value?.column ?? summary.column;
  const busy = state.phase.value === 'reading' || state.phase.value === 'cleaning';
  return (
    <label class="row">
      Addresses are in the column
      <select
        data-testid="clean-list-column"
        value={current < 0 ? '' : String(current)}
        disabled={busy}
        onChange={(event) => void state.chooseColumn(Number((event.currentTarget as HTMLSelectElement).value))}
      >
        {current < 0 && <option value="">Choose…</option>}
        {summary.columns.map((name, index) => (
          <option key={index} value={String(index)}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
