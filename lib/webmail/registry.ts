/**
 * The webmails Bounce Sweeper reads, one line each, and the one list of their hosts: the manifest's
 * host permissions and content-script matches (wxt.config.ts, entrypoints/*.content.ts) and the
 * background's trust rule (lib/messaging.ts senderRole) all derive from `hosts` here, so a host
 * cannot be granted in one place and trusted or refused in another. Pure data: no DOM, no browser.
 *
 * A content-script entrypoint takes its match patterns from here and imports its own adapter
 * directly (so the Gmail bundle does not carry Outlook's code and back).
 */

export interface WebmailEntry {
  /** Also the adapter's folder: lib/webmail/<id>/. */
  readonly id: string;
  /** What users read ("seen in Gmail"). */
  readonly name: string;
  /** Exact https hosts, nothing broader (issue #5): no wildcard subdomains. */
  readonly hosts: readonly string[];
}

export const WEBMAILS = {
  gmail: { id: 'gmail', name: 'Gmail', hosts: ['mail.google.com'] },
  outlook: {
    id: 'outlook',
    name: 'Outlook on the web',
    hosts: ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft'],
  },
} as const satisfies Record<string, WebmailEntry>;

/** A webmail a content script runs in. */
export type RegisteredWebmailId = keyof typeof WEBMAILS;

/** The match patterns of one webmail (content-script `matches`). */
export function matchPatterns(webmail: RegisteredWebmailId): string[] {
  return WEBMAILS[webmail].hosts.map((host) => `https://${host}/*`);
}

/** Every webmail's match patterns: the manifest's host permissions. */
export const WEBMAIL_MATCHES: readonly string[] = (Object.keys(WEBMAILS) as RegisteredWebmailId[]).flatMap(matchPatterns);

/** Host → webmail. A Map, so a host named like an Object.prototype member finds nothing. */
export const WEBMAIL_HOSTS: ReadonlyMap<string, RegisteredWebmailId> = new Map(
  (Object.keys(WEBMAILS) as RegisteredWebmailId[]).flatMap((id) => WEBMAILS[id].hosts.map((host) => [host, id] as const)),
);
