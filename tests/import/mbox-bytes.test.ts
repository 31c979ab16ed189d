/**
 * Mailbox import on bytes (issue 10, item 9): an mbox is split on bytes and every message reaches
 * the classifier undecoded, so an 8-bit ISO-8859-1 or windows-1252 mailbox reads as its parts'
 * charsets say; slice edges may fall anywhere (inside a "From " separator, inside a multi-byte
 * character); CRLF mboxes split alike; and keys of UTF-8 files stay what they were.
 */
import { describe, expect, it } from 'vitest';
import { readMboxMessages } from '../../lib/import/mbox-stream';
import { scanFiles, type ImportedNotice } from '../../lib/import/scan';
import { splitMboxBytes } from '../../lib/mbox';
import { importedNoticeKey } from '../../lib/notice-key';
import { dsnBounce, ordinaryMail, toMbox } from './bounce-fixtures';
import { splitMboxAsText } from './string-split-mbox';

/** A German Postfix DSN: the human-readable part is 8-bit ISO-8859-1, the report part names no diagnostic. */
const GERMAN = [
  'Return-Path: <>',
  'Date: Mon, 02 Mar 2026 10:00:00 +0000',
  'From: MAILER-DAEMON@mx.example.net (Mail Delivery System)',
  'To: sender@example.org',
  'Subject: =?iso-8859-1?Q?Unzustellbar:_Fr=FChlingsfest?=',
  'Message-ID: <de-1@mx.example.net>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="B-DE"',
  '',
  '--B-DE',
  'Content-Type: text/plain; charset=iso-8859-1',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Dies ist das Mailsystem des Rechners mx.example.net.',
  '',
  'Ihre Nachricht konnte nicht an alle Empfänger zugestellt werden.',
  '',
  '<anna@example.com>: host mx.example.com[192.0.2.25] said: 552 5.2.2 Postfach voll: Der Empfänger hat sein Kontingent überschritten (in reply to RCPT TO command)',
  '',
  '--B-DE',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.net',
  '',
  'Final-Recipient: rfc822; anna@example.com',
  'Action: failed',
  'Status: 5.2.2',
  '',
  '--B-DE--',
  '',
].join('\n');

/** A French notice in one 8-bit ISO-8859-1 text part. */
const FRENCH = [
  'Date: Tue, 03 Mar 2026 11:00:00 +0000',
  'From: MAILER-DAEMON@mx.example.fr',
  'To: sender@example.org',
  'Subject: Non remis : Portes ouvertes',
  'Message-ID: <fr-1@mx.example.fr>',
  'Content-Type: text/plain; charset=iso-8859-1',
  'Content-Transfer-Encoding: 8bit',
  '',
  "Le message n'a pas pu être remis à un ou plusieurs destinataires.",
  '',
  '<bernard@example.fr>: host mx.example.fr[192.0.2.26] said: 552 5.2.2 Boîte aux lettres pleine : le destinataire a dépassé son quota (in reply to RCPT TO command)',
  '',
].join('\n');

/**
 * HCL Domino's French notice: no status code, so the reason rests on the words alone, "non
 * répertorié dans l'annuaire Domino" (Sisimai Lhost/Domino). Read as UTF-8 the é's were lost and
 * the address came out soft/onhold instead of hard/userunknown.
 */
const DOMINO = [
  'Date: Wed, 04 Mar 2026 12:00:00 +0000',
  'From: Postmaster <postmaster@example.fr>',
  'To: sender@example.org',
  'Subject: DELIVERY FAILURE: Utilisateur claude@example.fr inconnu',
  'Message-ID: <domino-1@example.fr>',
  'Content-Type: text/plain; charset=iso-8859-1',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Votre message',
  '',
  '  Sujet : Portes ouvertes',
  '',
  "n'a pas été remis à :",
  '',
  '  claude@example.fr',
  '',
  'car :',
  '',
  "  Utilisateur claude@example.fr non répertorié dans l'annuaire Domino",
  '',
].join('\n');

/** windows-1252: the curly apostrophe (0x92) has no ISO-8859-1 code. */
const WINDOWS_1252 = FRENCH.replace('charset=iso-8859-1', 'charset=windows-1252')
  .replace('<fr-1@', '<fr-2@')
  .replace('bernard@', 'denise@')
  .replace(' : le destinataire a dépassé son quota', ' : l’espace de stockage est épuisé');

