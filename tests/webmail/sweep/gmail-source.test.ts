// @vitest-environment happy-dom
/**
 * Gmail's sweep source (issue #11) on our list fixture: rows give message ids (a one-message
 * thread's id; a conversation is opened instead), "Show original" is asked by permmsgid and, on
 * "does not exist", once by th=, and after a reload it waits for Gmail's account key rather than
 * ask without it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGmailAdapter, legacyToPermId } from '../../../lib/webmail/gmail/adapter';
import { IK_ATTRIBUTE } from '../../../lib/webmail/gmail/page-info';
import { ShowOriginalFetcher } from '../../../lib/webmail/gmail/show-original';
import { createGmailSweepSource, searchRoute } from '../../../lib/webmail/sweep/gmail';
import { GMAIL_URL, loadGmail } from '../helpers';

const RAW = '<pre id="raw_message_text">From: mailer-daemon@googlemail.com\n\nx</pre>';

function setup(answer: (url: URL) => Response) {
  const urls: string[] = [];
  const fetcher = new ShowOriginalFetcher({
    minGapMs: 0,
    fetch: (async (input: RequestInfo | URL) => {
      urls.push(String(input));
      return answer(new URL(String(input)));
    }) as typeof fetch,
  });
  const adapter = createGmailAdapter({ fetcher });
  const source = createGmailSweepSource({ adapter, sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 5))), viewTimeoutMs: 2000 });
  return { adapter, source, urls };
}

afterEach(() => document.documentElement.removeAttribute(IK_ATTRIBUTE));

describe('Gmail sweep source', () => {
  it('writes searches as Gmail routes them, pages from 2 on', () => {
    expect(searchRoute('from:(mailer-daemon OR postmaster)', 1)).toBe('#search/from%3A(mailer-daemon+OR+postmaster)');
    expect(searchRoute('x y', 3)).toBe('#search/x+y/p3');
  });

  it('reads a row id as the message id of a one-message thread, and tells a conversation apart', () => {
    loadGmail(GMAIL_URL, '2026-11-27-list.html');
    const { adapter } = setup(() => new Response(RAW));
    const ids = adapter.rowsOf(document).map((row) => adapter.rowIds(row));
    expect(ids[0]).toEqual({ threadId: '19a5b1c2d3e4f501', lastMessageId: '19a5b1c2d3e4f501' });
    // Without Gmail's row classes, rows are found from their id carriers.
    for (const row of document.querySelectorAll('tr.zA')) row.className = '';
    expect(adapter.rowsOf(document)).toHaveLength(ids.length);
  });

  it('asks by permmsgid, then once by th= when Gmail says the message does not exist', async () => {
    loadGmail(GMAIL_URL, '2026-11-27-list.html');
    document.documentElement.setAttribute(IK_ATTRIBUTE, '1f119f7bbb');
    const { source, urls } = setup((url) => (url.searchParams.has('permmsgid') ? new Response('<html><body>The message does not exist.</body></html>') : new Response(RAW)));
    const outcome = await source.read({ key: 'k', sweepId: 's', order: 0, state: 'queued', messageId: '19a5b1c2d3e4f501', legacyId: '19a5b1c2d3e4f501', permId: legacyToPermId('19a5b1c2d3e4f501') });
    expect('report' in outcome && outcome.report.raw?.startsWith('From:')).toBe(true);
    expect(urls.map((u) => [...new URL(u).searchParams.keys()].join(','))).toEqual(['ik,view,permmsgid', 'ik,view,th']);
  });

  it('waits for the account key after a reload instead of asking without it', async () => {
    loadGmail(GMAIL_URL, '2026-11-27-list.html');
    const { source, urls } = setup(() => new Response(RAW));
    setTimeout(() => document.documentElement.setAttribute(IK_ATTRIBUTE, '1f119f7bbb'), 50);
    const outcome = await source.read({ key: 'k', sweepId: 's', order: 0, state: 'queued', messageId: '19a5b1c2d3e4f501', legacyId: '19a5b1c2d3e4f501' });
    expect('report' in outcome).toBe(true);
    expect(new URL(urls[0] ?? '').searchParams.get('ik')).toBe('1f119f7bbb');
  });
});
