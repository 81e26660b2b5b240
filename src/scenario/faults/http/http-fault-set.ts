import type { RequestHandler } from 'msw';
import type { Clock } from '../../../time/clock.ts';
import type { Random } from '../../../time/random.ts';
import { buildFaultHandlers } from './build-fault-handlers.ts';
import type { BodyEffect, HttpFaultSpec } from './http-fault-spec.ts';

/**
 * The HTTP faults in force right now. The runner applies a phase's faults with `apply`
 * (pushing `clear` on its undo stack) and the interceptor reads `handlers` per request, so
 * faults change between phases without rebuilding the client.
 *
 * @example
 * const faults = new HttpFaultSet({ clock, random: deriveRandom(seed, 'http-faults') });
 * const client = createClient({ ..., interceptors: [createHttpFaultInterceptor(faults)] });
 * faults.apply([{ status: 503, retryAfter: 1 }]);
 * undo.push('clear http faults', () => faults.clear());
 */
export class HttpFaultSet {
  private current: RequestHandler[] = [];
  /** Body effects decided by resolvers, taken by the interceptor (keyed by request id). */
  readonly bodyEffects = new Map<string, BodyEffect>();
  /** Hits per fault index of the faults in force (reset by apply/clear). */
  hits: number[] = [];
  readonly clock: Clock;
  private readonly random: Random;
  private readonly endpointOrigins: readonly string[];

  /** `endpointOrigins`: origin of each upstream instance, for faults with `endpoint: i`. */
  constructor(options: { clock: Clock; random: Random; endpointOrigins?: readonly string[] }) {
    this.clock = options.clock;
    this.random = options.random;
    this.endpointOrigins = options.endpointOrigins ?? [];
  }

  /** MSW handlers of the faults in force (empty: every request passes through). */
  get handlers(): readonly RequestHandler[] {
    return this.current;
  }

  /** Puts `faults` in force from now (their flap windows start now), replacing any others. */
  apply(faults: HttpFaultSpec[]): void {
    this.hits = faults.map(() => 0);
    this.current = buildFaultHandlers(faults, {
      clock: this.clock,
      random: this.random,
      appliedAt: this.clock.now(),
      bodyEffects: this.bodyEffects,
      endpointOrigins: this.endpointOrigins,
      onHit: (i) => {
        this.hits[i] = (this.hits[i] ?? 0) + 1;
      },
    });
  }

  /** Removes every fault: requests pass through untouched. */
  clear(): void {
    this.current = [];
    this.hits = [];
    this.bodyEffects.clear();
  }
}
