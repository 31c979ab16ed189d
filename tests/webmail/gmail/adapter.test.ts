// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createGmailAdapter, legacyToPermId, messageRefOf } from '../../../lib/webmail/gmail/adapter';
import { IK_ATTRIBUTE, USER_ATTRIBUTE, accountPath, readPageInfo } from '../../../lib/webmail/gmail/page-info';
import { ShowOriginalFetcher } from '../../../lib/webmail/gmail/show-original';
import { GMAIL_URL, loadGmail, readGmailFixture } from '../helpers';

const RAW_USERUNKNOWN = readGmailFixture('raw/gmail-dsn-userunknown.eml');

/** A "Show original" page as Gmail serves it: the message HTML-escaped inside <pre id=raw_message_text>. */
function showOriginalPage(raw: string): string {
  const escaped = raw.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!DOCTYPE html><html><head><title>Original Message</title></head><body><div class="top"><a href="?view=att&amp;th=19a5b1c2d3e4f501&amp;attid=0">Download original</a></div><pre class="raw_message_text" id="raw_message_text">${escaped}</pre></body></html>`;
}

function stubFetch(handler: (url: string) => Response): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = String(input);
    urls.push(url);
    return handler(url);
  }) as typeof fetch;
  return { fetch: fetchImpl, urls };
}

const noWait = { minGapMs: 0, sleep: async () => undefined };

describe('Gmail adapter: message list (2026-11-27-list.html)', () => {
  beforeEach(() => loadGmail(GMAIL_URL, '2026-11-27-list.html'));

  it('finds the bounce rows and only them', () => {
    const adapter = createGmailAdapter();
    const notices = adapter.findListNotices(document);
    expect(notices.map((n) => n.subject)).toEqual([
      'Delivery Status Notification (Failure)',
      'Undelivered Mail Returned to Sender',
      'Delivery Status Notification (Delay)',
      'Quarterly report',
      'Unzustellbar: Rechnung 42',
    ]);
  });

  it('reads sender, snippet, ids and the badge host of a row', () => {
    const [first] = createGmailAdapter().findListNotices(document);
    expect(first?.from).toBe('Mail Delivery Subsystem <mailer-daemon@googlemail.com>');
    expect(first?.snippet).toMatch(/^Address not found Your message wasn't delivered to ann\.lee@example\.com/);
    expect(first?.messageId).toBe('19a5b1c2d3e4f501');
    expect(first?.row.matches('tr.zA')).toBe(true);
    expect(first?.badgeHost.matches('div.y6')).toBe(true);
  });

  it('finds a row from the row itself (an added node) as well as from the list', () => {
    const row = document.querySelectorAll<HTMLElement>('tr.zA')[2]!;
    const notices = createGmailAdapter().findListNotices(row);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.row).toBe(row);
  });

  it('finds the row around a node painted inside it (hover actions), and nothing around an ordinary row', () => {
    const adapter = createGmailAdapter();
    const rows = document.querySelectorAll<HTMLElement>('tr.zA');
    const hover = document.createElement('ul');
    rows[0]!.querySelector('td.xW')!.append(hover);
    expect(adapter.findListNotices(hover).map((n) => n.row)).toEqual([rows[0]]);
    const other = document.createElement('ul');
    rows[1]!.append(other);
    expect(adapter.findListNotices(other)).toEqual([]);
    expect(adapter.findsAroundNodes).toBe(true);
  });

  it('lists every participant of a threaded bounce', () => {
    const threaded = createGmailAdapter().findListNotices(document).find((n) => n.subject === 'Quarterly report');
    expect(threaded?.from).toBe('me <user@example.com>, Mail Delivery Subsystem <mailer-daemon@googlemail.com>');
  });

  it('falls back to the older subject markup when span.bog is gone', () => {
    for (const bog of document.querySelectorAll('span.bog')) bog.replaceWith(...bog.childNodes);
    for (const span of document.querySelectorAll('div.y6 > span[data-thread-id]')) span.id = ':x';
    const subjects = createGmailAdapter().findListNotices(document).map((n) => n.subject);
    expect(subjects).toContain('Delivery Status Notification (Failure)');
    expect(subjects).not.toContain('Lunch on Friday');
  });
});

describe('Gmail adapter: opened notices', () => {
  it('finds the opened bounce card, its body and ids (2026-11-27-opened-bounce.html)', () => {
    loadGmail('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyz', '2026-11-27-opened-bounce.html');
    const [notice, ...rest] = createGmailAdapter().findOpenNotices(document);
    expect(rest).toHaveLength(0);
    expect(notice?.messageId).toBe('19a5b1c2d3e4f501');
    expect(notice?.subject).toBe('Delivery Status Notification (Failure)');
    expect(notice?.from).toBe('Mail Delivery Subsystem <mailer-daemon@googlemail.com>');
    expect(notice?.body.matches('div.a3s.aiL')).toBe(true);
    expect(notice?.bannerHost).toBe(notice?.body);
    expect(messageRefOf(notice!.message)).toEqual({ permId: 'msg-f:1848078672442225921', legacyId: '19a5b1c2d3e4f501' });
  });

  it('detects the bounce per message inside a conversation (2026-11-27-threaded-bounce.html)', () => {
    loadGmail('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWabc', '2026-11-27-threaded-bounce.html');
    const notices = createGmailAdapter().findOpenNotices(document);
    expect(notices.map((n) => n.messageId)).toEqual(['19a5b1c2d3e4f505']);
    expect(notices[0]?.subject).toBe('Quarterly report');
  });

  it('finds the message from a node added deep inside it (a body painted after expansion)', () => {
    loadGmail('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWabc', '2026-11-27-threaded-bounce.html');
    const body = document.querySelector<HTMLElement>('[data-legacy-message-id="19a5b1c2d3e4f505"] div.a3s')!;
    expect(createGmailAdapter().findOpenNotices(body).map((n) => n.messageId)).toEqual(['19a5b1c2d3e4f505']);
  });

  it('ignores the message list and compose', () => {
    loadGmail(GMAIL_URL, '2026-11-27-list.html', '2026-11-27-compose.html');
    expect(createGmailAdapter().findOpenNotices(document)).toEqual([]);
  });
});

describe('Gmail adapter: compose (2026-11-27-compose.html)', () => {
  it('reads addresses from peoplekit chips and skips chips without one', () => {
    loadGmail(GMAIL_URL, '2026-11-27-compose.html');
    const recipients = createGmailAdapter().findComposeRecipients(document);
    expect(recipients.map((r) => r.address)).toEqual(['ann.lee@example.com', 'bob@example.org', 'carl@example.net']);
    expect(recipients.every((r) => r.chip.getAttribute('role') === 'option')).toBe(true);
  });

  it('names each recipient\'s compose window and field', () => {
    loadGmail(GMAIL_URL, '2026-11-27-compose.html');
    const compose = document.querySelector('div.M9');
    const recipients = createGmailAdapter().findComposeRecipients(document);
    expect(recipients.map((r) => [r.address, r.field])).toEqual([
      ['ann.lee@example.com', 'to'],
      ['bob@example.org', 'to'],
      ['carl@example.net', 'cc'],
    ]);
    expect(recipients.every((r) => r.compose === compose)).toBe(true);
  });

  it("removes a chip with its own remove button, and says so for a chip without one", () => {
    loadGmail(GMAIL_URL, '2026-11-27-compose.html');
    const clicked: Array<string | null> = [];
    document.addEventListener('click', (event) => clicked.push((event.target as Element).getAttribute('aria-label')));
    const adapter = createGmailAdapter();
    const [ann] = adapter.findComposeRecipients(document);
    expect(adapter.removeRecipient(ann!)).toBe(true);
    expect(clicked).toEqual(['Remove Ann Lee']);
    const bare = { ...ann!, chip: document.createElement('div') };
    expect(adapter.removeRecipient(bare)).toBe(false);
  });

  it('puts addresses back by pasting them into the field\'s typing input, as InboxSDK does', () => {
    loadGmail(GMAIL_URL, '2026-11-27-compose.html');
    const compose = document.querySelector<HTMLElement>('div.M9')!;
    const pasted: Array<[string | null | undefined, string]> = [];
    document.addEventListener('paste', (event) => {
      pasted.push([(event.target as Element).closest('.anm')?.getAttribute('name'), (event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '']);
    });
    const adapter = createGmailAdapter();
    expect(adapter.addRecipients(compose, 'cc', ['a@example.org', 'b@example.org'])).toBe(true);
    expect(pasted).toEqual([['cc', 'a@example.org,b@example.org']]);
    expect(adapter.addRecipients(compose, 'bcc', ['a@example.org'])).toBe(false); // no Bcc field open
  });

  it('puts the compose summary right above the subject box', () => {
    loadGmail(GMAIL_URL, '2026-11-27-compose.html');
    const compose = document.querySelector<HTMLElement>('div.M9')!;
    const host = document.createElement('div');
    expect(createGmailAdapter().placeComposeSummary(compose, host)).toBe(true);
    expect(host.nextElementSibling?.matches('input[name="subjectbox"]')).toBe(true);
  });

  it('reads legacy chips (hidden input "Name <addr>")', () => {
    loadGmail(GMAIL_URL);
    const m9 = document.createElement('div');
    m9.className = 'M9';
    const chip = document.createElement('div');
    chip.className = 'vR';
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'to';
    input.value = 'Dana Cole <Dana@Example.com>';
    chip.append(input);
    m9.append(chip);
    document.body.append(m9);
    expect(createGmailAdapter().findComposeRecipients(document).map((r) => r.address)).toEqual(['dana@example.com']);
  });
});

describe('Gmail adapter: app, roots, account', () => {
  it('knows the app, its roots and the account', () => {
    loadGmail('https://mail.google.com/mail/u/1/#inbox', '2026-11-27-list.html', '2026-11-27-compose.html');
    const adapter = createGmailAdapter();
    expect(adapter.isApp(document)).toBe(true);
    expect(adapter.observedRoots(document).map((r) => r.getAttribute('role') ?? r.className)).toEqual(['main', 'dw']);
    expect(adapter.account(document)).toBe('u/1');
    document.documentElement.setAttribute(USER_ATTRIBUTE, 'User@Example.com');
    expect(adapter.account(document)).toBe('user@example.com');
  });

  it('is not the app on a sign-in page', () => {
    loadGmail('https://mail.google.com/mail/u/0/');
    expect(createGmailAdapter().isApp(document)).toBe(false);
  });

  it('validates what the page world hands over', () => {
    loadGmail(GMAIL_URL);
    document.documentElement.setAttribute(IK_ATTRIBUTE, '1f119f7bbb&view=att');
    document.documentElement.setAttribute(USER_ATTRIBUTE, '<img src=x>@example.com');
    expect(readPageInfo(document)).toEqual({ ik: '', userEmail: '' });
    document.documentElement.setAttribute(IK_ATTRIBUTE, '1f119f7bbb');
    expect(readPageInfo(document).ik).toBe('1f119f7bbb');
  });

  it('falls back to ik= in Gmail links when the page world said nothing', () => {
    loadGmail('https://mail.google.com/mail/u/0/#inbox/x', '2026-11-27-opened-bounce.html');
    // The card's icon is served through Gmail's own view=fimg URL, which carries ik.
    const img = document.querySelector('img[alt="Error Icon"]')!;
    const link = document.createElement('a');
    link.href = img.getAttribute('src')!;
    document.body.append(link);
    expect(readPageInfo(document).ik).toBe('1f119f7bbb');
  });

  it('keeps delegated and numbered account paths', () => {
    expect(accountPath('/mail/u/2/')).toBe('/mail/u/2/');
    expect(accountPath('/mail/b/ABCdef_1/u/0/')).toBe('/mail/b/ABCdef_1/u/0/');
    expect(accountPath('/evil/../mail')).toBe('/mail/u/0/');
  });

  it('turns a legacy hex id into the msg-f decimal without losing precision', () => {
    expect(legacyToPermId('19a5b1c2d3e4f501')).toBe('msg-f:1848078672442225921');
  });
});

describe('Gmail adapter: readNotice', () => {
  beforeEach(() => {
    loadGmail('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyz', '2026-11-27-opened-bounce.html');
    document.documentElement.setAttribute(IK_ATTRIBUTE, '1f119f7bbb');
    document.documentElement.setAttribute(USER_ATTRIBUTE, 'user@example.com');
  });

  it('fetches "Show original" once and reports the decoded raw source', async () => {
    const stub = stubFetch(() => new Response(showOriginalPage(RAW_USERUNKNOWN), { status: 200 }));
    const adapter = createGmailAdapter({ fetcher: new ShowOriginalFetcher({ fetch: stub.fetch, ...noWait }) });
    const [notice] = adapter.findOpenNotices(document);
    const report = await adapter.readNotice(notice!, document);
    expect(stub.urls).toEqual(['https://mail.google.com/mail/u/0/?ik=1f119f7bbb&view=om&permmsgid=msg-f%3A1848078672442225921']);
    expect(report.raw).toBe(RAW_USERUNKNOWN);
    expect(report).toMatchObject({ webmail: 'gmail', account: 'user@example.com', messageId: '19a5b1c2d3e4f501' });
    expect(report.url).toBe('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyz');
    // Reading it again (a re-render) never sends a second request.
    await adapter.readNotice(adapter.findOpenNotices(document)[0]!, document);
    expect(stub.urls).toHaveLength(1);
  });

  it('falls back to the rendered text when the raw source cannot be had', async () => {
    const stub = stubFetch(() => new Response('Server error', { status: 500 }));
    const adapter = createGmailAdapter({ fetcher: new ShowOriginalFetcher({ fetch: stub.fetch, ...noWait }) });
    const report = await adapter.readNotice(adapter.findOpenNotices(document)[0]!, document);
    expect(report.raw).toBeUndefined();
    expect(report.rendered?.subject).toBe('Delivery Status Notification (Failure)');
    expect(report.rendered?.from).toBe('Mail Delivery Subsystem <mailer-daemon@googlemail.com>');
    expect(report.rendered?.text).toContain("Your message wasn't delivered to ann.lee@example.com");
    expect(report.rendered?.text).toContain('550 5.1.1 The email account that you tried to reach does not exist.');
    expect(report.rendered?.date).toBe(new Date('Tue, Nov 24, 2026, 9:14 AM').toISOString());
  });

  it('falls back when the answer is a page without the original (signed out)', async () => {
    const stub = stubFetch(() => new Response('<html><body><form id="signin"></form></body></html>', { status: 200 }));
    const adapter = createGmailAdapter({ fetcher: new ShowOriginalFetcher({ fetch: stub.fetch, ...noWait }) });
    const report = await adapter.readNotice(adapter.findOpenNotices(document)[0]!, document);
    expect(report.raw).toBeUndefined();
    expect(report.rendered?.text).toContain('ann.lee@example.com');
  });

  it('falls back when the network refuses', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const adapter = createGmailAdapter({ fetcher: new ShowOriginalFetcher({ fetch: failing, ...noWait }) });
    const report = await adapter.readNotice(adapter.findOpenNotices(document)[0]!, document);
    expect(report.raw).toBeUndefined();
  });
});

describe('Gmail adapter: proof of life (issue #13)', () => {
  beforeEach(() => {
    loadGmail(GMAIL_URL, '2026-11-27-list.html');
    document.documentElement.setAttribute(USER_ATTRIBUTE, 'user@example.com');
  });

  it('reads the people who wrote, each with the row date; never a notice sender or the user', () => {
    const signs = createGmailAdapter().findLifeSigns!(document);
    expect(signs).toEqual([
      { address: 'bob@example.org', at: new Date('Tue, Nov 24, 2026, 8:02 AM').toISOString() },
      { address: 'gina@example.org', at: expect.any(String) },
    ]);
    const gina = [...document.querySelectorAll('tr.zA')].find((row) => row.querySelector('[email="gina@example.org"]'))!;
    expect(signs[1]!.at).toBe(new Date(gina.querySelector('td.xW > span[title]')!.getAttribute('title')!).toISOString());
  });

  it('skips a row with two participants: its date is the last message, whoever sent it', () => {
    const row = document.querySelector('[email="bob@example.org"]')!;
    const other = row.cloneNode(true) as Element;
    other.setAttribute('email', 'carol@example.net');
    row.after(', ', other);
    expect(createGmailAdapter().findLifeSigns!(document).map((sign) => sign.address)).toEqual(['gina@example.org']);
  });

  it('skips rows that list recipients: the Sent route, a search in:sent, a "To:" label', () => {
    for (const hash of ['#sent', '#drafts', '#search/in%3Asent+lunch']) {
      (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`https://mail.google.com/mail/u/0/${hash}`);
      expect(createGmailAdapter().findLifeSigns!(document), hash).toEqual([]);
    }
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(GMAIL_URL);
    document.querySelector('[email="bob@example.org"]')!.before('To: ');
    expect(createGmailAdapter().findLifeSigns!(document).map((sign) => sign.address)).toEqual(['gina@example.org']);
  });

  it("dates a row by its date cell, not by the first tooltip in it (the star's \"Not starred\")", () => {
    const adapter = createGmailAdapter();
    const row = document.querySelector('[email="bob@example.org"]')!.closest('tr')!;
    expect(row.querySelector('td span[title]')!.getAttribute('title')).toBe('Not starred');
    expect(adapter.rowDate(row)).toBe(new Date('Tue, Nov 24, 2026, 8:02 AM').toISOString());
  });

  it('reads a row date in another UI language', () => {
    document.documentElement.lang = 'fr';
    document.querySelector('[email="bob@example.org"]')!.closest('tr')!.querySelector('td.xW > span[title]')!.setAttribute('title', 'mar. 24 nov. 2026, 08:02');
    expect(createGmailAdapter().findLifeSigns!(document)[0]).toEqual({ address: 'bob@example.org', at: new Date(2026, 10, 24, 8, 2).toISOString() });
  });

  it('reads an open message by its own sender and date; the notices and the user in it give none', () => {
    loadGmail(GMAIL_URL, '2026-11-27-threaded-bounce.html');
    document.documentElement.setAttribute(USER_ATTRIBUTE, 'user@example.com');
    expect(createGmailAdapter().findLifeSigns!(document)).toEqual([]);
    // Both of "me"'s messages now from Gina: the collapsed one shows no date, so only the open one counts.
    for (const sender of document.querySelectorAll('span.gD[email="user@example.com"]')) sender.setAttribute('email', 'Gina@Example.org');
    expect(createGmailAdapter().findLifeSigns!(document)).toEqual([{ address: 'gina@example.org', at: new Date('Sun, Nov 22, 2026, 11:01 AM').toISOString() }]);
  });
});
