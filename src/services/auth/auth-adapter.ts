import { z } from 'zod';
import { type AdapterClient, resolveAdapterClient } from '../adapter-client.ts';
import { callService } from '../call-service.ts';

/** Claims of a verified token. */
export interface TokenClaims {
  sub: string;
  email: string;
  /** Expiry, unix seconds. */
  exp: number;
}

/**
 * The answer of `verify`. `invalid`: the service (or the expiry check) rejected the token.
 * `unavailable`: the service could not vouch for it (timeout, 5xx, 429, network, breaker open,
 * malformed body, a client fallback); `errorCode` says which. Never valid unless proven valid.
 */
export type VerifyResult =
  | { valid: true; claims: TokenClaims }
  | { valid: false; reason: 'invalid' | 'unavailable'; errorCode?: string };

export interface AuthAdapterOptions {
  /** A client the caller owns, or options for a client the adapter creates and closes. */
  client: AdapterClient;
  /**
   * Wall-clock time in ms since the epoch, used only to compare with `exp` (the injected
   * monotonic Clock cannot say what time it is). @default Date.now
   */
  wallClock?: () => number;
}

/**
 * Token verification that FAILS CLOSED: only a 200 `{ active: true, claims }` with every claim
 * present and well-typed and `exp` in the future is valid. Everything else, including every
 * way the service can fail, is `valid: false`. `verify` never throws.
 */
export interface AuthAdapter {
  verify(token: string): Promise<VerifyResult>;
  close(): Promise<void>;
}

const verifySchema = z.object({
  active: z.boolean(),
  claims: z
    .object({
      sub: z.string().min(1),
      email: z.string().min(1),
      exp: z.number().int().positive(),
    })
    .optional(),
});

/**
 * @example
 * const auth = createAuthAdapter({ client: { service: 'auth', baseUrl } });
 * const result = await auth.verify(bearer);
 * if (!result.valid) return res.status(result.reason === 'invalid' ? 401 : 503).end();
 */
export function createAuthAdapter(options: AuthAdapterOptions): AuthAdapter {
  const wallClock = options.wallClock ?? Date.now;
  const { client, release } = resolveAdapterClient(options.client);
  return {
    async verify(token) {
      // Why: never send an empty or non-string token; it cannot be valid and would only
      // cost a round trip (and count as a failure nowhere).
      if (typeof token !== 'string' || token.length === 0) return { valid: false, reason: 'invalid' };
      let result: Awaited<ReturnType<typeof callService<typeof verifySchema>>>;
      try {
        result = await callService(
          client,
          'auth',
          'verify a token',
          { method: 'POST', path: '/v1/tokens/verify', json: { token } },
          verifySchema,
        );
      } catch (error) {
        // Why: callService does not throw, but a broken client implementation must still
        // not turn into an accepted token or an unhandled rejection in a request handler.
        return { valid: false, reason: 'unavailable', errorCode: codeOrUnknown(error) };
      }
      if (result.kind === 'rejected') {
        if (result.status === 401 || result.status === 403) return { valid: false, reason: 'invalid' };
        return { valid: false, reason: 'unavailable', errorCode: result.error.code };
      }
      if (result.kind === 'unavailable')
        return { valid: false, reason: 'unavailable', errorCode: result.code };
      const { active, claims } = result.value;
      if (!active) return { valid: false, reason: 'invalid' };
      if (claims === undefined) {
        return { valid: false, reason: 'unavailable', errorCode: 'FAULTLINE_MALFORMED_RESPONSE' };
      }
      if (claims.exp * 1000 <= wallClock()) return { valid: false, reason: 'invalid' };
      return { valid: true, claims: { sub: claims.sub, email: claims.email, exp: claims.exp } };
    },
    close: release,
  };
}

function codeOrUnknown(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'FAULTLINE_UNKNOWN';
}