/** Bytes as an 8-bit mail system writes them: each character its ISO-8859-1 / windows-1252 byte. */
function eightBit(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(text, (c) => (c === '’' ? 0x92 : c.charCodeAt(0)));
}

const LATIN1_MBOX = eightBit(toMbox([GERMAN, ordinaryMail('Grüße'), FRENCH, DOMINO, WINDOWS_1252]));

async function scan(file: File, sliceBytes?: number): Promise<{ notices: ImportedNotice[]; messages: number }> {
  const notices: ImportedNotice[] = [];
  const result = await scanFiles([file], { onBatch: (batch) => void notices.push(...batch), ...(sliceBytes ? { sliceBytes } : {}) });
  return { notices, messages: result.messages };
}

describe('importing an 8-bit ISO-8859-1 mbox', () => {
  it('reads every message by its own charset: reasons, kinds and diagnostics come out right', async () => {
    const { notices, messages } = await scan(new File([LATIN1_MBOX], 'Takeout.mbox'));
    expect(messages).toBe(5);
    const byAddress = new Map(notices.flatMap((n) => n.notice.recipients.map((r) => [r.address, { ...r, subject: n.notice.subject }] as const)));
    expect([...byAddress.keys()]).toEqual(['anna@example.com', 'bernard@example.fr', 'claude@example.fr', 'denise@example.fr']);
    expect(byAddress.get('anna@example.com')).toMatchObject({ kind: 'soft', reason: 'mailboxfull', status: '5.2.2', subject: 'Unzustellbar: Frühlingsfest' });
    expect(byAddress.get('anna@example.com')!.diagnostic).toContain('Postfach voll: Der Empfänger hat sein Kontingent überschritten');
    expect(byAddress.get('bernard@example.fr')).toMatchObject({ kind: 'soft', reason: 'mailboxfull' });
    expect(byAddress.get('bernard@example.fr')!.diagnostic).toContain('Boîte aux lettres pleine : le destinataire a dépassé son quota');
    expect(byAddress.get('claude@example.fr')).toMatchObject({ kind: 'hard', reason: 'userunknown' });
    expect(byAddress.get('claude@example.fr')!.diagnostic).toContain("non répertorié dans l'annuaire Domino");
    expect(byAddress.get('denise@example.fr')!.diagnostic).toContain('espace de stockage est épuisé');
    // 0x92 is ’ in windows-1252 (WHATWG Encoding Standard), as browsers decode it; Node since 20.18.3
    // decodes 0x80-0x9F as C1 controls instead (nodejs/node#60888), so the check is the runtime's.
    if (new TextDecoder('windows-1252').decode(Uint8Array.of(0x92)) === '’') expect(byAddress.get('denise@example.fr')!.diagnostic).toContain('l’espace');
    for (const r of byAddress.values()) expect(r.diagnostic).not.toContain('\ufffd');
  });

  it('gives the same notices and keys whatever the slice size', async () => {
    const whole = await scan(new File([LATIN1_MBOX], 'a.mbox'));
    for (const slice of [1, 2, 5, 6, 7, 97, 4096]) {
      const sliced = await scan(new File([LATIN1_MBOX], 'a.mbox'), slice);
      expect(sliced.notices.map((n) => n.key), `slice ${slice}`).toEqual(whole.notices.map((n) => n.key));
      expect(sliced.notices.map((n) => n.notice.recipients), `slice ${slice}`).toEqual(whole.notices.map((n) => n.notice.recipients));
    }
  });

  it('reads an 8-bit .eml file the same way', async () => {
    const { notices } = await scan(new File([eightBit(DOMINO)], 'domino.eml'));
    expect(notices[0]!.notice.recipients[0]).toMatchObject({ address: 'claude@example.fr', kind: 'hard', reason: 'userunknown' });
  });
});

async function streamed(bytes: Uint8Array<ArrayBuffer>, slice: number): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const chunk of readMboxMessages(new Blob([bytes]), slice)) out.push(...chunk.messages);
  return out;
}

const utf8 = new TextEncoder();

