import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { classifyNotice } from '../lib/bounce/classify';
import { createBadgeUpdater, type BadgeAction } from '../lib/background/badge';
import { createHandlers } from '../lib/background/handlers';
import { registerMessageHandlers } from '../lib/background/router';
import { TallyStore } from '../lib/store/tally';

export default defineBackground(() => {
  // MV3 may stop this worker at any time: listeners are registered synchronously here (so a
  // message that wakes the worker is delivered), and every state lives in IndexedDB.
  const store = new TallyStore();
  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const action: BadgeAction | undefined = browser.action ?? browser.browserAction;
  const refreshBadge = createBadgeUpdater(store, action);
  const handlers = createHandlers({ store, classify: classifyNotice, onTallyChanged: () => void refreshBadge() });
  // The worker's own origin is the extension's (chrome-extension://<id>, moz-extension://<uuid>).
  registerMessageHandlers(handlers, { id: browser.runtime.id, origin: `${self.location.origin}/` });
  // Soft bounces expire with time, not only with messages: recount whenever the worker starts.
  void refreshBadge();
  // First run: explain the three kinds and what the extension reads (not on updates or reloads).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: '/welcome.html' }); // relative: resolved against the extension's origin
  });
});
