import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import { integerAtLeast, numberAbove, numberAtLeast, oneOf, plainObject } from '../_internals/validate.ts';
import type {
  ClientOptions,
  EndpointOptions,
  HealthCheckOptions,
  LoadBalancing,
  OutlierDetectionOptions,
} from '../client-types.ts';
import { splitBaseUrl } from '../split-base-url.ts';

/** Defaults of outlier detection, with units (Envoy's, except maxEjectionPercent). */
export const outlierDetectionDefaults = Object.freeze({
  consecutiveFailures: 5, // failures in a row (5xx, network error, attempt timeout)
  baseEjectionMs: 30_000, // ms, multiplied by the times the endpoint was ejected
  maxEjectionMs: 300_000, // ms, cap on one ejection
  maxEjectionPercent: 50, // % of the endpoints that may be ejected at once
});

/** Defaults of active health checks, with units. */
export const healthCheckDefaults = Object.freeze({
  intervalMs: 10_000, // ms between probes of one endpoint
  timeoutMs: 1_000, // ms per probe
  healthyThreshold: 2, // passing probes in a row that bring an endpoint back
  unhealthyThreshold: 3, // failing probes in a row that take it out
});

export type ResolvedOutlierDetectionOptions = Required<OutlierDetectionOptions>;
export type ResolvedHealthCheckOptions = Required<HealthCheckOptions>;

/** One endpoint with its URL split into origin and path prefix. */
export interface ResolvedEndpoint {
  url: string;
  origin: string;
  basePath: string;
  weight: number;
}

/** The endpoint options of a client, resolved together. */
export interface ResolvedEndpointGroup {
  endpoints: ResolvedEndpoint[];
  loadBalancing: LoadBalancing;
  outlierDetection: ResolvedOutlierDetectionOptions | undefined;
  healthCheck: ResolvedHealthCheckOptions | undefined;
}

/**
 * Resolves `endpoints` with the options that only make sense with them (load balancing,
 * outlier detection, health checks), or undefined without endpoints. An endpoint URL is an
 * origin only: the path prefix of every endpoint comes from baseUrl.
 *
 * @example
 * resolveEndpointGroup({ endpoints: [{ url: 'http://127.0.0.1:7001' }] })?.loadBalancing; // 'round-robin'
 */
export function resolveEndpointGroup(
  options: Pick<ClientOptions, 'endpoints' | 'loadBalancing' | 'outlierDetection' | 'healthCheck'>,
): ResolvedEndpointGroup | undefined {
  if (options.endpoints === undefined) {
    for (const field of ['outlierDetection', 'healthCheck', 'loadBalancing'] as const) {
      if (options[field] !== undefined) {
        throw new InvalidOptionsError(field, 'to be set only together with `endpoints`', options[field]);
      }
    }
    return undefined;
  }
  const endpoints = resolveEndpoints(options.endpoints);
  endpoints.forEach((e, i) => {
    if (e.basePath !== '') {
      throw new InvalidOptionsError(
        `endpoints[${i}].url`,
        'an origin without a path (the path prefix of every endpoint comes from baseUrl)',
        e.url,
      );
    }
  });
  return {
    endpoints,
    loadBalancing: resolveLoadBalancing(options.loadBalancing),
    outlierDetection: options.outlierDetection && resolveOutlierDetectionOptions(options.outlierDetection),
    healthCheck: options.healthCheck && resolveHealthCheckOptions(options.healthCheck),
  };
}

export function resolveEndpoints(endpoints: unknown): ResolvedEndpoint[] {
  if (!Array.isArray(endpoints) || endpoints.length === 0) {
    throw new InvalidOptionsError('endpoints', 'a non-empty array of { url, weight? }', endpoints);
  }
  return endpoints.map((e: EndpointOptions, i) => {
    plainObject(`endpoints[${i}]`, e);
    const { origin, basePath } = splitBaseUrl(`endpoints[${i}].url`, e.url);
    const weight = numberAbove(`endpoints[${i}].weight`, e.weight ?? 1, 0);
    return { url: e.url, origin, basePath, weight };
  });
}

export function resolveLoadBalancing(value: unknown): LoadBalancing {
  return oneOf('loadBalancing', value ?? 'round-robin', ['round-robin', 'least-outstanding', 'weighted']);
}

/**
 * @example
 * resolveOutlierDetectionOptions({ consecutiveFailures: 3 }).baseEjectionMs; // 30_000
 */
export function resolveOutlierDetectionOptions(o: OutlierDetectionOptions): ResolvedOutlierDetectionOptions {
  plainObject('outlierDetection', o);
  const d = outlierDetectionDefaults;
  const base = numberAbove('outlierDetection.baseEjectionMs', o.baseEjectionMs ?? d.baseEjectionMs, 0, ' ms');
  const max = numberAtLeast(
    'outlierDetection.maxEjectionMs',
    o.maxEjectionMs ?? Math.max(base, d.maxEjectionMs),
    base,
    ' ms',
  );
  const percent = o.maxEjectionPercent ?? d.maxEjectionPercent;
  if (typeof percent !== 'number' || !(percent >= 0 && percent <= 100)) {
    throw new InvalidOptionsError('outlierDetection.maxEjectionPercent', 'a percentage in 0..100', percent);
  }
  return {
    consecutiveFailures: integerAtLeast(
      'outlierDetection.consecutiveFailures',
      o.consecutiveFailures ?? d.consecutiveFailures,
      1,
    ),
    baseEjectionMs: base,
    maxEjectionMs: max,
    maxEjectionPercent: percent,
  };
}

/**
 * @example
 * resolveHealthCheckOptions({ path: '/healthz' }).intervalMs; // 10_000
 */
export function resolveHealthCheckOptions(o: HealthCheckOptions): ResolvedHealthCheckOptions {
  plainObject('healthCheck', o);
  if (typeof o.path !== 'string' || !o.path.startsWith('/')) {
    throw new InvalidOptionsError('healthCheck.path', 'a path starting with "/", e.g. "/healthz"', o.path);
  }
  const d = healthCheckDefaults;
  return {
    path: o.path,
    intervalMs: numberAbove('healthCheck.intervalMs', o.intervalMs ?? d.intervalMs, 0, ' ms'),
    timeoutMs: numberAbove('healthCheck.timeoutMs', o.timeoutMs ?? d.timeoutMs, 0, ' ms'),
    healthyThreshold: integerAtLeast(
      'healthCheck.healthyThreshold',
      o.healthyThreshold ?? d.healthyThreshold,
      1,
    ),
    unhealthyThreshold: integerAtLeast(
      'healthCheck.unhealthyThreshold',
      o.unhealthyThreshold ?? d.unhealthyThreshold,
      1,
    ),
  };
}
