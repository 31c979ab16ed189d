import { describe, expect, it } from 'vitest';
import { WEBMAIL_MATCHES } from '../../wxt.config';
import { CONTENT_SCRIPT_MESSAGES, isAllowed, parsePayload, PAYLOAD_SCHEMAS, senderRole, WEBMAIL_HOSTS } from '../../lib/messaging';

const SELF = { id: 'abc', origin: 'chrome-extension://abc/' };

describe('protocol', () => {
  it('knows exactly the webmail hosts the manifest matches', () => {
    const hosts = WEBMAIL_MATCHES.map((pattern) => new URL(pattern.replace('/*', '/')).hostname).sort();
    expect(Object.keys(WEBMAIL_HOSTS).sort()).toEqual(hosts);
  });

  it('cleans payloads: unknown fields dropped, addresses normalised', () => {
    const report = parsePayload('reportNotice', {
      webmail: 'gmail', account: '0', messageId: 'x', url: '', raw: 'From: a', sneaky: 1, rendered: { subject: 's', from: 'f', text: 't', html: '<b>' },
    });
    expect(report).toEqual({ webmail: 'gmail', account: '0', messageId: 'x', url: '', raw: 'From: a', rendered: { subject: 's', from: 'f', text: 't' } });
    expect(parsePayload('setDecision', { addresses: [' <Ann@Example.COM> '], decision: 'kept' })).toEqual({ addresses: ['ann@example.com'], decision: 'kept' });
  });

  it('content scripts may send only the content-script messages', () => {
    const content = senderRole({ id: 'abc', url: 'https://outlook.live.com/mail/0/', tab: { id: 1 } }, SELF);
    expect(content).toEqual({ role: 'content', webmail: 'outlook', origin: 'https://outlook.live.com', tabId: 1 });
    const allowed = Object.keys(PAYLOAD_SCHEMAS).filter((type) => isAllowed(type as keyof typeof PAYLOAD_SCHEMAS, content));
    expect(allowed.sort()).toEqual([...CONTENT_SCRIPT_MESSAGES].sort());
    expect(allowed.sort()).toEqual(['decideFromPage', 'lookupAddresses', 'reportNotice']);
  });

  it('an extension page is recognised by its URL, with or without a tab; a look-alike is not', () => {
    expect(senderRole({ id: 'abc', url: 'chrome-extension://abc/popup.html' }, SELF).role).toBe('extension');
    expect(senderRole({ id: 'abc', url: 'chrome-extension://abc/options.html', tab: { id: 2 } }, SELF).role).toBe('extension');
    expect(senderRole({ id: 'abc', url: 'chrome-extension://abcd/popup.html' }, SELF).role).toBe('untrusted');
    expect(senderRole({ id: 'abc', url: 'https://mail.google.com.evil.example/', tab: { id: 2 } }, SELF).role).toBe('untrusted');
  });
});
