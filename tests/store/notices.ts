/** Builders for classified notices and a fresh fake IndexedDB per test. */
import { IDBFactory } from 'fake-indexeddb';
import type { BounceKind, ClassifiedNotice, FailedRecipient, Reason } from '../../lib/bounce/types';
import type { NoticeToRecord } from '../../lib/store/tally';

/** A new, empty IndexedDB for this test (TOOLCHAIN.md pitfall 3). */
export function freshIndexedDb(): void {
  globalThis.indexedDB = new IDBFactory();
}

export function recipient(address: string, kind: BounceKind, reason: Reason, extra: Partial<FailedRecipient> = {}): FailedRecipient {
  return {
    address,
    kind,
    reason,
    status: kind === 'hard' ? '5.1.1' : '4.2.2',
    replyCode: kind === 'hard' ? '550' : '452',
    diagnostic: `550 ${reason} for ${address}`,
    action: kind === 'hard' ? 'failed' : 'delayed',
    remoteMta: 'mx.example.com',
    ...extra,
  };
}

export function bounce(date: string, recipients: FailedRecipient[], messageId = ''): ClassifiedNotice {
  return {
    isBounce: true,
    category: 'bounce',
    format: 'rfc3464',
    recipients,
    subject: 'Undelivered Mail Returned to Sender',
    from: 'MAILER-DAEMON@example.com',
    messageId,
    date,
    notes: [],
  };
}

export function report(key: string, notice: ClassifiedNotice, webmail = 'gmail'): NoticeToRecord {
  return { key, webmail, account: '0', webmailMessageId: key.split(':').pop() ?? '', url: `https://mail.google.com/mail/u/0/#inbox/${key}`, notice };
}
