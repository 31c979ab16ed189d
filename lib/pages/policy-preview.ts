/**
 * Live preview of a policy choice on the options page: how many addresses it would put on the
 * Remove list. The background counts it exactly from the tallies (TallyStore.previewRemovals,
 * message previewPolicies); this module only words it.
 */
import { formatCount } from '../vocabulary';

export interface PolicyPreview {
  remove: number;
}

export function describePreview(preview: PolicyPreview): string {
  return `${formatCount(preview.remove)} ${preview.remove === 1 ? 'address' : 'addresses'} to remove`;
}
