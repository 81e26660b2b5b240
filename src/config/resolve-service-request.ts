import type { RequestSpec } from '../scenario/schema/load-spec-schema.ts';
import type { FaultlineConfig } from './faultline-config-schema.ts';
import { serviceEntry } from './resolve-service-client-options.ts';

/**
 * A scenario's `load.request` with the registry's request defaults for the service merged
 * in: headers key by key (the scenario wins), `idempotencyKey` only when the scenario has
 * none (e.g. notify's `auto`, which makes its retries safe).
 *
 * @example
 * resolveServiceRequest(config, 'notify', scenario.load.request).idempotencyKey; // 'auto'
 */
export function resolveServiceRequest(
  config: FaultlineConfig,
  serviceKey: string,
  request: RequestSpec,
): RequestSpec {
  const defaults = serviceEntry(config, serviceKey).request;
  if (!defaults) return request;
  const resolved: RequestSpec = { ...request };
  if (defaults.headers || request.headers) resolved.headers = { ...defaults.headers, ...request.headers };
  if (resolved.idempotencyKey === undefined && defaults.idempotencyKey !== undefined) {
    resolved.idempotencyKey = defaults.idempotencyKey;
  }
  return resolved;
}
