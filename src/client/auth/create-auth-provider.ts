import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import type { Clock } from '../../time/clock.ts';
import { numberAbove, numberAtLeast, plainObject } from '../_internals/validate.ts';
import type { AuthOptions } from '../client-types.ts';
import type { AuthProvider } from './auth-provider.ts';
import { oauth2Auth } from './oauth2-auth.ts';
import { apiKeyAuth, basicAuth, bearerAuth } from './static-auth.ts';

/** Defaults of OAuth2 client credentials, with units. */
export const oauth2Defaults = Object.freeze({
  refreshSkewMs: 30_000, // ms before expiry a token is refreshed
  tokenTimeoutMs: 5_000, // ms per token request
});

/**
 * Validates `auth` and builds its provider.
 *
 * @example
 * createAuthProvider({ kind: 'bearer', token }, 'search', clock).headers(); // { authorization: 'Bearer …' }
 */
export function createAuthProvider(auth: AuthOptions, service: string, clock: Clock): AuthProvider {
  plainObject('auth', auth);
  switch (auth.kind) {
    case 'api-key':
      return apiKeyAuth(auth.key, auth.header);
    case 'bearer':
      return bearerAuth(auth.token);
    case 'basic':
      return basicAuth(auth.username, auth.password);
    case 'oauth2-client-credentials': {
      let url: URL;
      try {
        url = new URL(auth.tokenUrl);
      } catch {
        throw new InvalidOptionsError(
          'auth.tokenUrl',
          'an absolute http(s) URL of the token endpoint',
          auth.tokenUrl,
        );
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new InvalidOptionsError('auth.tokenUrl', 'an http: or https: URL', auth.tokenUrl);
      }
      for (const field of ['clientId', 'clientSecret'] as const) {
        if (typeof auth[field] !== 'string' || auth[field] === '') {
          throw new InvalidOptionsError(`auth.${field}`, 'a non-empty string', typeof auth[field]);
        }
      }
      return oauth2Auth({
        service,
        tokenUrl: auth.tokenUrl,
        clientId: auth.clientId,
        clientSecret: auth.clientSecret,
        scope: auth.scope,
        audience: auth.audience,
        refreshSkewMs: numberAtLeast(
          'auth.refreshSkewMs',
          auth.refreshSkewMs ?? oauth2Defaults.refreshSkewMs,
          0,
          ' ms',
        ),
        timeoutMs: numberAbove(
          'auth.tokenTimeoutMs',
          auth.tokenTimeoutMs ?? oauth2Defaults.tokenTimeoutMs,
          0,
          ' ms',
        ),
        clock,
      });
    }
    default:
      throw new InvalidOptionsError(
        'auth.kind',
        'one of "api-key", "bearer", "basic", "oauth2-client-credentials"',
        (auth as { kind?: unknown }).kind,
      );
  }
}
