/**
 * Outlook on the web content script (isolated world): wiring only. The Outlook adapter knows the
 * DOM (lib/webmail/outlook/), the shared runtime does the badges, banners and compose warnings
 * (lib/webmail/runtime.ts). Hosts: exactly the four of issue 5 (lib/webmail/registry.ts).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { outlookAdapter } from '../lib/webmail/outlook/adapter';
import { matchPatterns } from '../lib/webmail/registry';
import { runWebmail } from '../lib/webmail/runtime';

export default defineContentScript({
  matches: matchPatterns('outlook'),
  runAt: 'document_idle',
  main(ctx) {
    runWebmail(ctx, outlookAdapter);
  },
});
