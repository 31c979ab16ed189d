import type { PopupState } from '../lib/pages/popup-state';
import { SORTS, type SortKey } from '../lib/pages/groups';

export interface SearchBarProps {
  state: PopupState;
}

/** Filter by address or domain, and choose the order. */
export function SearchBar({ state }: SearchBarProps) {
  return (
    <div class="search-bar" data-testid="search-bar">
      <input
        type="search"
        placeholder="Search address or domain"
        aria-label="Search address or domain"
        data-testid="search"
        value={state.query.value}
        onInput={(event) => (state.query.value = (event.currentTarget as HTMLInputElement).value)}
      />
      <label class="sort">
        <span>Sort</span>
        <select
          data-testid="sort"
          value={state.sort.value}
          onChange={(event) => (state.sort.value = (event.currentTarget as HTMLSelectElement).value as SortKey)}
        >
          {SORTS.map((sort) => (
            <option key={sort.id} value={sort.id}>
              {sort.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
