/** Shared by the webmail unit tests: load a dated DOM fixture into happy-dom's document. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const GMAIL_FIXTURES = resolve(__dirname, '../fixtures/dom/gmail');

export function readGmailFixture(name: string): string {
  return readFileSync(resolve(GMAIL_FIXTURES, name), 'utf8');
}

/** Replaces the body with the fixtures' markup (our own trusted test files, parsed by happy-dom). */
export function loadGmail(url: string, ...fixtures: string[]): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.documentElement.removeAttribute('data-bounce-sweeper-ik');
  document.documentElement.removeAttribute('data-bounce-sweeper-user');
  document.body.innerHTML = fixtures.map(readGmailFixture).join('\n');
}

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox';
