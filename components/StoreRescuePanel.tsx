import type { OptionsState } from '../lib/pages/options-state';

export interface StoreRescuePanelProps {
  state: OptionsState;
  save: (filename: string, content: string) => void;
}

/**
 * Shown when the data on disk was saved by a newer version of the extension (an older build was
 * installed over it): nothing else can work, so the page offers the one safe way forward.
 */
export function StoreRescuePanel({ state, save }: StoreRescuePanelProps) {
  return (
    <section class="panel rescue" data-testid="store-rescue" role="alert">
      <h2>Your data is from a newer version</h2>
      <p>
        A newer version of Bounce Sweeper saved your list, and this version cannot read it safely. Update the extension to
        keep using it. Or download it as a backup and start afresh here; restore that file after updating.
      </p>
      <button type="button" data-testid="store-rescue-button" onClick={() => void state.rescue(save)}>
        Download a backup and start afresh
      </button>
    </section>
  );
}
