import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
// The webmails we read: exactly their hosts and nothing broader (one list, lib/webmail/registry.ts).
import { WEBMAIL_MATCHES } from './lib/webmail/registry';


export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Bounce Sweeper',
    description:
      'Spots bounce notices in Gmail and Outlook on the web, tells hard from soft bounces, and keeps a local list of addresses to remove. Nothing leaves your browser.',
    // storage: settings; unlimitedStorage: years of bounce history in IndexedDB.
    permissions: ['storage', 'unlimitedStorage'],
    host_permissions: [...WEBMAIL_MATCHES],
    action: { default_title: 'Bounce Sweeper' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'bounce-sweeper@example.com', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['.output/**', 'node_modules/**', 'coverage/**', 'test-results/**'],
  },
});
