import { describe, expect, it } from 'vitest';
import type { FaultlineConfig } from '../config/faultline-config-schema.ts';
import { runChecks } from './run-checks.ts';
import { UnknownServiceError } from './unknown-service-error.ts';

const base = { provider: 'x-service', pact: 'contracts/x.json' };

const config: FaultlineConfig = {
  consumer: 'faultline',
  services: {
    good: {
      ...base,
      slo: { maxCallMs: 2_000 },
      client: {
        timeoutMs: 500,
        deadlineMs: 2_000,
        retry: { maxAttempts: 2, baseDelayMs: 50, maxDelayMs: 200 },
        breaker: { strategy: 'count-window', windowSize: 10, minimumCalls: 5 },
      },
    },
    slow: {
      ...base,
      slo: { maxCallMs: 1_000 },
      client: {
        timeoutMs: 800,
        deadlineMs: 5_000,
        retry: { maxAttempts: 3, maxDelayMs: 500, budget: false },
        breaker: { strategy: 'count-window', windowSize: 5, minimumCalls: 10 },
      },
    },
    external: { ...base },
  },
};

describe('runChecks', () => {
  it('proves every property for a sound configuration', async () => {
    const summary = await runChecks({ config, service: 'good', numRuns: 20, seed: 1 });
    expect(summary.ok).toBe(true);
    expect(summary.seed).toBe(1);
    expect(summary.results.map((r) => r.property)).toEqual([
      'worst-case call time',
      'retry amplification within budget',
      'breaker thresholds reachable',
      'breaker model (count-window)',
      'breaker under concurrency',
      'retry rules',
      'no retry storm, deadline bounds every call',
      'a 4xx is final: no retry, no fallback, no breaker failure (real client)',
    ]);
  });

  it('reports each broken config rule with the numbers and the fix', async () => {
    const summary = await runChecks({ config, service: 'slow', numRuns: 10, seed: 1 });
    expect(summary.ok).toBe(false);
    const failed = Object.fromEntries(
      summary.results.filter((r) => !r.ok).map((r) => [r.property, r.detail]),
    );
    expect(Object.keys(failed).sort()).toEqual([
      'breaker thresholds reachable',
      'retry amplification within budget',
      'worst-case call time',
    ]);
    expect(failed['worst-case call time']).toMatch(/3400 ms > slo.maxCallMs 1000 ms.*Fix/);
    expect(failed['retry amplification within budget']).toMatch(/no retry budget.*3x/);
    expect(failed['breaker thresholds reachable']).toMatch(/minimumCalls \(10\) > breaker.windowSize \(5\)/);
  });

  it('skips external-only services and rejects unknown ones', async () => {
    const summary = await runChecks({ config, service: 'external', numRuns: 5, seed: 1 });
    expect(summary.skipped).toEqual([
      { service: 'external', reason: expect.stringMatching(/external-only/) },
    ]);
    await expect(runChecks({ config, service: 'nope' })).rejects.toBeInstanceOf(UnknownServiceError);
  });

  it('rejects a configuration the policies refuse, naming the field', async () => {
    const bad: FaultlineConfig = {
      consumer: 'faultline',
      services: { x: { ...base, client: { retry: { retryOnStatus: [404] } } } },
    };
    await expect(runChecks({ config: bad, numRuns: 5, seed: 1 })).rejects.toMatchObject({
      code: 'FAULTLINE_CONFIG_INVALID',
      message: expect.stringMatching(/services\.x\.client\.retry\.retryOnStatus\[0\]/),
      issues: [expect.objectContaining({ path: 'services.x.client.retry.retryOnStatus[0]' })],
    });
  });
});
