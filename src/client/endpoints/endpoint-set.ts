import type { Clock } from '../../time/clock.ts';
import type { EndpointHealth, HealthStatus, LoadBalancing } from '../client-types.ts';
import { type Balancer, type BalancerView, createBalancer } from './balancer.ts';
import { HealthCheckState } from './health-check-state.ts';
import { type EndpointOutcome, OutlierDetector } from './outlier-detector.ts';
import type {
  ResolvedEndpoint,
  ResolvedHealthCheckOptions,
  ResolvedOutlierDetectionOptions,
} from './resolve-endpoint-options.ts';

export interface EndpointSetOptions {
  loadBalancing: LoadBalancing;
  outlierDetection?: ResolvedOutlierDetectionOptions;
  healthCheck?: Pick<ResolvedHealthCheckOptions, 'healthyThreshold' | 'unhealthyThreshold'>;
}

/**
 * The endpoints of one service: which are in rotation and which one serves the next attempt.
 * Synchronous and clock-driven; the client calls `acquire()` before an attempt and
 * `release()` with its outcome after, and the health prober calls `recordProbe()`.
 *
 * An endpoint is in rotation when outlier detection has not ejected it and active health
 * checks have not failed it. When none is in rotation the set "panics" as Envoy does and
 * spreads calls over the endpoints that are not ejected (or over all of them): sending to a
 * possibly-bad endpoint beats failing every call locally.
 *
 * @example
 * const set = new EndpointSet(resolveEndpoints([{ url: a }, { url: b }]), { loadBalancing: 'round-robin' }, clock);
 * const i = set.acquire();
 * set.release(i, status >= 500 ? 'failure' : 'success');
 */
export class EndpointSet implements BalancerView {
  private readonly balancer: Balancer;
  private readonly inFlight: Uint32Array;
  private readonly outlier: OutlierDetector | undefined;
  private readonly checks: HealthCheckState | undefined;
  private readonly scratch: number[] = [];
  /** The last clock reading taken; no ejection is on at it once `activeUntil` is behind it. */
  private lastNow = Number.NEGATIVE_INFINITY;

  constructor(
    readonly endpoints: readonly ResolvedEndpoint[],
    options: EndpointSetOptions,
    private readonly clock: Pick<Clock, 'now'>,
  ) {
    const n = endpoints.length;
    this.balancer = createBalancer(options.loadBalancing, n);
    this.inFlight = new Uint32Array(n);
    this.outlier = options.outlierDetection && new OutlierDetector(options.outlierDetection, n);
    this.checks = options.healthCheck && new HealthCheckState(options.healthCheck, n);
  }

  outstanding(i: number): number {
    return this.inFlight[i]!;
  }

  weight(i: number): number {
    return this.endpoints[i]!.weight;
  }

  /** True when endpoint `i` takes traffic in normal (not panic) mode. */
  inRotation(i: number, now = this.clock.now()): boolean {
    return !(this.outlier?.isEjected(i, now) ?? false) && (this.checks?.isHealthy(i) ?? true);
  }

  /** Chooses the endpoint of the next attempt and counts it as in flight. */
  acquire(): number {
    const now = this.ejectionMayBeOn() ? this.readClock() : this.lastNow;
    const candidates = this.scratch;
    candidates.length = 0;
    const n = this.endpoints.length;
    for (let i = 0; i < n; i++) if (this.inRotation(i, now)) candidates.push(i);
    if (candidates.length === 0) {
      for (let i = 0; i < n; i++) if (!(this.outlier?.isEjected(i, now) ?? false)) candidates.push(i);
    }
    if (candidates.length === 0) for (let i = 0; i < n; i++) candidates.push(i);
    const chosen = candidates.length === 1 ? candidates[0]! : this.balancer.pick(candidates, this);
    this.inFlight[chosen]!++;
    return chosen;
  }

  /** Ends an attempt on endpoint `i`; returns true when the outcome ejected it. */
  release(i: number, outcome: EndpointOutcome): boolean {
    if (this.inFlight[i]! > 0) this.inFlight[i]!--;
    const outlier = this.outlier;
    if (outlier === undefined) return false;
    // A failure may eject (it needs the time); anything else needs it only during an ejection.
    const now = outcome === 'failure' || this.ejectionMayBeOn() ? this.readClock() : this.lastNow;
    return outlier.record(i, outcome, now);
  }

  /**
   * Why: outside an ejection (nearly always) the outlier checks hold at any reading after
   * the last ejection's end, so a stale reading serves and the clock is not read twice more
   * per attempt.
   */
  private ejectionMayBeOn(): boolean {
    return this.outlier !== undefined && this.outlier.activeUntil > this.lastNow;
  }

  private readClock(): number {
    this.lastNow = this.clock.now();
    return this.lastNow;
  }

  /** Records an active health check of endpoint `i`; returns true when its verdict changed. */
  recordProbe(i: number, passed: boolean): boolean {
    return this.checks?.record(i, passed) ?? false;
  }

  /** Each endpoint's health and the set's overall status. */
  health(): { status: HealthStatus; endpoints: EndpointHealth[] } {
    const now = this.clock.now();
    let inRotation = 0;
    const endpoints = this.endpoints.map((e, i): EndpointHealth => {
      const ejected = this.outlier?.isEjected(i, now) ?? false;
      const healthy = this.checks?.isHealthy(i) ?? true;
      if (!ejected && healthy) inRotation++;
      const h: EndpointHealth = {
        url: e.url,
        status: ejected ? 'ejected' : healthy ? 'healthy' : 'unhealthy',
        outstanding: this.inFlight[i]!,
        consecutiveFailures: this.outlier?.consecutiveFailures(i) ?? 0,
        timesEjected: this.outlier?.timesEjected(i) ?? 0,
      };
      if (ejected) h.ejectedUntil = this.outlier!.ejectedUntil(i);
      return h;
    });
    const status: HealthStatus =
      inRotation === endpoints.length ? 'healthy' : inRotation === 0 ? 'unhealthy' : 'degraded';
    return { status, endpoints };
  }
}
