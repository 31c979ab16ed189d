import { KIND_EXPLANATIONS } from '../lib/vocabulary';

export interface WelcomePageProps {
  /** Opens the settings page (import, policy). */
  openSettings: () => void;
}

/** The first-run page: what the three kinds mean, what the extension reads, and that nothing leaves the browser. */
export function WelcomePage({ openSettings }: WelcomePageProps) {
  return (
    <main class="welcome" data-testid="welcome">
      <h1>Bounce Sweeper is ready</h1>
      <p class="lead">
        It finds the bounce notices in your Gmail or Outlook on the web, tells you which addresses to take off your lists, and
        keeps that list here in your browser.
      </p>

      <section aria-labelledby="kinds-heading">
        <h2 id="kinds-heading">Three kinds of bounce</h2>
        <dl class="kinds">
          {KIND_EXPLANATIONS.map((kind) => (
            <div class={`kind kind-${kind.id}`} key={kind.id} data-testid={`welcome-kind-${kind.id}`}>
              <dt>{kind.title}</dt>
              <dd>
                {kind.meaning} <strong>{kind.action}</strong>
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="reads-heading">
        <h2 id="reads-heading">What it reads</h2>
        <ul>
          <li>
            Only bounce notices (from “Mail Delivery Subsystem”, “postmaster”, “Undeliverable: …”) in Gmail and Outlook on the
            web. Other mail is never read.
          </li>
          <li>
            When you open a notice in Gmail, it reads that notice’s “Show original” page in your own session, the way you would,
            so nothing goes to anyone else. Outlook has no such page: there it reads the notice as shown on screen.
          </li>
          <li>In a message you write, it looks up each recipient in your list to warn you about a known-bad address.</li>
          <li>A mailbox file you choose to import (Google Takeout .mbox or .eml) is read on this computer, never uploaded.</li>
        </ul>
      </section>

      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">Nothing leaves your browser</h2>
        <p>
          The list of bounced addresses, with each bounce’s date, code and the server’s words, is stored in this browser only.
          Bounce Sweeper has no server and sends nothing anywhere; it keeps no message bodies, subjects or senders.
        </p>
      </section>

      <section aria-labelledby="start-heading">
        <h2 id="start-heading">Get started</h2>
        <ol>
          <li>Open Gmail or Outlook on the web: bounce notices get a badge, and an opened notice shows what it means.</li>
          <li>Click the Bounce Sweeper button in the toolbar to see the addresses to remove and export them.</li>
          <li>
            Have years of old bounces?{' '}
            <button type="button" class="link" data-testid="welcome-settings" onClick={openSettings}>
              Import a mailbox file in Settings
            </button>
            .
          </li>
        </ol>
      </section>
    </main>
  );
}
