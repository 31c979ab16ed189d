/**
 * Gmail content script (isolated world): wiring only. The Gmail adapter knows the DOM, the shared
 * runtime does the badges, banners and compose warnings (lib/webmail/runtime.ts), and the sweep
 * (lib/webmail/sweep/) reads the whole mailbox through the same polite "Show original" fetcher.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createGmailAdapter } from '../lib/webmail/gmail/adapter';
import { createGmailTidy } from '../lib/webmail/gmail/tidy';
import { ShowOriginalFetcher, gapFromUrl } from '../lib/webmail/gmail/show-original';
import { matchPatterns } from '../lib/webmail/registry';
import { runWebmail } from '../lib/webmail/runtime';
import { createGmailSweepSource } from '../lib/webmail/sweep/gmail';
import { mountSweep } from '../lib/webmail/sweep/mount';

export default defineContentScript({
  matches: matchPatterns('gmail'),
  runAt: 'document_idle',
  main(ctx) {
    // One fetcher for the page: opened notices and the sweep share its one-a-second spacing.
    const adapter = createGmailAdapter({ fetcher: new ShowOriginalFetcher({ minGapMs: gapFromUrl(location.href) }) });
    const runtime = runWebmail(ctx, adapter);
    const sleep = (ms: number) => new Promise<void>((resolve) => ctx.setTimeout(resolve, ms));
    const tidy = createGmailTidy({ adapter, sleep, gapMs: adapter.fetcher.minGapMs });
    mountSweep(ctx, createGmailSweepSource({ adapter, sleep }), { runtime, tidy });
  },
});
