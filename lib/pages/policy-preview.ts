/**
 * Live preview of a policy choice on the options page (pure): how many addresses it would flag for
 * removal. The page only has the summaries the background computed under the current settings
 * (listAddresses), not the raw events, so:
 *  - hard bounces are flagged under every setting (lib/policy.ts `judge`);
 *  - with the same window, a soft-bounced address is flagged iff its soft days in the window reach
 *    the threshold: the count is exact;
 *  - with a longer window the count is a lower bound, with a shorter one an upper bound.
 * Addresses the user already decided on are left out: a setting does not change them.
 */
import { formatCount } from '../vocabulary';
import { normaliseSettings, type AddressSummary, type PolicySettings } from '../policy';

export interface PolicyPreview {
  remove: number;
  bound: 'exact' | 'at-least' | 'at-most';
}

export function previewRemovals(summaries: readonly AddressSummary[], current: PolicySettings, candidate: PolicySettings): PolicyPreview {
  const now = normaliseSettings(current);
  const next = normaliseSettings(candidate);
  let remove = 0;
  let uncertain = false;
  for (const summary of summaries) {
    if (summary.decision !== 'none') continue;
    if (summary.hardCount > 0) {
      remove++;
      continue;
    }
    if (summary.softCount === 0) continue;
    const flagged = summary.softDaysInWindow >= next.softBounceDays;
    if (flagged) remove++;
    if (next.windowDays !== now.windowDays) uncertain = true;
  }
  const bound = !uncertain ? 'exact' : next.windowDays > now.windowDays ? 'at-least' : 'at-most';
  return { remove, bound };
}

export function describePreview(preview: PolicyPreview): string {
  const count = formatCount(preview.remove);
  const noun = preview.remove === 1 ? 'address' : 'addresses';
  switch (preview.bound) {
    case 'exact':
      return `${count} ${noun} to remove`;
    case 'at-least':
      return `at least ${count} ${noun} to remove`;
    case 'at-most':
      return `at most ${count} ${noun} to remove`;
  }
}
