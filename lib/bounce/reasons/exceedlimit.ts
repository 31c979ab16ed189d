import type { PhraseTable } from '../reasons';

/**
 * exceedlimit: the message exceeds a per-mailbox size limit. Soft.
 * RFC 3463 §3.3 X.2.3 "Message length exceeds administrative limit".
 */
export const exceedlimit: PhraseTable = {
  reason: 'exceedlimit',
  phrases: [
    // Sisimai Reason/ExceedLimit (go-sisimai reason/why-exceedlimit.go)
    'message header size exceeds limit',
    'message too large',
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google)
    'bytes per individual header size',
    "exceeds google's header name limit of",
    "exceeds google's limit of limit attachments",
    "exceeds google's message header size limit",
    "your message exceeded google's message header size limits",
  ],
  replies: [
    // Google SMTP errors (support.google.com/a/answer/3726730; Sisimai Rhost/Google)
    { phrase: "exceeded google's message size limits", reply: '552', status: '5.2.3' },
    { phrase: "exceeds google's limit of limit attachments.", reply: '552', status: '5.3.4' },
    { phrase: 'bytes per individual header size', reply: '552', status: '5.3.4' },
    { phrase: "exceeds google's message header size limit", reply: '552', status: '5.3.4' },
  ],
};
