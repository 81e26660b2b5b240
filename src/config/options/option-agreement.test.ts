import { describe, expect, it } from 'vitest';
import { createAuthProvider, oauth2Defaults } from '../../client/auth/create-auth-provider.ts';
import { resolveBreakerOptions } from '../../client/breaker/resolve-breaker-options.ts';
import { bulkheadDefaults, resolveBulkheadOptions } from '../../client/bulkhead/bulkhead.ts';
import {
  healthCheckDefaults,
  outlierDetectionDefaults,
  resolveEndpoints,
  resolveHealthCheckOptions,
  resolveLoadBalancing,
  resolveOutlierDetectionOptions,
} from '../../client/endpoints/resolve-endpoint-options.ts';
import { hedgingDefaults, resolveHedgingOptions } from '../../client/hedging/resolve-hedging-options.ts';
import { resolveRateLimitOptions } from '../../client/rate-limit/token-bucket.ts';
import { resolveClientOptions } from '../../client/resolve-client-options.ts';
import { resolveRetryOptions } from '../../client/retry/resolve-retry-options.ts';
import { ManualClock } from '../../time/manual-clock.ts';
import {
  breakerConfigDefaults,
  breakerConfigSchema,
  bulkheadConfigSchema,
  clientConfigDefaults,
  clientConfigSchema,
  healthCheckConfigSchema,
  hedgingConfigSchema,
  outlierDetectionConfigSchema,
  rateLimitConfigSchema,
  retryBudgetDefaults,
  retryConfigDefaults,
  retryConfigSchema,
} from '../client-config-schema.ts';
import {
  BREAKER_DEFAULTS,
  CLIENT_DEFAULTS,
  OAUTH2_DEFAULTS,
  RATE_LIMIT_DEFAULTS,
  RETRY_BUDGET_DEFAULTS,
  RETRY_DEFAULTS,
} from './client-defaults.ts';
import { defaultsOf } from './option-default.ts';

/**
 * createClient cannot load zod (the `faultline` entry stays light), so its resolvers keep
 * small validators of their own. These tests hold them to the option schemas: the same
 * defaults, and the same verdict on each value, edge by edge.
 */
const accepts = (fn: () => unknown): boolean => {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
};

const base = { service: 'svc', baseUrl: 'http://127.0.0.1:1' };

const cases: Array<
  [
    string,
    (v: Record<string, unknown>) => boolean,
    (v: Record<string, unknown>) => boolean,
    Record<string, unknown>[],
  ]
