/**
 * Gmail page world (world: 'MAIN'): copies the account key (GLOBALS[9], "ik") and the signed-in
 * address (GLOBALS[10]) onto <html> attributes for the isolated content script, which validates them
 * (lib/webmail/gmail/page-info.ts). Runs at document_start because Gmail's embedded data must be
 * caught as the page boots (gmail.js README), and polls briefly until GLOBALS exists. Nothing else:
 * this world has the page's powers and none of the extension's.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { matchPatterns } from '../lib/webmail/registry';
import { IK_ATTRIBUTE, USER_ATTRIBUTE, isValidEmail, isValidIk } from '../lib/webmail/gmail/page-info';

export default defineContentScript({
  matches: matchPatterns('gmail'),
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    const started = Date.now();
    // Firefox's MV2 build ignores world: 'MAIN' and runs this in the isolated world, where the page's
    // variables are reached through wrappedJSObject (MDN "Sharing objects with page scripts").
    const pageWindow = (window as unknown as { wrappedJSObject?: unknown }).wrappedJSObject ?? window;
    const publish = (): boolean => {
      const globals = (pageWindow as { GLOBALS?: unknown }).GLOBALS;
      if (!Array.isArray(globals)) return false;
      const ik: unknown = globals[9];
      const user: unknown = globals[10];
      if (isValidIk(ik)) document.documentElement.setAttribute(IK_ATTRIBUTE, ik);
      if (isValidEmail(user)) document.documentElement.setAttribute(USER_ATTRIBUTE, user.toLowerCase());
      return true;
    };
    if (publish()) return;
    const timer = setInterval(() => {
      if (publish() || Date.now() - started > 30_000) clearInterval(timer);
    }, 100);
  },
});
