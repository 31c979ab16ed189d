/**
 * The service worker stopped in the middle of a write, in real Chromium: an import of 500 notices,
 * sent as the options page sends it (batches, one importNotices message each), is under way when
 * every service worker is stopped (CDP ServiceWorker.stopAllWorkers, what Chromium itself does to
 * an idle or misbehaving worker). Each batch is one transaction, so the tally must hold every
 * batch either whole (its notices, their events and addresses, the counts) or not at all; the
 * next message wakes a new worker, and importing the same notices again records exactly the
 * rest, with no address counted twice. Needs `npx wxt build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from './browser';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<{ res?: unknown; err?: { message: string } }> };
};

const NOTICES = 500;
const BATCH = 50;

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchWithExtension();
});
afterAll(async () => {
  await session?.close();
});

function batch(): unknown[] {
  return Array.from({ length: NOTICES }, (_, n) => ({
    key: `restart:${n}`,
    notice: {
      isBounce: true,
      category: 'bounce',
      format: 'rfc3464',
      recipients: [
        { address: `gone${n}@example.com`, kind: 'hard', reason: 'userunknown', status: '5.1.1', replyCode: '550', diagnostic: '550 5.1.1 User unknown', action: 'failed', remoteMta: 'mx.example.com' },
      ],
      subject: 'Undelivered Mail Returned to Sender',
      from: 'MAILER-DAEMON@mx.example.net',
      messageId: `restart-${n}@mx.example.net`,
      date: '2026-11-25T10:15:00.000Z',
      notes: [],
    },
  }));
}

/** Sends importNotices from the page in @webext-core/messaging's wire format, a batch per message, in order. */
function sendImport(page: Page, notices: unknown[]): Promise<{ res?: unknown; err?: { message: string } }> {
  return page.evaluate(
    async ({ payload, size }) => {
      const total = { noticesAdded: 0, noticesSkipped: 0, eventsAdded: 0 };
      for (let i = 0; i < payload.length; i += size) {
        const reply = await chrome.runtime.sendMessage({ id: i + 1, type: 'importNotices', data: { notices: payload.slice(i, i + size) }, timestamp: Date.now() });
        if (reply.err) return reply;
        const res = reply.res as typeof total;
        total.noticesAdded += res.noticesAdded;
        total.noticesSkipped += res.noticesSkipped;
        total.eventsAdded += res.eventsAdded;
      }
      return { res: total };
    },
    { payload: notices, size: BATCH },
  );
}

/** Counts the tally's records from an extension page: the worker and its pages share one IndexedDB. */
function countRecords(page: Page): Promise<{ notices: number; events: number; addresses: number; maxHard: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('bounce-sweeper');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as Array<Record<string, unknown>>);
        request.onerror = () => reject(request.error);
      });
    const [notices, events, addresses] = [await all('notices'), await all('events'), await all('addresses')];
    db.close();
    return {
      notices: notices.length,
      events: events.length,
      addresses: addresses.length,
      maxHard: Math.max(0, ...addresses.map((a) => Number(a.hardCount))),
    };
  });
}

describe('service worker stopped mid-import', () => {
  it('keeps every notice whole or not at all, and a new worker records exactly the rest', async () => {
    const page = await session.openExtensionPage('popup.html');
    const cdp = await session.context.newCDPSession(page);
    const notices = batch();

    // Start the import without waiting for it; stop the worker once part of it is written.
    const first = sendImport(page, notices).catch((err: unknown) => ({ err: { message: String(err) } }));
    await expect.poll(async () => (await countRecords(page)).notices, { timeout: 20_000, interval: 20 }).toBeGreaterThan(0);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const interrupted = await first;

    const partial = await countRecords(page);
    // The stop cut the import short (a few batches in, well before the 500th notice) and the page
    // saw its channel close; what was written is whole batches only.
    expect(interrupted.err?.message).toMatch(/message channel closed|receiving end does not exist/i);
    expect(partial.notices).toBeGreaterThan(0);
    expect(partial.notices).toBeLessThan(NOTICES);
    expect(partial.notices % BATCH).toBe(0);
    expect(partial.events).toBe(partial.notices);
    expect(partial.addresses).toBe(partial.notices);

    // The next message starts a new worker; the same batch again records only what is missing.
    const again = await sendImport(page, notices);
    expect(again.err).toBeUndefined();
    expect(again.res).toEqual({ noticesAdded: NOTICES - partial.notices, noticesSkipped: partial.notices, eventsAdded: NOTICES - partial.notices });

    const final = await countRecords(page);
    expect(final).toEqual({ notices: NOTICES, events: NOTICES, addresses: NOTICES, maxHard: 1 });
    await page.close();
  });
});