> = [
  [
    'breaker',
    (v) => breakerConfigSchema.safeParse(v).success,
    (v) => accepts(() => resolveBreakerOptions(v)),
    [
      { failureRateThreshold: 0 },
      { failureRateThreshold: 1 },
      { failureRateThreshold: 1.5 },
      { slowCallRateThreshold: 0 },
      { failureThreshold: 0 },
      { failureThreshold: 1.5 },
      { windowMs: 0 },
      { resetTimeoutMs: 0 },
      { resetTimeoutMs: -1 },
      { halfOpenMaxCalls: 0 },
      { strategy: 'count-window' },
      { strategy: 'nope' },
      { failureStatuses: [500, 99] },
      { failureStatuses: [600] },
    ],
  ],
  [
    'retry',
    (v) => retryConfigSchema.safeParse(v).success,
    (v) => accepts(() => resolveRetryOptions(v)),
    [
      { maxAttempts: 0 },
      { maxAttempts: 1 },
      { baseDelayMs: 0 },
      { baseDelayMs: -1 },
      { multiplier: 0.5 },
      { multiplier: 1 },
      { jitter: 'equal' },
      { jitter: 'some' },
      { retryOnStatus: [503, 429, 425, 408] },
      { retryOnStatus: [404] },
      { retryOnStatus: [600] },
      { respectRetryAfter: 'yes' },
      { budget: false },
      { budget: { ratio: 0 } },
      { budget: { ratio: 1 } },
      { budget: { ratio: 1.5 } },
      { budget: { minRetriesPerWindow: -1 } },
      { budget: { windowMs: 0 } },
    ],
  ],
  [
    'client',
    (v) => clientConfigSchema.safeParse(v).success,
    (v) => accepts(() => resolveClientOptions({ ...base, ...v } as never)),
    [
      { timeoutMs: 0 },
      { timeoutMs: 1 },
      { deadlineMs: -1 },
      { maxResponseBytes: 0 },
      { maxResponseBytes: 1 },
      { connections: 0 },
      { keepAliveTimeoutMs: 0 },
      { keepAliveTimeoutMs: 1 },
      { fallback: { kind: 'default', value: 1, status: 99 } },
      { fallback: { kind: 'default', value: 1, status: 600 } },
      { fallback: { kind: 'default', value: 1, status: 200 } },
      { fallback: { kind: 'cache', maxAgeMs: 0 } },
      { fallback: { kind: 'cache', maxAgeMs: 1, maxEntries: 0 } },
      { fallback: { kind: 'alternate', baseUrl: 'ftp://x' } },
      { fallback: { kind: 'alternate', baseUrl: 'http://127.0.0.1:2' } },
    ],
  ],
  [
    'loadBalancing',
    (v) => clientConfigSchema.shape.loadBalancing.safeParse(v.loadBalancing).success,
    (v) => accepts(() => resolveLoadBalancing(v.loadBalancing)),
    [{ loadBalancing: 'weighted' }, { loadBalancing: 'least-outstanding' }, { loadBalancing: 'random' }],
  ],
  [
    'bulkhead',
    (v) => bulkheadConfigSchema.safeParse(v).success,
    (v) => accepts(() => resolveBulkheadOptions(v)),
    [
      { maxConcurrent: 0 },
      { maxConcurrent: 1 },
      { maxConcurrent: 1.5 },
      { maxQueue: -1 },
      { maxQueue: 0 },
      { maxQueue: 'x' },
    ],
  ],
  [
    'rateLimit',
    (v) => rateLimitConfigSchema.safeParse(v).success,
    (v) => accepts(() => resolveRateLimitOptions(v as never)),
    [
      {},
      { ratePerSec: 0 },
      { ratePerSec: 0.5 },
      { ratePerSec: 10, burst: 0.5 },
      { ratePerSec: 10, burst: 1 },
      { ratePerSec: 10, maxWaitMs: -1 },
      { ratePerSec: 10, maxWaitMs: 0 },
      { ratePerSec: 10, pauseOn429: 'no' },
      { ratePerSec: 10, pauseOn429: false },
    ],
  ],
  [
    'hedging',
    (v) => hedgingConfigSchema.safeParse(v).success,
    (v) => accepts(() => resolveHedgingOptions(v)),
    [
      { delayMs: 'p95' },
      { delayMs: 'p99' },
      { delayMs: 0 },
      { delayMs: -1 },
      { maxHedges: 0 },
      { maxHedges: 2 },
      { minSamples: 0 },
      { minDelayMs: -1 },
      { minDelayMs: 0 },
    ],
  ],
  [
    'outlierDetection',
    (v) => outlierDetectionConfigSchema.safeParse(v).success,
    (v) => accepts(() => resolveOutlierDetectionOptions(v)),
    [
      { consecutiveFailures: 0 },
      { consecutiveFailures: 1 },
      { baseEjectionMs: 0 },
      { baseEjectionMs: 1 },
      { maxEjectionMs: 0 },
      { baseEjectionMs: 1000, maxEjectionMs: 999 },
      { baseEjectionMs: 1000, maxEjectionMs: 1000 },
      { maxEjectionPercent: -1 },
      { maxEjectionPercent: 0 },
      { maxEjectionPercent: 100 },
      { maxEjectionPercent: 101 },
    ],
  ],
  [
    'healthCheck',
    (v) => healthCheckConfigSchema.safeParse(v).success,
    (v) => accepts(() => resolveHealthCheckOptions(v as never)),
    [
      {},
      { path: 'healthz' },
      { path: '/healthz' },
      { path: '/healthz', intervalMs: 0 },
      { path: '/healthz', timeoutMs: 0 },
      { path: '/healthz', timeoutMs: 1 },
      { path: '/healthz', healthyThreshold: 0 },
      { path: '/healthz', unhealthyThreshold: 1.5 },
    ],
  ],
];

