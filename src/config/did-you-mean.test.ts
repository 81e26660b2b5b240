import { describe, expect, it } from 'vitest';
import { didYouMean } from './did-you-mean.ts';

describe('didYouMean', () => {
  it('suggests the closest candidate for a typo', () => {
    expect(didYouMean('retries', ['retry', 'breaker', 'fallback'])).toBe('retry');
    expect(didYouMean('maxAtempts', ['maxAttempts', 'baseDelayMs'])).toBe('maxAttempts');
    expect(didYouMean('lantecy', ['latency', 'jitter'])).toBe('latency');
  });

  it('suggests nothing when no candidate is plausibly meant', () => {
    expect(didYouMean('zebra', ['retry', 'breaker'])).toBeUndefined();
    expect(didYouMean('x', [])).toBeUndefined();
    expect(didYouMean('b', ['a'])).toBeUndefined();
  });
});
