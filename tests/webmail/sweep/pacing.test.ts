// @vitest-environment happy-dom
/**
 * The sweep's pace (issue #11): "Show original" is asked at most once a second by default, for
 * opened notices and the sweep alike (one queue per page), each URL once; the documented test hook
 * only works from the page URL and never goes under 50 ms.
 */
import { describe, expect, it } from 'vitest';
import { SHOW_ORIGINAL_GAP_MS, ShowOriginalFetcher, gapFromUrl, idForm } from '../../../lib/webmail/gmail/show-original';

const RAW_PAGE = '<pre id="raw_message_text">From: x@example.com\n\nbody</pre>';

function clocked(answer: (url: string) => Response = () => new Response(RAW_PAGE, { status: 200 }), options: { minGapMs?: number } = {}) {
  let now = 0;
  const fetcher = new ShowOriginalFetcher({
    fetch: (async (input: RequestInfo | URL) => {
      now += 37; // Gmail takes a while to answer
      return answer(String(input));
    }) as typeof fetch,
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    ...options,
  });
  return fetcher;
}

describe('Show original pacing', () => {
  it('defaults to one request a second', () => {
    expect(SHOW_ORIGINAL_GAP_MS).toBe(1000);
    expect(new ShowOriginalFetcher().minGapMs).toBe(1000);
  });

  it('spaces 60 sweep requests and opened reads, sharing one queue, at least 1 s apart', async () => {
    const fetcher = clocked();
    const urls = Array.from({ length: 60 }, (_, i) => `https://mail.google.com/mail/u/0/?view=om&th=${(0x19b0000000000000n + BigInt(i)).toString(16)}`);
    // Both callers at once: the sweep and the runtime reading an opened notice.
    const outcomes = await Promise.all(urls.map((url, i) => (i % 10 === 0 ? fetcher.read(url).then((raw) => ({ kind: 'raw', raw })) : fetcher.fetchOriginal(url))));
    expect(outcomes.every((o) => o.kind === 'raw')).toBe(true);
    expect(fetcher.sentAt).toHaveLength(60);
    const gaps = fetcher.sentAt.slice(1).map((at, i) => at - (fetcher.sentAt[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000);
    // The same URL again is answered from the page's memory: no request.
    await fetcher.fetchOriginal(urls[5] ?? '');
    expect(fetcher.requests).toBe(60);
  });

  it('tells the raw message from "does not exist", a refusal, a redirect', async () => {
    const fetcher = clocked((url) => {
      if (url.endsWith('th=1')) return new Response('<html><body>The message does not exist.</body></html>', { status: 200 });
      if (url.endsWith('th=2')) return new Response('Server Error', { status: 500 });
      if (url.endsWith('th=3')) return new Response(null, { status: 302, headers: { location: 'https://accounts.google.com/' } });
      return new Response(RAW_PAGE, { status: 200 });
    });
    expect((await fetcher.fetchOriginal('https://mail.google.com/?th=1')).kind).toBe('missing');
    expect(await fetcher.fetchOriginal('https://mail.google.com/?th=2')).toEqual({ kind: 'refused', reason: 'Gmail answered 500 to "Show original"' });
    expect((await fetcher.fetchOriginal('https://mail.google.com/?th=3')).kind).toBe('refused');
    expect((await fetcher.fetchOriginal('https://mail.google.com/?th=4')).kind).toBe('raw');
  });

  it('names a message by permmsgid, else th=, the other form second; msg-a through th=', () => {
    const ref = { permId: 'msg-f:1848078672442225921', legacyId: '19a5b1c2d3e4f501' };
    expect(idForm(ref)).toEqual({ param: 'permmsgid', value: 'msg-f:1848078672442225921' });
    expect(idForm(ref, true)).toEqual({ param: 'th', value: '19a5b1c2d3e4f501' });
    expect(idForm({ permId: 'msg-a:r-42', legacyId: '' })).toEqual({ param: 'th', value: 'msg-a:r-42' });
    expect(idForm({ permId: 'thread-f:1', legacyId: '' })).toBeNull();
  });

  it('takes the test hook only from the page URL, never under 50 ms', () => {
    expect(gapFromUrl('https://mail.google.com/mail/u/0/#inbox')).toBeUndefined();
    expect(gapFromUrl('https://mail.google.com/mail/u/0/?bounce-sweeper-test-gap-ms=150#inbox')).toBe(150);
    expect(gapFromUrl('https://mail.google.com/mail/u/0/?bounce-sweeper-test-gap-ms=0')).toBe(50);
    expect(gapFromUrl('https://mail.google.com/mail/u/0/?bounce-sweeper-test-gap-ms=-5')).toBeUndefined();
  });
});
