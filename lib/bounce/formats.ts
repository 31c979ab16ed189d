/**
 * The one registry of format modules, in the order they are tried: the most specific markers
 * first, then the big MTA families, then any standard DSN (rfc3464), then the prose of whatever is
 * left (generic). A module returns null when the notice is not its own. Adding a format = one file
 * in formats/ + one line here + its fixtures and test rows.
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
  amazonses,
  googlegroups,
  apachejames,
  verizon,
  trendmicro,
  japaneseMobile,
  notes,
  imailserver,
  domino,
  exchange2003,
  office365,
  exchange2007,
  outlook,
  gmail,
  yahoo,
  courier,
  messagingserver,
  opensmtpd,
  qmail,
  v5sendmail,
  sendmail,
  exim,
  postfix,
  rfc3464,
  generic,
];

export type { FormatModule, ParsedRecipient } from './format-types';
