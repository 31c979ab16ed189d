import type { PhraseTable } from '../reasons';

/**
 * filtered: the recipient's own rules or settings refused the message (after DATA). Soft.
 * RFC 3463 §3.3 X.2.0 / X.2.1 / X.2.4 (mailbox status) as Sisimai reads them.
 */
export const filtered: PhraseTable = {
  reason: 'filtered',
  phrases: [
    // Sisimai Reason/Filtered (go-sisimai reason/why-filtered.go)
    'account is protected by',
    'bounced address', // SendGrid: an address that previously bounced
    'has restricted sms e-mail', // AT&T
    'is not accepting any mail',
    'message filtered',
    'message rejected due to user rules',
    'not found recipient account',
    'recipient id refuse to receive mail', // Willcom
    'recipient is only accepting mail from specific email addresses', // AOL Phoenix
    'user refuses to receive this mail',
    'user reject',
    'you have been blocked by the recipient',
    // HCL Domino (Sisimai Lhost/Domino)
    'cannot route mail to user',
    // au by KDDI (EZweb) refusing at the recipient's own domain filter; Sisimai Lhost/EZweb reads
    // the sentence, and set-of-emails lhost-ezweb-01 is labelled filtered (go-sisimai)
    'each of the following recipients was rejected by a remote mail server',
  ],
  decisive: [
    // Facebook "RCP-P2 … Refused due to recipient preferences" is a choice, whatever the status says (Sisimai Rhost/Facebook)
    'refused due to recipient preferences',
    // Exchange 2000/2003 "MSEXCH:IMS:… (code)" diagnostic codes (Sisimai Lhost/Exchange2003): Ambiguous Recipient
    '(000c0595)',
    // Facebook response codes (facebook.com/postmaster/response_codes; Sisimai Rhost/Facebook)
    ' rcp-p2',
    ' rcp-p3',
  ],
  replies: [
    // au/KDDI (www.au.com/support/service/internet/trouble/mail/01/; Sisimai Rhost/KDDI)
    { phrase: '550 : user unknown', provider: 'kddi' },
  ],
};
