/**
 * Reads a message's raw RFC 5322 source through Gmail's own "Show original" page, from the content
 * script with the user's session (same origin, nothing leaves the browser):
 *   GET /mail/u/<n>/?ik=<ik>&view=om&permmsgid=msg-f:<decimal>   (or &th=<legacy hex id>)
 * The answer is an HTML page with the message HTML-escaped in <pre id="raw_message_text">
 * (webmail-dom.md §1.7; InboxSDK PR #230: "now returns HTML, so we got &lt; instead of <").
 *
 * Polite by construction: one request at a time, at least `minGapMs` (1 s) apart, at most `perMinute`
 * a minute for opened notices (InboxSDK gmailAjax.ts rate-limits its own Gmail requests the same way), and never the same
 * message twice: the first answer (or failure) is cached for the life of the tab.
 */

export interface ShowOriginalOptions {
  fetch?: typeof fetch;
  minGapMs?: number;
  perMinute?: number;
  /** Raw sources larger than this are not used (the rendered text is enough to classify). */
  maxBytes?: number;
  /** Give up on a request after this long. */
  timeoutMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface MessageRef {
  /** `msg-f:<decimal>` from data-message-id, or ''. */
  permId: string;
  /** 16-hex legacy id from data-legacy-message-id, or ''. */
  legacyId: string;
}

export class RawSourceError extends Error {}

/**
 * The id a "Show original" URL names a message by (issue #11): `permmsgid=msg-f:<decimal>` first,
 * else `th=<legacy hex message id>`; a client-side `msg-a:` id (a message just sent) has no msg-f
 * form and goes through `th=` as it is. `other`: the second form, tried once when Gmail says the
 * first does not exist. A thread id never reaches view=om: refs are built from message elements.
 */
export function idForm(ref: MessageRef, other = false): { param: 'permmsgid' | 'th'; value: string } | null {
  const perm = /^msg-f:\d{1,24}$/.test(ref.permId) ? ref.permId : '';
  const legacy = /^[0-9a-f]{12,20}$/.test(ref.legacyId) ? ref.legacyId : '';
  const draft = /^msg-a:[A-Za-z0-9_-]{1,40}$/.test(ref.permId) ? ref.permId : '';
  const forms = [
    ...(perm ? [{ param: 'permmsgid' as const, value: perm }] : []),
    ...(legacy ? [{ param: 'th' as const, value: legacy }] : []),
    ...(draft && !legacy ? [{ param: 'th' as const, value: draft }] : []),
  ];
  return forms[other ? 1 : 0] ?? null;
}

/** The "Show original" URL with the other id form, or null when there is none. */
export function otherShowOriginalUrl(origin: string, accountPath: string, ik: string, ref: MessageRef): string | null {
  const form = idForm(ref, true);
  if (!form) return null;
  const url = new URL(accountPath, origin);
  if (ik) url.searchParams.set('ik', ik);
  url.searchParams.set('view', 'om');
  url.searchParams.set(form.param, form.value);
  return url.toString();
}

export function buildShowOriginalUrl(origin: string, accountPath: string, ik: string, ref: MessageRef): string | null {
  const url = new URL(accountPath, origin);
  if (ik) url.searchParams.set('ik', ik);
  url.searchParams.set('view', 'om');
  const form = idForm(ref);
  if (!form) return null;
  url.searchParams.set(form.param, form.value);
  return url.toString();
}

/**
 * The text of <pre id="raw_message_text">, entities decoded. DOMParser + textContent first (never
 * innerHTML); where Trusted Types forbid DOMParser on strings, a literal entity decoder.
 */
export function extractRawMessage(html: string): string | null {
  try {
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    const pre = parsed.getElementById('raw_message_text') ?? parsed.querySelector('pre.raw_message_text');
    return pre ? (pre.textContent ?? '') : null;
  } catch {
    const match = /<pre\b[^>]*\bid=["']?raw_message_text\b[^>]*>([\s\S]*?)<\/pre>/i.exec(html);
    return match ? decodeEntities(match[1] ?? '') : null;
  }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
      if (body[0] === '#') {
        const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return NAMED[body.toLowerCase()] ?? whole;
    });
}

/** Does this look like an RFC 5322 message (a header line first), not an error or sign-in page? */
export function looksLikeRfc822(text: string): boolean {
  return /^[\x21-\x39\x3b-\x7e]+:[ \t]/.test(text.trimStart().slice(0, 200));
}

/** What one "Show original" request gave: the raw message, Gmail's "message does not exist", or anything else. */
export type OriginalOutcome =
  | { kind: 'raw'; raw: string }
  | { kind: 'missing'; reason: string }
  | { kind: 'refused'; reason: string };

/** The spacing the issue asks for (#11): at most one "Show original" request a second. */
export const SHOW_ORIGINAL_GAP_MS = 1000;

/**
 * Test hook (documented in the README, "Sweeping"): a page whose URL carries
 * `bounce-sweeper-test-gap-ms=<n>` (the browser tests' fake Gmail) spaces requests by n ms, never
 * less than 50. Real Gmail URLs never carry it; without it the gap is SHOW_ORIGINAL_GAP_MS.
 */
export function gapFromUrl(href: string): number | undefined {
  try {
    const value = new URL(href).searchParams.get('bounce-sweeper-test-gap-ms');
    if (value === null || !/^\d{1,5}$/.test(value)) return undefined;
    return Math.max(50, Number(value));
  } catch {
    return undefined;
  }
}

export class ShowOriginalFetcher {
  private readonly fetchImpl: typeof fetch;
  readonly minGapMs: number;
  private readonly perMinute: number;
  private readonly maxBytes: number;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly cache = new Map<string, Promise<OriginalOutcome>>();
  /** When each request of an opened notice went out (the per-minute ceiling counts only those). */
  private readonly recent: number[] = [];
  private lastAt: number | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** Requests actually sent (tests and the bench read it). */
  requests = 0;
  /** When each request was sent (ms, this fetcher's clock): the sweep tests check the spacing on it. */
  readonly sentAt: number[] = [];

