/**
 * The popup's first question, in a module of its own so the popup's entry can ask it before the
 * rest of the popup (Preact, the components, the state) is loaded: the background answers while
 * the page loads its bundle (issue #12; scripts/bench/popup.ts measures both). ./popup-state.ts
 * uses the answer for its first load when nothing has changed the list since.
 */
/** One page of rows: what the popup and the full-page list ask for as the user scrolls. */
export const PAGE_SIZE = 100;

/** The list a new popup shows first: Remove, newest bounce first, no search, the first page. */
export const FIRST_LIST_REQUEST = { group: 'remove', query: '', sort: 'last', offset: 0, limit: PAGE_SIZE, filter: undefined } as const;
