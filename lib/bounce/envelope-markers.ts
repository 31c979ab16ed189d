/**
 * What marks a delivery notice on its envelope alone (its sender and subject), strongly enough
 * that one marker is enough: the webmail's list-row pre-filter (lib/webmail/looks-like-bounce.ts)
 * badges a row on one of these before the notice is read, and the classifier
 * (./notice-markers.ts) starts from the same lists. Data only, no imports: content scripts load
 * this module without the classifier.
 */

/**
 * Local parts of the senders of delivery notices (RFC 3464 §2 "MAILER-DAEMON", RFC 5321 §4.5.1
 * postmaster). A row whose sender has one of these local parts is a notice's.
 */
export const NOTICE_SENDER_LOCAL_PARTS: readonly string[] = [
  'mailer-daemon', // Gmail: "Mail Delivery Subsystem <mailer-daemon@googlemail.com>" (webmail-dom.md 1.8)
  'postmaster', // Exchange Online / Outlook.com: postmaster@outlook.com, postmaster@<tenant> (webmail-dom.md 2.7)
  'mail-daemon',
  'maildaemon',
  'mailerdaemon',
  'bounce', // many relays (bounce@, bounces@)
  'bounces',
  'mdaemon',
  'nobody-bounce',
];

/**
 * Display names of notice senders. "Microsoft Outlook" is not one: Outlook.com NDRs use it
 * (lhost-office365-04/-11), but so does a person's mail sent from Outlook.
 */
export const NOTICE_SENDER_NAMES: readonly string[] = [
  'mail delivery subsystem', // Gmail / Google Workspace
  'mail delivery system', // Postfix / Exim default display name
  'mailer-daemon',
  'mail administrator',
  'postmaster',
  'mail delivery service',
  'e-mail-zustelldienst',
];

/**
 * Subjects of notices, several languages, as they begin. Sources: sisimai/set-of-emails subjects
 * (webmail-dom.md 1.8, 2.7: "Delivery Status Notification (Failure)", "Undeliverable:", "Non remis :"),
 * Postfix bounce(5) "Undelivered Mail Returned to Sender", Exim "Mail delivery failed: returning
 * message to sender", qmail "failure notice", Google's localized DSN subjects.
 */
export const NOTICE_SUBJECT_OPENINGS: readonly string[] = [
  'delivery status notification',
  'undelivered mail returned to sender',
  'undeliverable',
  'undelivered mail',
  'mail delivery failed',
  'returned mail',
  'failure notice',
  'delivery failure',
  'delivery has failed',
  'delivery notification',
  'message not delivered',
  'address not found',
  'could not be delivered',
  'delivery failed',
  'mail system error',
  'non remis', // fr (Exchange)
  'non distribuable',
  'échec de la remise',
  "notification d'état de remise",
  'unzustellbar', // de
  'nicht zustellbar',
  'benachrichtigung zum übermittlungsstatus',
  'no se puede entregar', // es
  'notificación de estado de entrega',
  'devolución de correo',
  'onbestelbaar', // nl
  'non recapitabile', // it
  'notifica stato di consegna',
  'não é possível entregar', // pt
  'notificação de status de entrega',
  'mensagem não entregue',
  'niedostarczalne', // pl
  'nedoručitelné', // cs
  'не доставлено', // ru
  'недоставленное сообщение',
  '配信不能', // ja
  '配信状態の通知',
  '退信', // zh
  '无法投递',
  '傳遞狀態通知',
];
