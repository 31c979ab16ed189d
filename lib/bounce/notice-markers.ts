/**
 * Whole-notice markers: does a message look like a delivery-failure notice at all, or like an
 * auto-reply (RFC 3834), a read receipt (RFC 8098) or a feedback report (RFC 5965)?
 * Literal, lower-case phrase tables; each list notes where its entries come from.
 *
 * Sender and subject markers start from the ones the webmail's list-row pre-filter uses too
 * (./envelope-markers.ts, strong enough to stand alone). The classifier reads a whole message and
 * asks for two kinds of evidence to agree (hasBounceMarkers), so it adds weaker words of its own
 * (SENDER_WORDS, SUBJECT_WORDS).
 */
import { NOTICE_SENDER_LOCAL_PARTS, NOTICE_SENDER_NAMES, NOTICE_SUBJECT_OPENINGS } from './envelope-markers';
import type { Message } from './message';
import { header } from './message';
import { includesAny } from './text';

/**
 * Further sender words of notices, too common to mark a list row alone (root@ also sends cron
 * mail, "notes@" is a person's address somewhere), matched anywhere in the From header. Sisimai
 * Lhost `from` tests (BSD-2-Clause): Exchange's MSExchange*, Lotus Notes, Courier's "mail system".
 */
const SENDER_WORDS: readonly string[] = ['mail delivery', 'mailer_daemon', 'mail.daemon', 'nobody@', 'daemon@', 'msexchange', 'microsoftexchange', 'mail system', 'mailer@', 'delivery subsystem', 'notes@', 'administrator@', 'root@'];

/**
 * Further subject words of notices across the corpus' families (Sisimai Lhost `subject` tests,
 * BSD-2-Clause), matched anywhere in the subject: they may follow a prefix ("[DSN]", "Fwd:") or
 * be too common to open a subject by themselves ("rejected", "warning:").
 */
const SUBJECT_WORDS: readonly string[] = [
  'undeliver', 'non-delivery', 'nondelivery', 'non delivery', 'not delivered', 'returned to sender', 'delivery problem',
  'failed delivery', 'delivery report', 'mail failure', 'bounce', 'rejected', 'unable to deliver', 'delivery incomplete',
  'delayed mail', 'delivery delay', 'error sending message', 'no entregado', 'zustellung', 'notificación de estado',
  'mail returned', 'permanent error', 'temporary error', 'returned message', 'nondeliverable', 'no such user',
  'message you sent', 'dsn', 'fehlgeschlagen', 'failed mail', 'mail could not', 'delivery final failure',
  'could not send message', 'delivery error', 'retour de message', 'a message from', 'message blocked',
  '配信', '不達', 'エラー', '送信できません', '未送達', 'mail error', 'error in delivery', 'warning:', 'notice of undelivered',
  'failure delivery', 'message status', 'delivery to the following', 'e-mail error', 'mail failed', 'returning to sender', 'loop alert',
];

const SENDER_MARKERS: readonly string[] = [...NOTICE_SENDER_LOCAL_PARTS, ...NOTICE_SENDER_NAMES, ...SENDER_WORDS];
const SUBJECT_MARKERS: readonly string[] = [...NOTICE_SUBJECT_OPENINGS, ...SUBJECT_WORDS];

/** Phrases of the notice body itself (mostly Sisimai's Lhost `startingof` markers). */
const BOUNCE_PHRASES = [
  'could not be delivered', 'delivery to the following recipient', 'the following address(es) failed',
  'this is the mail system at host', 'i\'m sorry to have to inform you that your message could not',
  'was not delivered', 'delivery has failed', 'permanent error', 'unable to deliver', 'undeliverable',
  'transcript of session follows', 'the original message was received at', 'your message could not be delivered',
  'message could not be delivered', 'delivery failed', 'failed permanently', 'delivery to the following recipients failed',
  'your message wasn\'t delivered', 'your message to', 'couldn\'t be delivered', 'not be delivered', 'could not deliver',
  'user unknown', 'no such user', 'mailbox unavailable', 'address rejected', 'delivery status notification',
  'message delivery has failed', 'hi. this is the qmail-send program', 'mail delivery failed', 'delivery of the message',
  'returned to sender', 'message not delivered', 'has not been delivered', 'failed to deliver', 'undelivered mail',
  'following recipients', 'mailbox is full', 'was rejected', 'delivery is delayed', 'delivery delayed', 'has been delayed',
  'non remis', 'nicht zugestellt', 'konnte nicht', 'no pudo ser entregado', 'no se pudo entregar', 'not delivered',
  'message was undeliverable', 'smtp error', 'remote server returned', 'rejected your message', 'error occurred',
  'delivery failure', 'this is an automatically generated delivery status notification', 'bounced', 'returned mail',
  'could not reach', 'has not yet been delivered', 'could not send', 'there was an error', 'mail could not',
  '送信できません', '配信できません', '届きませんでした', 'エラー', '不明なため', '宛先',
  'fatal error', 'retry timeout exceeded', 'failed addresses follow', 'message log follows', 'host unknown', 'was undeliverable', 'recipient address rejected',
];

