import { clientConfigDefaults, clientConfigSchema } from '../config/client-config-schema.ts';
import { parseOptions } from '../config/options/parse-options.ts';
import { InvalidOptionsError } from '../errors/invalid-options-error.ts';
import { createRandom } from '../time/random.ts';
import { systemClock } from '../time/system-clock.ts';
import { plainObject } from './_internals/validate.ts';
import type { ClientOptions, FallbackOptions } from './client-types.ts';
import { DEFAULT_CACHE_MAX_ENTRIES } from './fallback/last-good-cache.ts';

/**
 * Defaults of the client's own options (declared with their units and descriptions in
 * src/config/client-config-schema.ts). Policies have their own.
 */
export const clientDefaults = Object.freeze({ ...clientConfigDefaults, seed: 1 });

/** The keys of ClientOptions that a YAML file can also set: checked by the same schema. */
const CONFIG_KEYS = Object.keys(clientConfigSchema.shape) as (keyof typeof clientConfigSchema.shape)[];

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
  parseConfigPart(o);
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
    timeoutMs: o.timeoutMs ?? d.timeoutMs,
    deadlineMs: o.deadlineMs ?? d.deadlineMs,
    maxResponseBytes: o.maxResponseBytes ?? d.maxResponseBytes,
    connections: o.connections ?? d.connections,
    keepAliveTimeoutMs: o.keepAliveTimeoutMs ?? d.keepAliveTimeoutMs,
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

/**
 * Checks the options a YAML file could also hold with the registry's own schema, so both
 * accept the same values with the same messages (`breaker.failureRateThreshold: expected a
 * rate in (0, 1], got 0`). Runtime-only options (dispatcher, clock, auth, ...) are not in
 * the schema and are left to their own resolvers. Once per client, never per call.
 */
function parseConfigPart(o: ClientOptions): void {
  const part: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) if (o[key] !== undefined) part[key] = o[key];
  parseOptions(clientConfigSchema, part, '');
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

/** Fills in the cache size; the shape was checked by parseConfigPart. */
function resolveFallback(f: FallbackOptions): FallbackOptions {
  if (f.kind === 'alternate') splitBaseUrl('fallback.baseUrl', f.baseUrl);
  if (f.kind !== 'cache') return f;
  return { kind: 'cache', maxAgeMs: f.maxAgeMs, maxEntries: f.maxEntries ?? DEFAULT_CACHE_MAX_ENTRIES };
}
