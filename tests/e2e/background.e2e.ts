/**
 * The background in real Chromium: an extension page sends reportNotice through the real message
 * bus, the service worker classifies and records it in its IndexedDB, and the toolbar badge counts
 * the address. Needs `npx wxt build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from './browser';
import { RAW_DSN } from '../background/samples';
import { DB_VERSION } from '../../lib/store/db';

/** The slice of the extension API these page/worker snippets use (they run in Chromium, not Node). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<{ res?: unknown; err?: { message: string } }> };
  action: { getBadgeText(details: object): Promise<string> };
};

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchWithExtension();
});
afterAll(async () => {
  await session?.close();
});

/** Sends one protocol message from an extension page, in @webext-core/messaging's wire format. */
async function sendFromPage(type: string, data: unknown): Promise<{ res?: unknown; err?: { message: string } }> {
  const page = await session.openExtensionPage('popup.html');
  try {
    return await page.evaluate(
      ([messageType, payload]) => chrome.runtime.sendMessage({ id: 1, type: messageType, data: payload, timestamp: Date.now() }),
      [type, data] as const,
    );
  } finally {
    await page.close();
  }
}

describe('background service worker', () => {
  it('records a reported notice in IndexedDB and shows it on the badge', async () => {
    const report = { webmail: 'gmail', account: '0', messageId: 'e2e-1', url: 'https://mail.google.com/mail/u/0/#inbox/e2e-1', raw: RAW_DSN };
    const reply = await sendFromPage('reportNotice', report);
    expect(reply.err).toBeUndefined();
    expect(reply.res).toMatchObject({ noticeKey: 'gmail:0:e2e-1', duplicate: false, addresses: [{ address: 'nobody@example.com', verdict: 'remove' }] });

    const stored = await session.worker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('bounce-sweeper');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const read = (store: string) =>
        new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const result = { version: db.version, notices: await read('notices'), events: await read('events'), addresses: await read('addresses') };
      db.close();
      return result;
    });
    expect(stored.version).toBe(DB_VERSION);
    expect(stored.notices).toMatchObject([{ key: 'gmail:0:e2e-1', rfcMessageId: '20261125101500.ABC123@mx.example.net', category: 'bounce' }]);
    expect(stored.events).toMatchObject([{ address: 'nobody@example.com', kind: 'hard', reason: 'userunknown', status: '5.1.1', day: '2026-11-25' }]);
    expect(stored.addresses).toMatchObject([{ address: 'nobody@example.com', hardCount: 1, decision: 'none' }]);

    // The badge is refreshed after the write; poll briefly rather than assume its timing.
    await expect.poll(() => session.worker.evaluate(() => chrome.action.getBadgeText({})), { timeout: 5000 }).toBe('1');

    // Reporting the same notice again changes nothing.
    const again = await sendFromPage('reportNotice', report);
    expect(again.res).toMatchObject({ duplicate: true });

    // A decision from an extension page clears the badge.
    expect((await sendFromPage('setDecision', { addresses: ['nobody@example.com'], decision: 'removed' })).res).toEqual({ updated: 1 });
    await expect.poll(() => session.worker.evaluate(() => chrome.action.getBadgeText({})), { timeout: 5000 }).toBe('');
  });

  it('rejects a malformed payload with a clear error', async () => {
    const reply = await sendFromPage('reportNotice', { webmail: 'gmail', account: '0', messageId: 'e2e-2', url: '' });
    expect(reply.err?.message).toMatch(/reportNotice: invalid payload.*a report needs raw or rendered/);
  });
});
