/// <reference types="chrome" />
/**
 * Proof of life (issue #13), end to end in real Chromium: an address on the list that writes to the
 * user after its bounces, seen in the (fake) Gmail message list by the real content script, is
 * marked "Wrote to you on …" in the popup and moves from Remove to Watch (soft bounces alone no
 * longer remove it). A sender not on record is never stored. The same in the (fake) Outlook list.
 * Run: npx wxt build && npx vitest run --config vitest.e2e.config.ts tests/e2e/proof-of-life.e2e.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, sendFromPage, type ExtensionSession } from './browser';
import { FAKE_GMAIL_ORIGIN, gmailCss, routeFakeGmail } from './fake-gmail';
import { FAKE_OUTLOOK_ORIGIN, fakeOutlookMessages, routeFakeOutlook } from './fake-outlook';
import { daysAgo, mailboxFull } from '../import/bounce-fixtures';

interface Stored {
  address: string;
  verdict: string;
  wroteAt?: string;
}

let session: ExtensionSession;
let gmail: Page;
let extensionPage: Page;

const lookup = async (address: string): Promise<Stored | undefined> => (await sendFromPage<Stored[]>(extensionPage, 'lookupAddresses', { addresses: [address] }))[0];

/** Polls the store (the content script batches what it saw for about a second) until `done` holds. */
async function storedWhen(address: string, done: (stored: Stored | undefined) => boolean): Promise<Stored | undefined> {
  const until = Date.now() + 30_000;
  for (;;) {
    const stored = await lookup(address);
    if (done(stored) || Date.now() > until) return stored;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The date as Gmail's English UI writes a row's title ("Thu, Dec 3, 2026, 9:30 AM"). */
const gmailTitle = (date: Date): string =>
  new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(date);

/** Yesterday at 9:30, local time. */
const KEN_WROTE = new Date(Date.now() - 86_400_000);
KEN_WROTE.setHours(9, 30, 0, 0);

/** The date as Outlook's en-US list tooltip writes it ("Thu 12/3/2026 9:30 AM"). */
const outlookTitle = (date: Date): string => {
  const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'short' }).format(date);
  const time = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(date);
  return `${weekday} ${date.getMonth() + 1}/${date.getDate()}/${date.getFullYear()} ${time}`;
};

beforeAll(async () => {
  session = await launchWithExtension();
  await routeFakeGmail(session.context);
  extensionPage = await session.openExtensionPage('popup.html');
  // Gina's mailbox was full on three days: Remove (repeated soft bounces).
  for (const [days, id] of [[9, 'a1'], [6, 'a2'], [3, 'a3']] as const) {
    const raw = mailboxFull('gina@example.org', daysAgo(days), `gina-${id}@mx.example.net`);
    await sendFromPage(extensionPage, 'reportNotice', { webmail: 'gmail', account: '0', messageId: `18c000000000${id}01`, url: 'https://mail.google.com/mail/u/0/#inbox', raw });
  }
  // Ken's too; he writes in Outlook, yesterday (the list row's full date, as Outlook's en-US tooltip writes it).
  for (const [days, id] of [[8, 'b1'], [5, 'b2'], [2, 'b3']] as const) {
    const raw = mailboxFull('ken@example.org', daysAgo(days), `ken-${id}@mx.example.net`);
    await sendFromPage(extensionPage, 'reportNotice', { webmail: 'gmail', account: '0', messageId: `18c000000000${id}02`, url: 'https://mail.google.com/mail/u/0/#inbox', raw });
  }
  const messages = fakeOutlookMessages();
  const person = messages.find((message) => message.senderAddress === 'jane@example.net')!;
  messages.unshift({ ...person, convid: 'AAQkADKEN-1', itemId: 'AAMkADKEN1=', senderName: 'Ken Ito', senderAddress: 'ken@example.org', subject: 'Re: the flat on Elm Street', dateTitle: outlookTitle(KEN_WROTE) });
  await routeFakeOutlook(session.context, [FAKE_OUTLOOK_ORIGIN], messages);
  gmail = await session.context.newPage();
  await gmail.goto(`${FAKE_GMAIL_ORIGIN}/mail/u/0/#inbox`);
  await gmail.locator(gmailCss('row')).first().waitFor();
});

