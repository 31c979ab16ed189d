/**
 * A fake Outlook on the web (outlook.office.com) for the browser tests and the demo mailbox
 * (`npm start`): one page, served by request routing (no network), that behaves like the parts of
 * the new Outlook the extension touches (webmail-dom.md section 2):
 * - a virtualised message list: only PAGE_SIZE rows exist; `fakeOutlook.scrollTo(i)` and
 *   `fakeOutlook.rerender()` throw the row elements away and build new ones, as Outlook does when
 *   rows scroll out of view or React re-renders (webmail-dom.md 2.3, 3.2);
 * - a reading pane: clicking a row opens the message, pushes /mail/inbox/id/<item id> (History API
 *   routing, 2.1) and renders the body under [role=document] > #UniqueMessageBody_1;
 * - a compose form with recipient chips: `fakeOutlook.compose([...])` (addresses, or { name,
 *   address?, card? }: 500 as easily as 3), `fakeOutlook.addRecipient(…)`; a chip carries its
 *   address in its title, or shows only a display name; a name-only chip with a `card` opens
 *   Outlook's persona card (a layer at the end of the page, linked by aria-controls, the address
 *   under [data-log-name="Email"]) while the mouse is over it (webmail-dom.md 2.5);
 * - as in Outlook, each well item has its remove button (a Fluent IconButton, iconName "Cancel"),
 *   and a list pasted into a well becomes recipients.
 * - the tidy of issue #11: each row has its selection checkbox (role=checkbox; a ticked row is
 *   aria-selected, and while any row is ticked the open one no longer counts as selected), and the
 *   toolbar above the list has Archive (aria-label "Archive", Fluent icon ArchiveRegular): it moves
 *   the ticked rows to the Archive folder and says "Moved to Archive." with Undo, which puts them
 *   back where they were. `fakeOutlook.folder()` / `fakeOutlook.archived()` answer which are where;
 * - a message with `broken: true` never shows its body in the reading pane (a notice the sweep
 *   cannot read).
 * The NDR bodies are the ones of our own dated DOM fixtures (tests/fixtures/dom/outlook/), so unit
 * tests and browser tests read the same text. Addresses: example.com/.org/.net, 192.0.2.x.
 *
 * The page script finds its list, rows and pane with the NEWEST variants of the selector table the
 * extension runs (lib/webmail/outlook/selectors.ts), and FAKE_OUTLOOK_VIEWS says which names each
 * view must match with its newest variant: outlook.e2e.ts checks that first, so markup here and the
 * table cannot drift apart unnoticed.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { Window } from 'happy-dom';
import { serveHtml } from './browser';
import { OUTLOOK_SELECTORS, type OutlookSelectorName } from '../../lib/webmail/outlook/selectors';
import { newestVariant } from '../../lib/webmail/selector-table';

export const FAKE_OUTLOOK_ORIGIN = 'https://outlook.office.com';
export const FAKE_OUTLOOK_ACCOUNT = 'me@example.com';
/** The newest css of an Outlook selector: what this page and the browser tests look for. */
export const outlookCss = (name: OutlookSelectorName): string => newestVariant(OUTLOOK_SELECTORS, name).css;

/** Per view of the fake page, the selector names it must match with their newest variant. */
export const FAKE_OUTLOOK_VIEWS = {
  list: ['app', 'messageList', 'listItem', 'rowSender', 'rowTitled', 'account'],
  reading: ['readingPane', 'readingSubject', 'messageBody', 'message', 'messageSender', 'recipientWellRead', 'selectedListItem'],
  compose: ['composeBody', 'recipientWell', 'recipientChip', 'recipientRemove', 'composeSubject'],
  card: ['personaCardEmail'],
  // issue #11's tidy: each row's selection checkbox and the Archive command above the list.
  tidy: ['rowCheckbox', 'archiveButton'],
} as const satisfies Record<string, readonly OutlookSelectorName[]>;

/** The names no view of the fake page matches with its newest variant, and why; every other name is in FAKE_OUTLOOK_VIEWS. */
export const FAKE_OUTLOOK_LEAVES_OUT = {
  composeRoot: 'the fake composes inline, in [data-app-section="MailReadCompose"] (the second variant); the pop-out window is not faked',
  recipientTextChip: 'the fake draws persona hover-target chips only',
} as const satisfies Partial<Record<OutlookSelectorName, string>>;

/** Rows that exist in the DOM at once (the rest are "scrolled away"). */
export const PAGE_SIZE = 12;

