import type { PhraseTable } from '../reasons';

/**
 * mesgtoobig: the message is larger than the system accepts. Soft.
 * RFC 3463 §3.4 X.3.4 "Message too big for system".
 */
export const mesgtoobig: PhraseTable = {
  reason: 'mesgtoobig',
  phrases: [
    // Sisimai Reason/MesgTooBig (go-sisimai reason/why-mesgtoobig.go)
    'exceeded maximum inbound message size',
    'exceeded the maximum incoming message size',
    'line limit exceeded',
    'max message size exceeded',
    'message file too big',
    'message length exceeds administrative limit',
    'message size exceeds fixed limit',
    'message size exceeds fixed maximum message size',
    'message size exceeds maximum value',
    'message too big',
    'message too large for this ',
    'size limit',
    'taille limite du message atteinte',
    // Gmail 5.3.4 "Your message exceeded Google's message size limits" (support.google.com/mail/?p=MaxSizeError)
    "exceeded google's message size limits",
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    'maximum email size exceeded',
  ],
  decisive: [
    // Exchange 2007+ "550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient"
    // (Sisimai Lhost/Exchange2007 $ndrsubject: mesgtoobig; learn.microsoft.com "Email non-delivery reports in Exchange Online")
    'resolver.rst.recipsizelimit',
    // Facebook response codes (facebook.com/postmaster/response_codes; Sisimai Rhost/Facebook)
    ' int-p2',
    ' msg-p1',
  ],
  replies: [
    // Google SMTP errors (support.google.com/a/answer/3726730; Sisimai Rhost/Google)
    { phrase: "exceeded google's message size limits", reply: '552', status: '5.3.4' },
    { phrase: "exceeds google's message size limit of", reply: '552', status: '5.3.4' },
    // Exchange Online NDR codes (learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"; Sisimai Rhost/Microsoft)
    { phrase: 'resolver.rst.recipsizelimit; message too large for this recipient', status: '5.2.3' },
    { phrase: 'message size exceeds fixed maximum message size', status: '5.3.4' },
    // Tencent QQ Mail (service.mail.qq.com/detail/122; Sisimai Rhost/Tencent)
    { phrase: 'message too large', provider: 'tencent' },
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast)
    { phrase: 'maximum email size exceeded', reply: '554', provider: 'mimecast' },
  ],
};
