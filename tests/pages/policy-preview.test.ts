import { describe, expect, it } from 'vitest';
import { describePreview } from '../../lib/pages/policy-preview';

describe('describePreview', () => {
  it('words the count with its noun, in the reader\'s number format', () => {
    expect(describePreview({ remove: 1 })).toBe('1 address to remove');
    expect(describePreview({ remove: 0 })).toBe('0 addresses to remove');
    expect(describePreview({ remove: 1200 })).toBe('1,200 addresses to remove');
  });
});
