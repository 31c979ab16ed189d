import { describe, expect, it } from 'vitest';
import { findAddresses, isBounceSender, isBounceSubject, looksLikeBounce } from '../../lib/webmail/looks-like-bounce';

describe('looksLikeBounce', () => {
  const cases: Array<[string, { subject: string; from: string; snippet?: string }, boolean, string]> = [
    ['Gmail failure', { subject: 'Delivery Status Notification (Failure)', from: 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>', snippet: "Address not found Your message wasn't delivered to a@example.com" }, true, 'hard'],
    ['Gmail delay', { subject: 'Delivery Status Notification (Delay)', from: 'mailer-daemon@googlemail.com' }, true, 'soft'],
    ['Postfix', { subject: 'Undelivered Mail Returned to Sender', from: 'Mail Delivery System <MAILER-DAEMON@mx.example.net>' }, true, 'undetermined'],
    ['Exchange, subject only', { subject: 'Undeliverable: Invoice 42', from: 'Microsoft Outlook' }, true, 'undetermined'],
    ['French Exchange', { subject: 'Non remis : Facture', from: 'postmaster@example.fr' }, true, 'undetermined'],
    ['German', { subject: 'Unzustellbar: Rechnung', from: 'Someone <someone@example.de>' }, true, 'undetermined'],
    ['Japanese', { subject: '配信不能: 請求書', from: 'someone@example.jp' }, true, 'undetermined'],
    ['threaded: original subject, daemon among participants', { subject: 'Quarterly report', from: 'me <user@example.com>, Mail Delivery Subsystem <mailer-daemon@googlemail.com>' }, true, 'undetermined'],
    ['sender blocked hint', { subject: 'Delivery Status Notification (Failure)', from: 'mailer-daemon@googlemail.com', snippet: 'Message blocked: your message was blocked as spam' }, true, 'sender'],
    ['a person mentioning a bounce', { subject: 'Re: the undeliverable parcel', from: 'Gina <gina@example.org>' }, false, 'undetermined'],
    ['Outlook display name alone', { subject: 'Lunch', from: 'Microsoft Outlook <no-reply@example.com>' }, false, 'undetermined'],
    ['ordinary mail', { subject: 'Lunch on Friday', from: 'Bob <bob@example.org>' }, false, 'undetermined'],
  ];
  it.each(cases)('%s', (_label, input, isBounce, kind) => {
    const look = looksLikeBounce(input);
    expect(look.isBounce).toBe(isBounce);
    expect(look.kind).toBe(kind);
  });

  it('names the failed address from the snippet, never the daemon', () => {
    const look = looksLikeBounce({
      subject: 'Delivery Status Notification (Failure)',
      from: 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
      snippet: 'Your message wasn’t delivered to Ann.Lee@Example.com. Contact postmaster@example.com.',
    });
    expect(look.addresses).toEqual(['ann.lee@example.com']);
  });

  it('marks a delay as delayed', () => {
    expect(looksLikeBounce({ subject: 'Delivery Status Notification (Delay)', from: 'mailer-daemon@googlemail.com' }).delayed).toBe(true);
    expect(looksLikeBounce({ subject: 'Delivery Status Notification (Failure)', from: 'mailer-daemon@googlemail.com' }).delayed).toBe(false);
  });
});

describe('sender and subject checks', () => {
  it('knows daemon senders by local part or display name', () => {
    expect(isBounceSender('MAILER-DAEMON@example.net')).toBe(true);
    expect(isBounceSender('postmaster@tenant.onmicrosoft.com')).toBe(true);
    expect(isBounceSender('Mail Delivery Subsystem')).toBe(true);
    expect(isBounceSender('postmaster-fan@example.com')).toBe(false);
    expect(isBounceSender('Ann <ann@example.com>')).toBe(false);
  });
  it('needs the subject to start with a notice phrase', () => {
    expect(isBounceSubject('Mail delivery failed: returning message to sender')).toBe(true);
    expect(isBounceSubject('Fwd: Mail delivery failed')).toBe(false);
  });
  it('extracts addresses without trailing dots, deduplicated', () => {
    expect(findAddresses('to a@example.com. and A@EXAMPLE.COM, b@example.org')).toEqual(['a@example.com', 'b@example.org']);
  });
});
