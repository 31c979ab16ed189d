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
};
