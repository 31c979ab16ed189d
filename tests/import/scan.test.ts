import { describe, expect, it } from 'vitest';
import { splitMboxBytes } from '../../lib/mbox';
import { readMboxMessages } from '../../lib/import/mbox-stream';
import { scanFiles, sniffMailFile, type ImportedNotice, type ScanProgress } from '../../lib/import/scan';
import { dsnBounce, ordinaryMail, toMbox } from './bounce-fixtures';

const messages = [
  dsnBounce('ann@example.com', { date: 'Mon, 02 Mar 2026 10:00:00 +0000' }),
  ordinaryMail('Lunch'),
  dsnBounce('bob@example.org', { date: 'Tue, 03 Mar 2026 11:00:00 +0000' }),
  ordinaryMail('From the open house'),
  dsnBounce('cat@example.net', { date: 'Wed, 04 Mar 2026 12:00:00 +0000', status: '5.2.2', diagnostic: 'smtp; 552 5.2.2 Mailbox full' }),
];
const mboxText = toMbox(messages);
const utf8 = new TextEncoder();
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

async function collect(files: File[], options: { batchSize?: number; sliceBytes?: number; cancelAfter?: number } = {}) {
  const batches: ImportedNotice[][] = [];
  const progress: ScanProgress[] = [];
  let seen = 0;
  const result = await scanFiles(files, {
    batchSize: options.batchSize,
    sliceBytes: options.sliceBytes,
    onBatch: (notices) => void batches.push(notices),
    onProgress: (p) => void progress.push(p),
    isCancelled: () => options.cancelAfter !== undefined && seen++ >= options.cancelAfter,
  });
  return { result, batches, progress, notices: batches.flat() };
}

describe('readMboxMessages', () => {
  it('gives the same messages as splitMboxBytes whatever the slice size', async () => {
    const whole = splitMboxBytes(utf8.encode(mboxText));
    expect(whole).toHaveLength(5);
    for (const slice of [7, 64, 1000, 1 << 20]) {
      const streamed: Uint8Array[] = [];
      for await (const chunk of readMboxMessages(new Blob([mboxText]), slice)) streamed.push(...chunk.messages);
      expect(streamed, `slice ${slice}`).toEqual(whole);
    }
  });

  it('keeps multi-byte characters whole across slice edges', async () => {
    const mbox = toMbox([ordinaryMail('Grüße aus Köln ✓ 日本語')]);
    const streamed: Uint8Array[] = [];
    for await (const chunk of readMboxMessages(new Blob([mbox]), 3)) streamed.push(...chunk.messages);
    expect(streamed).toEqual(splitMboxBytes(utf8.encode(mbox)));
    expect(text(streamed[0]!)).toContain('Grüße aus Köln ✓ 日本語');
  });
});

describe('scanFiles', () => {
  it('classifies every message of an .mbox and hands on only the bounces', async () => {
    const { result, notices, progress } = await collect([new File([mboxText], 'Takeout.mbox')]);
    expect(result).toMatchObject({ messages: 5, bounces: 3, cancelled: false, bytesRead: result.bytesTotal });
    expect(notices.map((n) => n.notice.recipients.map((r) => r.address))).toEqual([['ann@example.com'], ['bob@example.org'], ['cat@example.net']]);
    expect(notices[2]!.notice.recipients[0]).toMatchObject({ kind: 'soft', reason: 'mailboxfull' });
    expect(notices.every((n) => /^import:[0-9a-f]{64}$/.test(n.key))).toBe(true);
    expect(new Set(notices.map((n) => n.key)).size).toBe(3);
    expect(progress.at(-1)!.bytesRead).toBe(progress.at(-1)!.bytesTotal);
  });

  it('gives the same keys on a second import, and the same result in small slices', async () => {
    const first = await collect([new File([mboxText], 'a.mbox')]);
    const again = await collect([new File([mboxText], 'a.mbox')], { sliceBytes: 100 });
    expect(again.notices.map((n) => n.key)).toEqual(first.notices.map((n) => n.key));
    expect(again.progress.length).toBeGreaterThan(first.progress.length);
  });

  it('reads .eml files as one message each', async () => {
    const files = [
      new File([messages[0]!], 'one.eml'),
      new File([messages[1]!], 'two.EML'),
      new File([messages[4]!], 'three.eml'),
    ];
    const { result, notices } = await collect(files);
    expect(result).toMatchObject({ messages: 3, bounces: 2, fileCount: 3 });
    expect(notices.map((n) => n.notice.recipients[0]!.address)).toEqual(['ann@example.com', 'cat@example.net']);
  });

  it('hands bounces on in batches', async () => {
    const { batches } = await collect([new File([mboxText], 'a.mbox')], { batchSize: 2 });
    expect(batches.map((b) => b.length)).toEqual([2, 1]);
  });

  it('stops at the next message once cancelled', async () => {
    const { result, notices } = await collect([new File([mboxText], 'a.mbox')], { cancelAfter: 2 });
    expect(result.cancelled).toBe(true);
    expect(result.messages).toBe(2);
    // What was classified before the cancel is still handed on.
    expect(notices.map((n) => n.notice.recipients[0]!.address)).toEqual(['ann@example.com']);
  });

  it('reads what a file holds, not what it is named, and says which files it could not read', async () => {
    const files = [
      new File(['{\n  "name": "bounce-sweeper",\n  "version": "0.1.0"\n}\n'], 'package.json'),
      new File([mboxText], 'Takeout-renamed.txt'),
      new File([''], 'empty.mbox'),
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], 'photo.eml'),
      new File([`\uFEFF${messages[0]!}`], 'saved.eml'),
    ];
    const { result, notices } = await collect(files);
    expect(result.skipped).toEqual([
      { name: 'package.json', reason: 'not a mailbox file (.mbox) or a saved message (.eml)' },
      { name: 'empty.mbox', reason: 'the file is empty' },
      { name: 'photo.eml', reason: 'not a mailbox file (.mbox) or a saved message (.eml)' },
    ]);
    expect(result).toMatchObject({ messages: 6, bounces: 4, bytesRead: result.bytesTotal });
    expect(notices.at(-1)!.notice.recipients[0]!.address).toBe('ann@example.com');
  });
});

