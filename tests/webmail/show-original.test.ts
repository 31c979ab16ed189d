// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  RawSourceError,
  ShowOriginalFetcher,
  buildShowOriginalUrl,
  decodeEntities,
  extractRawMessage,
  looksLikeRfc822,
} from '../../lib/webmail/gmail/show-original';

describe('Show original URL', () => {
  it('prefers permmsgid, falls back to th, refuses anything else', () => {
    expect(buildShowOriginalUrl('https://mail.google.com', '/mail/u/1/', 'abc123', { permId: 'msg-f:1848078672442225921', legacyId: '19a5b1c2d3e4f501' })).toBe(
      'https://mail.google.com/mail/u/1/?ik=abc123&view=om&permmsgid=msg-f%3A1848078672442225921',
    );
    expect(buildShowOriginalUrl('https://mail.google.com', '/mail/u/0/', '', { permId: 'msg-a:r-1', legacyId: '19a5b1c2d3e4f501' })).toBe(
      'https://mail.google.com/mail/u/0/?view=om&th=19a5b1c2d3e4f501',
    );
    // issue #11: a client-side msg-a id (a message just sent) goes through th= as it is; nothing else does.
    expect(buildShowOriginalUrl('https://mail.google.com', '/mail/u/0/', 'abc123', { permId: 'msg-a:r-1', legacyId: '' })).toBe(
      'https://mail.google.com/mail/u/0/?ik=abc123&view=om&th=msg-a%3Ar-1',
    );
    expect(buildShowOriginalUrl('https://mail.google.com', '/mail/u/0/', 'abc123', { permId: 'thread-f:1848078672442225921', legacyId: '' })).toBeNull();
  });
});

describe('raw message extraction', () => {
  it('decodes the escaped message with DOMParser', () => {
    const page = '<html><body><pre class="raw_message_text" id="raw_message_text">From: a &lt;a@example.com&gt;\nSubject: x &amp; y &#39;z&#39;\n\n&lt;b&gt;hi&lt;/b&gt;</pre></body></html>';
    expect(extractRawMessage(page)).toBe("From: a <a@example.com>\nSubject: x & y 'z'\n\n<b>hi</b>");
    expect(extractRawMessage('<html><body>Sign in</body></html>')).toBeNull();
  });
  it('decodes entities literally where DOMParser is not allowed', () => {
    expect(decodeEntities('&lt;x@example.com&gt; &#x41;&#66; &unknown; <wbr>a')).toBe('<x@example.com> AB &unknown; a');
  });
  it('tells a message from an error page', () => {
    expect(looksLikeRfc822('Return-Path: <>\nFrom: x')).toBe(true);
    expect(looksLikeRfc822('<!doctype html>')).toBe(false);
  });
});

describe('ShowOriginalFetcher', () => {
  const page = '<pre id="raw_message_text">From: x@example.com\n\nbody</pre>';

  function setup(perMinute = 20) {
    let now = 0;
    const waits: number[] = [];
    const urls: string[] = [];
    const fetcher = new ShowOriginalFetcher({
      fetch: (async (input: RequestInfo | URL) => {
        urls.push(String(input));
        return new Response(page, { status: 200 });
      }) as typeof fetch,
      minGapMs: 700,
      perMinute,
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    return { fetcher, waits, urls, tick: (ms: number) => (now += ms) };
  }

  it('never asks for the same message twice', async () => {
    const { fetcher, urls } = setup();
    const a = fetcher.read('https://mail.google.com/mail/u/0/?view=om&th=1');
    const b = fetcher.read('https://mail.google.com/mail/u/0/?view=om&th=1');
    expect(await a).toBe('From: x@example.com\n\nbody');
    expect(await b).toBe(await a);
    expect(urls).toHaveLength(1);
    expect(fetcher.requests).toBe(1);
  });

  it('spaces requests apart and caps them per minute', async () => {
    const { fetcher, waits } = setup(2);
    await fetcher.read('https://mail.google.com/?th=1');
    await fetcher.read('https://mail.google.com/?th=2');
    expect(waits).toEqual([700]);
    await expect(fetcher.read('https://mail.google.com/?th=3')).rejects.toThrow(/too many/);
    expect(fetcher.requests).toBe(2);
  });

  it('turns a network failure or a timeout into a RawSourceError', async () => {
    const seen: Array<AbortSignal | undefined> = [];
    const fetcher = new ShowOriginalFetcher({
      fetch: (async (_input: RequestInfo | URL, init?: RequestInit) => {
        seen.push(init?.signal ?? undefined);
        throw new DOMException('The operation timed out.', 'TimeoutError');
      }) as typeof fetch,
      minGapMs: 0,
    });
    await expect(fetcher.read('https://mail.google.com/?th=9')).rejects.toBeInstanceOf(RawSourceError);
    expect(seen[0]).toBeInstanceOf(AbortSignal);
  });

  it('allows more once the minute has passed', async () => {
    const { fetcher, tick } = setup(1);
    await fetcher.read('https://mail.google.com/?th=1');
    tick(61_000);
    await expect(fetcher.read('https://mail.google.com/?th=2')).resolves.toContain('From:');
  });
});
