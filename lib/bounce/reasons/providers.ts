/**
 * Who reported it: the mail providers whose own documented replies the reason tables carry
 * (PhraseTable.replies), each named by the hosts that answer for it and the mailbox domains it
 * serves. A reply row without a reply code and status applies only when the failure was reported
 * by, or addressed to, that provider: its words are the provider's template, not a phrase any
 * server might write.
 *
 * Host lists after Sisimai's remote-host classes (go-sisimai rhost/lib.go RhostClass,
 * BSD-2-Clause), with each provider's own mailbox domains added for the recipient side.
 */
export const PROVIDERS = {
  apple: ['mail.icloud.com', 'apple.com', 'me.com', 'icloud.com', 'mac.com'],
  google: ['aspmx.l.google.com', 'gmail-smtp-in.l.google.com', 'google.com', 'googlemail.com', 'gmail.com'],
  kddi: ['ezweb.ne.jp', 'msmx.au.com', 'au.com'],
  microsoft: ['prod.outlook.com', 'protection.outlook.com', 'onmicrosoft.com', 'exchangelabs.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com'],
  mimecast: ['mimecast.com'],
  nttdocomo: ['mfsmax.docomo.ne.jp', 'docomo.ne.jp'],
  tencent: ['qq.com', 'foxmail.com'],
  yahoo: ['yahoodns.net', 'yahoo.com', 'yahoo.co.uk', 'ymail.com', 'rocketmail.com', 'aol.com', 'aol.jp'],
} as const satisfies Record<string, readonly string[]>;

export type Provider = keyof typeof PROVIDERS;

/** Is `host` (a host name or a mailbox domain, lowercase) one of the provider's, or under one? */
function isUnder(host: string, domains: readonly string[]): boolean {
  for (const d of domains) if (host === d || (host.length > d.length && host.endsWith(d) && host.charCodeAt(host.length - d.length - 1) === 46)) return true;
  return false;
}

/** The providers a failure was reported by (the remote MTA) or addressed to (the recipient's domain). */
export function providersOf(remoteMta: string, recipient: string): ReadonlySet<Provider> {
  const out = new Set<Provider>();
  const host = hostOf(remoteMta);
  const at = recipient.lastIndexOf('@');
  const domain = at >= 0 ? recipient.slice(at + 1).toLowerCase() : '';
  for (const name of Object.keys(PROVIDERS) as Provider[]) {
    const domains = PROVIDERS[name];
    if ((host !== '' && isUnder(host, domains)) || (domain !== '' && isUnder(domain, domains))) out.add(name);
  }
  return out;
}

/** "dns; mx1.example.com [192.0.2.1]" → "mx1.example.com". */
function hostOf(remoteMta: string): string {
  let v = remoteMta.trim().toLowerCase();
  const semi = v.indexOf(';');
  if (semi >= 0) v = v.slice(semi + 1).trim();
  let end = 0;
  while (end < v.length && v[end] !== ' ' && v[end] !== '[' && v[end] !== '(') end++;
  v = v.slice(0, end);
  return v.endsWith('.') ? v.slice(0, -1) : v;
}
