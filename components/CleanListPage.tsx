import type { CleanFile, CleanListState } from '../lib/clean-list/page-state';
import { plural } from '../lib/vocabulary';
import { CleanListInput } from './CleanListInput';
import { CleanListColumnPicker } from './CleanListColumnPicker';
import { CleanListResults } from './CleanListResults';

export interface CleanListPageProps {
  state: CleanListState;
  /** Saves one of the three files (the page: a download). Injected so tests can capture it. */
  save: (file: CleanFile) => void;
}

/** Clean my list: the user's own list in, the same list with a status column, cleaned, and the removals out. */
export function CleanListPage({ state, save }: CleanListPageProps) {
  const phase = state.phase.value;
  const summary = state.summary.value;
  return (
    <main class="options clean-list" data-testid="clean-list" data-phase={phase}>
      <h1>Clean my list</h1>
      <p class="summary">
        Drop in your own list (a CRM export, a Mailchimp audience export, Google Contacts or Outlook contacts, a mail-merge
        sheet saved as CSV) or paste addresses. Each row gets a status from the addresses Bounce Sweeper has on record. The
        list is read here in your browser and never uploaded.
      </p>
      <CleanListInput state={state} />
      {(phase === 'reading' || phase === 'cleaning') && (
        <p class="message" role="status" data-testid="clean-list-busy">
          {phase === 'reading' ? 'Reading the list…' : 'Checking the addresses…'}
        </p>
      )}
      {phase === 'error' && (
        <p class="message error" role="alert" data-testid="clean-list-error">
          {state.error.value}
        </p>
      )}
      {summary && (
        <section class="panel" data-testid="clean-list-summary" aria-labelledby="clean-list-read">
          <h2 id="clean-list-read">{state.name.value}</h2>
          <p class="hint" data-testid="clean-list-shape">
            {plural(summary.rows, 'row', 'rows')} · {summary.columns.length > 1 ? describeDelimiter(summary.delimiter) : 'one column'} · {describeEncoding(summary.encoding, summary.bom)}
            {summary.hasHeader ? '' : ' · no header row'}
          </p>
          {summary.problems.length > 0 && <p class="hint error">{summary.problems.join('; ')}</p>}
          <CleanListColumnPicker state={state} />
        </section>
      )}
      <CleanListResults state={state} save={save} />
    </main>
  );
}

function describeDelimiter(delimiter: string): string {
  return { ',': 'comma-separated', ';': 'semicolon-separated', '\t': 'tab-separated', '|': 'pipe-separated' }[delimiter] ?? 'one column';
}

function describeEncoding(encoding: string, bom: boolean): string {
  const name = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', 'windows-1252': 'Windows-1252' }[encoding] ?? encoding;
  return `${name}${bom ? ' with BOM' : ''} (the files come back the same way)`;
}
