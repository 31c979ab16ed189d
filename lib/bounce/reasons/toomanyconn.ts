import type { PhraseTable } from '../reasons';

/** toomanyconn: too many connections, sessions or recipients at once. Soft, sender problem. RFC 3463 X.5.3. */
export const toomanyconn: PhraseTable = {
  reason: 'toomanyconn',
  phrases: [
    // Sisimai Reason/TooManyConn (go-sisimai reason/why-toomanyconn.go)
    'all available ips are at maximum connection limit', // SendGrid
    'connection rate limit exceeded',
    'exceeds per-domain connection limit for',
    'has exceeded the max emails per hour ',
    'throttling failure: daily message quota exceeded',
    'throttling failure: maximum sending rate exceeded',
    'too many concurrent smtp connections', // Microsoft
    'too many connections',
    'too many errors from your ip', // free.fr
    'too many recipients', // NTT docomo
    'too many smtp sessions for this host', // Sendmail daemon.c
    'trop de connexions, ',
    'we have already made numerous attempts to deliver this message',
    // Tencent QQ mail help 1000722 / 1000725 (Sisimai Rhost/TencentQQ)
    'connection frequency limited',
    'ip frequency limited',
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google)
    'too many recipients for this sender',
    'your message has too many recipients',
    // GoDaddy IB007 / IB605
    'too many sessions from this ip',
    // Exchange Server / Exchange Online NDR texts (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    'has exceeded the maximum number of connections',
    'storedrv.deliver; recipient thread limit exceeded',
    // Yahoo Inc. SMTP error codes (senders.yahooinc.com/smtp-error-codes; Sisimai Rhost/YahooInc)
    'max message per connection reached',
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    'exceeding outbound thread limit',
    // Tencent QQ Mail (service.mail.qq.com/detail/122; Sisimai Rhost/Tencent)
    'domain frequency limited',
    'sender frequency limited',
    // Broadcom Symantec Email Security.cloud / MessageLabs (knowledge.broadcom.com article 169652; Sisimai Rhost/MessageLabs)
    'too many messages',
    'too many recipients received this hour',
  ],
  decisive: [
    // Exchange 2007+ NDR codes (learn.microsoft.com "Email non-delivery reports in Exchange Online"; Sisimai Lhost/Exchange2007)
    'resolver.adr.reciplimit',
    // Facebook response codes (facebook.com/postmaster/response_codes; Sisimai Rhost/Facebook)
    ' con-t1',
    ' con-t2',
    ' con-t3',
    ' con-t4',
    ' msg-t1',
  ],
  replies: [
    // Google SMTP errors (support.google.com/a/answer/3726730; Sisimai Rhost/Google)
    { phrase: 'your message has too many recipients', reply: '452', status: '4.5.3' },
    { phrase: 'too many recipients for this sender', reply: '550', status: '5.5.3' },
    // Exchange Online NDR codes (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    { phrase: 'has exceeded the maximum number of connections', status: '4.7.652' },
    // Yahoo SMTP error codes (senders.yahooinc.com/smtp-error-codes; Sisimai Rhost/YahooInc)
    { phrase: 'max message per connection reached', provider: 'yahoo' },
    // Tencent QQ Mail (service.mail.qq.com/detail/122; Sisimai Rhost/Tencent)
    { phrase: 'ip frequency limited', provider: 'tencent' },
    { phrase: 'domain frequency limited', provider: 'tencent' },
    { phrase: 'sender frequency limited', provider: 'tencent' },
    { phrase: 'connection frequency limited', provider: 'tencent' },
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    { phrase: 'account service is temporarily unavailable', reply: '451', provider: 'mimecast' },
    { phrase: 'too many recipients', reply: '452', provider: 'mimecast' },
    { phrase: 'exceeding outbound thread limit', reply: '550', provider: 'mimecast' },
  ],
};