describe('slice edges', () => {
  const mbox = utf8.encode(toMbox([dsnBounce('ann@example.com'), ordinaryMail('From here'), dsnBounce('bob@example.org'), ordinaryMail('日本語 ✓ Köln')]));
  const whole = splitMboxBytes(mbox);

  it('fall inside a "From " separator, at every one of its bytes', async () => {
    expect(whole).toHaveLength(4);
    const separators: number[] = [];
    for (let i = mbox.indexOf(0x0a); i >= 0; i = mbox.indexOf(0x0a, i + 1)) if (Buffer.from(mbox.subarray(i + 1, i + 6)).toString() === 'From ') separators.push(i);
    expect(separators).toHaveLength(3);
    for (const at of separators) {
      // The first slice edge is `slice` bytes in: from just before the "\n" to just after "From ".
      for (let d = 0; d <= 7; d++) expect(await streamed(mbox, at + d), `edge at ${at + d}`).toEqual(whole);
    }
  });

  it('fall inside a multi-byte UTF-8 character, and inside a separator again in the next slices', async () => {
    const at = Buffer.from(mbox).indexOf(Buffer.from('日本語'));
    for (let d = 1; d < 9; d++) {
      const got = await streamed(mbox, at + d);
      expect(got, `edge at ${at + d}`).toEqual(whole);
      expect(new TextDecoder('utf-8', { fatal: true }).decode(got[3])).toContain('日本語 ✓ Köln');
    }
    for (let slice = 1; slice <= 13; slice++) expect(await streamed(mbox, slice), `slice ${slice}`).toEqual(whole);
  });

  it('keep a message bigger than a slice whole, and skip a byte order mark at the start', async () => {
    const big = utf8.encode(toMbox([ordinaryMail('x'.repeat(50_000)), ordinaryMail('after')]));
    expect(await streamed(big, 4096)).toEqual(splitMboxBytes(big));
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...mbox]);
    for (const slice of [1, 2, 3, 4, 1 << 20]) expect(await streamed(withBom, slice), `slice ${slice}`).toEqual(whole);
  });
});

describe('CR-LF mboxes', () => {
  const crlf = toMbox([dsnBounce('ann@example.com'), ordinaryMail('Lunch'), dsnBounce('cat@example.net', { status: '5.2.2', diagnostic: 'smtp; 552 5.2.2 Mailbox full' })]).replace(/\n/g, '\r\n');

  it('split into the same messages with CRLF kept, in any slices', async () => {
    const whole = splitMboxBytes(utf8.encode(crlf));
    expect(whole).toHaveLength(3);
    expect(new TextDecoder().decode(whole[1])).toMatch(/^Date: .*\r\n/);
    expect(new TextDecoder().decode(whole[1]).endsWith('yes.\r\n')).toBe(true);
    for (const slice of [1, 6, 7, 64, 1 << 20]) expect(await streamed(utf8.encode(crlf), slice), `slice ${slice}`).toEqual(whole);
  });

  it('classify as their LF twins do', async () => {
    const lf = await scan(new File([crlf.replace(/\r\n/g, '\n')], 'lf.mbox'));
    const cr = await scan(new File([crlf], 'crlf.mbox'), 100);
    expect(cr.notices.map((n) => n.notice.recipients.map((r) => [r.address, r.kind, r.reason]))).toEqual([
      [['ann@example.com', 'hard', 'userunknown']],
      [['cat@example.net', 'soft', 'mailboxfull']],
    ]);
    expect(cr.notices.map((n) => n.notice.recipients)).toEqual(lf.notices.map((n) => n.notice.recipients));
  });
});

describe('keys of UTF-8 and ASCII files', () => {
  it('are the keys imports gave when they split and hashed the text', async () => {
    const text = toMbox([dsnBounce('ann@example.com'), ordinaryMail('Grüße ✓'), dsnBounce('bob@example.org', { diagnostic: 'smtp; 550 5.1.1 <bob@example.org>: Empfänger unbekannt' })]);
    const before = await Promise.all(splitMboxAsText(text).filter((m) => m.includes('MAILER-DAEMON@')).map((m) => importedNoticeKey(m)));
    const { notices } = await scan(new File([text], 'utf8.mbox'), 64);
    expect(notices.map((n) => n.key)).toEqual(before);
    // A saved .eml with a byte order mark: the key of its text without the mark, as File.text() gave.
    const eml = dsnBounce('cat@example.net');
    const saved = await scan(new File([`\uFEFF${eml}`], 'saved.eml'));
    expect(saved.notices.map((n) => n.key)).toEqual([await importedNoticeKey(eml)]);
    expect(await importedNoticeKey(utf8.encode(eml))).toBe(await importedNoticeKey(eml));
  });
});
