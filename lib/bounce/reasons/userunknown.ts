import type { PhraseTable } from '../reasons';

/**
 * userunknown: the local part (left of "@") does not exist at the destination. Hard.
 * RFC 3463 §3.2 X.1.1 "Bad destination mailbox address".
 */
export const userunknown: PhraseTable = {
  reason: 'userunknown',
  phrases: [
    // Sisimai Reason/UserUnknown (p5-sisimai, go-sisimai reason/why-userunknown.go)
    '#5.1.1 bad address',
    '5.1.0 address rejected.',
    '550 address invalid',
    'address does not exist',
    'address not present in directory',
    'address unknown',
    "can't accept user",
    'destination addresses were unknown',
    'destination server rejected recipients',
    'does not exist.',
    'email address could not be found',
    'email address does not exist',
    'invalid address',
    'invalid mailbox',
    'invalid recipient',
    'is not a known user',
    'is not a valid mailbox',
    'is not an active address at this host',
    'mailbox does not exist',
    'mailbox invalid',
    'mailbox is inactive',
    'mailbox is unavailable',
    'mailbox not found',
    'mailbox not present',
    'mailbox unavaiable',
    'nessun utente simile in questo indirizzo',
    'no account by that name here',
    'no existe dicha persona',
    'no existe ese usuario ',
    'no mail box available for this user',
    'no mailbox by that name is currently available',
    'no mailbox found',
    'no such address here',
    'no such mailbox',
    'no such person at this address',
    'no such recipient',
    'no such user',
    'no thank you rejected: account unavailable',
    'no valid recipients, bye',
    'not a local address',
    'not a valid recipient',
    'not a valid user here',
    'not email addresses',
    'recipient address rejected. (in reply to rcpt to command)',
    'recipient address rejected: access denied',
    'recipient address rejected: invalid user',
    'recipient address rejected: invalid-recipient',
    'recipient address rejected: unknown user',
    'recipient address rejected: userunknown',
    'recipient does not exist',
    'recipient is not accepted',
    'recipient is not local',
    'recipient not exist',
    'recipient not found',
    'recipient not ok',
    'recipient refuses to accept your mail',
    'recipient unknown',
    'requested action not taken: mailbox unavailable',
    'sorry, badrcptto',
    'sorry, no mailbox here by that name',
    'sorry, user unknown',
    'sorry, your envelope recipient has been denied',
    "that domain or user isn't in my list of allowed rcpthosts",
    'the email account that you tried to reach does not exist',
    'the following recipients was undeliverable',
    "the user's email name is not found",
    'there is no one at this address',
    'this email address is wrong or no longer valid',
    'this recipient is in my badrecipientto list',
    'this recipient is not in my validrcptto list',
    'this spectator does not exist',
    'unknown mailbox',
    'unknown recipient',
    'unknown user',
    'user does not exist',
    'user missing home directory',
    'user not active',
    'user not exist',
    'user not found',
    'user not known',
    'user unknown',
    'utilisateur inconnu !',
    'vdeliver: invalid or unknown virtual user',
    'weil die adresse nicht gefunden wurde oder keine e-mails empfangen kann',
    'your envelope recipient is in my badrcptto list',
    // Microsoft Exchange / Office 365 (learn.microsoft.com "Email non-delivery reports and SMTP
    // errors in Exchange Online": 5.1.1, 5.1.10)
    'recipient not found by smtp address lookup',
    "the email address you entered couldn't be found",
    // Gmail "Address not found" (support.google.com/mail/answer/6596, Sisimai Rhost/GoogleApps)
    "wasn't found at",
    "couldn't be found, or is unable to receive mail",
    // GoDaddy "Account does not exist"
    'account does not exist',
    // Exchange Server / Exchange Online NDR texts (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    'bad destination mailbox address',
    'recipient address reserved by rfc 2606',
    'recipient addresses in single label domains not accepted',
    'storedrv.submit; invalid recipient address',
    // Apple iCloud Mail (support.apple.com/en-us/102322; Sisimai Rhost/Apple)
    'inactive email address',
    'unknown or illegal alias',
    // Broadcom Symantec Email Security.cloud / MessageLabs (knowledge.broadcom.com article 169652; Sisimai Rhost/MessageLabs)
    'recipient mailbox is not allowed',
  ],
  sequences: [
    // Sisimai go-sisimai reason/why-userunknown.go ("pairs": fragments in this order)
    ['<', '> not found'],
    ['<', '>... blocked by '],
    ['account ', ' does not exist at the organization'],
    ['mailbox ', 'does not exist'],
    ['mailbox ', 'unavailable or access denied'],
    ['no ', ' in name directory'],
    ['non', 'existent user'],
    ['rcpt <', ' does not exist'],
    ['rcpt (', 't exist '],
    ['recipient ', ' was not found in'],
    ['recipient address rejected: user ', ' does not exist'],
    ['recipient address rejected: user unknown in ', ' table'],
    ['this user doesn', 't have a ', ' account'],
    ['unknown e', 'mail address'],
    ['unknown local', 'part'],
    ['user ', ' was not found'],
    ['user ', ' does not exist'],
    ['user (', ') unknown'],
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google): 553 5.1.3 "The recipient address … is not a valid RFC 5321 address"
    ['the recipient address', 'is not a valid rfc 5321 address'],
  ],
  decisiveSequences: [
    // Exchange Online's NDR template, "Your message to a@example.com couldn't be delivered. a wasn't
    // found at example.com." (learn.microsoft.com "Email non-delivery reports and SMTP errors in
    // Exchange Online", the user-information section of a 5.1.10 NDR): a directory miss, said by
    // the recipient's own provider even where the webmail shows no code.
    ["couldn't be delivered.", " wasn't found at "],
  ],
  decisive: [
    // Exchange / Office 365 RESOLVER.ADR.* (learn.microsoft.com "NDR 5.1.1 … 5.1.10"): the address is not in the directory, whatever the status says
    'resolver.adr.exrecipnotfound',
    'resolver.adr.recipientnotfound',
    'resolver.adr.recipnotfound',
    'resolver.adr.recipient notfound',
    // Vendor NDR sentences that only a directory miss produces: Lotus Domino, IMail, Gmail "Address not found" (Sisimai Lhost/Domino, Lhost/IMailServer, Lhost/Gmail)
    "because the address couldn't be found",
    'invalid final delivery userid',
    'not listed in domino directory',
    'not listed in public name & address book',
    // Exchange 2003 "The recipient name is not recognized"; Exchange 5.1.351 "Remote server returned unknown recipient" (Sisimai Lhost/Exchange2003, Lhost/Office365)
    'remote server returned unknown recipient',
    'the recipient name is not recognized',
    // Exchange Online 5.1.10 "The email address wasn't found at the destination domain" (Microsoft uses 5.1.10 for a missing recipient, not for a null MX)
    "email address wasn't found at the destination domain",
    // Sendmail's local delivery agent: "mail.local: unknown user: name" (no mailbox by that name)
    'mail.local: unknown user',
    // HCL Domino (Sisimai Lhost/Domino), other languages
    'domino ディレクトリには見つかりません',
    'no se encuentra en el directorio de domino',
    "non répertorié dans l'annuaire domino",
    // Exchange 2000/2003 "MSEXCH:IMS:… (code)" diagnostic codes (Sisimai Lhost/Exchange2003): Unknown Recipient
    '(000c05a6)',
    // Local delivery agents name the missing user after a colon: IMail "Unknown user: a@example.com" (Sisimai Lhost/IMailServer)
    'unknown user: ',
    // Yahoo Inc. SMTP error codes (senders.yahooinc.com/smtp-error-codes; Sisimai Rhost/YahooInc): "554 delivery error: dd This user doesn't have a yahoo.com account"
    "dd this user doesn't have a ",
    // Trend Micro InterScan "Unable to deliver message to <…>. Please check if address is correct."
    // (Sisimai Lhost/TrendMicro; set-of-emails lhost-trendmicro-02 is labelled userunknown)
    'please check if address is correct',
    // Verizon Wireless MMS gateway "Error: No valid recipients for this MM" (Sisimai Lhost/Verizon: userunknown)
    'no valid recipients for this mm',
    // Facebook response codes (facebook.com/postmaster/response_codes; Sisimai Rhost/Facebook)
    ' int-p1',
    ' int-p3',
    ' int-p4',
    ' rcp-p1',
  ],
  replies: [
    // Google SMTP errors (support.google.com/a/answer/3726730; Sisimai Rhost/Google)
    { phrase: 'the email account that you tried to reach does not exist', reply: '550', status: '5.1.1' },
    { phrase: 'is not a valid rfc 5321 address', reply: '553', status: '5.1.3' },
    // Exchange Online NDR codes (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    { phrase: 'bad destination mailbox address', status: '5.1.1' },
    { phrase: 'recipient not found', status: '5.1.10' },
    { phrase: 'recipient address rejected: access denied', status: '5.4.1' },
    { phrase: 'requested action not taken: mailbox unavailable', status: '5.5.0' },
    { phrase: 'remote server returned unknown recipient or mailbox unavailable', status: '5.1.351' },
    // Exchange Server 2019 NDRs (learn.microsoft.com "Delivery status notifications in Exchange Server"; Sisimai Rhost/Microsoft)
    { phrase: 'resolver.adr.exrecipnotfound; not found', status: '5.1.1' },
    { phrase: 'storedrv.submit; invalid recipient address', status: '5.1.3' },
    { phrase: 'recipient address reserved by rfc 2606', status: '5.1.4-5' },
    { phrase: 'recipient addresses in single label domains not accepted', status: '5.1.6' },
    { phrase: 'invalid x.400 address', status: '5.1.2' },
    // Apple iCloud Mail (support.apple.com/en-us/102322; Sisimai Rhost/Apple)
    { phrase: 'inactive email address', provider: 'apple' },
    { phrase: 'user does not exist', provider: 'apple' },
    { phrase: 'unknown or illegal alias', provider: 'apple' },
    // Yahoo SMTP error codes (senders.yahooinc.com/smtp-error-codes; Sisimai Rhost/YahooInc)
    { phrase: "dd this user doesn't have a ", provider: 'yahoo' },
    { phrase: 'mailbox not found', provider: 'yahoo' },
    // Tencent QQ Mail (service.mail.qq.com/detail/122; Sisimai Rhost/Tencent)
    { phrase: 'mailbox not found', provider: 'tencent' },
    // NTT docomo's "550 Unknown user" is left to the status and the command: Sisimai Rhost/NTTDOCOMO
    // reads it as filtered with 5.2.0 and as rejected at DATA before March 2025, so the words alone decide nothing.
    // au/KDDI (www.au.com/support/service/internet/trouble/mail/01/; Sisimai Rhost/KDDI)
    { phrase: '>: user unknown', provider: 'kddi' },
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    { phrase: 'invalid address', reply: '501', provider: 'mimecast' },
    { phrase: 'user unknown', reply: '503', provider: 'mimecast' },
    { phrase: 'invalid recipient', reply: '550', provider: 'mimecast' },
  ],
};
