import type { AddressSummary } from '../lib/policy';
import { describeKind, describeReason, describeVerdict } from '../lib/vocabulary';
import { bounceCount } from '../lib/pages/groups';
import { describeWebmail, formatDay, isSafeNoticeUrl, plural } from '../lib/pages/format';

export interface AddressRowProps {
  summary: AddressSummary;
  selected: boolean;
  expanded: boolean;
  /** `range` when the user shift-clicked: select everything since the last click. */
  onToggle: (address: string, range: boolean) => void;
  onToggleExpanded: (address: string) => void;
  /** Dates in this year are shown without the year. */
  now?: Date;
}

/**
 * One address. Everything shown came from a hostile email: it is rendered as text only (Preact
 * escapes it) and the notice link is rendered only for the webmails' own https hosts.
 */
export function AddressRow({ summary, selected, expanded, onToggle, onToggleExpanded, now }: AddressRowProps) {
  const count = bounceCount(summary);
  const status = [summary.lastReplyCode, summary.lastStatus].filter(Boolean).join(' ');
  const detailsId = `details-${summary.address}`;
  return (
    <div
      class={`address-row kind-${summary.lastKind}${selected ? ' selected' : ''}`}
      data-testid="address-row"
      data-address={summary.address}
      data-selected={selected ? 'true' : 'false'}
    >
      <div class="row-main">
        <input
          type="checkbox"
          class="row-check"
          checked={selected}
          aria-label={`Select ${summary.address}`}
          data-testid="row-checkbox"
          onClick={(event) => {
            // Read shift on click (not change) so shift+click selects a range.
            event.preventDefault();
            onToggle(summary.address, event.shiftKey);
          }}
          onKeyDown={(event) => {
            if (event.key === ' ' || event.key === 'Enter') {
              event.preventDefault();
              onToggle(summary.address, event.shiftKey);
            }
          }}
        />
        <div class="row-body">
          <div class="row-title">
            <span class="address" data-testid="row-address">{summary.address}</span>
            <span class={`badge badge-${summary.lastKind}`} data-testid="row-reason">
              {describeKind(summary.lastKind)}: {describeReason(summary.lastReason)}
            </span>
          </div>
          <div class="row-meta" data-testid="row-meta">
            {plural(count, 'bounce')} on {plural(summary.bounceDays, 'day')} · first {formatDay(summary.firstBounceAt, now)} · last{' '}
            {formatDay(summary.lastBounceAt, now)} · {describeWebmail(summary.lastWebmail)}
          </div>
        </div>
        {isSafeNoticeUrl(summary.lastNoticeUrl) && (
          <a
            class="open-notice"
            href={summary.lastNoticeUrl}
            target="_blank"
            rel="noreferrer noopener"
            title={`Open the last notice in ${describeWebmail(summary.lastWebmail)}`}
            aria-label={`Open the last notice for ${summary.address} in ${describeWebmail(summary.lastWebmail)}`}
            data-testid="row-open-notice"
          >
            ↗
          </a>
        )}
        <button
          type="button"
          class="expand"
          aria-expanded={expanded}
          aria-controls={detailsId}
          aria-label={`${expanded ? 'Hide' : 'Show'} evidence for ${summary.address}`}
          data-testid="row-expand"
          onClick={() => onToggleExpanded(summary.address)}
        >
          {expanded ? '▾' : '▸'}
        </button>
      </div>
      {expanded && (
        <div class="row-details" id={detailsId} data-testid="row-details">
          <p class="verdict">{describeVerdict(summary.verdict)}</p>
          {summary.evidence.length > 0 && (
            <ul class="evidence">
              {summary.evidence.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          )}
          <dl>
            <dt>Status</dt>
            <dd data-testid="row-status">{status || 'none given'}</dd>
            <dt>Server said</dt>
            <dd class="server-words" data-testid="row-server-words">{summary.lastDiagnostic || 'nothing'}</dd>
            {summary.lastRemoteMta && (
              <>
                <dt>Server</dt>
                <dd>{summary.lastRemoteMta}</dd>
              </>
            )}
            {summary.suggestedReplacement && (
              <>
                <dt>New address</dt>
                <dd>{summary.suggestedReplacement}</dd>
              </>
            )}
          </dl>
          {isSafeNoticeUrl(summary.lastNoticeUrl) && (
            <a href={summary.lastNoticeUrl} target="_blank" rel="noreferrer noopener" data-testid="row-notice-link">
              Open the last notice in {describeWebmail(summary.lastWebmail)}
            </a>
          )}
        </div>
      )}
    </div>
  );
}
