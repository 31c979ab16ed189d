import type { PhraseTable } from '../reasons';

/** mailererror: a local delivery program (procmail, maildrop, a pipe) failed. Soft. */
export const mailererror: PhraseTable = {
  reason: 'mailererror',
  phrases: [
    // Sisimai Reason/MailerError (go-sisimai reason/why-mailererror.go)
    ' || exit ',
    'bin/maidrop',
    'bin/maildrop',
    'bin/procmail',
    'command died with status ',
    'command failed: ',
    'command output:',
    'mailer error',
    'pipe to |/',
    'procmail: ',
    'x-unix; ',
    // Exim "pipe to |/path" deliveries
    'pipe to |',
  ],
};
