import type { PhraseTable } from '../reasons';

/**
 * syntaxerror: the address or an SMTP command could not be parsed. Soft. Mostly decided by the reply
 * code (501-507, 401-407: lib/bounce/smtp-status.ts isSyntaxReply); these are the words of MTAs that
 * say so without one.
 */
export const syntaxerror: PhraseTable = {
  reason: 'syntaxerror',
  phrases: [
    // Exim parser.c address errors (Sisimai Lhost/Exim)
    'angle-brackets nested too deep',
    'domain missing in source-routed address',
    'expected word or "<"',
    'malformed address:',
    // Exchange Server / Exchange Online NDR texts (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    'send hello first',
    'unrecognized command',
    // Yahoo Inc. SMTP error codes (senders.yahooinc.com/smtp-error-codes; Sisimai Rhost/YahooInc)
    'syntax error in parameters or arguments',
    // Tencent QQ Mail (service.mail.qq.com/detail/122; Sisimai Rhost/Tencent)
    'bad address syntax',
  ],
  replies: [
    // Google SMTP errors (support.google.com/a/answer/3726730; Sisimai Rhost/Google)
    { phrase: 'smtp protocol violation', reply: '451', status: '4.5.0' },
    { phrase: 'syntax error', reply: '501', status: '5.5.2' },
    { phrase: 'syntax error', reply: '555', status: '5.5.2' },
    { phrase: 'bad sequence of commands', reply: '503', status: '5.5.1' },
    { phrase: 'unrecognized command', reply: '502', status: '5.5.1' },
    { phrase: 'unrecognized authentication type', reply: '504', status: '5.7.4' },
    // Exchange Online NDR codes (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    { phrase: 'send hello first', status: '5.5.2' },
    // Yahoo SMTP error codes (senders.yahooinc.com/smtp-error-codes; Sisimai Rhost/YahooInc)
    { phrase: 'syntax error in parameters or arguments', provider: 'yahoo' },
    // NTT docomo (Sisimai Rhost/NTTDOCOMO: "550 Unknown user" is a missing user since March 2025)
    { phrase: '503 bad sequence of commands', provider: 'nttdocomo' },
    { phrase: '504 command parameter not implemented', provider: 'nttdocomo' },
    // Tencent QQ Mail (service.mail.qq.com/detail/122; Sisimai Rhost/Tencent)
    { phrase: 'bad address syntax', provider: 'tencent' },
  ],
};
