import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { elementScroll, measureElement, observeElementOffset, observeElementRect, type Virtualizer } from '@tanstack/virtual-core';
import type { PopupState } from '../lib/pages/popup-state';
import { useVirtualizer } from '../lib/pages/use-virtualizer';
import { AddressRow } from './AddressRow';

export interface AddressListProps {
  state: PopupState;
}

/** Collapsed row height; expanded rows are measured. */
const ROW_ESTIMATE = 58;
/** Used until the scroll box is laid out (and where layout reports 0, e.g. happy-dom). */
const FALLBACK_HEIGHT = 480;

const estimateSize = () => ROW_ESTIMATE;

function observeRectWithFallback(instance: Virtualizer<HTMLDivElement, HTMLDivElement>, cb: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width, height: FALLBACK_HEIGHT }));
}

function measureWithFallback(element: HTMLDivElement, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLDivElement, HTMLDivElement>) {
  return measureElement(element, entry, instance) || ROW_ESTIMATE;
}

/**
 * The current group's rows, virtualized with @tanstack/virtual-core so 10,000 addresses render as
 * the dozen that fit. Arrow keys move between rows; Space selects; Shift+Space selects a range.
 */
export function AddressList({ state }: AddressListProps) {
  const rows = state.visible.value;
  const selected = state.selected.value;
  const expanded = state.expanded.value;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(-1);

  // Every function handed to the virtualizer is stable (rows are read through a ref): a new function
  // each render would make it re-measure all rows, 10,000 of them, on every render.
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const stable = useRef({
    getScrollElement: () => scrollRef.current,
    getItemKey: (index: number) => rowsRef.current[index]?.address ?? index,
  }).current;
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: rows.length,
    getScrollElement: stable.getScrollElement,
    estimateSize,
    getItemKey: stable.getItemKey,
    overscan: 6,
    initialRect: { width: 400, height: FALLBACK_HEIGHT },
    scrollToFn: elementScroll,
    observeElementOffset,
    observeElementRect: observeRectWithFallback,
    measureElement: measureWithFallback,
  });
  // A new group or search starts at the top.
  useLayoutEffect(() => {
    virtualizer.scrollToOffset(0);
    setFocusIndex(-1);
  }, [state.group.value, state.query.value, state.sort.value]);

  useLayoutEffect(() => {
    if (focusIndex < 0) return;
    const box = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"] .row-check`);
    if (box && document.activeElement !== box) box.focus();
  });

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    const jump = event.key === 'Home' ? 0 : event.key === 'End' ? rows.length - 1 : -1;
    if (!step && jump < 0) return;
    event.preventDefault();
    const current = Number((document.activeElement?.closest('[data-index]') as HTMLElement | null)?.dataset.index ?? focusIndex);
    const next = jump >= 0 ? jump : Math.max(0, Math.min(rows.length - 1, (Number.isNaN(current) ? -1 : current) + step));
    virtualizer.scrollToIndex(next);
    setFocusIndex(next);
  };

  const items = virtualizer.getVirtualItems();
  // Rows come a page at a time: ask for the pages the visible rows are on (fetched ones are skipped).
  const firstItem = items[0]?.index ?? 0;
  const lastItem = items[items.length - 1]?.index ?? 0;
  useLayoutEffect(() => {
    if (rows.length > 0) state.ensureRows(firstItem, lastItem);
  }, [firstItem, lastItem, rows.length, state]);
  return (
    <div
      class="address-list"
      ref={scrollRef}
      id="address-panel"
      role="tabpanel"
      aria-labelledby={`tab-${state.group.value}`}
      data-testid="address-list"
      data-count={rows.length}
      onKeyDown={onKeyDown}
    >
      <div class="address-list-inner" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {items.map((item) => {
          const summary = rows[item.index];
          if (!summary) {
            return (
              <div key={item.key} data-index={item.index} class="virtual-row row-loading" style={{ transform: `translateY(${item.start}px)`, height: `${ROW_ESTIMATE}px` }} aria-busy="true">
                Loading…
              </div>
            );
          }
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              class="virtual-row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <AddressRow
                summary={summary}
                selected={selected.has(summary.address)}
                expanded={expanded.has(summary.address)}
                onToggle={state.toggle}
                onToggleExpanded={state.toggleExpanded}
                now={state.now}
                locale={state.locale}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