  constructor(options: ShowOriginalOptions = {}) {
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.minGapMs = options.minGapMs ?? SHOW_ORIGINAL_GAP_MS;
    this.perMinute = options.perMinute ?? 20;
    this.maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** The raw source of an opened notice, or a rejection saying why it could not be had. Same URL → same answer. */
  async read(url: string): Promise<string> {
    const outcome = await this.fetchOriginal(url, { opened: true });
    if (outcome.kind !== 'raw') throw new RawSourceError(outcome.reason);
    return outcome.raw;
  }

  /**
   * One request through the one queue every caller of this page shares (opened notices and the
   * sweep alike), at least `minGapMs` after the previous one; each URL is requested once per page,
   * its answer kept. `opened`: also held to the per-minute ceiling of reads the user set off by
   * opening notices (a sweep has its own daily cap, counted in the store).
   */
  fetchOriginal(url: string, options: { opened?: boolean } = {}): Promise<OriginalOutcome> {
    const cached = this.cache.get(url);
    if (cached) return cached;
    const result = this.queue.then(() => this.throttled(url, options.opened ?? false));
    this.queue = result.catch(() => undefined);
    this.cache.set(url, result);
    return result;
  }

  private async throttled(url: string, opened: boolean): Promise<OriginalOutcome> {
    if (this.lastAt !== undefined) {
      const gap = this.minGapMs - (this.now() - this.lastAt);
      if (gap > 0) await this.sleep(gap);
    }
    if (opened) {
      while (this.recent.length && this.now() - (this.recent[0] ?? 0) > 60_000) this.recent.shift();
      if (this.recent.length >= this.perMinute) {
        // Not sent: let a later open try again.
        this.cache.delete(url);
        return { kind: 'refused', reason: 'too many "Show original" requests this minute' };
      }
      this.recent.push(this.now());
    }
    this.lastAt = this.now();
    this.sentAt.push(this.lastAt);
    this.requests += 1;
    let response: Response;
    try {
      // A request that never answers must not hold up every later notice (reads run one at a time).
      response = await this.fetchImpl(url, { credentials: 'include', redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      return { kind: 'refused', reason: `Gmail could not be reached for "Show original" (${error instanceof Error ? error.name : 'error'})` };
    } finally {
      // The gap runs from the answer too: a slow Gmail is never asked faster than it answers.
      this.lastAt = Math.max(this.lastAt ?? 0, this.now());
    }
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      return { kind: 'refused', reason: 'Gmail sent "Show original" to another page (signed out?)' };
    }
    if (response.url && new URL(response.url).origin !== new URL(url).origin) {
      return { kind: 'refused', reason: 'Gmail sent "Show original" to another site (signed out?)' };
    }
    if (response.status !== 200 && response.status !== 404) return { kind: 'refused', reason: `Gmail answered ${response.status} to "Show original"` };
    const html = await response.text();
    if (html.length > this.maxBytes) return { kind: 'refused', reason: 'the original message is too large' };
    const raw = extractRawMessage(html);
    if (raw !== null && looksLikeRfc822(raw)) return { kind: 'raw', raw };
    if (raw === null) return { kind: 'missing', reason: 'Gmail says the message does not exist' };
    return { kind: 'refused', reason: 'Gmail\'s answer held no original message' };
  }
}
