import { describe, expect, it } from 'vitest';
import { judgeSend } from '../../lib/pages/send-report';
import { describeRate } from '../../lib/vocabulary';

describe('judgeSend', () => {
  it.each([
    [0, 100, 'ok'],
    [1, 100, 'ok'],
    [2, 100, 'high'],
    [4, 100, 'high'],
    [5, 100, 'review'],
    [9, 100, 'review'],
    [10, 100, 'pause'],
    [60, 100, 'pause'],
  ])('%i hard bounces of %i recipients is %s', (hard, sentTo, level) => {
    expect(judgeSend({ hard, sentTo }).level).toBe(level);
  });

  it('has no rate until the user says how many it went to', () => {
    expect(judgeSend({ hard: 3 })).toEqual({ rate: null, level: null });
    expect(judgeSend({ hard: 3, sentTo: 0 })).toEqual({ rate: null, level: null });
  });

  it('words the rate in the reader\'s number format', () => {
    expect(describeRate(0.032, 1500, 'high', 'en-GB')).toMatch(/^Hard-bounce rate 3.2% of 1,500: over 2 %/);
  });
});