const FIXTURES = resolve('tests/fixtures/dom/outlook');

export interface FakeMessage {
  convid: string;
  itemId: string;
  senderName: string;
  senderAddress: string;
  subject: string;
  preview: string;
  time: string;
  /** Id of a <template> holding the body, or '' for a plain text body. */
  body: string;
  text?: string;
  /** What the notice is about, for tests: the failed address, or '' for ordinary mail. */
  failed: string;
  /** The full date the row's tooltip shows (default "Fri 11/27/2026 <time>"). */
  dateTitle?: string;
  /** The reading pane never shows this message's body (issue #11: a notice the sweep cannot read). */
  broken?: boolean;
}

/** A virtualised folder that scrolls (issue #11): fixed-height rows, `pageSize` of them in the DOM at a time. */
export interface FakeOutlookVirtual {
  rowHeight: number;
  pageSize: number;
}

/** The sweep folder (issue #11): `count` notices, each dated differently, in a list the sweep must scroll. */
export const SWEEP_OUTLOOK_VIRTUAL: FakeOutlookVirtual = { rowHeight: 56, pageSize: 18 };

export function sweepOutlookMessages(count = 60): FakeMessage[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i).padStart(2, '0');
    const day = 1 + (i % 27);
    const hour = 1 + (i % 11);
    return {
      convid: `AAQkADSWEEP-${n}`,
      itemId: `AQAASWEEP${n}=`,
      senderName: 'Microsoft Outlook',
      senderAddress: 'postmaster@example.com',
      subject: `Undeliverable: Open house ${n}`,
      preview: `Delivery has failed to these recipients or groups: owner${n}@example.org`,
      time: `${hour}:${String(i % 60).padStart(2, '0')} PM`,
      dateTitle: `Tue 11/${day}/2026 ${hour}:${String(i % 60).padStart(2, '0')} PM`,
      body: '',
      text: `Delivery has failed to these recipients or groups:\nowner${n}@example.org\nThe email address you entered couldn't be found.\nDiagnostic information for administrators:\nGenerating server: mx.example.com\nowner${n}@example.org\nRemote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'`,
      failed: `owner${n}@example.org`,
    };
  });
}

/** The rendered body of one of our fixtures (the content of #UniqueMessageBody_N). */
function fixtureBody(file: string): string {
  const window = new Window();
  const doc = new window.DOMParser().parseFromString(readFileSync(join(FIXTURES, file), 'utf8'), 'text/html');
  const html = doc.querySelector('[id^="UniqueMessageBody"]')?.innerHTML ?? '';
  void window.happyDOM.close();
  if (!html) throw new Error(`no message body in ${file}`);
  return html;
}

const BODIES: Record<string, string> = {
  'body-exo': '2026-11-27-reading-exchange-online.html',
  'body-olc': '2026-11-27-reading-outlook-com.html',
  'body-fr': '2026-11-27-reading-french.html',
};

/** The mailbox: three real-looking NDRs first, then ordinary mail with an NDR every seventh row. */
export function fakeOutlookMessages(count = 60): FakeMessage[] {
  const messages: FakeMessage[] = [
    {
      convid: 'AAQkADNDR-EXO-1',
      itemId: 'AAMkADEXO1=',
      senderName: 'Microsoft Outlook',
      senderAddress: 'postmaster@example.com',
      subject: 'Undeliverable: Quarterly report',
      preview: "Your message to ana.gomez@example.org couldn't be delivered. ana.gomez wasn't found at example.org.",
      time: '10:42',
      body: 'body-exo',
      failed: 'ana.gomez@example.org',
    },
    {
      convid: 'AAQkADPERSON-1',
      itemId: 'AAMkADPER1=',
      senderName: 'Jane Doe',
      senderAddress: 'jane@example.net',
      subject: 'Lunch on Friday?',
      preview: 'Shall we try the new place?',
      time: '10:15',
      body: '',
      text: 'Shall we try the new place? Bob said the old one was closed.',
      failed: '',
    },
    {
      convid: 'AAQkADNDR-OLC-1',
      itemId: 'AAMkADOLC1=',
      senderName: 'Microsoft Outlook',
      senderAddress: 'postmaster@outlook.com',
      subject: 'Undeliverable: Invitation',
      preview: 'mx.example.org rejected your message to the following email addresses:',
      time: '09:58',
      body: 'body-olc',
      failed: 'bob@example.org',
    },
    {
      convid: 'AAQkADNDR-FR-1',
      itemId: 'AAMkADFR1=',
      senderName: 'Microsoft Outlook',
      senderAddress: 'postmaster@example.com',
      subject: 'Non remis : Votre commande',
      preview: 'Échec de la remise pour ces destinataires ou groupes :',
      time: '09:31',
      body: 'body-fr',
      failed: 'luc.martin@example.net',
    },
  ];
  for (let i = messages.length; i < count; i++) {
    const n = String(i).padStart(2, '0');
    messages.push(
      i % 7 === 0
        ? {
            convid: `AAQkADNDR-FILL-${n}`,
            itemId: `AAMkADFILL${n}=`,
            senderName: 'Microsoft Outlook',
            senderAddress: 'postmaster@example.com',
            subject: `Undeliverable: Weekly update ${n}`,
            preview: `Your message to reader${n}@example.org couldn't be delivered.`,
            time: 'Yesterday',
            body: '',
            text: `Your message to reader${n}@example.org couldn't be delivered.`,
            failed: `reader${n}@example.org`,
          }
        : {
            convid: `AAQkADMAIL-${n}`,
            itemId: `AAMkADMAIL${n}=`,
            senderName: `Colleague ${n}`,
            senderAddress: `colleague${n}@example.net`,
            subject: `Notes ${n}`,
            preview: `Here are the notes from meeting ${n}.`,
            time: 'Yesterday',
            body: '',
            text: `Here are the notes from meeting ${n}.`,
            failed: '',
          },
    );
  }
  return messages;
}

