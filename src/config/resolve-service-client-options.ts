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
  const { fallback, ...rest } = merged;
  const options: ServiceClientOptions = { ...rest, service: serviceKey };
  if (fallback) options.fallback = fallback;
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
  return merged;
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
