import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../time/manual-clock.ts';
import { EndpointSet } from './endpoint-set.ts';
import { resolveEndpoints, resolveOutlierDetectionOptions } from './resolve-endpoint-options.ts';

const urls = ['http://127.0.0.1:1001', 'http://127.0.0.1:1002', 'http://127.0.0.1:1003'];

function picks(set: EndpointSet, n: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = set.acquire();
    set.release(i, 'success');
    out.push(i);
  }
  return out;
}

describe('EndpointSet selection', () => {
  it('round-robin visits each endpoint in turn', () => {
    const set = new EndpointSet(
      resolveEndpoints(urls.map((url) => ({ url }))),
      { loadBalancing: 'round-robin' },
      new ManualClock(),
    );
    expect(picks(set, 6)).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('weighted gives each endpoint its share, interleaved', () => {
    const set = new EndpointSet(
      resolveEndpoints([{ url: urls[0]!, weight: 5 }, { url: urls[1]! }, { url: urls[2]! }]),
      { loadBalancing: 'weighted' },
      new ManualClock(),
    );
    const seq = picks(set, 7);
    expect(seq).toEqual([0, 0, 1, 0, 2, 0, 0]);
    const counts = [0, 0, 0];
    for (const i of picks(set, 70)) counts[i]!++;
    expect(counts).toEqual([50, 10, 10]);
  });

  it('least-outstanding picks the endpoint with the fewest calls in flight', () => {
    const set = new EndpointSet(
      resolveEndpoints(urls.map((url) => ({ url }))),
      { loadBalancing: 'least-outstanding' },
      new ManualClock(),
    );
    const a = set.acquire();
    const b = set.acquire();
    const c = set.acquire();
    expect(new Set([a, b, c]).size).toBe(3);
    set.release(b, 'success');
    expect(set.acquire()).toBe(b);
  });
});

describe('EndpointSet outlier ejection', () => {
  const outlierDetection = resolveOutlierDetectionOptions({
    consecutiveFailures: 2,
    baseEjectionMs: 1_000,
    maxEjectionPercent: 50,
  });

  it('ejects after N consecutive failures, for base x times ejected, then brings it back', async () => {
    const clock = new ManualClock();
    const set = new EndpointSet(
      resolveEndpoints(urls.map((url) => ({ url }))),
      { loadBalancing: 'round-robin', outlierDetection },
      clock,
    );
    set.acquire();
    expect(set.release(0, 'failure')).toBe(false);
    set.acquire();
    expect(set.release(0, 'failure')).toBe(true);
    expect(set.health().status).toBe('degraded');
    expect(set.health().endpoints[0]).toMatchObject({
      status: 'ejected',
      timesEjected: 1,
      ejectedUntil: 1_000,
    });
    expect(picks(set, 20)).not.toContain(0);
    await clock.advance(1_000);
    expect(set.health().status).toBe('healthy');
    expect(picks(set, 3)).toContain(0);
    // second ejection lasts twice as long
    set.release(set.acquire(), 'ignore');
    set.release(0, 'failure');
    expect(set.release(0, 'failure')).toBe(true);
    expect(set.health().endpoints[0]!.ejectedUntil).toBe(clock.now() + 2_000);
  });

  it('a success resets the run of failures', () => {
    const set = new EndpointSet(
      resolveEndpoints(urls.map((url) => ({ url }))),
      { loadBalancing: 'round-robin', outlierDetection },
      new ManualClock(),
    );
    set.release(0, 'failure');
    set.release(0, 'success');
    expect(set.release(0, 'failure')).toBe(false);
  });

  it('never ejects more than maxEjectionPercent of the endpoints', () => {
    const set = new EndpointSet(
      resolveEndpoints(urls.map((url) => ({ url }))),
      { loadBalancing: 'round-robin', outlierDetection },
      new ManualClock(),
    );
    for (const i of [0, 0, 1, 1, 2, 2]) set.release(i, 'failure');
    const ejected = set.health().endpoints.filter((e) => e.status === 'ejected');
    expect(ejected).toHaveLength(1);
  });

  it('active health checks take an endpoint out and bring it back', () => {
    const set = new EndpointSet(
      resolveEndpoints(urls.map((url) => ({ url }))),
      {
        loadBalancing: 'round-robin',
        healthCheck: { healthyThreshold: 2, unhealthyThreshold: 2 },
      },
      new ManualClock(),
    );
    expect(set.recordProbe(1, false)).toBe(false);
    expect(set.recordProbe(1, false)).toBe(true);
    expect(set.health().endpoints[1]!.status).toBe('unhealthy');
    expect(picks(set, 10)).not.toContain(1);
    set.recordProbe(1, true);
    expect(set.recordProbe(1, true)).toBe(true);
    expect(picks(set, 3)).toContain(1);
  });

  it('panics over every endpoint when none is in rotation', () => {
    const set = new EndpointSet(
      resolveEndpoints(urls.slice(0, 2).map((url) => ({ url }))),
      {
        loadBalancing: 'round-robin',
        healthCheck: { healthyThreshold: 1, unhealthyThreshold: 1 },
      },
      new ManualClock(),
    );
    set.recordProbe(0, false);
    set.recordProbe(1, false);
    expect(set.health().status).toBe('unhealthy');
    expect(new Set(picks(set, 4))).toEqual(new Set([0, 1]));
  });
});

describe('resolve options', () => {
  it('names the field of an invalid option', () => {
    expect(() => resolveEndpoints([{ url: 'nope' }])).toThrow(/endpoints\[0\]\.url/);
    expect(() => resolveOutlierDetectionOptions({ maxEjectionPercent: 150 })).toThrow(/maxEjectionPercent/);
  });
});