/**
 * Words of a notice that says delivery is still being tried (a delay, never a failure), in any
 * format: each vendor's own delay template.
 */
export const DELAY_MARKERS: readonly string[] = [
  // Gmail / Google Workspace delay notice ("Delivery incomplete … Gmail will retry for 46 more hours.
  // You'll be notified if the delivery fails permanently."; Google's older "Delivery to the following
  // recipient has been delayed … Message will be retried"), as Gmail sends it (Sisimai Lhost/Gmail.pm).
  'delivery incomplete',
  'there was a temporary problem delivering your message',
  'will retry for',
  "you'll be notified if the delivery fails permanently",
  'delivery to the following recipient has been delayed',
  'message will be retried',
  // Exchange / Exchange Online delay DSN: "Delivery is delayed to these recipients or groups", "This
  // message hasn't been delivered yet. Delivery will continue to be attempted." (Microsoft Learn,
  // "Delivery status notifications in Exchange Server and Exchange Online").
  'delivery is delayed to these recipients or groups',
  "this message hasn't been delivered yet",
  'delivery will continue to be attempted',
  'the server will keep trying to deliver this message',
  // Postfix delay warning (bounce(8) template "delayed mail (still being retried)").
  'delayed mail (still being retried)',
  'this is a warning only. you do not need to resend your message',
];

/** Does the notice say delivery is still being tried (./DELAY_MARKERS, text or subject)? */
export function saysDelayed(msg: Message): boolean {
  return includesAny(msg.lower, DELAY_MARKERS) || includesAny(msg.subjectLower, DELAY_MARKERS) || msg.subjectLower.startsWith('delivery delayed:');
}

const bounceLike = new WeakMap<Message, boolean>();

/**
 * Does the whole message look like a delivery-failure notice? A DSN or X-Failed-Recipients says
 * so alone; otherwise two of sender, subject and the words of its first part must agree.
 */
export function hasBounceMarkers(msg: Message): boolean {
  let v = bounceLike.get(msg);
  if (v === undefined) {
    v = judgeBounceLike(msg);
    bounceLike.set(msg, v);
  }
  return v;
}

function judgeBounceLike(msg: Message): boolean {
  if (msg.dsn?.recipients.length) return true;
  if (msg.reportType === 'delivery-status') return true;
  if (header(msg.headers, 'x-failed-recipients')) return true;
  const senderSays = includesAny(msg.fromLower, SENDER_MARKERS);
  const subjectSays = includesAny(msg.subjectLower, SUBJECT_MARKERS);
  // Two of the three must agree: the body's phrases (some ninety, over up to 50,000 characters)
  // are looked for only when sender and subject disagree.
  if (senderSays === subjectSays) return senderSays;
  return includesAny(msg.head, BOUNCE_PHRASES);
}

const AUTO_REPLY_SUBJECTS = ['out of office', 'out of the office', 'automatic reply', 'auto reply', 'autoreply', 'auto-reply', 'auto:', 'vacation', 'away from', 'abwesenheit', 'absence', 'réponse automatique', 'respuesta automática', 'automatische antwort', '自動応答', '不在', 'on leave', 'away:', 'autosvar', 'autoresponse', 'auto response'];

export function looksLikeAutoReply(msg: Message): boolean {
  const auto = header(msg.headers, 'auto-submitted').toLowerCase();
  if (auto.startsWith('auto-replied')) return true;
  if (header(msg.headers, 'x-autoreply') || header(msg.headers, 'x-autorespond') || header(msg.headers, 'x-auto-response-suppress').toLowerCase().includes('oof')) return true;
  const prec = header(msg.headers, 'precedence').toLowerCase();
  if (prec === 'auto_reply') return true;
  return includesAny(msg.subjectLower, AUTO_REPLY_SUBJECTS);
}

export function isFeedbackReport(msg: Message): boolean {
  if (msg.reportType === 'feedback-report' || msg.feedbackReport) return true;
  // Some feedback loops send the ARF fields inline (Sisimai ARF.pm: "Feedback-Type:" in the body).
  // Amazon SES posts complaints as JSON through SNS (notification-contents.html).
  // Each marker's common part is looked for first: one scan of the text, not five.
  const lower = msg.lower;
  if (lower.includes('notificationtype') && (lower.includes('"notificationtype":"complaint"') || lower.includes('\\"notificationtype\\":\\"complaint\\"'))) return true;
  return lower.includes('feedback-type:') && (lower.includes('\nfeedback-type: abuse') || lower.startsWith('feedback-type:') || lower.includes('\nfeedback-type: '));
}

export function isReadReceipt(msg: Message): boolean {
  return msg.hasMdn || msg.reportType === 'disposition-notification';
}

