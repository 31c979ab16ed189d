import { describe, expect, it } from 'vitest';
import { importedNoticeKey, noticeKeyOf } from '../lib/notice-key';

const rendered = (text: string) => ({ webmail: 'outlook' as const, account: '', messageId: '', rendered: { subject: 'Undeliverable: Hi', from: 'postmaster@example.com', text } });

describe('notice keys', () => {
  it('use the webmail id when there is one, encoded so that a colon cannot join two keys', async () => {
    expect(await noticeKeyOf({ webmail: 'gmail', account: '0', messageId: '18c0' })).toBe('gmail:0:18c0');
    const a = await noticeKeyOf({ webmail: 'gmail', account: 'a:b', messageId: 'c' });
    const b = await noticeKeyOf({ webmail: 'gmail', account: 'a', messageId: 'b:c' });
    expect(a).not.toBe(b);
  });

  it('hash the content otherwise: two renders differing in whitespace are one notice, other words another', async () => {
    const once = await noticeKeyOf(rendered('Delivery has failed to:\n  ann@example.com'));
    expect(once).toMatch(/^hash:[0-9a-f]{64}$/);
    expect(await noticeKeyOf(rendered('Delivery has failed to: ann@example.com '))).toBe(once);
    expect(await noticeKeyOf(rendered('Delivery has failed to: bob@example.com'))).not.toBe(once);
    const raw = await noticeKeyOf({ webmail: 'gmail', account: '0', messageId: '', raw: 'From: a\r\n\r\nbody\r\n' });
    expect(await noticeKeyOf({ webmail: 'gmail', account: '0', messageId: '', raw: 'From: a\n\nbody\n' })).toBe(raw);
  });

  it('an imported message is keyed by its text alone, apart from the reported ones', async () => {
    const key = await importedNoticeKey('From: a\n\nbody\n');
    expect(key).toMatch(/^import:[0-9a-f]{64}$/);
    expect(await importedNoticeKey('From: a\n\nbody\n')).toBe(key);
    expect(await importedNoticeKey('From: b\n\nbody\n')).not.toBe(key);
  });
});