describe('sniffMailFile', () => {
  it.each([
    ['From MAILER-DAEMON Mon Mar  2 10:00:00 2026\nReturn-Path: <>\n', 'mbox'],
    ['\r\n\r\nFrom ann@example.com Mon Mar  2 10:00:00 2026\n', 'mbox'],
    ['Received: from mx.example.com\r\n\tby mx2.example.com;\r\nSubject: Undelivered\r\n\r\nbody', 'message'],
    ['Delivered-To: ann@example.com\nX-Spam: no\n\n', 'message'],
    ['X-Only: a made-up header\nX-Other: b\n\nbody', null],
    ['{"name": "x"}', null],
    ['Dear Ann,\nFrom the open house: thanks!\n', null],
    ['', null],
  ])('%j is %s', (head, kind) => {
    expect(sniffMailFile(head)).toBe(kind);
  });
});


describe('scanFiles progress inside a slice', () => {
  it('reports the counts as messages are read, at most every progressEveryMs, and the bar never goes back', async () => {
    const many = toMbox(Array.from({ length: 120 }, (_, i) => (i % 3 ? ordinaryMail(`Note ${i}`) : dsnBounce(`p${i}@example.com`))));
    let clock = 0;
    const progress: ScanProgress[] = [];
    const result = await scanFiles([new File([many], 'one-slice.mbox')], {
      onBatch: () => undefined,
      onProgress: (p) => void progress.push(p),
      progressEveryMs: 250,
      // Each look at the clock is 100 ms later: a report every third message or so.
      now: () => (clock += 100),
    });
    expect(result.messages).toBe(120);
    // The whole file is one slice: without reports inside it there would be one, at its end.
    const midway = progress.filter((p) => p.bytesRead < p.bytesTotal);
    expect(midway.length).toBeGreaterThan(10);
    expect(midway.every((p) => p.messages < 120)).toBe(true);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.bytesRead).toBeGreaterThanOrEqual(progress[i - 1]!.bytesRead);
      expect(progress[i]!.messages).toBeGreaterThanOrEqual(progress[i - 1]!.messages);
    }
    expect(progress.at(-1)).toMatchObject({ messages: 120, bytesRead: result.bytesTotal });
  });

  it('never reports more bytes than the slices read, when a message spans slices', async () => {
    const big = toMbox([ordinaryMail('x'.repeat(5000)), dsnBounce('q@example.com'), ordinaryMail('y'.repeat(3000))]);
    let clock = 0;
    const progress: ScanProgress[] = [];
    await scanFiles([new File([big], 'spans.mbox')], { sliceBytes: 1024, onBatch: () => undefined, onProgress: (p) => void progress.push(p), progressEveryMs: 0, now: () => (clock += 1) });
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.bytesRead).toBeGreaterThanOrEqual(progress[i - 1]!.bytesRead);
    expect(progress.every((p) => p.bytesRead <= p.bytesTotal)).toBe(true);
  });
});
