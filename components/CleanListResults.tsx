import type { CleanFile, CleanFileKind, CleanListState } from '../lib/clean-list/page-state';
import { formatCount, plural } from '../lib/vocabulary';

export interface CleanListResultsProps {
  state: CleanListState;
  save: (file: CleanFile) => void;
}

const FILES: ReadonlyArray<{ kind: CleanFileKind; label: string; hint: string }> = [
  { kind: 'annotated', label: 'Your list with a status column', hint: 'every row and column as it was, plus “Bounce Sweeper status”' },
  { kind: 'cleaned', label: 'The cleaned list', hint: 'without the addresses to remove, to import back into your tool' },
  { kind: 'removal', label: 'The addresses to remove', hint: 'the rows to delete or unsubscribe in your tool' },
];

/** What the check found, and the three files. */
export function CleanListResults({ state, save }: CleanListResultsProps) {
  const outcome = state.outcome.value;
  if (!outcome || state.phase.value !== 'done') return null;
  const { counts } = outcome;
  return (
    <section class="panel" data-testid="clean-list-results" data-timings={JSON.stringify(outcome.timings)} aria-labelledby="clean-list-results-heading">
      <h2 id="clean-list-results-heading">Result</h2>
      <p data-testid="clean-list-counts">
        {plural(counts.remove, 'row', 'rows')} to remove · {plural(counts.sender, 'sender problem', 'sender problems')} · {formatCount(counts.watch)} to watch ·{' '}
        {formatCount(counts.ok)} ok{counts.none ? ` · ${plural(counts.none, 'row', 'rows')} without an address` : ''}
        {counts.partial ? ` · ${plural(counts.partial, 'address', 'addresses')} taken out of cells that hold others` : ''}
      </p>
      <p class="hint">
        Checked against the {plural(state.onRecord.value, 'address', 'addresses')} on record to remove, to watch or with a sender problem. A sender problem is not the recipient’s
        fault: it stays in the cleaned list.
      </p>
      <ul class="clean-list-files">
        {FILES.map(({ kind, label, hint }) => (
          <li key={kind}>
            <button type="button" class="primary" data-testid={`clean-list-download-${kind}`} onClick={() => save(outcome.files[kind])}>
              {label}
            </button>{' '}
            <span class="hint">
              {outcome.files[kind].filename}: {hint}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
