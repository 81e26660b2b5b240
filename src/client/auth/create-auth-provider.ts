import { OAUTH2_DEFAULTS } from '../../config/options/client-defaults.ts';
import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import type { Clock } from '../../time/clock.ts';
import {
  type Check,
  numberAbove,
  numberAtLeast,
  plainObject,
  type Rules,
  resolveFields,
  secretString,
} from '../_internals/validate.ts';
import type { AuthOptions } from '../client-types.ts';
import type { AuthProvider } from './auth-provider.ts';
import { oauth2Auth } from './oauth2-auth.ts';
import { apiKeyAuth, basicAuth, bearerAuth } from './static-auth.ts';

/** Defaults of OAuth2 client credentials, declared with their units in src/config/options/client-defaults.ts. */
export const oauth2Defaults: Readonly<{ refreshSkewMs: number; tokenTimeoutMs: number }> = OAUTH2_DEFAULTS;

const tokenUrl: Check<string> = (field, value) => {
  let url: URL;
  try {
    url = new URL(value as string);
  } catch {
    throw new InvalidOptionsError(field, 'an absolute http(s) URL of the token endpoint', value);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidOptionsError(field, 'an http: or https: URL', value);
  }
  return value as string;
};

/** What OAuth2 client-credentials options accept, checked in this order. */
const OAUTH2_RULES: Rules<{
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  refreshSkewMs: number;
  tokenTimeoutMs: number;
}> = {
  tokenUrl,
  clientId: secretString,
  clientSecret: secretString,
  refreshSkewMs: numberAtLeast(0, ' ms'),
  tokenTimeoutMs: numberAbove(0, ' ms'),
};

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
      const r = resolveFields(
        'auth.',
        auth as unknown as Record<string, unknown>,
        OAUTH2_RULES,
        oauth2Defaults,
      );
      return oauth2Auth({
        service,
        tokenUrl: r.tokenUrl,
        clientId: r.clientId,
        clientSecret: r.clientSecret,
        scope: auth.scope,
        audience: auth.audience,
        refreshSkewMs: r.refreshSkewMs,
        timeoutMs: r.tokenTimeoutMs,
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