/** Amazon SES "Delivery" notifications (JSON through SNS) report a delivered message. */
export function isDeliveryNotification(msg: Message): boolean {
  const lower = msg.lower;
  return lower.includes('notificationtype') && (lower.includes('"notificationtype":"delivery"') || lower.includes('\\"notificationtype\\":\\"delivery\\"'));
}

/** Words of "delivered" reports (Postfix's requested delivery report, Sendmail/Exchange success DSNs). */
const SUCCESS_PHRASES = ['enclosed is the mail delivery report that you requested', 'your message was successfully delivered', 'delivery to the following recipients succeeded', 'delivery to these recipients or groups is complete', 'was successfully relayed', 'successfully delivered to the destination'];
const FAILURE_WORDS = ['could not be delivered', 'failed', 'undeliverable', 'not delivered', 'unable to deliver', 'rejected', 'error'];

/** A success report told in words (no DSN part, e.g. the rendered view): only when nothing says failure. */
export function reportsSuccessInWords(msg: Message): boolean {
  return includesAny(msg.head, SUCCESS_PHRASES) && !includesAny(msg.head, FAILURE_WORDS) && !includesAny(msg.subjectLower, FAILURE_WORDS);
}

/*
 * Challenge-response ("please confirm your message", "verify that you are a human"): the
 * recipient's own spam filter holds the message and asks the sender to prove they are a person.
 * Nothing failed and the address works, so it is no bounce and never counts against anyone; it
 * is a category of its own so the user can answer it. Sisimai has no such category (4.25's
 * Lhost and Reason modules have none), so the wording comes from the systems' own templates.
 */

/** Sentences of challenge templates, each enough alone (lower-case literals, whitespace folded). */
const CHALLENGE_PHRASES: readonly string[] = [
  // TMDA, templates/confirm_request.txt (github.com/KevinGoodsell/tmda-fork)
  'to release your message for delivery, please send an empty message',
  'this confirmation verifies that your message is legitimate and not junk-mail',
  'an automated junk-mail reduction system',
  // cPanel BoxTrapper's "verify" template (cPanel docs, BoxTrapper; fused.com/docs/email/features/boxtrapper)
  'requires that you verify that you are a real live human being and not a spam source',
  'to complete this verification, simply reply to this message',
  // SpamArrest / EarthLink spamBlocker challenges, as quoted by askleo.com ("Why I (still) don't
  // like challenge/response spam blockers")
  "i'm protecting myself from receiving junk mail",
  'i’m protecting myself from receiving junk mail',
  'i am protecting myself from receiving junk mail',
  'please click the link below to complete the verification process',
  // Issue 10's unseen notices: a held ("waitlisted") message and a request to verify oneself
  'your message is waitlisted',
  'your message has been waitlisted',
  'please verify yourself',
  'i use a spam filter that requires you to confirm',
];

/** Subjects of challenge messages (TMDA's, BoxTrapper's "Your email requires verification verify#…"). */
const CHALLENGE_SUBJECTS: readonly string[] = ['please confirm your message', 'requires verification', 'verify your message', 'verify your email', 'confirm your email', 'waitlisted', 'sender verification'];
/** Words a challenge's body must have with such a subject: what the sender is asked to do, and why. */
const CHALLENGE_WORDS: readonly string[] = ['verify', 'verification', 'confirm', 'whitelist', 'junk', 'spam', 'human'];

/**
 * Is the message a challenge-response request? Only read in the notice's own words (before any
 * copy of the held message), and never when a delivery-status report names a failed recipient or
 * X-Failed-Recipients does: that structure says a delivery failed, whatever the prose asks.
 */
export function isChallengeResponse(msg: Message): boolean {
  if (msg.dsn?.recipients.some((r) => r.action === 'failed' || r.action === 'delayed' || r.status.startsWith('5') || r.status.startsWith('4'))) return false;
  if (header(msg.headers, 'x-failed-recipients')) return false;
  const own = ownWords(msg.head);
  // Folding only turns runs of whitespace into one space, so a phrase's longest word occurs in the
  // folded text only where it occurs in the text itself: the head (up to 50,000 characters) is
  // folded only when one of those words is there. CHALLENGE_WORDS have no space: folding changes
  // nothing they could match.
  if (includesAny(own, CHALLENGE_KEYS) && includesAny(foldSpaces(own), CHALLENGE_PHRASES)) return true;
  return includesAny(msg.subjectLower, CHALLENGE_SUBJECTS) && includesAny(own, CHALLENGE_WORDS);
}

/** The longest word of each challenge phrase (words split at spaces; the phrases are whitespace-folded). */
const CHALLENGE_KEYS: readonly string[] = CHALLENGE_PHRASES.map((p) => p.split(' ').reduce((a, b) => (b.length > a.length ? b : a), ''));

/** The text before the copy of the held message (TMDA: "--- Below this line is a copy of your message."). */
function ownWords(head: string): string {
  const cut = head.indexOf('below this line is a copy of');
  return cut >= 0 ? head.slice(0, cut) : head;
}

function foldSpaces(s: string): string {
  return s.replace(/\s+/g, ' ');
}
