/**
 * The one registry of format modules, in the order they are tried: the first module that finds a
 * failed recipient reads the notice. A module returns null when the notice is not its own. Adding
 * a format = one file in formats/ (file name = id = fixture prefix) + one line here + its fixtures
 * and test rows (tests/bounce/registry.test.ts checks all four).
 *
 * The order, most specific markers first: services and products with markers of their own, then
 * the webmail providers, then the big MTA families, then any standard DSN (rfc3464), then the prose
 * of whatever is left (generic). Many notices satisfy several modules: an MTA's notice often
 * carries a standard DSN and always has prose, so a family sits before rfc3464 and generic to be
 * the one that reads (and names) it with its own start markers and delay phrases.
 *
 * Each "order: a < b (fixture)" line below is checked: tests/bounce/registry.test.ts classifies
 * tests/fixtures/eml/<fixture>.eml with this list and with `a` moved right behind `b`, and expects
 * `a` to read it here and `b` there.
 */
import type { FormatModule } from './format-types';
import { amazonses } from './formats/amazonses';
import { apachejames } from './formats/apachejames';
import { courier } from './formats/courier';
import { domino } from './formats/domino';
import { exchange2003 } from './formats/exchange2003';
import { exchange2007 } from './formats/exchange2007';
import { exim } from './formats/exim';
import { generic } from './formats/generic';
import { gmail } from './formats/gmail';
import { googlegroups } from './formats/googlegroups';
import { imailserver } from './formats/imailserver';
import { japaneseMobile } from './formats/japanese-mobile';
import { messagingserver } from './formats/messagingserver';
import { notes } from './formats/notes';
import { office365 } from './formats/office365';
import { opensmtpd } from './formats/opensmtpd';
import { outlook } from './formats/outlook';
import { postfix } from './formats/postfix';
import { qmail } from './formats/qmail';
import { rfc3464 } from './formats/rfc3464';
import { sendmail } from './formats/sendmail';
import { trendmicro } from './formats/trendmicro';
import { v5sendmail } from './formats/v5sendmail';
import { verizon } from './formats/verizon';
import { yahoo } from './formats/yahoo';

export const FORMATS: readonly FormatModule[] = [
  // Services and products that claim a notice by markers of their own (a sender domain, a JSON
  // body, a banner). None of them overlaps another (moving one among them changes no fixture and
  // no corpus notice); each must come before the MTA whose text or DSN it wraps.
  // order: amazonses < rfc3464 (amazonses-03) SES's DSN is standard: read first, the notice is named for SES, whose JSON notifications carry no DSN at all.
  amazonses,
  // order: googlegroups < gmail (googlegroups-01) Gmail's mailer-daemon sends a group's refusal: read as Gmail, the poster's own address becomes the failed recipient.
  googlegroups,
  // order: apachejames < generic (apachejames-01) James puts the address after "RCPT TO:" under "Message details:", which plain prose reading does not know.
  apachejames,
  // order: verizon < generic (verizon-01) the failed number is the To: of the original message quoted below the error.
  verizon,
  // order: trendmicro < generic (trendmicro-01) InterScan's banner marks the notice, whose sender looks like nobody's daemon.
  trendmicro,
  // order: japanese-mobile < generic (japanese-mobile-01) au/docomo notices are claimed by the carrier's sender domain.
  japaneseMobile,
  // order: notes < generic (notes-01) Lotus Notes' "Failure Reasons" block starts the error text.
  notes,
  // order: imailserver < generic (imailserver-01) IMail names each recipient after its reason ("Unknown user: …").
  imailserver,
  // order: domino < generic (domino-01) Domino's "was not delivered to:" starts the error text.
  domino,
  // order: exchange2003 < generic (exchange2003-01) Exchange 2003 lists recipients under "did not reach the following recipient(s)".
  exchange2003,
  // Microsoft: the Exchange Online layout first, its labelled lines being more exact than the
  // on-premises text that the same notices also match.
  // order: office365 < exchange2007 (office365-01) an Exchange Online NDR also matches Exchange 2007's markers, but its "Reported error" line is the server's reply.
  office365,
  // order: exchange2007 < generic (exchange2007-01) Exchange's "Remote Server returned" line is the diagnostic.
  exchange2007,
  // order: outlook < rfc3464 (outlook-01) Outlook.com's DSN is standard; its X-Message-Delivery header names the sender.
  outlook,
  // Webmail providers' own mailer-daemons: before the MTA families whose markers their notices
  // share (Google's servers add X-Failed-Recipients, Exim's marker).
  // order: gmail < exim (gmail-01) a Gmail notice has X-Failed-Recipients too; read as Gmail, its "Technical details" and delay wording count.
  gmail,
  // order: yahoo < generic (yahoo-01) Yahoo's "Sorry, we were unable to deliver" starts the error text.
  yahoo,
  // MTA families, each before rfc3464 (most of them also send a DSN) and generic.
  // order: courier < rfc3464 (courier-01) Courier's DSN is standard; read first, the notice is named for Courier and its delay wording counts.
  courier,
  // order: messagingserver < generic (messagingserver-01) Messaging Server puts each recipient on a "Recipient address:" line.
  messagingserver,
  // order: opensmtpd < generic (opensmtpd-01) OpenSMTPD's "following list of recipients" starts the error text.
  opensmtpd,
  // order: qmail < generic (qmail-01) qmail-send's paragraphs, one per recipient, start after "to the following addresses".
  qmail,
  // V5 sendmail's transcripts carry Sendmail's markers too, so the older layout is asked first.
  // order: v5sendmail < sendmail (v5sendmail-01) a V5 transcript also says "Returned mail:", Sendmail's subject.
  v5sendmail,
  // order: sendmail < rfc3464 (sendmail-01) Sendmail's DSN is standard; its transcript names the SMTP command that failed.
  sendmail,
  // Exim before Postfix: Zoho's notices have Exim's text under Postfix's subject, "Undelivered Mail
  // Returned to Sender" (set-of-emails lhost-zoho-02), and are Exim's to read.
  // order: exim < generic (exim-02) Exim's "The following address(es) failed" starts the error text.
  exim,
  // order: postfix < rfc3464 (postfix-01) Postfix's DSN is standard; its bounce(5) text says which command was refused.
  postfix,
  // Any standard DSN no family claimed: its machine-readable fields beat any prose.
  // order: rfc3464 < generic (rfc3464-01) prose reading would take every address in the text, and lose each recipient's Status.
  rfc3464,
  // generic last: it accepts any prose that looks like a bounce, so anything behind it is never asked.
  generic,
];

export type { FormatModule, ParsedRecipient } from './format-types';
