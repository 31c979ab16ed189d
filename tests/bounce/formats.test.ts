/**
 * Table-driven: one row per fixture of our own (tests/fixtures/eml, anonymised), the expected
 * format module, category and failed recipients with status, reason and kind. `reason` is left out
 * where the reason tables (core-reasons) make the call on ambiguous words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyNotice } from '../../lib/bounce';
import { renderedViewOf } from '../../lib/bounce/rendered';
import type { BounceKind, NoticeCategory, Reason } from '../../lib/bounce';

const dir = join(__dirname, '../fixtures/eml');
const load = (name: string): Buffer => readFileSync(join(dir, name));

interface Row {
  file: string;
  format: string;
  category?: NoticeCategory;
  recipients: { address: string; status: string; kind: BounceKind; reason?: Reason; action?: string }[];
}

const BOUNCES: Row[] = [
  { file: 'rfc3464-01.eml', format: 'rfc3464', recipients: [
    { address: 'nobody@example.net', status: '5.1.1', reason: 'userunknown', kind: 'hard' },
    { address: 'full@example.net', status: '5.2.2', reason: 'mailboxfull', kind: 'soft' },
  ] },
  { file: 'rfc3464-02.eml', format: 'postfix', recipients: [{ address: 'slow@example.net', status: '4.4.1', kind: 'soft', action: 'delayed' }] },
  { file: 'postfix-01.eml', format: 'postfix', recipients: [{ address: 'bob@example.net', status: '5.1.1', reason: 'userunknown', kind: 'hard' }] },
  { file: 'postfix-02.eml', format: 'postfix', recipients: [{ address: 'nohost@example.invalid', status: '', reason: 'hostunknown', kind: 'hard' }] },
  { file: 'exim-01.eml', format: 'exim', recipients: [{ address: 'dave@example.net', status: '5.1.1', reason: 'userunknown', kind: 'hard' }] },
  { file: 'exim-02.eml', format: 'exim', recipients: [{ address: 'erin@example.net', status: '', reason: 'expired', kind: 'soft' }] },
  { file: 'sendmail-01.eml', format: 'sendmail', recipients: [{ address: 'grace@example.net', status: '5.1.1', kind: 'hard' }] },
  { file: 'v5sendmail-01.eml', format: 'v5sendmail', recipients: [{ address: 'ursula@example.invalid', status: '', reason: 'hostunknown', kind: 'hard' }] },
  { file: 'qmail-01.eml', format: 'qmail', recipients: [
    { address: 'ivan@example.net', status: '5.1.1', reason: 'userunknown', kind: 'hard' },
    { address: 'judy@example.net', status: '5.1.2', reason: 'hostunknown', kind: 'hard' },
  ] },
  { file: 'exchange2003-01.eml', format: 'exchange2003', recipients: [{ address: 'leo@example.net', status: '', reason: 'userunknown', kind: 'hard' }] },
  { file: 'exchange2007-01.eml', format: 'exchange2007', recipients: [{ address: 'nina@example.net', status: '5.1.1', reason: 'userunknown', kind: 'hard' }] },
  { file: 'office365-01.eml', format: 'office365', recipients: [{ address: 'peggy@example.net', status: '5.1.10', reason: 'userunknown', kind: 'hard' }] },
  // Outlook.com's 5.5.0 "Requested action not taken: mailbox unavailable" is its missing-user reply
  // (Exchange Online NDR reference: "similar to 550 5.1.10"; Sisimai Rhost/Microsoft).
  { file: 'outlook-01.eml', format: 'outlook', recipients: [{ address: 'rupert@example.net', status: '5.5.0', reason: 'userunknown', kind: 'hard' }] },
  { file: 'gmail-01.eml', format: 'gmail', recipients: [{ address: 'trent@example.net', status: '5.1.1', reason: 'userunknown', kind: 'hard' }] },
  // Issue 10: an X.1.1 status at RCPT TO outranks the lone word "rejected" (a refused sender).
  { file: 'postfix-04.eml', format: 'postfix', recipients: [{ address: 'carol@example.net', status: '5.1.1', reason: 'userunknown', kind: 'hard' }] },
  // Issue 10: Gmail's current delay text ("Delivery incomplete … will retry") is a delay, soft.
  { file: 'gmail-03.eml', format: 'gmail', recipients: [{ address: 'dora@example.net', status: '', reason: 'expired', kind: 'soft', action: 'delayed' }] },
  { file: 'gmail-02.eml', format: 'gmail', recipients: [{ address: 'uma@example.net', status: '', reason: 'expired', kind: 'soft', action: 'delayed' }] },
  { file: 'googlegroups-01.eml', format: 'googlegroups', recipients: [{ address: 'no-such-group@googlegroups.com', status: '', reason: 'rejected', kind: 'soft' }] },
  { file: 'yahoo-01.eml', format: 'yahoo', recipients: [{ address: 'xavier@example.net', status: '5.2.2', reason: 'mailboxfull', kind: 'soft' }] },
  { file: 'amazonses-01.eml', format: 'amazonses', recipients: [{ address: 'zack@example.net', status: '5.1.1', reason: 'userunknown', kind: 'hard' }] },
  { file: 'amazonses-03.eml', format: 'amazonses', recipients: [{ address: 'abe@example.net', status: '5.1.1', reason: 'userunknown', kind: 'hard' }] },
  { file: 'courier-01.eml', format: 'courier', recipients: [{ address: 'ben@example.net', status: '5.1.1', reason: 'userunknown', kind: 'hard' }] },
  { file: 'messagingserver-01.eml', format: 'messagingserver', recipients: [{ address: 'dan@example.net', status: '5.1.1', reason: 'userunknown', kind: 'hard' }] },
  { file: 'domino-01.eml', format: 'domino', recipients: [{ address: 'fay@example.net', status: '', reason: 'userunknown', kind: 'hard' }] },
  { file: 'notes-01.eml', format: 'notes', recipients: [{ address: 'hana@example.net', status: '', reason: 'userunknown', kind: 'hard' }] },
  { file: 'opensmtpd-01.eml', format: 'opensmtpd', recipients: [{ address: 'jane@example.invalid', status: '', reason: 'hostunknown', kind: 'hard' }] },
  { file: 'apachejames-01.eml', format: 'apachejames', recipients: [{ address: 'lena@example.net', status: '', kind: 'soft' }] },
  { file: 'trendmicro-01.eml', format: 'trendmicro', recipients: [{ address: 'nora@example.net', status: '', reason: 'userunknown', kind: 'hard' }] },
  { file: 'verizon-01.eml', format: 'verizon', recipients: [{ address: '0000000000@vzwpix.com', status: '', reason: 'userunknown', kind: 'hard' }] },
  { file: 'japanese-mobile-01.eml', format: 'japanese-mobile', recipients: [{ address: 'rejected-by-filter@ezweb.ne.jp', status: '', reason: 'filtered', kind: 'soft' }] },
  { file: 'imailserver-01.eml', format: 'imailserver', recipients: [{ address: 'sam@example.net', status: '', reason: 'userunknown', kind: 'hard' }] },
  // Non-English notices (French, German, Spanish in windows-1252, Japanese in ISO-2022-JP and UTF-7).
  { file: 'generic-01.eml', format: 'generic', recipients: [{ address: 'walt@example.net', status: '5.1.1', reason: 'userunknown', kind: 'hard' }] },
  { file: 'generic-02.eml', format: 'generic', recipients: [{ address: 'yuri@example.net', status: '5.2.2', reason: 'mailboxfull', kind: 'soft' }] },
  { file: 'generic-03.eml', format: 'generic', recipients: [{ address: 'abel@example.net', status: '5.1.1', reason: 'userunknown', kind: 'hard' }] },
  { file: 'generic-04.eml', format: 'generic', recipients: [{ address: 'chika@example.net', status: '5.1.1', reason: 'userunknown', kind: 'hard' }] },
  { file: 'generic-05.eml', format: 'generic', recipients: [{ address: 'emi@example.net', status: '5.1.1', reason: 'userunknown', kind: 'hard' }] },
  // Issue 10: addresses exactly as written (a mail merge's ' and = local parts, the local part's
  // case), and only the ones that failed: not the helpdesk of a contact sentence, not the envelope
  // sender of a MAIL FROM, "Sender ok" or "Domain of sender address", not the returned message's From.
  { file: 'generic-06.eml', format: 'generic', recipients: [{ address: "'john@example.com", status: '5.1.1', reason: 'userunknown', kind: 'hard' }] },
  { file: 'sendmail-02.eml', format: 'sendmail', recipients: [{ address: '=sales@example.com', status: '5.1.1', reason: 'userunknown', kind: 'hard' }] },
  { file: 'postfix-03.eml', format: 'postfix', recipients: [
    { address: 'Nobody@Example.com', status: '5.1.1', reason: 'userunknown', kind: 'hard' },
    { address: '+desk@example.com', status: '5.1.8', reason: 'rejected', kind: 'soft' },
  ] },
];

const NOT_BOUNCES: { file: string; category: NoticeCategory }[] = [
  { file: 'not-arf-01.eml', category: 'feedback-report' },
  { file: 'amazonses-02.eml', category: 'feedback-report' },
  { file: 'not-mdn-01.eml', category: 'read-receipt' },
  { file: 'not-autoreply-01.eml', category: 'auto-reply' },
  { file: 'not-delivered-01.eml', category: 'delivery-report' },
  { file: 'not-ordinary-01.eml', category: 'not-bounce' },
  // Issue 10: a challenge-response request (TMDA, cPanel BoxTrapper, a SpamArrest-style filter):
  // the address works and waits for the sender to confirm.
  { file: 'not-challenge-01.eml', category: 'challenge-response' },
  { file: 'not-challenge-02.eml', category: 'challenge-response' },
  { file: 'not-challenge-03.eml', category: 'challenge-response' },
];

describe('format families (raw view)', () => {
  it.each(BOUNCES)('$file → $format', async (row) => {
    const r = await classifyNotice({ view: 'raw', source: load(row.file) });
    expect(r.isBounce).toBe(true);
    expect(r.category).toBe('bounce');
    expect(r.format).toBe(row.format);
    expect(r.recipients.map((x) => x.address)).toEqual(row.recipients.map((x) => x.address));
    row.recipients.forEach((want, i) => {
      const got = r.recipients[i]!;
      expect(got.status).toBe(want.status);
      expect(got.kind).toBe(want.kind);
      if (want.reason) expect(got.reason).toBe(want.reason);
      if (want.action) expect(got.action).toBe(want.action);
      expect(got.diagnostic.length).toBeGreaterThan(0);
    });
  });
});

describe('not bounces', () => {
  it.each(NOT_BOUNCES)('$file is $category', async ({ file, category }) => {
    const r = await classifyNotice({ view: 'raw', source: load(file) });
    expect(r.isBounce).toBe(false);
    expect(r.category).toBe(category);
    expect(r.recipients).toEqual([]);
  });
});

describe('line endings', () => {
  const variants: [string, (s: string) => string][] = [
    ['CRLF', (s) => s.replace(/\n/g, '\r\n')],
    ['CR-only', (s) => s.replace(/\n/g, '\r')],
  ];
  for (const [label, convert] of variants) {
    it.each(BOUNCES.slice(0, 12))(`${label}: $file reads like its LF twin`, async (row) => {
      const lf = await classifyNotice({ view: 'raw', source: load(row.file) });
      const other = await classifyNotice({ view: 'raw', source: convert(load(row.file).toString('latin1')) });
      expect(other.recipients.map((x) => [x.address, x.status, x.kind])).toEqual(lf.recipients.map((x) => [x.address, x.status, x.kind]));
    });
  }
});

describe('rendered view (subject, sender, visible text only)', () => {
  const rendered: [string, string, string, string, BounceKind][] = [
    ['Undelivered Mail Returned to Sender', 'Mail Delivery System <MAILER-DAEMON@mail.example.com>',
      "This is the mail system at host mail.example.com.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n<bob@example.net>: host mx.example.net[192.0.2.10] said: 550 5.1.1 <bob@example.net>:\n    Recipient address rejected: User unknown in local recipient table (in\n    reply to RCPT TO command)\n",
      'bob@example.net', 'hard'],
    ['Delivery Status Notification (Failure)', 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
      "** Address not found **\n\nYour message wasn't delivered to trent@example.net because the address couldn't be found, or is unable to receive mail.\n\nThe response from the remote server was:\n550 5.1.1 The email account that you tried to reach does not exist.\n",
      'trent@example.net', 'hard'],
    ['Undeliverable: lunch', 'Microsoft Outlook <postmaster@example.onmicrosoft.com>',
      "Your message to peggy@example.net couldn't be delivered.\n\nThe recipient's mailbox is full and can't accept messages now.\n\nRemote Server returned '552 5.2.2 mailbox full'\n",
      'peggy@example.net', 'soft'],
    // Exchange Online's modern layout: the facts sit in labelled lines, and the "Sender Address" line
    // (the user's own mailbox) must not be taken for a failed recipient.
    ['Undeliverable: Quarterly report', 'Microsoft Outlook <postmaster@example.onmicrosoft.com>',
      "Your message to ana@example.org couldn't be delivered.\nana wasn't found at example.org.\n\nme\tOffice 365\tana\nAction Required\t\tRecipient\nUnknown To address\n\nMore Info for Email Admins\nStatus code: 550 5.1.10\n\nOriginal Message Details\nCreated Date:\t11/27/2026 10:40:02 AM\nSender Address:\tme@example.com\nRecipient Address:\tana@example.org\nSubject:\tQuarterly report\n\nError Details\nReported error:\t550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\nDSN generated by:\tAM0PR01MB0001.example.com\n",
      'ana@example.org', 'hard'],
  ];
  it.each(rendered)('%s', async (subject, from, text, address, kind) => {
    const r = await classifyNotice({ view: 'rendered', subject, from, text });
    expect(r.isBounce).toBe(true);
    expect(r.recipients.map((x) => x.address)).toEqual([address]);
    expect(r.recipients[0]!.kind).toBe(kind);
  });

  // Issue 10: what a webmail shows has no headers and no DSN, so only where an address sits says
  // whether it failed. Each row names one address that did not fail, and the one that did.
  const notFailed: { name: string; text: string; to?: string; failed: string[] }[] = [
    { name: 'a contact sentence (Postfix template)', text: 'This is the mail system at host mx.example.com.\n\nFor further assistance, please contact <support@example.com>\n\n<bob@example.net>: host mx.example.net[192.0.2.10] said: 550 5.1.1 User unknown (in reply to RCPT TO command)\n', failed: ['bob@example.net'] },
    { name: 'a help sentence naming a helpdesk', text: 'Delivery to the following recipient failed permanently:\n\n     bob@example.net\n\nFor help, email helpdesk@example.com or call us.\n', failed: ['bob@example.net'] },
    { name: 'a Japanese contact sentence (verb after the address)', text: '<bob@example.net>: host mx.example.net[192.0.2.10] said: 550 5.1.1 User unknown (in reply to RCPT TO command)\n\n上記で解決できない場合は、<support@example.jp>\nへご連絡ください。\n', failed: ['bob@example.net'] },
    { name: 'the envelope sender of a transcript (MAIL FROM, Sender ok)', text: '   ----- The following addresses had permanent fatal errors -----\n<bob@example.net>\n    (reason: 550 5.1.1 User unknown)\n\n>>> MAIL From:<list@example.org> SIZE=100\n<<< 250 2.1.0 <list@example.org>... Sender ok\n>>> RCPT To:<bob@example.net>\n<<< 550 5.1.1 <bob@example.net>... User unknown\n', failed: ['bob@example.net'] },
    { name: 'the envelope sender quoted in a reply to MAIL FROM, wrapped', text: '<bob@example.net>: host mx.example.net[192.0.2.10] said: 553 5.1.8\n    <list@example.org>... Domain of sender address\n    list@example.org does not exist (in reply to MAIL FROM command)\n', failed: ['bob@example.net'] },
    { name: 'a reply that calls it the sender', text: '<bob@example.net>: host mx.example.net[192.0.2.10] said: 550\n    5.1.0 <list@example.org> sender rejected (in reply to RCPT TO command)\n', failed: ['bob@example.net'] },
    { name: "Exim's MAIL FROM", text: 'The following address(es) failed:\n\n  bob@example.net\n    SMTP error from remote mail server after MAIL FROM:<me@example.org> SIZE=1543:\n    host mx.example.net [192.0.2.20]: 550 5.7.0 <me@example.org>... Please use the smtp server of your ISP.\n', failed: ['bob@example.net'] },
    { name: "the returned message's From, copied into the text", text: 'Delivery to the following recipient failed permanently:\n\n     bob@example.net\n\n----- Original message -----\n\nReceived: by 192.0.2.1 with SMTP id x;\nReturn-Path: <me@example.org>\nFrom: Me <me@example.org>\nTo: bob@example.net\n', failed: ['bob@example.net'] },
    { name: "the sender named in Sendmail's opening line", text: 'The original message was received at Mon, 2 Mar 2026 10:00:00 +0900\nfrom me@example.org\n\n   ----- The following addresses had permanent fatal errors -----\nbob@example.net\n    (reason: 550 5.1.1 User unknown)\n', failed: ['bob@example.net'] },
    { name: "the user's own address (to)", text: 'Delivery to the following recipients failed:\n\n  me@example.org\n  bob@example.net: 550 5.1.1 User unknown\n', to: 'Me <me@example.org>', failed: ['bob@example.net'] },
    { name: "the original message's To line (Exchange 2003)", text: 'Your message\n\n      To:\tbob@example.net; carol@example.net\n      Subject:\tNyaan\n\ndid not reach the following recipient(s):\n\n      bob@example.net on 3/2/2026 10:00 AM\n            The e-mail account does not exist at the organization this message was sent to.\n', failed: ['bob@example.net'] },
    { name: 'a display name that is an address', text: 'The following address(es) failed:\n\n  Bob@example.com <bob@example.net>: 550 5.1.1 User unknown\n', failed: ['bob@example.net'] },
    { name: "a mailbox file's path (Exim appendfile)", text: 'The following address(es) failed:\n\n  bob@example.net\n    Failed to read /home/bob/.forward/bob@example.net: No such file or directory\n', failed: ['bob@example.net'] },
  ];
  it.each(notFailed)('does not report $name', async ({ text, to, failed }) => {
    const r = await classifyNotice({ view: 'rendered', subject: 'Undelivered Mail Returned to Sender', from: 'Mail Delivery System <MAILER-DAEMON@mx.example.com>', text, ...(to ? { to } : {}) });
    expect(r.recipients.map((x) => x.address)).toEqual(failed);
  });

  it.each(['generic-06.eml', 'sendmail-02.eml', 'postfix-03.eml'])('%s: the rendered view names the same failed addresses as the raw one', async (file) => {
    const raw = await classifyNotice({ view: 'raw', source: load(file) });
    const shown = await classifyNotice(await renderedViewOf(load(file)));
    expect(shown.recipients.map((x) => x.address)).toEqual(raw.recipients.map((x) => x.address));
  });

  it('keeps the failed address inside the sentence that names it', async () => {
    const [subject, from, text] = rendered[1]!;
    const r = await classifyNotice({ view: 'rendered', subject, from, text });
    expect(r.recipients[0]!.diagnostic).toContain("wasn't delivered to trent@example.net because the address couldn't be found");
  });

  it('reads status, reply code and the reported error from the Exchange Online admin section', async () => {
    const [subject, from, text] = rendered[3]!;
    const r = await classifyNotice({ view: 'rendered', subject, from, text });
    expect(r.format).toBe('office365');
    expect(r.recipients[0]).toMatchObject({ status: '5.1.10', replyCode: '550', reason: 'userunknown' });
    expect(r.recipients[0]!.diagnostic).toContain('RESOLVER.ADR.RecipientNotFound');
  });

  it('reads the text of an HTML-only rendered body', async () => {
    const r = await classifyNotice({
      view: 'rendered',
      subject: 'Mail delivery failed: returning message to sender',
      from: 'Mail Delivery System <Mailer-Daemon@mx.example.org>',
      text: '',
      html: '<p>A message that you sent could not be delivered to one or more of its recipients. The following address(es) failed:</p><p>dave@example.net<br>host mx.example.net: 550 5.1.1 &lt;dave@example.net&gt;: User unknown</p>',
    });
    expect(r.recipients.map((x) => [x.address, x.kind])).toEqual([['dave@example.net', 'hard']]);
  });

  it('a delivery report told in words is not a bounce', async () => {
    const r = await classifyNotice({
      view: 'rendered',
      subject: 'Successful Mail Delivery Report',
      from: 'MAILER-DAEMON@mx.example.com (Mail Delivery System)',
      text: 'This is the mail system at host mx.example.com.\n\nEnclosed is the mail delivery report that you requested.\n\n<liam@example.net>: delivery via mx.example.net[192.0.2.60]:25: 250 2.0.0 Ok\n',
    });
    expect(r.isBounce).toBe(false);
    expect(r.category).toBe('delivery-report');
  });

  it.each([
    ['Undelivered: your message is waitlisted', 'Mail Delivery System <MAILER-DAEMON@mx.example.com>', 'Your message is waitlisted. Please verify yourself by replying to this message; it will then be delivered to bob@example.net.\n'],
    ['Your message to bob@example.net', 'bob@example.net', 'Hello, I use a spam filter that requires you to confirm that you are a person. Reply to this message and your mail will be delivered.\n'],
    ['Please confirm your message', 'bob@example.net', 'Your e-mail message was not delivered because your address was not recognized.\nTo release your message for delivery, please send an empty message to the following address.\n'],
  ])('a challenge-response request is no bounce in the rendered view: %s', async (subject, from, text) => {
    const r = await classifyNotice({ view: 'rendered', subject, from, text });
    expect(r.isBounce).toBe(false);
    expect(r.category).toBe('challenge-response');
    expect(r.recipients).toEqual([]);
  });

  it('a bounce stays a bounce when its report names a failed recipient, whatever its words ask', async () => {
    // The DSN says the delivery failed; "please verify" in the prose cannot outweigh it.
    const source = load('postfix-01.eml').toString('latin1').replace('This is the mail system', 'Your message is waitlisted. Please verify yourself.\n\nThis is the mail system');
    const r = await classifyNotice({ view: 'raw', source });
    expect(r.category).toBe('bounce');
    expect(r.recipients.map((x) => x.address)).toEqual(['bob@example.net']);
  });

  it('an out-of-office reply stays an auto-reply in the rendered view', async () => {
    const r = await classifyNotice({ view: 'rendered', subject: 'Automatic reply: project', from: 'Iris <iris@example.net>', text: 'I am away until Monday.' });
    expect(r.isBounce).toBe(false);
    expect(r.category).toBe('auto-reply');
  });
});

// Issue 10, class 6: notice texts without headers, as a webmail shows them. Office 365 / Exchange
// Online NDRs follow Microsoft's documented layout ("Your message to … couldn't be delivered",
// "Diagnostic information for administrators", "Remote Server returned '…'", which stays English in
// localized NDRs); Gmail's and Exchange's delay notices must come out delayed and soft, never failed.
const ISSUE10_RENDERED: [string, string, string, string][] = [
  ['gmail delay', 'Delivery Status Notification (Delay)', 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>', `Delivery incomplete\nThere was a temporary problem delivering your message to nobody@example.com. Gmail will retry for 46 more hours. You'll be notified if the delivery fails permanently.\nLearn more\nThe response was:\nThe recipient server did not accept our requests to connect. Learn more at https://support.google.com/mail/answer/7720 [example.com 192.0.2.1: timed out]`],
  ['gmail delay 550', 'Delivery Status Notification (Delay)', 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>', `Delivery incomplete\nThere was a temporary problem delivering your message to nobody@example.com. Gmail will retry for 46 more hours. You'll be notified if the delivery fails permanently.\nThe response was:\n450 4.2.1 The user you are trying to contact is receiving mail too quickly.`],
  ['gmail delay old', 'Delivery Status Notification (Delay)', 'mailer-daemon@googlemail.com', `This is an automatically generated Delivery Status Notification\n\nTHIS IS A WARNING MESSAGE ONLY.\n\nYOU DO NOT NEED TO RESEND YOUR MESSAGE.\n\nDelivery to the following recipient has been delayed:\n\n     nobody@example.com\n\nMessage will be retried for 2 more day(s)\n\nTechnical details of temporary failure:\nThe recipient server did not accept our requests to connect. [example.com. (10): Connection timed out]`],
  ['o365 en', 'Undeliverable: Hello', 'Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.org>', `Your message to nobody@example.com couldn't be delivered.\nnobody wasn't found at example.com.\nsender  Office 365  nobody\nAction Required  Recipient\nUnknown To address\nHow to Fix It\nThe address may be misspelled or may not exist. Try one or more of the following:\n\nDiagnostic information for administrators:\nGenerating server: AM0PR01MB1234.eurprd01.prod.exchangelabs.com\nnobody@example.com\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'\nOriginal message headers:\nReceived: from x`],
  ['o365 old en', 'Undeliverable: Hello', 'postmaster@example.org', `Delivery has failed to these recipients or groups:\n\nnobody@example.com\nThe e-mail address you entered couldn't be found. Please check the recipient's e-mail address and try to resend the message. If the problem continues, please contact your helpdesk.\n\nDiagnostic information for administrators:\n\nGenerating server: mail.example.org\n\nnobody@example.com\n#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##\n\nOriginal message headers:`],
  ['o365 de', 'Unzustellbar: Hallo', 'Microsoft Outlook <postmaster@example.org>', `Ihre Nachricht an nobody@example.com konnte nicht zugestellt werden.\nnobody wurde bei example.com nicht gefunden.\n\nDiagnoseinformationen für Administratoren:\nGenerierender Server: AM0PR01MB1234.eurprd01.prod.exchangelabs.com\nnobody@example.com\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'`],
  ['o365 fr', 'Non remis : Bonjour', 'Microsoft Outlook <postmaster@example.org>', `Votre message à nobody@example.com n'a pas pu être remis.\nnobody est introuvable sur example.com.\n\nInformations de diagnostic pour les administrateurs :\nServeur de génération : AM0PR01MB1234.eurprd01.prod.exchangelabs.com\nnobody@example.com\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'`],
  ['o365 es', 'No se puede entregar: Hola', 'Microsoft Outlook <postmaster@example.org>', `Su mensaje para nobody@example.com no se pudo entregar.\nNo se encontró a nobody en example.com.\n\nInformación de diagnóstico para administradores:\nServidor de generación: AM0PR01MB1234.eurprd01.prod.exchangelabs.com\nnobody@example.com\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'`],
  ['o365 it', 'Non recapitabile: Ciao', 'Microsoft Outlook <postmaster@example.org>', `Impossibile recapitare il messaggio a nobody@example.com.\nImpossibile trovare nobody in example.com.\n\nInformazioni di diagnostica per gli amministratori:\nServer di generazione: AM0PR01MB1234.eurprd01.prod.exchangelabs.com\nnobody@example.com\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'`],
  ['o365 nl', 'Onbestelbaar: Hallo', 'Microsoft Outlook <postmaster@example.org>', `Uw bericht aan nobody@example.com kan niet worden bezorgd.\nnobody is niet gevonden op example.com.\n\nDiagnostische gegevens voor beheerders:\nGenererende server: AM0PR01MB1234.eurprd01.prod.exchangelabs.com\nnobody@example.com\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'`],
  ['o365 pt', 'Não é possível entregar: Olá', 'Microsoft Outlook <postmaster@example.org>', `Sua mensagem para nobody@example.com não pôde ser entregue.\nnobody não foi encontrado em example.com.\n\nInformações de diagnóstico para administradores:\nServidor de geração: AM0PR01MB1234.eurprd01.prod.exchangelabs.com\nnobody@example.com\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'`],
  ['o365 ja', '配信不能: こんにちは', 'Microsoft Outlook <postmaster@example.org>', `nobody@example.com へのメッセージを配信できませんでした。\nnobody が example.com で見つかりませんでした。\n\n管理者向けの診断情報:\n生成元サーバー: AM0PR01MB1234.eurprd01.prod.exchangelabs.com\nnobody@example.com\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'`],
  ['o365 de no remote line', 'Unzustellbar: Hallo', 'Microsoft Outlook <postmaster@example.org>', `Ihre Nachricht an nobody@example.com konnte nicht zugestellt werden.\nnobody wurde bei example.com nicht gefunden.\n`],
  ['o365 delay', 'Delivery delayed:Hello', 'Microsoft Outlook <postmaster@example.org>', `Delivery is delayed to these recipients or groups:\n\nnobody@example.com\n\nSubject: Hello\n\nThis message hasn't been delivered yet. Delivery will continue to be attempted.\n\nThe server will keep trying to deliver this message for the next 1 days, 19 hours and 54 minutes. You'll be notified if the message can't be delivered by that time.\n\nDiagnostic information for administrators:\nGenerating server: mail.example.org\nReceiving server: mx.example.com (192.0.2.5)\nnobody@example.com\nRemote Server at mx.example.com (192.0.2.5) returned '400 4.4.7 Message delayed'`],
];
const ISSUE10_EXPECTED: Record<string, { kind: BounceKind; action: string; reason?: Reason }> = {
  'gmail delay': { kind: 'soft', action: 'delayed', reason: 'expired' },
  'gmail delay 550': { kind: 'soft', action: 'delayed' },
  'gmail delay old': { kind: 'soft', action: 'delayed', reason: 'expired' },
  'o365 en': { kind: 'hard', action: 'failed', reason: 'userunknown' },
  'o365 old en': { kind: 'hard', action: 'failed', reason: 'userunknown' },
  'o365 de': { kind: 'hard', action: 'failed', reason: 'userunknown' },
  'o365 fr': { kind: 'hard', action: 'failed', reason: 'userunknown' },
  'o365 es': { kind: 'hard', action: 'failed', reason: 'userunknown' },
  'o365 it': { kind: 'hard', action: 'failed', reason: 'userunknown' },
  'o365 nl': { kind: 'hard', action: 'failed', reason: 'userunknown' },
  'o365 pt': { kind: 'hard', action: 'failed', reason: 'userunknown' },
  'o365 ja': { kind: 'hard', action: 'failed', reason: 'userunknown' },
  'o365 de no remote line': { kind: 'soft', action: 'failed' },
  'o365 delay': { kind: 'soft', action: 'delayed', reason: 'expired' },
};

describe('rendered notices of issue 10 (Office 365 in eight languages, delay texts)', () => {
  it.each(ISSUE10_RENDERED)('%s', async (name, subject, from, text) => {
    const r = await classifyNotice({ view: 'rendered', subject, from, text, to: 'me@example.org' });
    const want = ISSUE10_EXPECTED[name]!;
    expect(r.isBounce).toBe(true);
    expect(r.recipients.map((x) => x.address)).toEqual(['nobody@example.com']);
    const got = r.recipients[0]!;
    expect([got.kind, got.action]).toEqual([want.kind, want.action]);
    if (want.reason) expect(got.reason).toBe(want.reason);
  });
});
