import { CLIENT_DEFAULTS, FALLBACK_DEFAULTS } from '../config/options/client-defaults.ts';
import { InvalidOptionsError } from '../errors/invalid-options-error.ts';
import { createRandom } from '../time/random.ts';
import { systemClock } from '../time/system-clock.ts';
import { integerAtLeast, numberAbove, plainObject, statusCode } from './_internals/validate.ts';
import type { ClientOptions, FallbackOptions } from './client-types.ts';

/**
 * Defaults of the client's own options, declared with their units in
 * src/config/options/client-defaults.ts (zod-free: createClient must not load zod); the
 * registry schema attaches the same values. Policies have their own.
 */
export const clientDefaults = Object.freeze({ ...CLIENT_DEFAULTS, seed: 1 });

/** ClientOptions with defaults applied and the baseUrl split into origin and path prefix. */
export interface ResolvedClientOptions
  extends Required<Pick<ClientOptions, 'service' | 'timeoutMs' | 'deadlineMs' | 'maxResponseBytes'>>,
    Required<Pick<ClientOptions, 'connections' | 'keepAliveTimeoutMs' | 'clock' | 'random' | 'seed'>> {
  origin: string;
  basePath: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  retry: ClientOptions['retry'];
  breaker: ClientOptions['breaker'];
  fallback: FallbackOptions | undefined;
  dispatcher: ClientOptions['dispatcher'];
  interceptors: NonNullable<ClientOptions['interceptors']>;
  bulkhead: ClientOptions['bulkhead'];
  rateLimit: ClientOptions['rateLimit'];
  metricsRegistry: ClientOptions['metricsRegistry'];
}

/**
 * Validates the client options and fills in defaults (retry and breaker options are
 * resolved by their policies). Throws InvalidOptionsError naming the field.
 *
 * @example
 * resolveClientOptions({ service: 'auth', baseUrl: 'http://127.0.0.1:7002/api' }).basePath; // '/api'
 */
export function resolveClientOptions(o: ClientOptions): ResolvedClientOptions {
  plainObject('client options', o);
  if (typeof o.service !== 'string' || o.service === '') {
    throw new InvalidOptionsError('service', 'a non-empty service name', o.service);
  }
  const { origin, basePath } = splitBaseUrl('baseUrl', o.baseUrl);
  const d = clientDefaults;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(o.headers ?? {})) headers[name.toLowerCase()] = value;
  const seed = o.seed ?? d.seed;
  return {
    service: o.service,
    origin,
    basePath,
    timeoutMs: numberAbove('timeoutMs', o.timeoutMs ?? d.timeoutMs, 0, ' ms'),
    deadlineMs: numberAbove('deadlineMs', o.deadlineMs ?? d.deadlineMs, 0, ' ms'),
    maxResponseBytes: integerAtLeast('maxResponseBytes', o.maxResponseBytes ?? d.maxResponseBytes, 1),
    connections: integerAtLeast('connections', o.connections ?? d.connections, 1),
    keepAliveTimeoutMs: numberAbove(
      'keepAliveTimeoutMs',
      o.keepAliveTimeoutMs ?? d.keepAliveTimeoutMs,
      0,
      ' ms',
    ),
    headers,
    retry: o.retry,
    breaker: o.breaker,
    fallback: o.fallback === undefined ? undefined : resolveFallback(o.fallback),
    dispatcher: o.dispatcher,
    interceptors: o.interceptors ?? [],
    bulkhead: o.bulkhead,
    rateLimit: o.rateLimit,
    metricsRegistry: o.metricsRegistry,
    clock: o.clock ?? systemClock,
    random: o.random ?? createRandom(seed),
    seed,
  };
}

/** Splits `http://host:port/prefix/` into its origin and `/prefix` (no trailing slash). */
export function splitBaseUrl(field: string, value: unknown): { origin: string; basePath: string } {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new InvalidOptionsError(field, 'an absolute http(s) URL such as "http://127.0.0.1:7001"', value);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidOptionsError(field, 'an http: or https: URL', value);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new InvalidOptionsError(field, 'a URL without query or fragment (pass `query` per request)', value);
  }
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
}

function resolveFallback(f: FallbackOptions): FallbackOptions {
  plainObject('fallback', f);
  switch (f.kind) {
    case 'default':
      if (f.status !== undefined) statusCode('fallback.status', f.status);
      return f;
    case 'cache':
      return {
        kind: 'cache',
        maxAgeMs: numberAbove('fallback.maxAgeMs', f.maxAgeMs, 0, ' ms'),
        maxEntries: integerAtLeast('fallback.maxEntries', f.maxEntries ?? FALLBACK_DEFAULTS.maxEntries, 1),
      };
    case 'alternate':
      splitBaseUrl('fallback.baseUrl', f.baseUrl);
      return f;
    default:
      throw new InvalidOptionsError(
        'fallback.kind',
        'one of "default", "cache", "alternate"',
        (f as { kind?: unknown }).kind,
      );
  }
}
