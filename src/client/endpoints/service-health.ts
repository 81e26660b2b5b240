import type { BreakerState, EndpointHealth, HealthStatus, ServiceHealth } from '../client-types.ts';

/**
 * The service's overall health from its endpoints and its breaker: `unhealthy` when no
 * endpoint is in rotation or the breaker refuses calls (open or isolated), `degraded` when
 * some endpoints are out or the breaker is probing (half-open), `healthy` otherwise.
 *
 * @example
 * serviceHealth('search', 'closed', { status: 'degraded', endpoints }).status; // 'degraded'
 */
export function serviceHealth(
  service: string,
  breakerState: BreakerState,
  set: { status: HealthStatus; endpoints: EndpointHealth[] },
): ServiceHealth {
  let status = set.status;
  if (breakerState === 'open' || breakerState === 'isolated') status = 'unhealthy';
  else if (breakerState === 'half-open' && status === 'healthy') status = 'degraded';
  return { service, status, breakerState, endpoints: set.endpoints };
}

/** Health of a client with a single origin: its breaker decides. */
export function singleOriginHealth(
  service: string,
  breakerState: BreakerState,
  baseUrl: string,
  inFlight: number,
): ServiceHealth {
  return serviceHealth(service, breakerState, {
    status: 'healthy',
    endpoints: [
      { url: baseUrl, status: 'healthy', outstanding: inFlight, consecutiveFailures: 0, timesEjected: 0 },
    ],
  });
}
