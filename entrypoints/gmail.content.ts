/**
 * Gmail content script (isolated world): wiring only. The Gmail adapter knows the DOM, the shared
 * runtime does the badges, banners and compose warnings (lib/webmail/runtime.ts).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createGmailAdapter } from '../lib/webmail/gmail/adapter';
import { matchPatterns } from '../lib/webmail/registry';
import { runWebmail } from '../lib/webmail/runtime';

export default defineContentScript({
  matches: matchPatterns('gmail'),
  runAt: 'document_idle',
  main(ctx) {
    runWebmail(ctx, createGmailAdapter());
  },
});
