import type { ClientOptions } from '../client/client-types.ts';
import { InvalidOptionsError } from '../errors/invalid-options-error.ts';
import type { ClientConfig } from './client-config-schema.ts';
import type { FaultlineConfig, ServiceEntry } from './faultline-config-schema.ts';

/**
 * Client options ready for createClient() except the origin: the runner adds `baseUrl`
 * (the registry's, or the reference service it started) and its clock and random.
 */
export type ServiceClientOptions = Omit<ClientOptions, 'baseUrl'> & { baseUrl?: string };

/**
 * The client options of a registry service with a scenario's `client:` overrides merged in.
 *
 * Merge rules (deep, override wins):
 * - scalars replace; `headers` merge key by key;
 * - `retry`/`breaker`: `false` disables; an object merges into the service's object
 *   (or replaces `false`, re-enabling the policy); `retry.budget` merges the same way;
 * - `bulkhead`, `rateLimit`, `hedging`, `outlierDetection`, `healthCheck`: as `breaker`
 *   (`false` disables, an object merges into the service's);
 * - `fallback`: replaces as a whole (kinds do not mix); `false` removes it.
 *
 * @example
 * resolveServiceClientOptions(config, 'inference', { timeoutMs: 300, breaker: false });
 */
export function resolveServiceClientOptions(
  config: FaultlineConfig,
  serviceKey: string,
  overrides: ClientConfig = {},
): ServiceClientOptions {
  const entry = serviceEntry(config, serviceKey);
  const merged = mergeClientConfig(entry.client ?? {}, overrides);
  const { fallback, hedging, outlierDetection, healthCheck, ...rest } = merged;
  const options: ServiceClientOptions = { ...rest, service: serviceKey };
  if (fallback) options.fallback = fallback;
  // The client takes these as "absent = off"; `false` only exists to remove an inherited one.
  if (hedging) options.hedging = hedging;
  if (outlierDetection) options.outlierDetection = outlierDetection;
  if (healthCheck) options.healthCheck = healthCheck;
  if (entry.baseUrl !== undefined) options.baseUrl = entry.baseUrl;
  return options;
}

/** Deep merge of two client configs with the rules above. */
export function mergeClientConfig(base: ClientConfig, overrides: ClientConfig): ClientConfig {
  const merged: ClientConfig = { ...base, ...overrides };
  if (base.headers || overrides.headers) merged.headers = { ...base.headers, ...overrides.headers };
  if (overrides.retry !== undefined) {
    const baseRetry = base.retry || {};
    merged.retry =
      overrides.retry === false
        ? false
        : {
            ...baseRetry,
            ...overrides.retry,
            ...(overrides.retry.budget !== undefined && overrides.retry.budget !== false && baseRetry.budget
              ? { budget: { ...baseRetry.budget, ...overrides.retry.budget } }
              : {}),
          };
  }
  if (overrides.breaker !== undefined) {
    merged.breaker = overrides.breaker === false ? false : { ...(base.breaker || {}), ...overrides.breaker };
  }
  if (overrides.bulkhead !== undefined) merged.bulkhead = mergePolicy(base.bulkhead, overrides.bulkhead);
  if (overrides.rateLimit !== undefined) merged.rateLimit = mergePolicy(base.rateLimit, overrides.rateLimit);
  if (overrides.hedging !== undefined) merged.hedging = mergePolicy(base.hedging, overrides.hedging);
  if (overrides.outlierDetection !== undefined)
    merged.outlierDetection = mergePolicy(base.outlierDetection, overrides.outlierDetection);
  if (overrides.healthCheck !== undefined)
    merged.healthCheck = mergePolicy(base.healthCheck, overrides.healthCheck);
  return merged;
}

/** `false` disables; an object merges into the base object (or replaces `false`/absent). */
function mergePolicy<T extends object>(base: T | false | undefined, override: T | false): T | false {
  return override === false ? false : { ...(base || {}), ...override };
}

/** The registry entry of `serviceKey`, or a typed error listing the known keys. */
export function serviceEntry(config: FaultlineConfig, serviceKey: string): ServiceEntry {
  const entry = config.services[serviceKey];
  if (!entry) {
    throw new InvalidOptionsError(
      'service',
      `a service key of faultline.config.yaml (${Object.keys(config.services).join(', ')})`,
      serviceKey,
    );
  }
  return entry;
}
