/**
 * Raw notices written for these tests (anonymised: example.com, 192.0.2.x). `dsnBounce` is an
 * RFC 3464 delivery status notification as Postfix sends it; `ordinaryMail` is not a bounce.
 */
/** The headers of the user's own message that a notice returns (the per-send report groups by them). */
export interface ReturnedHeaders {
  from?: string;
  subject: string;
  messageId?: string;
  date?: string;
}

/**
 * `recipients`: one address, or several (one DSN block each, the same status); `returned: null`
 * leaves the returned message's headers out (a notice that cannot be tied to a send).
 */
export function dsnBounce(recipients: string | readonly string[], options: { date?: string; id?: string; status?: string; diagnostic?: string; returned?: ReturnedHeaders | null } = {}): string {
  const all = typeof recipients === 'string' ? [recipients] : recipients;
  const recipient = all[0] ?? '';
  const date = options.date ?? 'Mon, 02 Mar 2026 10:00:00 +0000';
  const id = options.id ?? `${recipient.replace(/\W/g, '.')}@mx.example.net`;
  const status = options.status ?? '5.1.1';
  const diagnosticOf = (address: string) => options.diagnostic ?? `smtp; 550 5.1.1 <${address}>: Recipient address rejected: User unknown in virtual mailbox table`;
  return [
    'Return-Path: <>',
    `Date: ${date}`,
    'From: MAILER-DAEMON@mx.example.net (Mail Delivery System)',
    'To: sender@example.org',
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: <${id}>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY-1"',
    '',
    'This is a MIME-encapsulated message.',
    '',
    '--BOUNDARY-1',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.example.net.',
    '',
    "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients.',
    '',
    ...all.flatMap((address) => [`<${address}>: host mx.example.com[192.0.2.25] said: ${diagnosticOf(address).replace(/^smtp;\s*/, '')}`, '']),
    '--BOUNDARY-1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.net',
    'Arrival-Date: ' + date,
    '',
    ...all.flatMap((address) => [
      `Final-Recipient: rfc822; ${address}`,
      `Original-Recipient: rfc822;${address}`,
      'Action: failed',
      `Status: ${status}`,
      'Remote-MTA: dns; mx.example.com',
      `Diagnostic-Code: ${diagnosticOf(address)}`,
      '',
    ]),
    ...(options.returned === null
      ? []
      : [
          '--BOUNDARY-1',
          'Content-Type: text/rfc822-headers',
          '',
          `From: ${options.returned?.from ?? 'sender@example.org'}`,
          `To: ${recipient}`,
          `Subject: ${options.returned?.subject ?? 'Spring open house'}`,
          ...(options.returned?.messageId ? [`Message-ID: <${options.returned.messageId}>`] : []),
          ...(options.returned?.date ? [`Date: ${options.returned.date}`] : []),
          '',
        ]),
    '--BOUNDARY-1--',
    '',
  ].join('\n');
}

/** RFC 2822 date `daysAgo` days before now (soft bounces must fall inside the policy window). */
export function daysAgo(days: number, hour = 10): string {
  const date = new Date(Date.now() - days * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toUTCString().replace('GMT', '+0000');
}

/** A mailbox-full soft bounce. */
export function mailboxFull(recipient: string, date: string, id: string): string {
  return dsnBounce(recipient, { date, id, status: '4.2.2', diagnostic: `smtp; 452 4.2.2 <${recipient}>: Mailbox full, quota exceeded` });
}

/** A refusal of the sender (a blocklisted sending IP): never the recipient's fault. */
export function senderBlocked(recipient: string, date: string, id: string): string {
  return dsnBounce(recipient, {
    date,
    id,
    status: '5.7.1',
    diagnostic: 'smtp; 554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org',
  });
}

export function ordinaryMail(subject: string): string {
  return [
    'Date: Tue, 03 Mar 2026 09:00:00 +0000',
    'From: friend@example.org',
    'To: sender@example.org',
    `Subject: ${subject}`,
    `Message-ID: <${subject.replace(/\W/g, '')}@example.org>`,
    '',
    'Hello! Are we still on for lunch?',
    'From the look of it, yes.', // not an mbox separator: no blank line... still must survive mboxrd
    '',
  ].join('\n');
}

/** An mbox (mboxrd) holding the given messages, "From " lines in bodies escaped. */
export function toMbox(messages: string[]): string {
  return messages
    .map((message) => `From MAILER-DAEMON Mon Mar  2 10:00:00 2026\n${message.replace(/^(>*From )/gm, '>$1')}\n`)
    .join('');
}
