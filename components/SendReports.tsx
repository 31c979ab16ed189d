import type { OptionsState } from '../lib/pages/options-state';
import { judgeSend } from '../lib/pages/send-report';
import { describeRate, describeSend } from '../lib/vocabulary';

export interface SendReportsProps {
  state: OptionsState;
}

/**
 * Bounces per send: each message the user sent that came back, with its hard and soft bounces;
 * given how many it went to, the hard-bounce rate against the 2 / 5 / 10 % lines, and a plain
 * warning past them. Hidden when no notice names the message it returns.
 */
export function SendReports({ state }: SendReportsProps) {
  const sends = state.sends.value;
  if (!sends || sends.length === 0) return null;
  return (
    <section class="panel sends" data-testid="send-reports">
      <h2>Bounces per send</h2>
      <p>Each message you sent that bounced, from the notices that name it. Say how many it went to for its bounce rate.</p>
      <ul>
        {sends.map((send) => {
          const judged = judgeSend(send);
          return (
            <li key={send.key} data-testid="send-report" data-key={send.key} data-level={judged.level ?? ''}>
              <p data-testid="send-line">{describeSend(send)}</p>
              <label>
                Sent to{' '}
                <input
                  type="number"
                  min={0}
                  data-testid="send-sent-to"
                  value={send.sentTo ?? ''}
                  onChange={(event) => void state.setSentTo(send.key, Number((event.currentTarget as HTMLInputElement).value) || 0)}
                />{' '}
                recipients
              </label>
              {judged.rate !== null && judged.level && (
                <p class={judged.level === 'ok' ? 'rate' : 'rate warning'} role={judged.level === 'ok' ? undefined : 'alert'} data-testid="send-rate">
                  {describeRate(judged.rate, send.sentTo ?? 0, judged.level)}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
