import { describe, expect, it } from 'vitest';
import { callRecord } from '../../../test/support/run-records.ts';
import type { BreakerRecord } from '../run-events.ts';
import { bucketWidthFor, TimeSeriesAccumulator } from './time-series-accumulator.ts';

const breaker = (t: number, from: BreakerRecord['from'], to: BreakerRecord['to']): BreakerRecord => ({
  type: 'breaker',
  scenario: 's',
  phase: 'p',
  t,
  from,
  to,
});

describe('bucketWidthFor', () => {
  it('uses 250 ms buckets up to 100 s and widens in 250 ms steps to keep at most 400 buckets', () => {
    expect(bucketWidthFor(2000)).toBe(250);
    expect(bucketWidthFor(100_000)).toBe(250);
    expect(bucketWidthFor(100_001)).toBe(500);
    expect(bucketWidthFor(600_000)).toBe(1500);
  });
});

describe('TimeSeriesAccumulator', () => {
  it('counts calls and errors per bucket and fills empty buckets', () => {
    const series = new TimeSeriesAccumulator(250);
    series.observeCall(callRecord(10, 5));
    series.observeCall(callRecord(200, 7, 'failed'));
    series.observeCall(callRecord(900, 9, 'unknown'));

    const { buckets } = series.result(1000);

    expect(buckets.map((b) => [b.t, b.calls, b.errors])).toEqual([
      [0, 2, 1],
      [250, 0, 0],
      [500, 0, 0],
      [750, 1, 1],
    ]);
    expect(buckets[1]!.p99).toBeNull();
    expect(buckets[3]!.p50).toBeCloseTo(9, 1);
  });

  it('carries the breaker state across quiet buckets and shows the worst state inside a bucket', () => {
    const series = new TimeSeriesAccumulator(250);
    series.observeBreaker(breaker(300, 'closed', 'open'));
    series.observeBreaker(breaker(1100, 'open', 'half-open'));
    series.observeBreaker(breaker(1150, 'half-open', 'closed'));

    const states = series.result(1500).buckets.map((b) => b.breakerState);

    expect(states).toEqual(['closed', 'open', 'open', 'open', 'open', 'closed']);
  });
});