/** JSON safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The page script, run by the fake page itself (the page's world, not the extension's). It plays
 * Outlook: DOM built with createElement/textContent; mail bodies cloned from <template>s. Plain JS
 * in a string: a serialised TS function would carry bundler helpers the page does not have.
 */
const PAGE_SCRIPT = String.raw`
(() => {
  const data = JSON.parse(document.getElementById('fake-data').textContent);
  const css = data.css;
  const listbox = document.querySelector(css.messageList + ' [role="listbox"]');
  const pane = document.querySelector(css.readingPane);
  let start = 0;
  let openId = '';
  let renders = 0;
  let chipSeq = 0;
  const checked = new Set();
  const archived = [];
  const undoable = [];
  // While any row is ticked, the selection is the ticked rows (the open one no longer counts).
  const isSelected = (convid) => (checked.size ? checked.has(convid) : convid === openId);
  function markSelection() {
    for (const row of listbox.querySelectorAll(css.listItem)) {
      const convid = row.getAttribute('data-convid');
      row.setAttribute('aria-selected', String(isSelected(convid)));
      row.querySelector('[role="checkbox"]')?.setAttribute('aria-checked', String(checked.has(convid)));
    }
  }
  function notify(text, undo) {
    const bar = document.getElementById('fake-notification');
    const parts = [h('span', {}, text)];
    if (undo) {
      undoable.push(undo);
      const button = h('button', { type: 'button', class: 'fake-undo' }, 'Undo');
      button.addEventListener('click', () => {
        const last = undoable.pop();
        if (!last) return;
        // Back where they were, in their old places.
        for (const { message, index } of [...last].sort((a, b) => a.index - b.index)) {
          data.messages.splice(Math.min(index, data.messages.length), 0, message);
          const at = archived.indexOf(message);
          if (at >= 0) archived.splice(at, 1);
        }
        notify('Undone.');
        render();
      });
      parts.push(button);
    }
    bar.replaceChildren(...parts);
  }
  function archive() {
    const ids = checked.size ? [...checked] : openId ? [openId] : [];
    if (!ids.length) return;
    const moved = [];
    for (const convid of ids) {
      const index = data.messages.findIndex((x) => x.convid === convid);
      if (index < 0) continue;
      moved.push({ message: data.messages[index], index });
    }
    // Remove from the bottom up, so the kept indexes stay true.
    for (const { index } of [...moved].sort((a, b) => b.index - a.index)) data.messages.splice(index, 1);
    archived.push(...moved.map((x) => x.message));
    checked.clear();
    if (ids.includes(openId)) {
      openId = '';
      pane.replaceChildren();
    }
    start = Math.max(0, Math.min(start, data.messages.length - data.pageSize));
    notify(moved.length === 1 ? 'Moved to Archive.' : moved.length + ' items moved to Archive.', moved);
    render();
  }

  const h = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };

  function rowOf(m) {
    const row = h('div', {
        role: 'option', id: m.itemId, 'data-convid': m.convid, 'data-focusable-row': 'true',
        'aria-selected': String(isSelected(m.convid)), tabindex: '-1',
        // A new hashed class per render, like a new Outlook build would have.
        class: 'hcptT r' + renders,
        'aria-label': m.senderName + ' ' + m.subject + ' ' + m.time + ' ' + m.preview,
      },
      h('div', { class: 'XG5Jd' },
        h('div', { class: 'ESO13' }, h('span', { class: 'lpc-hoverTarget', 'data-lpc-hover-target-id': 'lpc-' + m.convid, title: m.senderAddress }, m.senderName)),
        h('div', { class: 'IjzWp' }, h('span', { title: m.subject }, m.subject), h('span', { title: m.dateTitle || ('Fri 11/27/2026 ' + m.time) }, m.time)),
        h('div', { class: 'Gqkow' }, h('span', {}, m.preview))));
    // The row's own selection checkbox (issue #11): ticks the row without opening it.
    const box = h('div', { role: 'checkbox', 'aria-checked': String(checked.has(m.convid)), 'aria-label': 'Select a conversation', class: 'fake-check' });
    box.addEventListener('click', (event) => {
      event.stopPropagation();
      if (checked.has(m.convid)) checked.delete(m.convid);
      else checked.add(m.convid);
      markSelection();
    });
    row.prepend(box);
    row.addEventListener('click', () => open(m.convid));
    return row;
  }

  // Throws every row element away and builds the visible window anew (virtualisation).
  function render() {
    renders += 1;
    listbox.replaceChildren(...data.messages.slice(start, start + data.pageSize).map(rowOf));
    if (data.virtual) {
      // Only the rows near the view exist; padding stands in for the rest (a virtualised list).
      listbox.style.paddingTop = start * data.virtual.rowHeight + 'px';
      listbox.style.paddingBottom = Math.max(0, data.messages.length - start - data.pageSize) * data.virtual.rowHeight + 'px';
    }
    document.documentElement.dataset.renders = String(renders);
  }
  if (data.virtual) {
    const scroller = document.querySelector(css.messageList);
    scroller.addEventListener('scroll', () => {
      const first = Math.floor(scroller.scrollTop / data.virtual.rowHeight) - 2;
      const next = Math.max(0, Math.min(first, data.messages.length - data.pageSize));
      if (next !== start) {
        start = next;
        render();
      }
    });
  }

  function open(convid, push = true) {
    const m = data.messages.find((x) => x.convid === convid);
    if (!m) return;
    openId = convid;
    markSelection();
    if (push) history.pushState({}, '', '/mail/inbox/id/' + encodeURIComponent(m.itemId));
    if (m.broken) {
      pane.replaceChildren(h('div', { role: 'heading', 'aria-level': '2' }, h('span', { title: m.subject }, m.subject)));
      return;
    }
    const body = h('div', { id: 'UniqueMessageBody_1', class: 'allowTextSelection', 'aria-label': 'Message body' });
    const template = m.body ? document.getElementById(m.body) : null;
    if (template) body.append(template.content.cloneNode(true));
    else body.append(h('p', {}, m.text || m.preview));
    pane.replaceChildren(
      h('div', { id: 'ConversationReadingPaneContainer', 'data-app-section': 'ConversationContainer' },
        h('div', { role: 'heading', 'aria-level': '2' }, h('span', { title: m.subject }, m.subject)),
        h('div', { class: 'aVla3' },
          h('div', { 'aria-expanded': 'true' },
            h('div', { 'aria-label': 'Email message', role: 'region' },
              h('div', { class: 'hdr' },
                h('span', { 'aria-label': 'From: ' + m.senderName },
                  h('span', { class: 'lpc-hoverTarget', 'data-lpc-hover-target-id': 'lpc-m-' + m.convid }, m.senderName),
                  h('span', {}, '<' + m.senderAddress + '>')),
                h('div', { 'data-testid': 'RecipientWell' }, 'To: ', h('span', { class: 'lpc-hoverTarget', title: 'me@example.com' }, 'Me Example'))),
              h('div', { role: 'document', tabindex: '0' }, body))))));
  }

  // A recipient: "a@b" or { name, address?, card? } (card: the address only its persona card shows).
  function chip(entry) {
    const recipient = typeof entry === 'string' ? { name: entry, address: entry } : entry;
    chipSeq += 1;
    const id = 'lpc-c' + chipSeq;
    const attrs = { 'data-lpc-hover-target-id': id, class: 'lpc-hoverTarget' };
    if (recipient.address) attrs.title = recipient.address;
    const target = h('span', attrs, h('span', { class: 'textContainer-1' }, recipient.name));
    if (recipient.card) {
      target.addEventListener('mouseenter', () => openCard(target, id, recipient));
      target.addEventListener('mouseleave', closeCards);
    }
    const remove = h('button', { type: 'button', class: 'ms-Button ms-Button--icon removeWellItemButton-310', title: 'Remove', 'aria-label': 'Remove' },
      h('span', { class: 'ms-Button-flexContainer' }, h('i', { 'data-icon-name': 'Cancel', 'aria-hidden': 'true' })));
    const item = h('span', { contenteditable: 'false', class: 'wellItem' }, target, remove);
    remove.addEventListener('click', () => item.remove());
    return item;
  }

  // Outlook's persona card: a layer at the end of the page, linked from the chip while open.
  function openCard(target, id, recipient) {
    closeCards();
    const card = h('div', { id: 'lpc-card-' + id, role: 'dialog', 'aria-label': 'Contact card' },
      h('div', {}, recipient.name), h('div', { 'data-log-name': 'Email' }, h('button', { type: 'button' }, recipient.card)));
    document.body.append(h('div', { class: 'fui-Layer' }, card));
    target.setAttribute('aria-controls', card.id);
    target.setAttribute('aria-expanded', 'true');
  }

  function closeCards() {
    for (const layer of document.querySelectorAll('.fui-Layer')) layer.remove();
    for (const target of document.querySelectorAll('[aria-controls^="lpc-card-"]')) {
      target.removeAttribute('aria-controls');
      target.setAttribute('aria-expanded', 'false');
    }
  }

  // A list pasted into a well becomes recipients, as in Outlook.
  function onPaste(event) {
    const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    const addresses = text.split(/[;,\s]+/).filter((a) => a.includes('@'));
    if (!addresses.length) return;
    event.preventDefault();
    event.currentTarget.append(...addresses.map(chip));
  }

  function recipients() {
    return [...document.querySelectorAll('#fake-to [data-lpc-hover-target-id]')].map((el) => el.getAttribute('title') || el.textContent);
  }

  function compose(recipients) {
    openId = '';
    for (const row of listbox.querySelectorAll(css.listItem)) row.setAttribute('aria-selected', 'false');
    history.pushState({}, '', '/mail/deeplink/compose');
    const to = h('div', { contenteditable: 'true', role: 'textbox', 'aria-label': 'To', id: 'fake-to' }, ...recipients.map(chip));
    to.addEventListener('paste', onPaste);
    pane.replaceChildren(
      h('div', { 'data-app-section': 'MailReadCompose' },
        h('div', { class: 'wellRow' }, h('button', { type: 'button' }, 'To'), to),
        h('input', { type: 'text', autocomplete: 'off', 'aria-label': 'Add a subject' }),
        h('div', { contenteditable: 'true', 'aria-multiline': 'true', role: 'textbox', 'aria-label': 'Message body' }, h('p', {}, 'Hello'))));
  }

  function addRecipient(recipient) {
    const to = document.getElementById('fake-to');
    if (to) to.append(chip(recipient));
  }

  function scrollTo(index) {
    start = Math.max(0, Math.min(index, data.messages.length - data.pageSize));
    render();
  }

  // New mail arrives at the top: every row below moves down one place.
  function arrive(message) {
    data.messages.unshift(message);
    if (data.virtual) start = Math.min(start + 1, Math.max(0, data.messages.length - data.pageSize));
    render();
  }

  document.getElementById('fake-archive').addEventListener('click', archive);
  const idsOf = (list) => list.map((x) => x.itemId);
  window.fakeOutlook = {
    scrollTo, rerender: render, open: (convid) => open(convid), compose, addRecipient, recipients, closeCards, renders: () => renders, arrive,
    /** Item ids in the folder on screen, and in the Archive folder (issue #11). */
    folder: () => idsOf(data.messages),
    archived: () => idsOf(archived),
  };

  render();
  const deep = /\/id\/([^/?#]+)/.exec(location.pathname);
  if (deep) {
    const itemId = decodeURIComponent(deep[1]);
    const m = data.messages.find((x) => x.itemId === itemId);
    if (m) open(m.convid, false);
  } else if (location.pathname.startsWith('/mail/deeplink/compose')) {
    compose([]);
  }
})();
`;

