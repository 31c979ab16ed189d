/**
 * The whole-notice markers of the classifier, and what they share with the webmail's list-row
 * pre-filter (lib/webmail/looks-like-bounce.ts): one list of sender and subject markers, read
 * strictly by the pre-filter (one marker alone) and with more words by the classifier (two kinds
 * of evidence must agree).
 */
import { describe, expect, it } from 'vitest';
import { NOTICE_SENDER_LOCAL_PARTS, NOTICE_SENDER_NAMES, NOTICE_SUBJECT_OPENINGS } from '../../lib/bounce';
import { readMessage } from '../../lib/bounce/message';
import { hasBounceMarkers } from '../../lib/bounce/notice-markers';
import { isBounceSender, isBounceSubject } from '../../lib/webmail/looks-like-bounce';

const rendered = (subject: string, from: string, text: string) => readMessage({ view: 'rendered', subject, from, text });
const BODY = 'Your message could not be delivered to ann@example.net.';

describe('hasBounceMarkers', () => {
  it('every shared subject opening, with a notice body, marks a bounce for the classifier and the pre-filter', async () => {
    const missed: string[] = [];
    for (const opening of NOTICE_SUBJECT_OPENINGS) {
      const subject = `${opening}: Invoice 42`;
      if (!hasBounceMarkers(await rendered(subject, 'Someone <someone@example.org>', BODY)) || !isBounceSubject(subject)) missed.push(opening);
    }
    expect(missed).toEqual([]);
  });

  it('every shared sender marker, with a notice body, marks a bounce for the classifier and the pre-filter', async () => {
    const missed: string[] = [];
    for (const local of NOTICE_SENDER_LOCAL_PARTS) {
      const from = `${local}@mx.example.net`;
      if (!hasBounceMarkers(await rendered('Hello', from, BODY)) || !isBounceSender(from)) missed.push(local);
    }
    for (const name of NOTICE_SENDER_NAMES) {
      const from = `${name} <relay@mx.example.net>`;
      if (!hasBounceMarkers(await rendered('Hello', from, BODY)) || !isBounceSender(from)) missed.push(name);
    }
    expect(missed).toEqual([]);
  });

  it('reads weaker words the pre-filter does not trust alone', async () => {
    // root@ sends cron mail too: the list row is no notice, the whole message with its words is.
    expect(isBounceSender('root@mx.example.net')).toBe(false);
    expect(hasBounceMarkers(await rendered('Hello', 'root@mx.example.net', BODY))).toBe(true);
    // "Warning:" opens many subjects; with the words of a notice it is one.
    expect(isBounceSubject('Warning: disk almost full')).toBe(false);
    expect(hasBounceMarkers(await rendered('[DSN] Warning: message delayed', 'Someone <someone@example.org>', BODY))).toBe(true);
  });

  it('needs two kinds of evidence without a DSN', async () => {
    expect(hasBounceMarkers(await rendered('Lunch on Friday', 'Bob <bob@example.org>', BODY))).toBe(false);
    expect(hasBounceMarkers(await rendered('Undeliverable: lunch', 'Bob <bob@example.org>', 'See you on Friday.'))).toBe(false);
    expect(hasBounceMarkers(await rendered('Undeliverable: lunch', 'Bob <bob@example.org>', BODY))).toBe(true);
  });
});
