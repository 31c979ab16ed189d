/**
 * The webmails Bounce Sweeper reads: one line each. A content-script entrypoint takes its match
 * patterns from here and imports its own adapter directly (so the Gmail bundle does not carry
 * Outlook's code and back). Keep in step with WEBMAIL_MATCHES in wxt.config.ts (host permissions).
 */
import type { WebmailId } from '../messaging';

export interface WebmailEntry {
  id: Exclude<WebmailId, 'import'>;
  name: string;
  matches: string[];
}

export const WEBMAILS = {
  gmail: { id: 'gmail', name: 'Gmail', matches: ['https://mail.google.com/*'] },
  outlook: {
    id: 'outlook',
    name: 'Outlook on the web',
    matches: [
      'https://outlook.live.com/*',
      'https://outlook.office.com/*',
      'https://outlook.office365.com/*',
      'https://outlook.cloud.microsoft/*',
    ],
  },
} as const satisfies Record<string, WebmailEntry>;
