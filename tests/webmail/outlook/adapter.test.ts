// @vitest-environment happy-dom
/**
 * The Outlook adapter on our own dated DOM fixtures (tests/fixtures/dom/outlook/, synthetic, built
 * from ../shared/docs/webmail-dom.md section 2). Each fixture is parsed into a fresh document whose
 * URL is set the way Outlook's would be.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outlookAdapter as adapter, chipAddress, itemIdFromUrl, parseRow } from '../../../lib/webmail/outlook/adapter';
import { OUTLOOK_SELECTORS, type OutlookSelectorName } from '../../../lib/webmail/outlook/selectors';
import { classifyNotice } from '../../../lib/bounce';

// happy-dom replaces the global URL, so fixture paths are plain paths.
const FIXTURES = join(import.meta.dirname, '../../fixtures/dom/outlook');

function load(name: string, url = 'https://outlook.office.com/mail/inbox'): Document {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  return new DOMParser().parseFromString(readFileSync(join(FIXTURES, name), 'utf8'), 'text/html');
}

const LIST = '2026-11-27-list.html';
const EXO = '2026-11-27-reading-exchange-online.html';
const OLC = '2026-11-27-reading-outlook-com.html';
const FRENCH = '2026-11-27-reading-french.html';
const COMPOSE = '2026-11-27-compose.html';

describe('Outlook adapter: page', () => {
  it('recognises the mail app and not a page without it', () => {
    expect(adapter.isApp(load(LIST))).toBe(true);
    const signIn = new DOMParser().parseFromString(
      '<html><body><main><h1>Sign in</h1><form><input type="email" name="loginfmt"></form></main></body></html>',
      'text/html',
    );
    expect(adapter.isApp(signIn)).toBe(false);
  });

  it('reads the mailbox address from the primary mailbox node', () => {
    expect(adapter.account(load(LIST))).toBe('me@example.com');
    expect(adapter.account(load(OLC))).toBe('me.example@outlook.example.com');
    expect(adapter.account(load(FRENCH))).toBe('moi@example.com');
    const bare = new DOMParser().parseFromString('<div id="MailList"></div>', 'text/html');
    expect(adapter.account(bare)).toBe('');
  });

  it('observes the list and the reading pane, not the whole page', () => {
    const doc = load(EXO);
    const roots = adapter.observedRoots(doc);
    expect(roots.map((r) => r.id)).toEqual(['MailList', 'ReadingPaneContainerId']);
  });

  it('observes the main region when no known container is there yet', () => {
    const doc = new DOMParser().parseFromString('<div id="app"><div role="main"><p>Loading…</p></div></div>', 'text/html');
    expect(adapter.observedRoots(doc)).toEqual([doc.querySelector('[role=main]')]);
  });
});

describe('Outlook adapter: message list', () => {
  it('finds the notice rows, in several languages, and skips people writing about deliveries', () => {
    const notices = adapter.findListNotices(load(LIST));
    // Each row's own id (its item id, issue #11), the id an opened notice is reported under.
    expect(notices.map((n) => n.messageId)).toEqual(['AQAAAAEExo1', 'AQAAAAEOlc1', 'AQAAAAEFr1', 'AQAAAAEDe1', 'AQAAAAEEs1', 'AQAAAAEJa1', 'AQAAAAEEx07']);
    expect(notices.map((n) => n.subject)).toEqual([
      'Undeliverable: Quarterly report',
      'Undeliverable: Invitation',
      'Non remis : Votre commande',
      'Unzustellbar: Angebot',
      'No se puede entregar: Reunión',
      '配信不能: 見積もり',
      'Delivery has failed to these recipients or groups',
    ]);
  });

  it('splits a row into sender, subject and preview without Microsoft class names', () => {
    const [first] = adapter.findListNotices(load(LIST));
    expect(first).toBeDefined();
    expect(first!.from).toBe('Microsoft Outlook <postmaster@example.com>');
    expect(first!.snippet).toBe(
      "Your message to ana.gomez@example.org couldn't be delivered. ana.gomez wasn't found at example.org.",
    );
    expect(first!.row.getAttribute('role')).toBe('option');
    // The badge goes beside the subject, inside the row.
    expect(first!.row.contains(first!.badgeHost)).toBe(true);
    expect(first!.badgeHost.querySelector('[title="Undeliverable: Quarterly report"]')).not.toBeNull();
  });

  it('reads the same row whatever the hashed classes are called', () => {
    const doc = load(LIST);
    for (const el of doc.querySelectorAll('[class]')) el.setAttribute('class', 'renamed-by-a-new-build');
    const notices = adapter.findListNotices(doc);
    expect(notices).toHaveLength(7);
    expect(notices[2]!.from).toBe('Microsoft Outlook <postmaster@example.com>');
    expect(notices[2]!.snippet).toContain('luc.martin@example.net');
  });

  it('ignores its own badge when reading a row again (re-applied on every pass)', () => {
    const doc = load(LIST);
    const [first] = adapter.findListNotices(doc);
    const badge = doc.createElement('span');
    badge.setAttribute('data-bounce-sweeper', 'badge');
    badge.setAttribute('title', 'Hard bounce: other@example.org');
    badge.textContent = 'Hard bounce other@example.org';
    first!.badgeHost.prepend(badge);
    const again = adapter.findListNotices(doc)[0]!;
    expect(again.row).toBe(first!.row);
    expect(again.badgeHost).toBe(first!.badgeHost);
    expect(again.subject).toBe(first!.subject);
    expect(again.snippet).toBe(first!.snippet);
  });

  it('finds a row when handed the row itself or an element inside it (a re-rendered row)', () => {
    const doc = load(LIST);
    const row = doc.querySelector<HTMLElement>('[data-convid="AAQkADNDR-DE-1"]')!;
    expect(adapter.findListNotices(row).map((n) => n.messageId)).toEqual(['AQAAAAEDe1']);
    const inner = row.querySelector<HTMLElement>('.Gqkow')!;
    expect(adapter.findListNotices(inner).map((n) => n.row)).toEqual([row]);
  });

  it('falls back to the first line after the sender when the subject has no tooltip', () => {
    const doc = new DOMParser().parseFromString(
      `<div role="listbox"><div role="option" data-convid="C1">
         <div><span title="postmaster@example.com">Microsoft Outlook</span></div>
         <div><span>Undeliverable: Budget</span></div>
         <div><span>Delivery has failed to these recipients or groups: x@example.org</span></div>
       </div></div>`,
      'text/html',
    );
    const row = doc.querySelector<HTMLElement>('[role=option]')!;
    expect(parseRow(row)).toMatchObject({
      from: 'Microsoft Outlook <postmaster@example.com>',
      subject: 'Undeliverable: Budget',
      snippet: 'Delivery has failed to these recipients or groups: x@example.org',
      subjectEl: null,
    });
  });
});

describe('Outlook adapter: reading pane', () => {
  it('reads an Exchange Online NDR as rendered text the classifier understands', async () => {
    const doc = load(EXO);
    const notices = adapter.findOpenNotices(doc);
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    expect(notice.subject).toBe('Undeliverable: Quarterly report');
    expect(notice.from).toBe('Microsoft Outlook <postmaster@example.com>');
    expect(notice.body.getAttribute('role')).toBe('document');
    expect(notice.bannerHost).toBe(notice.body);
    // The banner goes before the body, inside the message that holds the header.
    expect(notice.message.contains(notice.body)).toBe(true);
    expect(notice.message.querySelector('[data-testid="RecipientWell"]')).not.toBeNull();
    expect(notice.messageId).toBe('AQAAAAEExo1'); // no item id in the URL: the open row's own id (issue #11: the message's id, not its place)

    const report = await adapter.readNotice(notice, doc);
    expect(report).toMatchObject({ webmail: 'outlook', account: 'me@example.com', messageId: 'AQAAAAEExo1' });
    expect(report.raw).toBeUndefined();
    const text = report.rendered!.text;
    expect(text.split('\n')).toContain("Your message to ana.gomez@example.org couldn't be delivered.");
    expect(text.split('\n')).toContain('Status code: 550 5.1.10');
    expect(text).toContain('Reported error:\t550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup');
    expect(text).not.toContain('margin'); // the <style> in the mail is not text
    expect(text).not.toContain('Reply'); // the header toolbar is not the body

    // The text carries what the core needs: one hard bounce for the recipient, and never the
    // mailbox owner's own "Sender Address".
    const classified = await classifyNotice({ view: 'rendered', ...report.rendered! });
    expect(classified.isBounce).toBe(true);
    expect(classified.recipients.map((r) => [r.address, r.kind, r.reason, r.status])).toEqual([
      ['ana.gomez@example.org', 'hard', 'userunknown', '5.1.10'],
    ]);
  });

  it('reads an Outlook.com NDR: sender in the title, subject from the open row when the pane has no heading', async () => {
    const doc = load(OLC, 'https://outlook.live.com/mail/0/inbox/id/AQMkADAwATM0MDAAMS1%2BAAA%3D');
    const [notice, ...rest] = adapter.findOpenNotices(doc);
    expect(rest).toHaveLength(0);
    expect(notice!.subject).toBe('Undeliverable: Invitation');
    expect(notice!.from).toBe('Microsoft Outlook <postmaster@outlook.com>');
    expect(notice!.messageId).toBe('AQMkADAwATM0MDAAMS1+AAA='); // the open row's own id (its item id)
    const report = await adapter.readNotice(notice!, doc);
    expect(report.url).toBe('https://outlook.live.com/mail/0/inbox/id/AQMkADAwATM0MDAAMS1%2BAAA%3D');
    const lines = report.rendered!.text.split('\n');
    expect(lines).toContain('bob@example.org (bob@example.org)');
    expect(lines).toContain("Remote Server returned '550 5.1.1 <bob@example.org>... User Unknown'");
    expect(lines).toContain('Diagnostic information for administrators:');

    const classified = await classifyNotice({ view: 'rendered', ...report.rendered! });
    expect(classified.recipients.map((r) => [r.address, r.kind])).toEqual([['bob@example.org', 'hard']]);
  });

  it('reads a French NDR in a French UI without reading a single French label', async () => {
    const doc = load(FRENCH);
    const [notice] = adapter.findOpenNotices(doc);
    expect(notice).toBeDefined();
    expect(notice!.subject).toBe('Non remis : Votre commande');
    expect(notice!.from).toBe('Microsoft Outlook <postmaster@example.com>');
    const report = await adapter.readNotice(notice!, doc);
    expect(report.account).toBe('moi@example.com');
    const lines = report.rendered!.text.split('\n');
    expect(lines).toContain('Échec de la remise pour ces destinataires ou groupes :');
    expect(lines).toContain('luc.martin@example.net');
    expect(lines).toContain("Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'");

    const classified = await classifyNotice({ view: 'rendered', ...report.rendered! });
    expect(classified.recipients.map((r) => [r.address, r.kind, r.status])).toEqual([['luc.martin@example.net', 'hard', '5.1.1']]);
  });

  // Localized Exchange NDRs in a UI of the same language (issue 5: at least en, fr, de, es, ja).
  const localized: Array<[string, string, string, string, string, string]> = [
    [FRENCH, 'Non remis : Votre commande', 'luc.martin@example.net', 'hard', 'userunknown', '5.1.1'],
    ['2026-11-27-reading-german.html', 'Unzustellbar: Angebot', 'uwe.braun@example.net', 'hard', 'userunknown', '5.1.1'],
    ['2026-11-27-reading-spanish.html', 'No se puede entregar: Reunión', 'rosa.diaz@example.net', 'soft', 'mailboxfull', '5.2.2'],
    ['2026-11-27-reading-japanese.html', '配信不能: 見積もり', 'kenji@example.net', 'hard', 'userunknown', '5.1.1'],
  ];
  it.each(localized)('%s: reads and classifies the localized NDR', async (fixture, subject, address, kind, reason, status) => {
    const doc = load(fixture);
    const [notice, ...rest] = adapter.findOpenNotices(doc);
    expect(rest).toHaveLength(0);
    expect(notice!.subject).toBe(subject);
    expect(notice!.from).toBe('Microsoft Outlook <postmaster@example.com>');
    const report = await adapter.readNotice(notice!, doc);
    expect(report.account).toBe('moi@example.com');
    expect(report.rendered!.text.split('\n')).toContain(address);
    const classified = await classifyNotice({ view: 'rendered', ...report.rendered! });
    expect(classified.recipients.map((r) => [r.address, r.kind, r.reason, r.status])).toEqual([[address, kind, reason, status]]);
  });

  it('finds the message even without the hashed message class', () => {
    const doc = load(FRENCH);
    for (const el of doc.querySelectorAll('.aVla3')) el.classList.remove('aVla3');
    const [notice] = adapter.findOpenNotices(doc);
    expect(notice!.from).toBe('Microsoft Outlook <postmaster@example.com>');
    expect(notice!.message.contains(notice!.body)).toBe(true);
    expect(notice!.message.querySelector('[aria-label^="De :"]')).not.toBeNull();
  });

  it('leaves an ordinary message alone', () => {
    const doc = load(EXO);
    const sender = doc.querySelector('[data-lpc-hover-target-id="lpc-m1"]')!;
    sender.textContent = 'Ana Gomez';
    sender.nextElementSibling!.textContent = '<ana.gomez@example.org>';
    doc.querySelector('[role=heading] span')!.setAttribute('title', 'Quarterly report');
    doc.querySelector('[role=heading] span')!.textContent = 'Quarterly report';
    expect(adapter.findOpenNotices(doc)).toEqual([]);
  });

  it('falls back to the deep link item id when no single row is open', () => {
    const doc = load(OLC, 'https://outlook.live.com/mail/0/inbox/id/AQMkADAwATM0MDAAMS1%2BAAA%3D');
    doc.querySelector('[aria-selected="true"]')!.setAttribute('aria-selected', 'false');
    doc.querySelector('[role=heading]')?.remove();
    const heading = doc.createElement('div');
    heading.setAttribute('role', 'heading');
    heading.textContent = 'Undeliverable: Invitation';
    doc.getElementById('ReadingPaneContainerId')!.prepend(heading);
    const [notice] = adapter.findOpenNotices(doc);
    expect(notice!.messageId).toBe('AQMkADAwATM0MDAAMS1+AAA=');
  });

  it('tells two notices of one conversation apart', () => {
    const doc = load(FRENCH, 'https://outlook.office.com/mail/inbox/id/AAMkADFR%3D');
    const message = doc.querySelector('.aVla3')!;
    message.after(message.cloneNode(true));
    const notices = adapter.findOpenNotices(doc);
    expect(notices.map((n) => n.messageId)).toEqual(['AAQkADNDR-FR-1#0', 'AAQkADNDR-FR-1#1']);
  });

  it('reads a notice opened in its own window (no list, no pane container)', async () => {
    const doc = load(EXO, 'https://outlook.office.com/mail/inbox/id/AAMkADEXO1%3D');
    doc.getElementById('MailList')!.remove();
    doc.querySelector('[role=navigation]')!.remove();
    const pane = doc.getElementById('ReadingPaneContainerId')!;
    pane.removeAttribute('id');
    pane.firstElementChild!.removeAttribute('id');
    pane.firstElementChild!.removeAttribute('data-app-section');
    expect(adapter.isApp(doc)).toBe(true);
    expect(adapter.observedRoots(doc)).toEqual([doc.querySelector('[role=main]')]);
    const [notice] = adapter.findOpenNotices(doc.querySelector('[role=main]')!);
    expect(notice).toMatchObject({ messageId: 'AAMkADEXO1=', subject: 'Undeliverable: Quarterly report' });
    expect(adapter.account(doc)).toBe('');
    const report = await adapter.readNotice(notice!, doc);
    expect(report.rendered!.text).toContain('ana.gomez@example.org');
  });

  it('takes the item id from deep links only', () => {
    expect(itemIdFromUrl('https://outlook.office.com/mail/inbox/id/AAMkAD%2Fx%3D')).toBe('AAMkAD/x=');
    expect(itemIdFromUrl('https://outlook.cloud.microsoft/mail/id/AAQk?nlp=1')).toBe('AAQk');
    expect(itemIdFromUrl('https://outlook.office.com/mail/inbox')).toBe('');
    expect(itemIdFromUrl('not a url')).toBe('');
  });
});

describe('Outlook adapter: compose', () => {
  it('reads addresses from chip attributes, chip text and the open persona card, and skips name-only chips', () => {
    const doc = load(COMPOSE);
    const recipients = adapter.findComposeRecipients(doc);
    expect(recipients.map((r) => r.address)).toEqual([
      'ana.gomez@example.org', // title
      'bob@example.org', // "Bob Stone <Bob@Example.ORG>"
      'carol@example.org', // bare address
      'eve.park@example.org', // persona card linked by aria-controls
      'hana.mori@example.org', // the label of the chip's own wrapper
      'frank@example.org', // Cc well, Briskine-style text container
    ]);
    // Not the body's addresses, not "Dan Lee" / "Gina Roe" (name only), not the two-address group chip.
    for (const recipient of recipients) expect(recipient.chip.closest('[aria-multiline="true"]')).toBeNull();
    expect(recipients.map((r) => r.chip.textContent)).not.toContain('Dan Lee');
  });

  it('says nothing for a chip whose persona card has closed', () => {
    const doc = load(COMPOSE);
    doc.getElementById('lpc-card-5')!.remove();
    const eve = doc.querySelector<HTMLElement>('[data-lpc-hover-target-id="lpc-c5"]')!;
    expect(chipAddress(eve)).toBe('');
    expect(adapter.findComposeRecipients(doc).map((r) => r.address)).not.toContain('eve.park@example.org');
  });

  it('finds recipients when handed the compose form or a well', () => {
    const doc = load(COMPOSE);
    const well = doc.querySelector<HTMLElement>('[aria-label="Cc"]')!;
    expect(adapter.findComposeRecipients(well).map((r) => r.address)).toContain('frank@example.org');
    const pane = doc.getElementById('ReadingPaneContainerId')!;
    expect(adapter.findComposeRecipients(pane)).toHaveLength(6);
  });

  it('finds no recipients outside a compose form', () => {
    expect(adapter.findComposeRecipients(load(EXO))).toEqual([]);
  });

  it('names each recipient\'s compose form and well (To 0, Cc 1)', () => {
    const doc = load(COMPOSE);
    const form = doc.querySelector('[data-app-section="MailReadCompose"]');
    const recipients = adapter.findComposeRecipients(doc);
    expect(recipients.every((r) => r.compose === form)).toBe(true);
    expect(recipients.map((r) => [r.address, r.field])).toEqual([
      ['ana.gomez@example.org', '0'],
      ['bob@example.org', '0'],
      ['carol@example.org', '0'],
      ['eve.park@example.org', '0'],
      ['hana.mori@example.org', '0'],
      ['frank@example.org', '1'],
    ]);
  });

  it('keeps the address a persona card showed for a name-only chip after the card closes, while the chip shows the same name', () => {
    const doc = load(COMPOSE);
    const eve = doc.querySelector<HTMLElement>('[data-lpc-hover-target-id="lpc-c5"]')!;
    expect(chipAddress(eve)).toBe('eve.park@example.org');
    doc.getElementById('lpc-card-5')!.remove();
    eve.removeAttribute('aria-controls');
    expect(chipAddress(eve)).toBe('eve.park@example.org');
    // The same element now shows someone else: what the card said no longer holds.
    eve.querySelector('.individualText-102')!.textContent = 'Ed Parker';
    expect(chipAddress(eve)).toBe('');
  });

  it('observes an open persona card, so a name-only chip is looked at again when Outlook shows its address', () => {
    const doc = load(COMPOSE);
    const card = doc.getElementById('lpc-card-5');
    expect(adapter.observedRoots(doc)).toContain(card);
    card!.remove();
    expect(adapter.observedRoots(doc)).not.toContain(card);
  });

  it('removes a recipient with the well item\'s own remove button, and says so when there is none', () => {
    const doc = load(COMPOSE);
    const clicked: string[] = [];
    doc.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button');
      if (button) clicked.push((button.closest('.wellItem')?.textContent ?? '').trim());
    });
    const [ana, , carol] = adapter.findComposeRecipients(doc);
    expect(adapter.removeRecipient(ana!)).toBe(true);
    expect(clicked).toEqual(['Ana Gómez']);
    expect(adapter.removeRecipient(carol!)).toBe(false);
  });

  it('puts addresses back by pasting them into their well, typing them when Outlook does not take the paste', () => {
    const doc = load(COMPOSE);
    const form = doc.querySelector<HTMLElement>('[data-app-section="MailReadCompose"]')!;
    const cc = doc.querySelector<HTMLElement>('[aria-label="Cc"]')!;
    const pasted: string[] = [];
    cc.addEventListener('paste', (event) => {
      pasted.push((event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '');
      event.preventDefault();
    });
    expect(adapter.addRecipients(form, '1', ['a@example.org', 'b@example.org'])).toBe(true);
    expect(pasted).toEqual(['a@example.org; b@example.org']);
    // Nobody takes the paste in the To well: the text is typed in and confirmed with Enter.
    const to = doc.querySelector<HTMLElement>('[aria-label="To"]')!;
    const keys: string[] = [];
    to.addEventListener('keydown', (event) => keys.push(event.key));
    expect(adapter.addRecipients(form, '0', ['z@example.org'])).toBe(true);
    expect(to.textContent).toContain('z@example.org');
    expect(keys).toEqual(['Enter']);
    expect(adapter.addRecipients(form, '7', ['z@example.org'])).toBe(false);
  });

  it('puts the compose summary above the subject box, outside the wells', () => {
    const doc = load(COMPOSE);
    const form = doc.querySelector<HTMLElement>('[data-app-section="MailReadCompose"]')!;
    const host = doc.createElement('div');
    expect(adapter.placeComposeSummary(form, host)).toBe(true);
    expect(host.nextElementSibling?.matches('input[aria-label="Add a subject"]')).toBe(true);
    expect(host.closest('[contenteditable="true"]')).toBeNull();
  });
});

describe('Outlook selectors: which variant matches each fixture', () => {
  // When a fixture from a new Outlook build is added, this table says which fallbacks it exercises.
  const firstMatching = (doc: Document, name: OutlookSelectorName): string | undefined =>
    OUTLOOK_SELECTORS[name].find((variant) => doc.querySelector(variant.css) !== null)?.css;
  const cases: Array<[string, OutlookSelectorName, string]> = [
    [LIST, 'listItem', '[role="listbox"] [role="option"][data-convid]'],
    [LIST, 'rowSender', '[data-lpc-hover-target-id][title*="@"]'],
    [LIST, 'account', '[id^="primaryMailboxRoot"]'],
    [EXO, 'messageBody', '[role="document"]'],
    [EXO, 'readingPane', '#ReadingPaneContainerId'],
    [OLC, 'readingSubject', 'none'], // no heading: the subject comes from the open row
    [COMPOSE, 'recipientWell', '[contenteditable="true"]:not([aria-multiline="true"])'],
    [COMPOSE, 'recipientChip', '[data-lpc-hover-target-id]'],
    [COMPOSE, 'recipientTextChip', '[class*="individualText-"]'],
    [COMPOSE, 'recipientRemove', '[data-icon-name="Cancel"]'],
    [COMPOSE, 'composeSubject', 'input[type="text"][autocomplete="off"]'],
    [COMPOSE, 'personaCardEmail', '[data-log-name="Email"]'],
  ];
  it.each(cases)('%s: %s', (fixture, name, expected) => {
    expect(firstMatching(load(fixture), name) ?? 'none').toBe(expected);
  });
});

describe('Outlook adapter: proof of life (issue #13)', () => {
  it('reads the people who wrote, each with the row date; never a notice sender or the user', () => {
    const signs = adapter.findLifeSigns!(load(LIST));
    expect(signs.map((sign) => sign.address).sort()).toEqual(['jane@example.net', 'news@example.net']);
    expect(signs.find((sign) => sign.address === 'jane@example.net')?.at).toBe(new Date(2026, 10, 27, 10, 15).toISOString());
  });

  it('skips a row with two sender personas, and every row of Sent Items or Drafts', () => {
    const doc = load(LIST);
    const jane = doc.querySelector('[title="jane@example.net"]')!;
    jane.after('; ', Object.assign(jane.cloneNode(true) as Element, { title: 'carol@example.net' }));
    expect(adapter.findLifeSigns!(doc).map((sign) => sign.address)).toEqual(['news@example.net']);
    for (const url of ['https://outlook.office.com/mail/sentitems', 'https://outlook.live.com/mail/0/drafts/id/AQAA']) {
      expect(adapter.findLifeSigns!(load(LIST, url)), url).toEqual([]);
    }
  });

  it('reads an open message by its header sender, dated by its one open row; a notice gives none', () => {
    expect(adapter.findLifeSigns!(load(EXO)).map((sign) => sign.address)).toEqual([]);
    const doc = load(EXO);
    // The same pane with a person's message in it: sender name and address as the header writes them.
    const from = doc.querySelector('[aria-label^="From:"]')!;
    from.querySelector('.ZtF1s')!.textContent = '<Jane@Example.net>';
    from.querySelector('.lpc-hoverTarget')!.textContent = 'Jane Doe';
    const selected = doc.querySelectorAll('[role="option"][aria-selected="true"]');
    expect(selected).toHaveLength(1);
    const signs = adapter.findLifeSigns!(doc).filter((sign) => sign.address === 'jane@example.net');
    expect(signs).toEqual([{ address: 'jane@example.net', at: new Date(2026, 10, 27, 10, 42).toISOString() }]);
    // Two rows selected (checked): which one is open is not known, so no date and no sign.
    const checked = selected[0]!.cloneNode(true) as Element;
    checked.id = 'AQAAAAEChecked';
    selected[0]!.after(checked);
    expect(adapter.findLifeSigns!(doc).filter((sign) => sign.address === 'jane@example.net')).toEqual([]);
  });
});
