import { expectObject, expectString, InvalidRequestError, parseJsonBody } from './parse-json-body.ts';
import { matchProviderState, type ProviderState } from './provider-state.ts';
import type { ServiceHandler, ServiceRequest, ServiceResponse } from './service-handler.ts';
import type { ServiceName } from './service-names.ts';
import { errorResponse, jsonResponse, retryAfterResponse } from './service-response.ts';

/** One route: a method, a path (a string, or a RegExp with named groups) and its handler. */
export interface Route {
  method: string;
  path: string | RegExp;
  /** Answered by the router's degraded mode (when it is in force) instead of the handler. @default false */
  degradable?: boolean;
  handle(request: ServiceRequest, params: Record<string, string>): ServiceResponse | Promise<ServiceResponse>;
}

/** Provider states of a service (answered at `POST /_faultline/state` when enabled). */
export interface StatesSupport<Store> {
  states: readonly ProviderState<Store>[];
  store: Store;
  /** Puts the store back to its initial content; called on every teardown. */
  reset(): void;
}

/**
 * Degraded mode of a service: while `current()` returns an outage, every `degradable` route
 * answers `status` with `{ error, message }` and Retry-After, without running its handler.
 * A provider state (or a test) switches it on by setting what `current()` reads.
 */
export interface DegradedMode {
  /** The outage in force, or undefined when the service is healthy. */
  current(): { retryAfterSeconds: number } | undefined;
  status: 429 | 503;
  /** The error code of the body (`rate_limited`, `overloaded`, ...). */
  error: string;
  message: string;
}

/** Options of createRouter beyond its routes and states. */
export interface RouterOptions {
  degraded?: DegradedMode;
}

/** Path of the provider-state endpoint (docs/services.md). */
export const STATE_PATH = '/_faultline/state';

/**
 * The handler shared by the five services around their routes:
 *
 *   GET /health -> POST /_faultline/state (when states are on)
 *     -> routes (a degradable one answers the outage while degraded mode is on) -> 405 / 404
 *
 * An InvalidRequestError thrown by a route becomes 400 `invalid_request` naming the field;
 * anything else becomes 500 `internal_error` (a bug in the service, never a fault).
 */
export function createRouter<Store>(
  service: ServiceName,
  routes: readonly Route[],
  states?: StatesSupport<Store>,
  options: RouterOptions = {},
): ServiceHandler {
  const { degraded } = options;
  return async (request) => {
    try {
      if (request.path === '/health' && request.method === 'GET') {
        return jsonResponse(200, { status: 'ok', service });
      }
      if (request.path === STATE_PATH && states) {
        if (request.method !== 'POST') return methodNotAllowed(request, ['POST']);
        return applyState(states, request);
      }
      const allowed: string[] = [];
      for (const route of routes) {
        const params = matchPath(route.path, request.path);
        if (!params) continue;
        if (route.method !== request.method) {
          allowed.push(route.method);
          continue;
        }
        const outage = route.degradable ? degraded?.current() : undefined;
        if (outage && degraded) {
          return retryAfterResponse(
            degraded.status,
            degraded.error,
            degraded.message,
            outage.retryAfterSeconds,
          );
        }
        return await route.handle(request, params);
      }
      if (allowed.length > 0) return methodNotAllowed(request, allowed);
      return errorResponse(404, 'not_found', `No route for ${request.method} ${request.path} on ${service}.`);
    } catch (err) {
      if (err instanceof InvalidRequestError) return errorResponse(400, 'invalid_request', err.message);
      return errorResponse(500, 'internal_error', err instanceof Error ? err.message : String(err));
    }
  };
}

function matchPath(pattern: string | RegExp, path: string): Record<string, string> | undefined {
  if (typeof pattern === 'string') return pattern === path ? {} : undefined;
  const match = pattern.exec(path);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(match.groups ?? {})) params[key] = decodeURIComponent(value);
  return params;
}

function methodNotAllowed(request: ServiceRequest, allowed: string[]): ServiceResponse {
  return errorResponse(
    405,
    'method_not_allowed',
    `${request.method} is not allowed on ${request.path}; use ${allowed.join(' or ')}.`,
    { allow: allowed.join(', ') },
  );
}

function applyState<Store>(support: StatesSupport<Store>, request: ServiceRequest): ServiceResponse {
  const body = expectObject(parseJsonBody(request), 'body');
  const text = expectString(body.state, 'state');
  const action = body.action ?? 'setup';
  if (action !== 'setup' && action !== 'teardown') {
    throw InvalidRequestError.expected('action', '"setup" or "teardown"', action);
  }
  const params = body.params === undefined || body.params === null ? {} : expectObject(body.params, 'params');
  const match = matchProviderState(support.states, text, params);
  if (!match) {
    const known = support.states.map((s) => `"${s.name}"`).join(', ');
    return errorResponse(400, 'unknown_state', `Unknown provider state "${text}". Known states: ${known}.`);
  }
  if (action === 'teardown') support.reset();
  else match.state.setup(support.store, match.params);
  return jsonResponse(200, {});
}
