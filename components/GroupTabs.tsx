import { formatCount } from '../lib/vocabulary';
import type { PopupState } from '../lib/pages/popup-state';
import { GROUPS, type GroupId } from '../lib/pages/groups';

export interface GroupTabsProps {
  state: PopupState;
}

/** One tab per group with its count; arrow keys move between tabs (WAI-ARIA tabs pattern). */
export function GroupTabs({ state }: GroupTabsProps) {
  const counts = state.counts.value;
  const current = state.group.value;
  const move = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = GROUPS[(index + step + GROUPS.length) % GROUPS.length]!;
    state.setGroup(next.id);
    (event.currentTarget as HTMLElement).parentElement?.querySelector<HTMLElement>(`[data-group="${next.id}"]`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label="Address groups" data-testid="group-tabs">
      {GROUPS.map((info, index) => (
        <button
          key={info.id}
          type="button"
          role="tab"
          id={`tab-${info.id}`}
          aria-controls="address-panel"
          aria-selected={current === info.id}
          tabIndex={current === info.id ? 0 : -1}
          class={`tab tab-${info.id}`}
          data-group={info.id}
          data-testid={`group-tab-${info.id}`}
          onClick={() => state.setGroup(info.id as GroupId)}
          onKeyDown={(event) => move(event, index)}
        >
          {info.label} <span class="count" data-testid="group-count">{formatCount(counts[info.id])}</span>
        </button>
      ))}
    </div>
  );
}
