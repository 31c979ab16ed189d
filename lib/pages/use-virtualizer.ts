/**
 * A Preact hook around @tanstack/virtual-core's Virtualizer, shaped like the official framework
 * adapters. TanStack ships no Preact adapter, and @tanstack/react-virtual would need preact/compat
 * in the popup for two calls. Those two calls, `_didMount()` (after the first render) and
 * `_willUpdate()` (after every render), are the lifecycle hooks that each official adapter
 * (react-virtual's useVirtualizerBase, vue-virtual, lit-virtual) makes on the core: underscored, but
 * the core's contract with its adapters. They are made here only, nowhere else.
 */
import { useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import { Virtualizer, type VirtualizerOptions } from '@tanstack/virtual-core';

export function useVirtualizer<TScroll extends Element, TItem extends Element>(
  options: Omit<VirtualizerOptions<TScroll, TItem>, 'onChange'>,
): Virtualizer<TScroll, TItem> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  // A stable onChange: a new function each render would make the core re-measure every row.
  const onChange = useRef(() => rerender(0)).current;
  const ref = useRef<Virtualizer<TScroll, TItem> | null>(null);
  if (!ref.current) ref.current = new Virtualizer<TScroll, TItem>({ ...options, onChange });
  const virtualizer = ref.current;
  virtualizer.setOptions({ ...options, onChange });
  useLayoutEffect(() => virtualizer._didMount(), []);
  useLayoutEffect(() => virtualizer._willUpdate());
  return virtualizer;
}
