import type { PhraseTable } from '../reasons';

/** contenterror: the message's headers or MIME structure were refused. Soft. RFC 3463 X.6.x. */
export const contenterror: PhraseTable = {
  reason: 'contenterror',
  phrases: [
    // Sisimai Reason/ContentError (go-sisimai reason/why-contenterror.go)
    'duplicate header',
    'header size exceeds maximum permitted',
    'improper use of 8-bit data in message header',
    'message header size, or recipient list, exceeds policy limit',
    'message mime complexity exceeds the policy maximum',
    'routing loop detected -- too many received: headers',
    'this message contain improperly-formatted binary content',
    'this message contain invalid mime headers',
    'this message contain text that uses unnecessary base64 encoding',
    // Exim error strings (exim src/route.c, routers/dnslookup.c, transports/smtp.c, deliver.c; Sisimai Lhost/Exim)
    'too many "received" headers',
    // Broadcom Symantec Email Security.cloud / MessageLabs (knowledge.broadcom.com article 169652; Sisimai Rhost/MessageLabs)
    'stray linefeeds in message',
  ],
  decisive: [
    // Exchange 2000/2003 "MSEXCH:IMS:… (code)" diagnostic codes (Sisimai Lhost/Exchange2003): conversion to Internet format failed
    '(000502cc)',
    '(00050311)',
    // Facebook response codes (facebook.com/postmaster/response_codes; Sisimai Rhost/Facebook)
    ' msg-p2',
  ],
  replies: [
    // Exchange Online NDR codes (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    { phrase: 'invalid characters', status: '5.6.11' },
    { phrase: 'invalid message content', status: '5.5.6' },
  ],
};
