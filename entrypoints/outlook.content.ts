/**
 * Outlook on the web content script (isolated world): wiring only. The Outlook adapter knows the
 * DOM (lib/webmail/outlook/), the shared runtime does the badges, banners and compose warnings
 * (lib/webmail/runtime.ts). Hosts: exactly the four of issue 5 (lib/webmail/registry.ts).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { outlookAdapter } from '../lib/webmail/outlook/adapter';
import { matchPatterns } from '../lib/webmail/registry';
import { runWebmail } from '../lib/webmail/runtime';
import { mountSweep } from '../lib/webmail/sweep/mount';
import { createOutlookSweepSource } from '../lib/webmail/sweep/outlook';
import { createOutlookTidy } from '../lib/webmail/outlook/tidy';
import { gapFromUrl } from '../lib/webmail/gmail/show-original';

export default defineContentScript({
  matches: matchPatterns('outlook'),
  runAt: 'document_idle',
  main(ctx) {
    const runtime = runWebmail(ctx, outlookAdapter);
    const sleep = (ms: number) => new Promise<void>((resolve) => ctx.setTimeout(resolve, ms));
    // The sweep opens notices no faster than Gmail's limit; the test hook (README "Sweeping") may shorten it.
    const tidy = createOutlookTidy({ sleep, gapMs: gapFromUrl(location.href) });
    mountSweep(ctx, createOutlookSweepSource({ adapter: outlookAdapter, sleep, minGapMs: gapFromUrl(location.href) }), { runtime, tidy });
  },
});
