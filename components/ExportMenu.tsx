import { formatCount } from '../lib/vocabulary';
import { useState } from 'preact/hooks';
import type { PopupState } from '../lib/pages/popup-state';
import { EXPORT_FORMATS, type ExportFile, type ExportFormat } from '../lib/export';

export interface ExportMenuProps {
  state: PopupState;
  /** Saves the file (the popup: a download). Injected so tests can capture the file. */
  download: (file: ExportFile) => void | Promise<void>;
  /** Copies text (the popup: the clipboard). */
  copy: (text: string) => Promise<void>;
}

/** Pick a format, then download or copy; afterwards the popup offers to mark those addresses removed. */
export function ExportMenu({ state, download, copy }: ExportMenuProps) {
  const [format, setFormat] = useState<ExportFormat>('csv');
  const count = state.targetCount.value;
  const scope = state.selected.value.size > 0 ? 'selected' : 'in this group';

  const run = async (how: 'download' | 'copy') => {
    try {
      const addresses = await state.targetAddresses();
      const file = await state.exportFile(format);
      if (how === 'download') await download(file);
      else await copy(file.content.replace(/^\uFEFF/, ''));
      // Offer to mark removed only what the file holds (Mailgun's takes hard bounces only), and never
      // a sender problem or an address already removed, in whatever tab (All included).
      const removable = file.removable ? new Set(file.removable) : null;
      state.offerMarkRemoved(file, removable ? addresses.filter((address) => removable.has(address)) : addresses, how);
    } catch (reason) {
      state.toast.value = { text: `Export failed: ${reason instanceof Error ? reason.message : String(reason)}` };
    }
  };

  return (
    <div class="export-menu" data-testid="export-menu">
      <label>
        <span class="visually-hidden">Export format</span>
        <select
          data-testid="export-format"
          aria-label="Export format"
          value={format}
          onChange={(event) => setFormat((event.currentTarget as HTMLSelectElement).value as ExportFormat)}
        >
          {EXPORT_FORMATS.map((info) => (
            <option key={info.id} value={info.id} title={info.description}>
              {info.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" data-testid="export-download" disabled={count === 0} onClick={() => run('download')}
        title={`Download ${count} ${scope}`}>
        Export {formatCount(count)}
      </button>
      <button type="button" data-testid="export-copy" disabled={count === 0} onClick={() => run('copy')}
        title={`Copy ${count} ${scope} to the clipboard`}>
        Copy
      </button>
    </div>
  );
}
