import { useEffect } from 'preact/hooks';
import type { OptionsState } from '../lib/pages/options-state';
import type { WebmailSelectorHealth } from '../lib/messaging';
import { formatDay } from '../lib/vocabulary';

export interface SelectorDiagnosticsProps {
  state: OptionsState;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A selector's date as precisely as it is known: the tables write a source's "2014" as 2014-01-01
 * and "2014-12" as 2014-12-01 (lib/webmail/selector-table.ts), so those read "2014", "December 2014".
 */
export function describeLayoutDate(day: string): string {
  const [year = '', month = '', date = ''] = day.split('-');
  const monthName = MONTHS[Number(month) - 1] ?? '';
  if (date === '01' && month === '01') return year;
  if (date === '01') return `${monthName} ${year}`;
  return `${Number(date)} ${monthName} ${year}`;
}

/** One line per part a webmail page found only with an older layout. */
export function describeStale(entry: WebmailSelectorHealth, stale: WebmailSelectorHealth['stale'][number]): string {
  return `${entry.webmailName}: ${stale.what} matched only the layout of ${describeLayoutDate(stale.matchedSince)} (the newest known is from ${describeLayoutDate(stale.newestSince)}).`;
}

/**
 * "Webmail check" on the options page: whether the last Gmail / Outlook page could find what
 * Bounce Sweeper reads there with the newest layouts it knows. An old layout still works; saying
 * so early explains missing badges later.
 */
export function SelectorDiagnostics({ state }: SelectorDiagnosticsProps) {
  useEffect(() => {
    void state.loadDiagnostics();
  }, [state]);
  const reports = state.selectorHealth.value;
  if (reports === null) return null;
  const anyStale = reports.some((entry) => entry.stale.length > 0);
  return (
    <section class="panel" data-testid="selector-diagnostics" aria-labelledby="selector-diagnostics-heading">
      <h2 id="selector-diagnostics-heading">Webmail check</h2>
      {reports.length === 0 ? (
        <p class="hint" data-testid="selector-diagnostics-none">
          Open Gmail or Outlook on the web once: Bounce Sweeper then checks that it finds what it reads there.
        </p>
      ) : (
        <ul data-testid="selector-diagnostics-list">
          {reports.map((entry) =>
            entry.stale.length === 0 ? (
              <li key={entry.webmail} data-webmail={entry.webmail} data-state="current">
                {entry.webmailName}: everything was found with the newest layout Bounce Sweeper knows (checked {formatDay(entry.reportedAt)}).
              </li>
            ) : (
              entry.stale.map((stale) => (
                <li key={`${entry.webmail}:${stale.name}`} data-webmail={entry.webmail} data-state="old" data-name={stale.name}>
                  {describeStale(entry, stale)}
                </li>
              ))
            ),
          )}
        </ul>
      )}
      {anyStale && (
        <p class="hint" data-testid="selector-diagnostics-advice">
          Bounce Sweeper still works there. If badges or banners go missing, the webmail has changed its pages: an update of Bounce Sweeper
          should bring them back.
        </p>
      )}
    </section>
  );
}
