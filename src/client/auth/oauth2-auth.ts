import { Agent, type Dispatcher } from 'undici';
import type { Clock } from '../../time/clock.ts';
import type { AuthProvider } from './auth-provider.ts';
import { type ClientCredentials, fetchClientCredentialsToken } from './fetch-client-credentials-token.ts';
import { OAuth2TokenCache } from './oauth2-token-cache.ts';

export interface OAuth2AuthOptions extends ClientCredentials {
  refreshSkewMs: number;
  clock: Clock;
  /** Transport to the token endpoint. @default an undici Agent owned by the provider */
  dispatcher?: Dispatcher;
}

/** Lifetime assumed when the token endpoint omits `expires_in`, ms. */
const DEFAULT_TOKEN_LIFETIME_MS = 300_000;

/**
 * OAuth2 client credentials: `Authorization: Bearer <token>` from an OAuth2TokenCache. A 401
 * on an attempt drops the token it carried and fetches a new one (single-flight), and says
 * "retry once"; the client makes that one extra attempt.
 *
 * @example
 * const auth = oauth2Auth({ service: 'search', tokenUrl, clientId, clientSecret, timeoutMs: 5_000, refreshSkewMs: 30_000, clock });
 */
export function oauth2Auth(o: OAuth2AuthOptions): AuthProvider & { readonly cache: OAuth2TokenCache } {
  const owned =
    o.dispatcher === undefined ? new Agent({ connections: 2, keepAliveTimeout: 1_000 }) : undefined;
  const dispatcher = (o.dispatcher ?? owned)!;
  const closer = new AbortController();
  const cache = new OAuth2TokenCache(
    () => fetchClientCredentialsToken(dispatcher, o, o.clock, closer.signal),
    o.clock,
    { refreshSkewMs: o.refreshSkewMs, defaultLifetimeMs: DEFAULT_TOKEN_LIFETIME_MS },
  );
  const toHeaders = (token: string) => ({ authorization: `Bearer ${token}` });
  return {
    refreshable: true,
    cache,
    headers() {
      const fresh = cache.peek();
      return fresh !== undefined ? toHeaders(fresh) : cache.get().then(toHeaders);
    },
    async onUnauthorized(sent) {
      const token = sent.authorization?.startsWith('Bearer ') ? sent.authorization.slice(7) : undefined;
      if (token !== undefined) cache.invalidate(token);
      const next = await cache.get();
      return next !== token;
    },
    secrets() {
      const token = cache.current;
      return token === undefined ? [o.clientSecret] : [o.clientSecret, token];
    },
    async close() {
      closer.abort();
      await owned?.destroy();
    },
  };
}
