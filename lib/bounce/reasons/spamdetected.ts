import type { PhraseTable } from '../reasons';

/**
 * spamdetected: a content filter judged the message to be spam. Soft, sender problem.
 * RFC 7372 / RFC 3463 X.7.1 as used by filters; Sisimai pseudo code 5.0.980.
 */
export const spamdetected: PhraseTable = {
  reason: 'spamdetected',
  phrases: [
    // Sisimai Reason/SpamDetected (go-sisimai reason/why-spamdetected.go)
    ' - spam',
    '//dsbl.org/help/help_spam_16.htm',
    '//mail.163.com/help/help_spam_16.htm',
    '//www.spamhaus.org/help/help_spam_16.htm',
    '554 5.7.0 reject, id=',
    'appears to be unsolicited',
    'blacklisted url in message',
    'block for spam',
    'blocked by policy: no spam please',
    'blocked by spamassassin',
    'blocked for abuse. see http://att.net/blocks', // AT&T
    'cannot be forwarded because it was detected as spam',
    'considered unsolicited bulk e-mail (spam) by our mail filters',
    'content filter rejection',
    'cyberoam anti spam engine has identified this email as a bulk email',
    'denied due to spam list',
    'high probability of spam',
    'is classified as spam and is rejected',
    'listed in work.drbl.imedia.ru',
    'mail appears to be unsolicited',
    'mail content denied', // QQ mail help 1000726
    'may consider spam',
    'message considered as spam or virus',
    'message contains spam or virus',
    'message content rejected',
    'message detected as spam',
    'message filtered. please see the faqs section on spam',
    'message filtered. refer to the troubleshooting page at ',
    'message is being rejected as it seems to be a spam',
    'message looks like spam',
    'message refused by mailmarshal spamprofiler',
    'message refused by trustwave seg spamprofiler',
    'message rejected as spam',
    'message rejected because of unacceptable content',
    'message rejected due to suspected spam content',
    'message rejected for policy reasons',
    'message was rejected for possible spam/virus content',
    'our email server thinks this email is spam',
    'our system has detected that this message is ',
    'probable spam',
    'reject bulk.advertising',
    'rejected - bulk email',
    'rejected: spamassassin score ',
    'rejecting banned content',
    'rejecting mail content',
    'related to content with spam-like characteristics',
    'sender domain listed at ',
    'sending address not accepted due to spam filter',
    'spam blocked',
    'spam check',
    'spam content matched',
    'spam detected',
    'spam email',
    'spam message rejected.', // mail.ru
    'spam not accepted',
    'spam refused',
    'spam rejection',
    'spam score ',
    'spambouncer identified spam',
    'spamming not allowed',
    'the content of this message looked like spam', // SendGrid
    'the email message was detected as spam',
    'the mail server detected your message as spam and has prevented delivery.', // cPanel / Exim
    'the message has been rejected by spam filtering engine',
    'the message was rejected due to classification as bulk mail',
    'this message appears to be spam',
    'this message has been identified as spam',
    'this message has been scored as spam with a probability',
    'this message was classified as spam',
    'this message was rejected by recurrent pattern detection system',
    'too many spam complaints',
    'too much spam.', // Earthlink
    'transaction failed spam message not queued', // SendGrid
    'we dont accept spam',
    'your email appears similar to spam we have received before',
    'your email breaches local uribl policy',
    'your email had spam-like ',
    'your email is considered spam',
    'your email is probably spam',
    'your email was detected as spam',
    'your message as spam and has prevented delivery',
    'your message failed several antispam checks',
    'your message has been rejected because it appears to be spam',
    'your message has been temporarily blocked by our filter',
    'your message has triggered a spam block',
    'your message may contain the spam contents',
    // Gmail 5.7.1 "Our system has detected that this message is likely unsolicited mail"
    // (support.google.com/mail/?p=UnsolicitedMessageError, Sisimai Rhost/GoogleApps)
    'likely unsolicited mail',
    'unsolicitedmessageerror',
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google)
    'due to the nature of the content or the links within',
    // GoDaddy IB212 / "Message rejected for spam or virus content"
    'content judged to be spam',
    'message rejected for spam or virus content',
    // Barracuda "blocked by our Spam Firewall"
    'spam firewall',
    // Exchange Server / Exchange Online NDR texts (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    'content filter agent quarantined this message',
    // Tencent QQ Mail (service.mail.qq.com/detail/122; Sisimai Rhost/Tencent)
    'spam is embedded in the email',
    // Broadcom Symantec Email Security.cloud / MessageLabs (knowledge.broadcom.com article 169652; Sisimai Rhost/MessageLabs)
    'filtered by outbound scanning',
  ],
  sequences: [
    // go-sisimai why-spamdetected.go ("pairs")
    ['greylisted', ' please try again in'],
    ['mail score (', ' over '],
    ['mail rejete. mail rejected. ', '506'],
    ['our filters rate at and above ', ' percent probability of being spam'],
    ['rejected by ', ' (spam)'],
    ['rejected due to spam ', 'classification'],
    ['rejected due to spam ', 'content'],
    ['rule imposed as ', ' is blacklisted on'],
    ['spam ', ' exceeded'],
    ['this message scored ', ' spam points'],
  ],
  decisive: [
    // Facebook response codes (facebook.com/postmaster/response_codes; Sisimai Rhost/Facebook)
    ' pol-p6',
  ],
  replies: [
    // Gmail "Why has Gmail blocked my messages?" (support.google.com/mail/answer/188131; Sisimai Rhost/Google)
    { phrase: 'due to the nature of the content or the links within', reply: '421', status: '4.7.0' },
    { phrase: 'likely unsolicited mail', reply: '550', status: '5.7.1' },
    // Tencent QQ Mail (service.mail.qq.com/detail/122; Sisimai Rhost/Tencent)
    { phrase: 'spam is embedded in the email', provider: 'tencent' },
    { phrase: 'mail content denied', provider: 'tencent' },
  ],
};