/** The whole fake page. */
export function fakeOutlookHtml(messages: FakeMessage[] = fakeOutlookMessages(), virtual?: FakeOutlookVirtual): string {
  const templates = Object.entries(BODIES)
    .map(([id, file]) => `<template id="${id}">${fixtureBody(file)}</template>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Mail - Me Example - Outlook</title>
<style>
  body { font: 14px system-ui, sans-serif; margin: 0; }
  #app { display: grid; grid-template-columns: 180px 360px 1fr; height: 100vh; }
  [role=navigation] { background: #f3f2f1; padding: 8px; }
  #MailList { border-right: 1px solid #ddd; overflow: hidden; }
  #fake-list-column { display: flex; flex-direction: column; min-height: 0; height: 100vh; }
  #fake-list-column #MailList { flex: 1; min-height: 0; }
  [role=toolbar] { padding: 4px 8px; border-bottom: 1px solid #ddd; } #fake-notification { padding: 0 8px; min-height: 20px; font-size: 12px; }
  .fake-check { display: inline-block; width: 12px; height: 12px; border: 1px solid #888; margin-right: 6px; vertical-align: middle; }
  .fake-check[aria-checked=true] { background: #0f6cbd; }
  [role=option] { padding: 6px 8px; border-bottom: 1px solid #eee; cursor: pointer; }
  [role=option][aria-selected=true] { background: #cfe4fa; }
  .IjzWp span + span { margin-left: 8px; color: #666; }
  .Gqkow { color: #666; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  #ReadingPaneContainerId { padding: 12px; overflow: auto; }
  [role=heading] { font-size: 20px; margin-bottom: 8px; }
  [contenteditable] { border: 1px solid #ccc; min-height: 24px; padding: 4px; margin: 4px 0; }
  #fake-to { max-height: 40vh; overflow: auto; }
  .wellItem { display: inline-flex; align-items: center; margin: 2px; padding: 0 4px; border-radius: 4px; background: #f3f2f1; }
  .wellItem button { border: 0; background: none; cursor: pointer; padding: 0 2px; }
  .wellItem button i::before { content: "×"; font-style: normal; }
  .fui-Layer [role=dialog] { position: fixed; right: 24px; top: 80px; padding: 12px; background: #fff; box-shadow: 0 2px 8px #0004; }
  ${virtual ? `#MailList { overflow-y: auto; } [role=option] { height: ${virtual.rowHeight}px; box-sizing: border-box; overflow: hidden; line-height: 18px; }` : ''}
</style></head>
<body>
<div id="app">
  <div role="navigation" aria-label="Navigation pane">
    <div role="tree" aria-label="Folders">
      <div role="treeitem" id="primaryMailboxRoot_0f3a" data-folder-name="${FAKE_OUTLOOK_ACCOUNT}" title="${FAKE_OUTLOOK_ACCOUNT}"><span>Me Example</span></div>
      <div role="treeitem" aria-selected="true"><span>Inbox</span></div>
    </div>
  </div>
  <div id="fake-list-column">
    <div role="toolbar" aria-label="Ribbon"><button type="button" id="fake-archive" aria-label="Archive" title="Archive"><i data-icon-name="ArchiveRegular" aria-hidden="true"></i> Archive</button></div>
    <div id="fake-notification" role="status"></div>
    <div id="MailList" data-app-section="MessageList" aria-label="Message list"><div role="listbox" aria-label="Inbox"></div></div>
  </div>
  <div id="ReadingPaneContainerId" aria-label="Reading Pane"></div>
</div>
${templates}
<script type="application/json" id="fake-data">${scriptJson({ messages, pageSize: virtual?.pageSize ?? PAGE_SIZE, virtual: virtual ?? null, css: { messageList: outlookCss('messageList'), listItem: outlookCss('listItem'), readingPane: outlookCss('readingPane') } })}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>`;
}

/**
 * Routes the fake Outlook onto a Playwright context, for the e2e tests and the demo mailbox.
 * Every path under each origin gets the page; it reads its own path (deep links work).
 */
export async function routeFakeOutlook(
  context: BrowserContext,
  origins: readonly string[] = [FAKE_OUTLOOK_ORIGIN],
  messages: FakeMessage[] = fakeOutlookMessages(),
  virtual?: FakeOutlookVirtual,
): Promise<void> {
  const html = fakeOutlookHtml(messages, virtual);
  for (const origin of origins) await serveHtml(context, origin, html);
}
