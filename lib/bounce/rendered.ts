/**
 * Derives what a webmail shows from a raw notice: subject, sender, and the human-readable body
 * (text/plain, or the text of text/html) without headers and without machine-readable parts
 * (message/delivery-status, the returned message). Used by `npm run classify -- --view rendered`
 * to measure the rendered-view path on the raw corpus.
 */
import type { RenderedNoticeInput } from './types';
import { readMessage } from './message';

export async function renderedViewOf(source: string | Uint8Array): Promise<RenderedNoticeInput> {
  const m = await readMessage({ view: 'raw', source });
  const out: RenderedNoticeInput = { view: 'rendered', subject: m.subject, from: m.fromRaw, text: m.text };
  if (m.date) out.date = m.date;
  return out;
}