describe('createClient and the option schemas agree', () => {
  for (const [group, schemaAccepts, clientAccepts, values] of cases) {
    it(`${group}: the same verdict on every edge value`, () => {
      for (const value of values) {
        expect({ value, client: clientAccepts(value) }).toEqual({ value, client: schemaAccepts(value) });
      }
    });
  }

  it('the defaults the schemas document are the defaults the client uses', () => {
    expect(breakerConfigDefaults).toEqual(BREAKER_DEFAULTS);
    expect(retryConfigDefaults).toEqual(RETRY_DEFAULTS);
    expect(retryBudgetDefaults).toEqual(RETRY_BUDGET_DEFAULTS);
    expect(clientConfigDefaults).toEqual(CLIENT_DEFAULTS);
    expect(resolveBreakerOptions({})).toEqual(breakerConfigDefaults);
    expect(resolveRetryOptions({})).toEqual(retryConfigDefaults);
    expect(resolveBulkheadOptions({})).toEqual(defaultsOf(bulkheadConfigSchema.shape));
    expect(bulkheadDefaults).toEqual(defaultsOf(bulkheadConfigSchema.shape));
    expect(resolveHedgingOptions({})).toEqual(defaultsOf(hedgingConfigSchema.shape));
    expect(hedgingDefaults).toEqual(defaultsOf(hedgingConfigSchema.shape));
    expect(resolveOutlierDetectionOptions({})).toEqual(defaultsOf(outlierDetectionConfigSchema.shape));
    expect(outlierDetectionDefaults).toEqual(defaultsOf(outlierDetectionConfigSchema.shape));
    expect(resolveHealthCheckOptions({ path: '/h' })).toEqual({
      path: '/h',
      ...defaultsOf(healthCheckConfigSchema.shape),
    });
    expect(healthCheckDefaults).toEqual(defaultsOf(healthCheckConfigSchema.shape));
    expect(defaultsOf(rateLimitConfigSchema.shape)).toEqual(RATE_LIMIT_DEFAULTS);
    expect(resolveRateLimitOptions({ ratePerSec: 2.5 })).toEqual({
      ratePerSec: 2.5,
      burst: 3,
      ...RATE_LIMIT_DEFAULTS,
    });
    expect(resolveLoadBalancing(undefined)).toBe(clientConfigDefaults.loadBalancing);
  });
});

/**
 * `endpoints` and `auth` are not written in YAML (the runner derives endpoints from
 * `upstreams`; credentials stay out of files), so the client's rules are their only
 * definition. The same one validation path holds them; these are its verdicts and defaults.
 */
describe('createClient-only option groups: endpoints and auth', () => {
  it('endpoints: the verdict on every edge value', () => {
    const verdicts = [
      [[], false],
      [[{ url: 'http://127.0.0.1:2' }], true],
      [[{ url: 'ftp://127.0.0.1:2' }], false],
      [[{ url: 'http://127.0.0.1:2', weight: 0 }], false],
      [[{ url: 'http://127.0.0.1:2', weight: 0.5 }], true],
      [['http://127.0.0.1:2'], false],
    ] as const;
    for (const [value, ok] of verdicts) {
      expect({ value, ok: accepts(() => resolveEndpoints(value)) }).toEqual({ value, ok });
    }
  });

  it('auth: the verdict on every edge value, the error naming the field, and the documented defaults', () => {
    const oauth2 = {
      kind: 'oauth2-client-credentials',
      tokenUrl: 'http://127.0.0.1:2/token',
      clientId: 'id',
      clientSecret: 'secret-1',
    };
    const verdicts = [
      [oauth2, true],
      [{ ...oauth2, tokenUrl: 'ftp://127.0.0.1/token' }, false],
      [{ ...oauth2, tokenUrl: 'token' }, false],
      [{ ...oauth2, clientId: '' }, false],
      [{ ...oauth2, clientSecret: 42 }, false],
      [{ ...oauth2, refreshSkewMs: -1 }, false],
      [{ ...oauth2, refreshSkewMs: 0 }, true],
      [{ ...oauth2, tokenTimeoutMs: 0 }, false],
      [{ kind: 'digest' }, false],
    ] as const;
    const create = (auth: unknown) => createAuthProvider(auth as never, 'svc', new ManualClock());
    for (const [value, ok] of verdicts) {
      expect({ value, ok: accepts(() => create(value)) }).toEqual({ value, ok });
    }
    expect(() => create({ ...oauth2, clientSecret: 42 })).toThrow(
      'auth.clientSecret: expected a non-empty string, got "number"',
    );
    expect(() => create({ ...oauth2, tokenTimeoutMs: 0 })).toThrow(
      'auth.tokenTimeoutMs: expected a finite number > 0 ms, got 0',
    );
    expect(oauth2Defaults).toEqual(OAUTH2_DEFAULTS);
  });
});
