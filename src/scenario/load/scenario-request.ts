import type { RequestOptions } from '../../client/client-types.ts';
import type { FaultlineConfig } from '../../config/faultline-config-schema.ts';
import { resolveServiceRequest } from '../../config/resolve-service-request.ts';
import type { LoadedScenario } from '../load-scenario-file.ts';

/** The request every call of a scenario sends; `idempotencyKey: 'auto'` = a fresh key per call. */
export type ScenarioRequest = RequestOptions & { idempotencyKey?: string };

/**
 * A scenario's `load.request` with the registry's request defaults merged in, as the
 * client's request options (fields the scenario leaves out stay absent).
 *
 * @example
 * new LoadDriver({ request: scenarioRequest(config, scenario), ... });
 */
export function scenarioRequest(config: FaultlineConfig, scenario: LoadedScenario): ScenarioRequest {
  const spec = resolveServiceRequest(config, scenario.service, scenario.load.request);
  const request: ScenarioRequest = { method: spec.method, path: spec.path };
  if (spec.query) request.query = spec.query;
  if (spec.headers) request.headers = spec.headers;
  if (spec.json !== undefined) request.json = spec.json;
  if (spec.body !== undefined) request.body = spec.body;
  if (spec.idempotencyKey !== undefined) request.idempotencyKey = spec.idempotencyKey;
  return request;
}
