import { useEffect } from 'preact/hooks';
import type { PopupState } from '../lib/pages/popup-state';
import type { ListFilter } from '../lib/messaging';
import { describeReason, describeWebmail } from '../lib/vocabulary';
import type { Reason } from '../lib/bounce/types';

export interface FilterBarProps {
  state: PopupState;
}

/** "gmail:me@example.com" → "Gmail, me@example.com"; "import" → "an imported file". */
function sourceLabel(source: string): string {
  const at = source.indexOf(':');
  const webmail = at < 0 ? source : source.slice(0, at);
  return at < 0 ? describeWebmail(webmail) : `${describeWebmail(webmail)}, ${source.slice(at + 1)}`;
}

/** The All view's filters: where the bounces were seen, of which kind, why, and when the last one was. */
export function FilterBar({ state }: FilterBarProps) {
  useEffect(() => {
    if (!state.filterOptions.value) void state.loadFilterOptions();
  }, [state]);
  const filter = state.filter.value;
  const options = state.filterOptions.value ?? { sources: [], reasons: [] };
  const set = (change: Partial<ListFilter>) => {
    state.filter.value = { ...filter, ...change };
  };
  return (
    <div class="filter-bar" data-testid="filter-bar">
      <label>
        <span class="visually-hidden">Seen in</span>
        <select data-testid="filter-source" value={filter.source ?? ''} onChange={(event) => set({ source: (event.currentTarget as HTMLSelectElement).value || undefined })}>
          <option value="">Anywhere</option>
          {options.sources.map((source) => (
            <option key={source} value={source}>
              {sourceLabel(source)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span class="visually-hidden">Kind</span>
        <select data-testid="filter-kind" value={filter.kind ?? ''} onChange={(event) => set({ kind: ((event.currentTarget as HTMLSelectElement).value || undefined) as ListFilter['kind'] })}>
          <option value="">Any kind</option>
          <option value="hard">Hard bounces</option>
          <option value="soft">Soft bounces</option>
          <option value="sender">Sender problems</option>
          <option value="undetermined">Unclear</option>
        </select>
      </label>
      <label>
        <span class="visually-hidden">Reason</span>
        <select data-testid="filter-reason" value={filter.reason ?? ''} onChange={(event) => set({ reason: (event.currentTarget as HTMLSelectElement).value || undefined })}>
          <option value="">Any reason</option>
          {options.reasons.map((reason) => (
            <option key={reason} value={reason}>
              {describeReason(reason as Reason)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Last bounce from{' '}
        <input type="date" data-testid="filter-from" value={filter.from ?? ''} onChange={(event) => set({ from: (event.currentTarget as HTMLInputElement).value || undefined })} />
      </label>
      <label>
        to <input type="date" data-testid="filter-to" value={filter.to ?? ''} onChange={(event) => set({ to: (event.currentTarget as HTMLInputElement).value || undefined })} />
      </label>
    </div>
  );
}
