import {
  CLIENT_DEFAULTS,
  HEALTH_CHECK_DEFAULTS,
  OUTLIER_DETECTION_DEFAULTS,
} from '../../config/options/client-defaults.ts';
import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import {
  absolutePath,
  integerAtLeast,
  numberAbove,
  numberAtLeast,
  numberIn,
  oneOf,
  plainObject,
  type Rules,
  resolveGroup,
} from '../_internals/validate.ts';
import type {
  ClientOptions,
  EndpointOptions,
  HealthCheckOptions,
  LoadBalancing,
  OutlierDetectionOptions,
} from '../client-types.ts';
import { splitBaseUrl } from '../split-base-url.ts';

/** Defaults of outlier detection (Envoy's, except maxEjectionPercent), declared in src/config/options/client-defaults.ts. */
export const outlierDetectionDefaults: Readonly<ResolvedOutlierDetectionOptions> = OUTLIER_DETECTION_DEFAULTS;

/** Defaults of active health checks, declared in src/config/options/client-defaults.ts. */
export const healthCheckDefaults: Readonly<Omit<ResolvedHealthCheckOptions, 'path'>> = HEALTH_CHECK_DEFAULTS;

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
    const weight = numberAbove(0)(`endpoints[${i}].weight`, e.weight ?? 1);
    return { url: e.url, origin, basePath, weight };
  });
}

const LOAD_BALANCING: readonly LoadBalancing[] = ['round-robin', 'least-outstanding', 'weighted'];

export function resolveLoadBalancing(value: unknown): LoadBalancing {
  return oneOf(LOAD_BALANCING)('loadBalancing', value ?? CLIENT_DEFAULTS.loadBalancing);
}

/** What each option accepts, checked in this order (the schemas' twins: option-agreement.test.ts). */
const OUTLIER_DETECTION_RULES: Rules<ResolvedOutlierDetectionOptions> = {
  baseEjectionMs: numberAbove(0, ' ms'),
  maxEjectionMs: numberAbove(0, ' ms'),
  maxEjectionPercent: numberIn(0, 100, 'a percentage in 0..100'),
  consecutiveFailures: integerAtLeast(1),
};

const HEALTH_CHECK_RULES: Rules<ResolvedHealthCheckOptions> = {
  path: absolutePath,
  intervalMs: numberAbove(0, ' ms'),
  timeoutMs: numberAbove(0, ' ms'),
  healthyThreshold: integerAtLeast(1),
  unhealthyThreshold: integerAtLeast(1),
};

/**
 * maxEjectionMs defaults to the larger of its default and baseEjectionMs, and must be at
 * least baseEjectionMs.
 *
 * @example
 * resolveOutlierDetectionOptions({ consecutiveFailures: 3 }).baseEjectionMs; // 30_000
 */
export function resolveOutlierDetectionOptions(o: OutlierDetectionOptions): ResolvedOutlierDetectionOptions {
  const d = outlierDetectionDefaults;
  const maxEjectionMs = Math.max(o?.baseEjectionMs ?? d.baseEjectionMs, d.maxEjectionMs);
  const resolved = resolveGroup('outlierDetection', o, OUTLIER_DETECTION_RULES, { ...d, maxEjectionMs });
  numberAtLeast(resolved.baseEjectionMs, ' ms')('outlierDetection.maxEjectionMs', resolved.maxEjectionMs);
  return resolved;
}

/**
 * @example
 * resolveHealthCheckOptions({ path: '/healthz' }).intervalMs; // 10_000
 */
export function resolveHealthCheckOptions(o: HealthCheckOptions): ResolvedHealthCheckOptions {
  return resolveGroup('healthCheck', o, HEALTH_CHECK_RULES, healthCheckDefaults);
}
