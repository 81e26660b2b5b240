import { describe, expect, it } from 'vitest';
import { resolveBreakerOptions } from '../../client/breaker/resolve-breaker-options.ts';
import { resolveClientOptions } from '../../client/resolve-client-options.ts';
import { resolveRetryOptions } from '../../client/retry/resolve-retry-options.ts';
import {
  breakerConfigDefaults,
  breakerConfigSchema,
  clientConfigDefaults,
  clientConfigSchema,
  retryBudgetDefaults,
  retryConfigDefaults,
  retryConfigSchema,
} from '../client-config-schema.ts';
import {
  BREAKER_DEFAULTS,
  CLIENT_DEFAULTS,
  RETRY_BUDGET_DEFAULTS,
  RETRY_DEFAULTS,
} from './client-defaults.ts';

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
  });
});
