import type { PhraseTable } from '../reasons';

/** securityerror: authentication or another security check of the session failed. Soft. RFC 3463 X.7.x. */
export const securityerror: PhraseTable = {
  reason: 'securityerror',
  phrases: [
    // Sisimai Reason/SecurityError (go-sisimai reason/why-securityerror.go)
    'account not subscribed to ses',
    'authentication credentials invalid',
    'authentication failure',
    'authentication required',
    'authentication turned on in your email client',
    'executable files are not allowed in compressed files',
    'insecure mail relay',
    "sorry, you don't authenticate or the domain isn't in my list of allowed rcpthosts",
    'unauthenticated senders not allowed',
    'verification failure',
    'you are not authorized to send mail, authentication is required',
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google)
    'application-specific password required',
    'no identity changes permitted',
    'please log in through your web browser',
    'please log in with your web browser',
    'too many login attempts',
    'username and password not accepted',
    // GoDaddy IB401
    'authentication not allowed on',
    // OpenSMTPD smtpd/mta.c and queue.c (Sisimai Lhost/OpenSMTPD)
    'could not retrieve credentials',
    // Exchange Server / Exchange Online NDR texts (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    'cannot achieve exchange server authentication',
    'client was not authenticated to send anonymous mail during mail from',
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    'incorrect authentication data',
    'submitter failed to authenticate',
    // Broadcom Symantec Email Security.cloud / MessageLabs (knowledge.broadcom.com article 169652; Sisimai Rhost/MessageLabs)
    'please turn on smtp authentication in your mail client',
  ],
  sequences: [
    ['authentication failed; server ', ' said: '], // Postfix
    ['authentification invalide', '305'],
    ['authentification requise', '402'],
    ['domain ', ' is a dead domain'],
    ['user ', ' is not authorized to perform ses:sendrawemail on resource'],
  ],
  decisive: [
    // Exchange 2007+ NDR codes (learn.microsoft.com "Email non-delivery reports in Exchange Online"; Sisimai Lhost/Exchange2007)
    'resolver.rst.authrequired',
    // Exchange 2000/2003 "MSEXCH:IMS:… (code)" diagnostic codes (Sisimai Lhost/Exchange2003): 502 server does not support AUTH
    '(000b0981)',
  ],
  replies: [
    // Google SMTP errors (support.google.com/a/answer/3726730; Sisimai Rhost/Google)
    { phrase: 'too many login attempts', reply: '454', status: '4.7.0' },
    { phrase: 'no identity changes permitted', reply: '503', status: '5.7.0' },
    { phrase: 'authentication required.', reply: '530', status: '5.5.1' },
    { phrase: 'authentication required.', reply: '530', status: '5.7.0' },
    { phrase: 'application-specific password required', reply: '535', status: '5.7.1' },
    { phrase: 'application-specific password required', reply: '535', status: '5.7.9' },
    { phrase: 'please log in with your web browser', reply: '535', status: '5.7.1' },
    { phrase: 'please log in with your web browser', reply: '534', status: '5.7.9' },
    { phrase: 'please log in through your web browser', reply: '534', status: '5.7.14' },
    { phrase: 'username and password not accepted', reply: '535', status: '5.7.1' },
    { phrase: 'username and password not accepted', reply: '535', status: '5.7.8' },
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    { phrase: 'incorrect authentication data', reply: '535', provider: 'mimecast' },
    { phrase: 'submitter failed to authenticate', reply: '550', provider: 'mimecast' },
  ],
};
