/**
 * The one shape of a webmail's selectors (STYLE.md principle 5, after InboxSDK's date-keyed
 * selector sets) and the only code that runs them. Each webmail's selectors.ts is a SelectorTable:
 * every selector has a name, and each name lists its variants NEWEST FIRST, each with the day the
 * webmail shipped that markup (or the earliest dated source that shows it) and where that fact
 * comes from. tests/webmail/selector-tables.test.ts checks every table: dates real and in order,
 * every css valid, every name used by its adapter.
 *
 * Variants are tried in order and the first one that finds anything answers. When the answer came
 * from a variant OLDER than the newest of its name, the webmail is serving markup we have newer
 * knowledge of: that fact is kept (once per name) so the runtime can tell the background, and the
 * options page can say so (lib/webmail/runtime.ts, lib/background/selector-health.ts). Variants of
 * the same date are equally current alternatives (two layouts Outlook serves side by side) and
 * never count as old.
 */

/** A calendar day, YYYY-MM-DD. A vague source date is written as its first day ("2014-12" → 2014-12-01). */
export type IsoDay = `${number}-${number}-${number}`;

export interface SelectorVariant {
  readonly css: string;
  /** When the webmail shipped this markup, or the earliest dated source that shows it. */
  readonly since: IsoDay;
  /** Where the selector and its date come from (with the source's own wording when it gave only a month or a year). */
  readonly source: string;
}

/** Named variant lists, newest first. */
export type SelectorTable = Readonly<Record<string, readonly SelectorVariant[]>>;

/** A name that was answered only by a variant older than its newest one. */
export interface StaleSelector {
  readonly name: string;
  /** `since` of the variant that answered. */
  readonly matchedSince: IsoDay;
  /** `since` of the name's newest variant. */
  readonly newestSince: IsoDay;
}

/** The query helpers over one table; they remember which names only an older variant answered. */
export interface SelectorQueries<Name extends string> {
  /** First element a variant finds in `root` (variants in order); with `accept`, the first element it accepts. */
  queryFirst<T extends Element = HTMLElement>(root: ParentNode, name: Name, accept?: (element: T) => boolean): T | null;
  /** Everything the first variant that finds anything finds; `root` itself counts when it matches. */
  queryAll<T extends Element = HTMLElement>(root: ParentNode, name: Name): T[];
  /** Nearest ancestor-or-self a variant matches (variants in order). */
  closest<T extends Element = HTMLElement>(node: Element, name: Name): T | null;
  /** Every variant as one selector list, for "inside any of these" tests (`el.closest(anyOf(name))`). */
  anyOf(name: Name): string;
  /** Names answered only by an older variant so far, each once, in the order they were first seen. */
  stale(): StaleSelector[];
}

/** The newest variant of a name (the first): what the fake pages and browser tests are built from. */
export function newestVariant(table: SelectorTable, name: string): SelectorVariant {
  const newest = table[name]?.[0];
  if (!newest) throw new Error(`no selector named ${JSON.stringify(name)}`);
  return newest;
}

function isElement(node: ParentNode): node is Element {
  return (node as Node).nodeType === 1;
}

export function createSelectorQueries<Table extends SelectorTable>(table: Table): SelectorQueries<keyof Table & string> {
  type Name = keyof Table & string;
  const stale = new Map<string, StaleSelector>();
  const anyOfCache = new Map<string, string>();

  const variantsOf = (name: Name): readonly SelectorVariant[] => table[name] ?? [];

  /** Notes an answer from an older variant; the first one per name is the one kept. */
  function answered(name: Name, variant: SelectorVariant): void {
    const newest = variantsOf(name)[0];
    if (!newest || variant.since >= newest.since || stale.has(name)) return;
    stale.set(name, { name, matchedSince: variant.since, newestSince: newest.since });
  }

  return {
    queryFirst<T extends Element = HTMLElement>(root: ParentNode, name: Name, accept?: (element: T) => boolean): T | null {
      for (const variant of variantsOf(name)) {
        const found = accept ? [...root.querySelectorAll<T>(variant.css)].find(accept) : root.querySelector<T>(variant.css);
        if (found) {
          answered(name, variant);
          return found;
        }
      }
      return null;
    },

    queryAll<T extends Element = HTMLElement>(root: ParentNode, name: Name): T[] {
      for (const variant of variantsOf(name)) {
        const found = [...root.querySelectorAll<T>(variant.css)];
        if (isElement(root) && root.matches(variant.css)) found.unshift(root as T);
        if (found.length) {
          answered(name, variant);
          return found;
        }
      }
      return [];
    },

    closest<T extends Element = HTMLElement>(node: Element, name: Name): T | null {
      for (const variant of variantsOf(name)) {
        const found = node.closest<T>(variant.css);
        if (found) {
          answered(name, variant);
          return found;
        }
      }
      return null;
    },

    anyOf(name: Name): string {
      let css = anyOfCache.get(name);
      if (css === undefined) {
        css = variantsOf(name)
          .map((variant) => variant.css)
          .join(', ');
        anyOfCache.set(name, css);
      }
      return css;
    },

    stale: () => [...stale.values()],
  };
}
