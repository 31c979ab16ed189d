import { useEffect } from 'preact/hooks';
import type { OptionsState } from '../lib/pages/options-state';
import { describeStaleLayout, formatDay } from '../lib/vocabulary';

export interface SelectorDiagnosticsProps {
  state: OptionsState;
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
                  {describeStaleLayout(entry.webmailName, stale)}
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
