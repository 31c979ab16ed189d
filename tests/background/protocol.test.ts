import { describe, expect, it } from 'vitest';
import wxtConfig from '../../wxt.config';
import gmailScript from '../../entrypoints/gmail.content';
import gmailPageScript from '../../entrypoints/gmail-main.content';
import outlookScript from '../../entrypoints/outlook.content';
import { CONTENT_SCRIPT_MESSAGES, isAllowed, parsePayload, PAYLOAD_SCHEMAS, senderRole } from '../../lib/messaging';
import { WEBMAILS, WEBMAIL_MATCHES } from '../../lib/webmail/registry';

const SELF = { id: 'abc', origin: 'chrome-extension://abc/' };

describe('protocol', () => {
  it('one host list: the manifest, the content scripts and the trust rule all come from the registry', async () => {
    const manifestOf = wxtConfig.manifest as (env: { browser: string }) => Promise<{ host_permissions: string[] }> | { host_permissions: string[] };
    for (const browser of ['chrome', 'firefox']) expect((await manifestOf({ browser })).host_permissions).toEqual([...WEBMAIL_MATCHES]);
    expect([gmailScript.matches, outlookScript.matches].flat()).toEqual([...WEBMAIL_MATCHES]);
    expect(gmailPageScript.matches).toEqual(gmailScript.matches);
    for (const [id, entry] of Object.entries(WEBMAILS)) {
      for (const host of entry.hosts) {
        expect(senderRole({ id: 'abc', url: `https://${host}/mail/`, tab: { id: 1 } }, SELF)).toMatchObject({ role: 'content', webmail: id });
        // Exactly the host: no subdomain, no look-alike, no plain http.
        expect(senderRole({ id: 'abc', url: `https://x.${host}/`, tab: { id: 1 } }, SELF).role).toBe('untrusted');
        expect(senderRole({ id: 'abc', url: `http://${host}/`, tab: { id: 1 } }, SELF).role).toBe('untrusted');
      }
    }
  });

  it('a host named like an Object.prototype member is not a webmail', () => {
    for (const host of ['constructor', 'tostring', '__proto__', 'hasownproperty']) {
      expect(senderRole({ id: 'abc', url: `https://${host}/`, tab: { id: 1 } }, SELF).role).toBe('untrusted');
    }
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
    // The four of a notice's page, and the sweep's queue (issue #11), each checked against the sender's webmail.
    expect(allowed.sort()).toEqual(
      ['decideFromPage', 'lookupAddresses', 'lookupNotices', 'reportLifeSigns', 'reportNotice', 'reportSelectorHealth', 'sweepAdd', 'sweepBegin', 'sweepControl', 'sweepMark', 'sweepReadItems', 'sweepStatus', 'sweepTake'].sort(),
    );
  });

  it('an extension page is recognised by its URL, with or without a tab; a look-alike is not', () => {
    expect(senderRole({ id: 'abc', url: 'chrome-extension://abc/popup.html' }, SELF).role).toBe('extension');
    expect(senderRole({ id: 'abc', url: 'chrome-extension://abc/options.html', tab: { id: 2 } }, SELF).role).toBe('extension');
    expect(senderRole({ id: 'abc', url: 'chrome-extension://abcd/popup.html' }, SELF).role).toBe('untrusted');
    expect(senderRole({ id: 'abc', url: 'https://mail.google.com.evil.example/', tab: { id: 2 } }, SELF).role).toBe('untrusted');
  });
});
