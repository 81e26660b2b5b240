import { CLIENT_DEFAULTS, FALLBACK_DEFAULTS } from '../config/options/client-defaults.ts';
import { InvalidOptionsError } from '../errors/invalid-options-error.ts';
import { createRandom } from '../time/random.ts';
import { systemClock } from '../time/system-clock.ts';
import {
  integerAtLeast,
  numberAbove,
  plainObject,
  type Rules,
  resolveFields,
  statusCode,
} from './_internals/validate.ts';
import type { ClientOptions, FallbackOptions } from './client-types.ts';
import { type ResolvedEndpointGroup, resolveEndpointGroup } from './endpoints/resolve-endpoint-options.ts';
import { type ResolvedHedgingOptions, resolveHedgingOptions } from './hedging/resolve-hedging-options.ts';
import { splitBaseUrl } from './split-base-url.ts';

export { splitBaseUrl } from './split-base-url.ts';

/**
 * Defaults of the client's own options, declared with their units in
 * src/config/options/client-defaults.ts (zod-free: createClient must not load zod); the
 * registry schema attaches the same values. Policies have their own.
 */
export const clientDefaults = Object.freeze({ ...CLIENT_DEFAULTS, seed: 1 });

type ClientNumbers = Pick<
  ResolvedClientOptions,
  'timeoutMs' | 'deadlineMs' | 'maxResponseBytes' | 'connections' | 'keepAliveTimeoutMs'
>;

/** What the client's own numeric options accept (the schema's twin: option-agreement.test.ts). */
const CLIENT_RULES: Rules<ClientNumbers> = {
  timeoutMs: numberAbove(0, ' ms'),
  deadlineMs: numberAbove(0, ' ms'),
  maxResponseBytes: integerAtLeast(1),
  connections: integerAtLeast(1),
  keepAliveTimeoutMs: numberAbove(0, ' ms'),
};

const CACHE_FALLBACK_RULES: Rules<{ maxAgeMs: number; maxEntries: number }> = {
  maxAgeMs: numberAbove(0, ' ms'),
  maxEntries: integerAtLeast(1),
};

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
  /** Endpoints with their balancing, outlier detection and health checks; undefined without. */
  endpoints: ResolvedEndpointGroup | undefined;
  hedging: ResolvedHedgingOptions | undefined;
  /** Validated when the provider is created (it holds the credentials). */
  auth: ClientOptions['auth'];
  redact: ClientOptions['redact'];
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
    ...resolveFields('', o as unknown as Record<string, unknown>, CLIENT_RULES, d),
    headers,
    retry: o.retry,
    breaker: o.breaker,
    fallback: o.fallback === undefined ? undefined : resolveFallback(o.fallback),
    dispatcher: o.dispatcher,
    interceptors: o.interceptors ?? [],
    bulkhead: o.bulkhead,
    rateLimit: o.rateLimit,
    metricsRegistry: o.metricsRegistry,
    endpoints: resolveEndpointGroup(o),
    hedging: o.hedging === undefined ? undefined : resolveHedgingOptions(o.hedging),
    auth: o.auth,
    redact: o.redact,
    clock: o.clock ?? systemClock,
    random: o.random ?? createRandom(seed),
    seed,
  };
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
        ...resolveFields(
          'fallback.',
          f as unknown as Record<string, unknown>,
          CACHE_FALLBACK_RULES,
          FALLBACK_DEFAULTS,
        ),
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
