/**
 * The browser tests' check that a fake webmail page and the extension's selector table agree: each
 * name a view of the fake is meant to exercise must be matched by the NEWEST variant of its name.
 * A fixture edit that drops that markup, or a new variant the fakes do not show yet, fails here
 * first, naming the selector (README "Fix a selector").
 */
import type { Page } from 'playwright-core';
import type { ExtensionSession } from './browser';
import { newestVariant, type SelectorTable } from '../../lib/webmail/selector-table';

/** One line per name whose newest variant matches nothing on the page now ([] when all match). */
export async function newestVariantMisses(page: Page, table: SelectorTable, names: readonly string[], view: string): Promise<string[]> {
  const wanted = names.map((name) => ({ name, ...newestVariant(table, name) }));
  const found = await page.evaluate((list) => list.map((css) => document.querySelector(css) !== null), wanted.map((variant) => variant.css));
  return wanted
    .filter((_, index) => !found[index])
    .map(
      ({ name, css, since }) =>
        `${view} view: "${name}" is not matched by its newest variant ${css} (${since}); the fake page or its fixture and the selector table disagree`,
    );
}

/** Names of the table that neither a view exercises nor the fake says it leaves out. */
export function namesNotCovered(table: SelectorTable, views: Readonly<Record<string, readonly string[]>>, leftOut: Readonly<Record<string, string>>): string[] {
  const covered = new Set([...Object.values(views).flat(), ...Object.keys(leftOut)]);
  return Object.keys(table).filter((name) => !covered.has(name));
}

/**
 * The options page's "Webmail check" line matching `item`, reopening the page until the report has
 * reached the background (the content script sends it after its pass; no fixed sleep).
 */
export async function diagnosticsLine(session: ExtensionSession, item: string): Promise<{ state: string | null; text: string }> {
  for (let attempt = 0; ; attempt++) {
    const options = await session.openExtensionPage('options.html');
    try {
      const found = options.locator(`[data-testid="selector-diagnostics"] ${item}`);
      await options.locator('[data-testid="selector-diagnostics"]').waitFor({ timeout: 15_000 });
      if ((await found.count()) === 1) return { state: await found.getAttribute('data-state'), text: (await found.textContent()) ?? '' };
      if (attempt >= 20) return { state: null, text: `no ${item} on the options page` };
    } finally {
      await options.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
