import { describe, expect, it } from 'vitest';
import { describePreview, previewRemovals } from '../../lib/pages/policy-preview';
import type { PolicySettings } from '../../lib/policy';
import { makeSummary } from './make-summary';

const standard: PolicySettings = { preset: 'standard', softBounceDays: 3, windowDays: 30 };
const soft = (address: string, days: number) =>
  makeSummary({ address, hardCount: 0, softCount: days, softDaysInWindow: days, verdict: days >= 3 ? 'remove-repeated-soft' : 'watch', lastKind: 'soft' });
const rows = [
  makeSummary({ address: 'hard@example.com' }),
  soft('one@example.com', 1),
  soft('two@example.com', 2),
  soft('four@example.com', 4),
  makeSummary({ address: 'decided@example.com', decision: 'kept', verdict: 'kept' }),
  makeSummary({ address: 'sender@example.com', hardCount: 0, senderProblemCount: 2, verdict: 'sender-problem' }),
];

describe('previewRemovals', () => {
  it('is exact when only the threshold changes', () => {
    expect(previewRemovals(rows, standard, standard)).toEqual({ remove: 2, bound: 'exact' });
    expect(previewRemovals(rows, standard, { preset: 'strict', softBounceDays: 2, windowDays: 30 })).toEqual({ remove: 3, bound: 'exact' });
    expect(previewRemovals(rows, standard, { preset: 'lenient', softBounceDays: 7, windowDays: 30 })).toEqual({ remove: 1, bound: 'exact' });
    expect(previewRemovals(rows, standard, { preset: 'custom', softBounceDays: 1, windowDays: 30 })).toEqual({ remove: 4, bound: 'exact' });
  });

  it('gives a lower bound for a longer window and an upper bound for a shorter one', () => {
    expect(previewRemovals(rows, standard, { preset: 'custom', softBounceDays: 3, windowDays: 90 })).toEqual({ remove: 2, bound: 'at-least' });
    expect(previewRemovals(rows, standard, { preset: 'custom', softBounceDays: 3, windowDays: 7 })).toEqual({ remove: 2, bound: 'at-most' });
  });

  it('follows the preset over stale numbers (normaliseSettings)', () => {
    expect(previewRemovals(rows, standard, { preset: 'strict', softBounceDays: 99, windowDays: 30 }).remove).toBe(3);
  });

  it('says it in words', () => {
    expect(describePreview({ remove: 1, bound: 'exact' })).toBe('1 address to remove');
    expect(describePreview({ remove: 1200, bound: 'at-least' })).toBe('at least 1,200 addresses to remove');
  });
});
