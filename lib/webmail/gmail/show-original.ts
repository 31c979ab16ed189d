/**
 * Reads a message's raw RFC 5322 source through Gmail's own "Show original" page, from the content
 * script with the user's session (same origin, nothing leaves the browser):
 *   GET /mail/u/<n>/?ik=<ik>&view=om&permmsgid=msg-f:<decimal>   (or &th=<legacy hex id>)
 * The answer is an HTML page with the message HTML-escaped in <pre id="raw_message_text">
 * (webmail-dom.md §1.7; InboxSDK PR #230: "now returns HTML, so we got &lt; instead of <").
 *
 * Polite by construction: one request at a time, at least `minGapMs` apart, at most `perMinute` a
 * minute (InboxSDK gmailAjax.ts rate-limits its own Gmail requests the same way), and never the same
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

export function buildShowOriginalUrl(origin: string, accountPath: string, ik: string, ref: MessageRef): string | null {
  const url = new URL(accountPath, origin);
  if (ik) url.searchParams.set('ik', ik);
  url.searchParams.set('view', 'om');
  if (/^msg-f:\d{1,24}$/.test(ref.permId)) url.searchParams.set('permmsgid', ref.permId);
  else if (/^[0-9a-f]{12,20}$/.test(ref.legacyId)) url.searchParams.set('th', ref.legacyId);
  else return null;
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

export class ShowOriginalFetcher {
  private readonly fetchImpl: typeof fetch;
  private readonly minGapMs: number;
  private readonly perMinute: number;
  private readonly maxBytes: number;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly cache = new Map<string, Promise<string>>();
  private readonly recent: number[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  /** Requests actually sent (tests and the bench read it). */
  requests = 0;

  constructor(options: ShowOriginalOptions = {}) {
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.minGapMs = options.minGapMs ?? 700;
    this.perMinute = options.perMinute ?? 20;
    this.maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** The raw source, or a rejection saying why it could not be had. Same URL → same promise. */
  read(url: string): Promise<string> {
    const cached = this.cache.get(url);
    if (cached) return cached;
    const result = this.queue.then(() => this.throttled(url));
    this.queue = result.catch(() => undefined);
    this.cache.set(url, result);
    return result;
  }

  private async throttled(url: string): Promise<string> {
    const last = this.recent[this.recent.length - 1];
    if (last !== undefined) {
      const gap = this.minGapMs - (this.now() - last);
      if (gap > 0) await this.sleep(gap);
    }
    while (this.recent.length && this.now() - (this.recent[0] ?? 0) > 60_000) this.recent.shift();
    if (this.recent.length >= this.perMinute) {
      throw new RawSourceError('too many "Show original" requests this minute');
    }
    this.recent.push(this.now());
    this.requests += 1;
    let response: Response;
    try {
      // A request that never answers must not hold up every later notice (reads run one at a time).
      response = await this.fetchImpl(url, { credentials: 'include', redirect: 'follow', signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new RawSourceError(`"Show original" unreachable (${error instanceof Error ? error.name : 'error'})`);
    }
    if (!response.ok) throw new RawSourceError(`"Show original" answered ${response.status}`);
    if (new URL(response.url || url).origin !== new URL(url).origin) {
      throw new RawSourceError('"Show original" redirected away (signed out?)');
    }
    const html = await response.text();
    if (html.length > this.maxBytes) throw new RawSourceError('original message too large');
    const raw = extractRawMessage(html);
    if (raw === null || !looksLikeRfc822(raw)) throw new RawSourceError('no original message in the answer');
    return raw;
  }
}
