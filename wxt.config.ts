import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
// The webmails we read: exactly their hosts and nothing broader (one list, lib/webmail/registry.ts).
import { WEBMAIL_MATCHES } from './lib/webmail/registry';


const ICON_SIZES = [16, 32, 48, 128] as const;
const ICONS = Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`]));

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Bounce Sweeper',
    description:
      'Spots bounce notices in Gmail and Outlook on the web, tells hard from soft bounces, and keeps a local list of addresses to remove. Nothing leaves your browser.',
    // unlimitedStorage: years of bounce history in IndexedDB (which needs no permission of its own).
    // Nothing else: no `storage` (every record is in IndexedDB), no `tabs`, no broad host access.
    permissions: ['unlimitedStorage'],
    host_permissions: [...WEBMAIL_MATCHES],
    // `icons` come from public/icon/<size>.png (WXT finds them); the toolbar button uses the same.
    action: { default_title: 'Bounce Sweeper', default_icon: ICONS },
    ...(browser === 'firefox'
      ? {
          // Firefox draws the toolbar with the user's theme: the dark variant goes on light toolbars'
          // opposite (theme_icons: `light` is the icon for dark themes).
          browser_action: {
            default_title: 'Bounce Sweeper',
            default_icon: ICONS,
            theme_icons: ICON_SIZES.map((size) => ({ size, dark: `icon/${size}.png`, light: `icon-dark/${size}.png` })),
          },
          browser_specific_settings: {
            gecko: {
              id: 'bounce-sweeper@example.com',
              // 140 (the current ESR) is the first Firefox that reads data_collection_permissions.
              strict_min_version: '140.0',
              // Nothing is collected or transmitted: every record stays in the browser (docs/privacy.md).
              // Required of new add-ons on addons.mozilla.org since 3 Nov 2025 (MDN browser_specific_settings).
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['.output/**', 'node_modules/**', 'coverage/**', 'test-results/**'],
  },
});
