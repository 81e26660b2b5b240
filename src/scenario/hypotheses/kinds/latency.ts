import * as hdr from 'hdr-histogram-js';
import type { LatencyPercentile } from '../hypothesis-spec.ts';
import type { HypothesisFold } from './hypothesis-fold.ts';

const PERCENTILES: Record<LatencyPercentile, number> = { p50: 50, p90: 90, p95: 95, p99: 99, max: 100 };

/**
 * `latencyMs: { p50|p90|p95|p99|max: { max } }`: call latency (short-circuited calls
 * included) under each bound. Percentiles come from an HDR histogram (3 significant
 * digits, so within 0.1%); `max` is exact.
 */
export function latencyFold(spec: Partial<Record<LatencyPercentile, { max: number }>>): HypothesisFold {
  const histogram = hdr.build({ lowestDiscernibleValue: 1, numberOfSignificantValueDigits: 3 });
  let max = 0;
  let calls = 0;
  return {
    observe(event) {
      if (event.type !== 'call') return;
      calls++;
      max = Math.max(max, event.latencyMs);
      // The histogram records integers; sub-millisecond latencies count as 1 ms (rounded up).
      histogram.recordValue(Math.max(1, Math.ceil(event.latencyMs)));
    },
    verdict() {
      const keys = (Object.keys(spec) as LatencyPercentile[]).filter((k) => k in PERCENTILES);
      const expected = keys.map((k) => `${k} <= ${spec[k]!.max} ms`).join(', ');
      if (calls === 0) return { expected: `latency ${expected}`, observed: 'no calls', pass: false };
      let pass = true;
      const observed = keys.map((k) => {
        const value = k === 'max' ? max : histogram.getValueAtPercentile(PERCENTILES[k]);
        if (value > spec[k]!.max) pass = false;
        return `${k} ${Math.round(value * 10) / 10} ms`;
      });
      return { expected: `latency ${expected}`, observed: `${observed.join(', ')} (${calls} calls)`, pass };
    },
  };
}
