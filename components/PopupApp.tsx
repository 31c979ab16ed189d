import { useEffect, useLayoutEffect } from 'preact/hooks';
import type { PopupState } from '../lib/pages/popup-state';
import type { ExportFile } from '../lib/export';
import { GROUPS } from '../lib/pages/groups';
import { GroupTabs } from './GroupTabs';
import { SearchBar } from './SearchBar';
import { FilterBar } from './FilterBar';
import { SelectionBar } from './SelectionBar';
import { ExportMenu } from './ExportMenu';
import { AddressList } from './AddressList';
import { EmptyState } from './EmptyState';
import { ToastBar } from './ToastBar';
import { SweepPanel } from './SweepPanel';
import type { SweepPopupState } from '../lib/pages/sweep-state';
import { plural } from '../lib/vocabulary';

export interface PopupAppProps {
  state: PopupState;
  download: (file: ExportFile) => void | Promise<void>;
  copy: (text: string) => Promise<void>;
  onOpenOptions?: () => void;
  /** Called once the first data is in the DOM (layout effect), and once it has been painted (effect). */
  onFirstCommit?: () => void;
  onFirstRender?: () => void;
  /** Shown in its own tab (entrypoints/list): no link to open the full list. */
  fullPage?: boolean;
  /** The sweep control's state (issue #11); without it the popup shows no sweep control. */
  sweep?: SweepPopupState;
}

/** The popup: groups, search, the checklist and its actions. */
export function PopupApp({ state, download, copy, onOpenOptions, onFirstCommit, onFirstRender, fullPage = false, sweep }: PopupAppProps) {
  useEffect(() => {
    void state.start();
  }, [state]);
  const status = state.status.value;
  useLayoutEffect(() => {
    if (status !== 'loading') onFirstCommit?.();
  }, [status === 'loading']);
  useEffect(() => {
    if (status !== 'loading') onFirstRender?.();
  }, [status === 'loading']);

  const total = state.onRecord.value;
  const rows = state.visible.value;
  const group = state.group.value;
  const hint = GROUPS.find((info) => info.id === group)?.hint ?? '';

  return (
    <div class="popup" data-testid="popup" data-status={status}>
      <header class="popup-header">
        <h1>Bounce Sweeper</h1>
        <a class="link" href="/clean-list.html" target="_blank" rel="noopener" data-testid="open-clean-list">Clean my list</a>
        <span class="header-links">
        {!fullPage && (
          <a class="link" href="/list.html" target="_blank" rel="noopener" data-testid="open-full-list">
            Full list
          </a>
        )}
        {onOpenOptions && (
          <button type="button" class="link" data-testid="open-options" onClick={onOpenOptions}>
            Settings
          </button>
        )}
        </span>
      </header>
      {status === 'loading' && <p class="loading" data-testid="loading">Loading…</p>}
      {status === 'error' && (
        <p class="error" role="alert" data-testid="load-error">
          Could not read the list: {state.error.value}{' '}
          <button type="button" onClick={() => void state.load()}>Retry</button>
        </p>
      )}
      {status === 'ready' && state.unverified.value > 0 && (
        <p class="unverified-note" role="status" data-testid="unverified-note">
          {plural(state.unverified.value, 'notice was', 'notices were')} not counted: {state.unverified.value === 1 ? 'it' : 'they'} could not be tied to mail you sent.{' '}
          {onOpenOptions && (
            <button type="button" class="link" data-testid="review-unverified" onClick={onOpenOptions}>
              Review
            </button>
          )}
        </p>
      )}
      {status === 'ready' && total === 0 && <EmptyState kind="new-user" group={group} onOpenOptions={onOpenOptions} />}
      {status === 'ready' && total > 0 && (
        <>
          <GroupTabs state={state} />
          <p class="group-hint" data-testid="group-hint">{hint}</p>
          <SearchBar state={state} />
          {group === 'all' && <FilterBar state={state} />}
          <SelectionBar state={state}>
            <ExportMenu state={state} download={download} copy={copy} />
          </SelectionBar>
          {rows.length === 0 ? (
            <EmptyState kind={state.query.value.trim() ? 'no-match' : 'empty-group'} group={group} />
          ) : (
            <AddressList state={state} />
          )}
        </>
      )}
      {sweep && <SweepPanel state={sweep} />}
      <ToastBar state={state} />
    </div>
  );
}