afterAll(async () => {
  await session?.close();
});

describe('proof of life (fake Gmail, real background)', () => {
  it('a message from before the bounces changes nothing', async () => {
    // The demo list has a row from Gina dated Nov 20, 2026: before every bounce above.
    const gina = await storedWhen('gina@example.org', (stored) => !!stored?.wroteAt);
    expect(gina?.wroteAt?.slice(0, 10)).toBe('2026-11-20');
    expect(gina?.verdict).toBe('remove-repeated-soft');
  });

  it('Outlook: a person\'s row in the list moves the address to Watch, with the date Outlook shows', async () => {
    expect((await lookup('ken@example.org'))?.verdict).toBe('remove-repeated-soft');
    const outlook = await session.context.newPage();
    await outlook.goto(`${FAKE_OUTLOOK_ORIGIN}/mail/inbox`);
    const ken = await storedWhen('ken@example.org', (stored) => stored?.verdict === 'watch');
    expect(ken).toMatchObject({ verdict: 'watch', wroteAt: KEN_WROTE.toISOString() });
    // Jane is in the same list and on no list: not stored.
    expect(await lookup('jane@example.net')).toBeUndefined();
    await outlook.close();
  });

  it('a sender not on record is not stored', async () => {
    // Bob's row is in the same list; the content script reported him with Gina.
    expect(await lookup('bob@example.org')).toBeUndefined();
    const all = await sendFromPage<{ total: number }>(extensionPage, 'listAddresses', { group: 'all', offset: 0, limit: 10 });
    expect(all.total).toBe(2);
  });

  it('a reply after the bounces shows "Wrote to you" and moves the address from Remove to Watch', async () => {
    const repliedAt = new Date(Date.now() - 86_400_000);
    repliedAt.setSeconds(0, 0);
    const title = gmailTitle(repliedAt);
    // Gina's reply arrives: Gmail puts a new row at the top of the list.
    await gmail.evaluate(
      ({ row, title }) => {
        const old = [...document.querySelectorAll(row)].find((tr) => tr.querySelector('[email="gina@example.org"]'))!;
        const reply = old.cloneNode(true) as HTMLElement;
        for (const el of reply.querySelectorAll('[data-legacy-thread-id], [data-legacy-last-message-id]')) {
          el.setAttribute('data-legacy-thread-id', '19a5b1c2d3e4f5aa');
          el.setAttribute('data-legacy-last-message-id', '19a5b1c2d3e4f5aa');
        }
        reply.querySelector('td.xW > span[title]')!.setAttribute('title', title);
        old.parentElement!.prepend(reply);
      },
      { row: gmailCss('row'), title },
    );
    const gina = await storedWhen('gina@example.org', (stored) => stored?.verdict === 'watch');
    expect(gina).toMatchObject({ verdict: 'watch', wroteAt: repliedAt.toISOString() });

    const popup = await session.openExtensionPage('popup.html');
    await popup.getByTestId('group-tab-watch').click();
    const row = popup.locator('[data-testid="address-row"][data-address="gina@example.org"]');
    const mark = row.locator('[data-testid="row-wrote-to-you"]');
    await mark.waitFor();
    const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', ...(repliedAt.getFullYear() === new Date().getFullYear() ? {} : { year: 'numeric' }) }).format(repliedAt);
    expect(await mark.textContent()).toBe(`Wrote to you on ${day}`);
    await row.getByTestId('row-expand').click();
    expect(await row.getByTestId('row-details').textContent()).toContain('The 3 soft-bounce days before that no longer count toward removal.');
    expect(await popup.locator('[data-testid="group-tab-remove"] [data-testid="group-count"]').textContent()).toBe('0');
    expect(await popup.locator('[data-testid="address-row"][data-address="ken@example.org"] [data-testid="row-wrote-to-you"]').count()).toBe(1);
    await popup.close();
  });
});
