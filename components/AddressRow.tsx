import type { AddressSummary } from '../lib/policy';
import { isSenderProblem } from '../lib/bounce/severity';
import { bounceCount } from '../lib/pages/groups';
import { isSafeNoticeUrl } from '../lib/pages/notice-link';
import { describeCodes, describeEvidence, describeProblem, describeReason, describeVerdict, describeWebmail, describeWroteToYou, formatDay, plural } from '../lib/vocabulary';
import { findSenderFix } from '../lib/vocabulary';

export interface AddressRowProps {
  summary: AddressSummary;
  selected: boolean;
  expanded: boolean;
  /** `range` when the user shift-clicked: select everything since the last click. */
  onToggle: (address: string, range: boolean) => void;
  onToggleExpanded: (address: string) => void;
  /** Dates in this year are shown without the year. */
  now?: Date;
  /** How dates and numbers are written (undefined: the browser's own locale). */
  locale?: string;
}

/**
 * One address. Everything shown came from a hostile email: it is rendered as text only (Preact
 * escapes it) and the notice link is rendered only for the webmails' own https hosts.
 */
export function AddressRow({ summary, selected, expanded, onToggle, onToggleExpanded, now, locale }: AddressRowProps) {
  const count = bounceCount(summary);
  const status = describeCodes(summary.lastReplyCode, summary.lastStatus);
  const detailsId = `details-${summary.address}`;
  const tone = isSenderProblem(summary.lastReason) ? 'sender' : summary.lastKind;
  const day = (iso: string) => formatDay(iso, { now, locale });
  // A sender problem: what to fix instead of removing the recipient (issue 13).
  const senderFix = expanded && tone === 'sender' ? findSenderFix(summary.lastReason, summary.lastStatus, summary.lastReplyCode, summary.lastDiagnostic) : null;
  return (
    <div
      class={`address-row kind-${tone}${selected ? ' selected' : ''}`}
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
          {/* The address first and largest: it is what a user scans the list for. */}
          <div class="address" data-testid="row-address">
            {summary.address}
          </div>
          <div class="row-cause" data-testid="row-reason">
            <span class={`badge badge-${tone}`}>{describeProblem(summary.lastKind, summary.lastReason)}</span> {describeReason(summary.lastReason)}
          </div>
          <div class="row-meta" data-testid="row-meta">
            {plural(count, 'bounce', 'bounces', locale)} on {plural(summary.bounceDays, 'day', 'days', locale)} · first {day(summary.firstBounceAt)} · last {day(summary.lastBounceAt)} ·{' '}
            {describeWebmail(summary.lastWebmail)}
          </div>
          {/* Proof of life: only when the address wrote after its last bounce (a record, not a guess). */}
          {summary.wroteAt && summary.wroteAt > summary.lastBounceAt && (
            <div class="row-life" data-testid="row-wrote-to-you">
              {describeWroteToYou(summary.wroteAt, { now, locale })}
            </div>
          )}
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
          <p class="verdict">{describeVerdict(summary.verdict)}.</p>
          {senderFix && (
            <p class="sender-fix" data-testid="row-sender-fix" data-fix={senderFix.id}>
              <strong>What to fix:</strong> {senderFix.advice}{' '}
              <a href={senderFix.source.url} target="_blank" rel="noreferrer noopener" data-testid="row-sender-fix-source">
                {senderFix.source.name}
              </a>
            </p>
          )}
          {summary.evidence.length > 0 && (
            <ul class="evidence">
              {summary.evidence.map((fact, index) => (
                <li key={index}>{describeEvidence(fact, { now, locale })}</li>
              ))}
            </ul>
          )}
          <dl>
            <dt>Codes</dt>
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
