import type { PhraseTable } from '../reasons';

/**
 * blocked: the sending host (its IP address or name) is refused, usually by a block list. Soft, sender problem.
 * RFC 3463 X.7.1 as a 4xx; Sisimai reads most connection-level refusals as blocked.
 */
export const blocked: PhraseTable = {
  reason: 'blocked',
  phrases: [
    // Sisimai Reason/Blocked (Debian 4.25.15 Blocked.pm, go-sisimai reason/why-blocked.go)
    ' said: 550 blocked',
    '//www.spamcop.net/bl.',
    'bad sender ip address',
    'banned sending ip', // Office 365
    'blacklisted by',
    'blocked - see http',
    'blocked using ',
    'client host rejected: abus detecte gu_eib_02', // SFR
    'client host rejected: abus detecte gu_eib_04', // SFR
    'client host rejected: may not be mail exchanger',
    'client host rejected: was not authenticated', // Microsoft
    'confirm this mail server',
    'connection dropped',
    'connection refused by',
    'connection reset by peer',
    'connection was dropped by remote host',
    'connections not accepted from ip addresses on spamhaus xbl',
    'currently sending spam see: ',
    'dnsbl:attrbl',
    'domain does not exist:',
    'dynamic/zombied/spam ips blocked',
    'error: no valid recipients from ',
    'esmtp not accepting connections', // icloud.com
    'extreme bad ip profile',
    'go away',
    'helo command rejected:',
    'host network not allowed',
    'hosts with dynamic ip',
    'invalid ip for sending mail of domain',
    'is in a black list',
    'is not allowed to send mail from',
    'mailfrom domain is listed in spamhaus',
    'no access from mail server',
    'no matches to nameserver query',
    'not currently accepting mail from your ip', // Microsoft
    'part of their network is on our block list',
    'please use the smtp server of your isp',
    'refused - see http',
    'rejected - multi-blacklist', // junkemailfilter.com
    'rejected because the sending mta or the sender has not passed validation',
    'rejecting open proxy', // Sendmail srvrsmtp.c
    'sender ip address rejected',
    'server access forbidden by your ip ',
    'service not available, closing transmission channel',
    'smtp error from remote mail server after initial connection:', // Exim
    "sorry, that domain isn't in my list of allowed rcpthosts",
    'sorry, your remotehost looks suspiciously like spammer',
    'to submit messages to this e-mail system has been rejected',
    'too many spams from your ip', // free.fr
    'too many unwanted messages have been sent from the following ip address above',
    'was blocked by ',
    'we do not accept mail from dynamic ips', // mail.ru
    'you are not allowed to connect',
    'you are sending spam',
    'your ip address is listed in the rbl',
    'your network is temporary blacklisted',
    'your server requires confirmation',
    // Microsoft Exchange Online 5.7.606-649 "Access denied, banned sending IP" (learn.microsoft.com NDR 5.7.606)
    'access denied, banned sending ip',
    // Microsoft S3150 / Outlook.com "part of their network is on our block list (S3140)"
    'block list (s3',
    // qmail-remote.c "Connected to … but my name was rejected" (Sisimai Lhost/qmail)
    ' but my name was rejected',
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google)
    'an unusual rate of unsolicited mail',
    'empty helo/ehlo argument not allowed',
    'helo/ehlo argument is invalid',
    'ip not in whitelist for rcpt domain',
    'try again later, closing connection.',
    // GoDaddy (ca.godaddy.com/help/40685, Sisimai Rhost/GoDaddy)
    'rbl reject',
    'www.spamhaus.org/query/bl?ip=',
    // Exchange Online 5.7.506-513 (learn.microsoft.com NDR reference, Sisimai Rhost/Microsoft)
    'access denied, bad helo',
    'access denied, banned sender',
    'access denied, rejected by recipient',
    'does not accept email over ipv6',
    'must have a reverse dns record',
    'using customer block list',
    // Apple iCloud Mail (support.apple.com/en-us/102322; Sisimai Rhost/Apple)
    'blocked - see https://support.proofpoint.com/dnsbl-lookup',
    'not accepting connections',
    'rejected due to having a domain present in the spamhaus',
    'rejected due to listing in spamhaus',
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    'ip temporarily blacklisted',
    // Tencent QQ Mail (service.mail.qq.com/detail/122; Sisimai Rhost/Tencent)
    'suspected bounce attacks',
    'suspected spam ip',
    // Zoho Mail (zoho.com/mail/help/spam-reason.html, smtpfieldmanual.com/provider/zoho; Sisimai Rhost/Zoho)
    'greylisted, try again after some time',
    // Broadcom Symantec Email Security.cloud / MessageLabs (knowledge.broadcom.com article 169652; Sisimai Rhost/MessageLabs)
    'mail rejected because your ip is in the pbl',
  ],
  sequences: [
    // go-sisimai why-blocked.go ("pairs")
    ['(', '@', ':blocked)'],
    ['access from ip address ', ' blocked'],
    ['client host ', ' blocked using'],
    ['connections will not be accepted from ', " because the ip is in spamhaus's list"],
    ['dnsbl:rbl ', '>_is_blocked'],
    ['email blocked by ', '.barracudacentral.org'],
    ['email blocked by ', 'spamhaus'],
    ['host ', ' refused to talk to me: ', ' blocked'],
    ['ip ', ' is blocked by earthlink'], // Earthlink
    ['is in an ', 'rbl on '],
    ['mail server at ', ' is blocked'],
    ['mail from ', ' refused:'],
    ['mail from ', ' refused, see ', 'orbs'],
    ['message from ', ' rejected based on blacklist'],
    ['messages from ', ' temporarily deferred due to user complaints'], // Yahoo!
    ['server ip ', ' listed as abusive'],
    ['sorry! your ip address', ' is blocked by rbl'], // junkemailfilter.com
    ['the domain ', ' is blacklisted'],
    ['the email ', ' is blacklisted'],
    ['the ip', ' is blacklisted'],
    ['veuillez essayer plus tard. service refused, please try later. ', '103'],
    ['veuillez essayer plus tard. service refused, please try later. ', '510'],
    ['your access ip', ' has been rejected'],
    ["your sender's ip address is listed at ", '.abuseat.org'],
  ],
  decisive: [
    // Outlook.com postmaster codes (substrate.office.com postmaster troubleshooting; Sisimai Rhost/Microsoft)
    ' dy-001 ',
    ' ou-001 ',
    ' sc-003 ',
    ' sc-004 ',
    // Facebook response codes (facebook.com/postmaster/response_codes; Sisimai Rhost/Facebook)
    ' pol-p1',
    ' pol-p2',
    ' pol-p3',
    ' pol-p4',
    ' pol-t1',
    ' pol-t2',
    ' pol-t3',
  ],
  replies: [
    // Google SMTP errors (support.google.com/a/answer/3726730; Sisimai Rhost/Google)
    { phrase: 'ip not in whitelist for rcpt domain', reply: '421', status: '4.7.0' },
    { phrase: 'try again later, closing connection.', reply: '421', status: '4.7.0' },
    { phrase: 'empty helo/ehlo argument not allowed', reply: '501', status: '5.5.4' },
    { phrase: 'helo/ehlo argument is invalid', reply: '501', status: '5.5.4' },
    { phrase: 'an unusual rate of unsolicited mail', reply: '421', status: '4.7.0' },
    { phrase: 'an unusual rate of mail', reply: '421', status: '4.7.28' },
    { phrase: 'an unusual rate of unsolicited mail', reply: '550', status: '5.7.1' },
    { phrase: 'an unusual rate of unsolicited mail', reply: '550', status: '5.7.28' },
    // Exchange Online NDR codes (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    { phrase: 'access denied, please try again later', status: '4.7.850-899' },
    { phrase: 'must have a reverse dns record', status: '5.7.25' },
    { phrase: 'access denied, bad helo', status: '5.7.506' },
    { phrase: 'access denied, rejected by recipient', status: '5.7.507' },
    { phrase: 'does not accept email over ipv6', status: '5.7.510' },
    { phrase: 'access denied, banned sender', status: '5.7.511' },
    { phrase: 'using customer block list', status: '5.7.513' },
    { phrase: 'access denied, banned sending ip ', status: '5.7.606-649' },
    { phrase: 'access denied, please try again later', status: '4.7.500-699' },
    { phrase: 'part of their network is on our block list (s3150)', status: '5.7.1' },
    // Apple iCloud Mail (support.apple.com/en-us/102322; Sisimai Rhost/Apple)
    { phrase: 'rejected due to having a domain present in the spamhaus', provider: 'apple' },
    { phrase: 'rejected due to listing in spamhaus', provider: 'apple' },
    { phrase: 'blocked - see https://support.proofpoint.com/dnsbl-lookup', provider: 'apple' },
    { phrase: 'not accepting connections', provider: 'apple' },
    // Yahoo SMTP error codes (senders.yahooinc.com/smtp-error-codes; Sisimai Rhost/YahooInc)
    { phrase: " because the ip is in spamhaus's list;", provider: 'yahoo' },
    { phrase: 'not accepted from ip addresses on spamhaus xbl', provider: 'yahoo' },
    // Tencent QQ Mail (service.mail.qq.com/detail/122; Sisimai Rhost/Tencent)
    { phrase: 'suspected bounce attacks', provider: 'tencent' },
    { phrase: 'suspected spam ip', provider: 'tencent' },
    { phrase: 'connection denied', provider: 'tencent' },
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    { phrase: 'sender address blocked', reply: '421', provider: 'mimecast' },
    { phrase: 'recipient temporarily unavailable', reply: '451', provider: 'mimecast' },
    { phrase: 'ip temporarily blacklisted', reply: '451', provider: 'mimecast' },
  ],
};
