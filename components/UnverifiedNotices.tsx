import type { OptionsState } from '../lib/pages/options-state';
import { formatDay, plural } from '../lib/vocabulary';

export interface UnverifiedNoticesProps {
  state: OptionsState;
}

/**
 * Notices that could not be tied to mail the user sent (lib/store/trust.ts): shown apart, with why
 * and the first addresses they name, and counted only when the user says so. Hidden when none.
 */
export function UnverifiedNotices({ state }: UnverifiedNoticesProps) {
  const notices = state.unverified.value;
  if (!notices || notices.length === 0) return null;
  return (
    <section class="panel unverified" data-testid="unverified-notices">
      <h2>Notices to review</h2>
      <p>
        These look like bounce notices but could not be tied to mail you sent, so their addresses are not on your lists. A
        forged notice can name any address: count one only if you recognise the mailing it answers.
      </p>
      <ul>
        {notices.map((notice) => (
          <li key={notice.key} data-testid="unverified-notice" data-key={notice.key}>
            <p>
              {formatDay(notice.seenAt)}: {plural(notice.addresses, 'address', 'addresses')}, not counted because {notice.why}.
            </p>
            <p class="sample" data-testid="unverified-sample">
              {notice.sample.join(', ')}
              {notice.addresses > notice.sample.length ? ', …' : ''}
            </p>
            <button type="button" data-testid="unverified-count" onClick={() => void state.settleUnverified([notice.key], true)}>
              Count it
            </button>{' '}
            <button type="button" data-testid="unverified-ignore" onClick={() => void state.settleUnverified([notice.key], false)}>
              Ignore it
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
