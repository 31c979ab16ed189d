import { describe, expect, it } from 'vitest';
import { statusOf, toVerdictMap } from '../../lib/clean-list/status';

const map = toVerdictMap([
  { address: 'hard@example.com', group: 'remove' },
  { address: 'done@example.com', group: 'done' },
  { address: 'watch@example.com', group: 'watch' },
  { address: 'sender@example.com', group: 'sender' },
  { address: 'kept@example.com', group: 'kept' },
  { address: 'clear@example.com', group: 'clear' },
]);
const status = statusOf(map);

describe('statusOf(map): a row\'s status from the addresses on record', () => {
  it.each<[string[], string | null]>([
    [['hard@example.com'], 'remove'],
    [['done@example.com'], 'remove'],
    [['watch@example.com'], 'watch'],
    [['sender@example.com'], 'sender problem'],
    [['kept@example.com'], 'ok'],
    [['clear@example.com'], 'ok'],
    [['stranger@example.com'], 'ok'],
    [[], null],
    // Several addresses: the most urgent wins.
    [['kept@example.com', 'watch@example.com'], 'watch'],
    [['watch@example.com', 'sender@example.com'], 'sender problem'],
    [['sender@example.com', 'hard@example.com', 'stranger@example.com'], 'remove'],
  ])('%j → %j', (addresses, expected) => {
    expect(status(addresses)).toBe(expected);
  });
});
