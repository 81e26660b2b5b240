import { createRouter } from '../create-router.ts';
import { expectObject, expectString, parseJsonBody } from '../parse-json-body.ts';
import type { ServiceHandler } from '../service-handler.ts';
import { errorResponse, jsonResponse } from '../service-response.ts';
import { authStates } from './auth-states.ts';
import { type AuthStore, createAuthStore } from './auth-store.ts';

export interface AuthHandlerOptions {
  /**
   * Answer `POST /_faultline/state` (provider states for Pact verification).
   * @default false
   */
  states?: boolean;
  /**
   * Wall-clock time in milliseconds since the epoch, for token expiry. Expiry is a
   * wall-clock concept (`exp` is unix seconds), so this is not the monotonic Clock.
   * @default Date.now
   */
  wallClock?: () => number;
}

/**
 * The auth service: `POST /v1/tokens/verify` (docs/services.md).
 *
 * @example
 * const handle = createAuthHandler({ wallClock: () => Date.parse('2030-01-01') });
 */
export function createAuthHandler(options: AuthHandlerOptions = {}): ServiceHandler {
  const wallClock = options.wallClock ?? Date.now;
  const store: AuthStore = createAuthStore();
  const reset = () => {
    store.tokens = createAuthStore().tokens;
    store.rateLimited = undefined;
  };
  return createRouter(
    'auth',
    [
      {
        method: 'POST',
        path: '/v1/tokens/verify',
        degradable: true,
        handle(request) {
          const body = expectObject(parseJsonBody(request), 'body');
          const token = expectString(body.token, 'token');
          const claims = store.tokens.get(token);
          if (!claims) return errorResponse(401, 'invalid_token', 'The token is unknown or malformed.');
          if (claims.exp * 1000 <= wallClock()) {
            return errorResponse(
              401,
              'invalid_token',
              `The token expired at ${new Date(claims.exp * 1000).toISOString()}.`,
            );
          }
          return jsonResponse(200, { active: true, claims: { ...claims } });
        },
      },
    ],
    options.states ? { states: authStates, store, reset } : undefined,
    {
      degraded: {
        current: () => store.rateLimited,
        status: 429,
        error: 'rate_limited',
        message: 'Too many verify calls; retry after the Retry-After delay.',
      },
    },
  );
}
