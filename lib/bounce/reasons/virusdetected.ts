import type { PhraseTable } from '../reasons';

/** virusdetected: a virus scanner refused the message. Soft, sender problem. */
export const virusdetected: PhraseTable = {
  reason: 'virusdetected',
  phrases: [
    // Sisimai Reason/VirusDetected (go-sisimai reason/why-virusdetected.go)
    'it has a potentially executable attachment',
    'the message was rejected because it contains prohibited virus or spam content',
    'this form of attachment has been used by recent viruses or other malware',
    'virus detected',
    'virus phishing/malicious_url detected',
    'your message was infected with a virus',
    // Mimecast SMTP error codes (community.mimecast.com "Mimecast SMTP Error Codes"; Sisimai Rhost/Mimecast): 554 "Email rejected due to security policies" means a virus or spam signature matched
    'email rejected due to security policies',
    // Zoho Mail (zoho.com/mail/help/spam-reason.html, smtpfieldmanual.com/provider/zoho; Sisimai Rhost/Zoho)
    ' detected by zoho mail',
  ],
  decisive: [
    // Facebook response codes (facebook.com/postmaster/response_codes; Sisimai Rhost/Facebook)
    ' pol-p5',
  ],
};
