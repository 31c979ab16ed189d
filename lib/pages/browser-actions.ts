/** The two side effects of an export, for extension pages (not used in tests: they inject their own). */
import type { ExportFile } from '../export';

/** Saves `file` through an object URL and a download link (works in extension popups and tabs). */
export function downloadFile(file: ExportFile): void {
  downloadBlob(new Blob([file.content], { type: file.mimeType }), file.filename);
}

/** Saves bytes as they are (Clean my list keeps the list's own encoding and BOM). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

/** Saves a text file under `filename` (backups). */
export function saveText(filename: string, content: string, mimeType = 'application/json'): void {
  downloadFile({ format: 'json', filename, mimeType, content, count: 0 });
}
