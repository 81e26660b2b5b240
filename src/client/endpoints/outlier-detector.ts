import type { ResolvedOutlierDetectionOptions } from './resolve-endpoint-options.ts';

/** What one finished attempt says about the endpoint that served it. */
export type EndpointOutcome = 'success' | 'failure' | 'ignore';

/**
 * Consecutive-failure outlier ejection over `count` endpoints, a pure state machine on the
 * clock readings it is given (Envoy's `consecutive_5xx` with its ejection rules):
 *
 * - a success resets the endpoint's run of failures; `consecutiveFailures` in a row eject it;
 * - the n-th ejection lasts `min(baseEjectionMs x n, maxEjectionMs)`; it ends by itself when
 *   the time has passed (no timer: `isEjected(i, now)` compares readings);
 * - an ejection that would take more than `maxEjectionPercent` of the endpoints out is not
 *   made; the run of failures is kept, so the next failure tries again;
 * - outcomes of attempts that were in flight when the endpoint was ejected are ignored;
 * - an endpoint that stayed in rotation for `maxEjectionMs` since its last ejection ended
 *   starts counting ejections from zero again (Envoy decays the multiplier likewise).
 */
export class OutlierDetector {
  private readonly failures: Uint32Array;
  private readonly times: Uint32Array;
  private readonly until: Float64Array;
  /** The latest end of any ejection so far (-Infinity before the first): none is on after it. */
  activeUntil = Number.NEGATIVE_INFINITY;

  constructor(
    readonly options: ResolvedOutlierDetectionOptions,
    readonly count: number,
  ) {
    this.failures = new Uint32Array(count);
    this.times = new Uint32Array(count);
    this.until = new Float64Array(count).fill(Number.NEGATIVE_INFINITY);
  }

  isEjected(i: number, now: number): boolean {
    return this.until[i]! > now;
  }

  ejectedCount(now: number): number {
    let n = 0;
    for (let i = 0; i < this.count; i++) if (this.until[i]! > now) n++;
    return n;
  }

  /** Records an outcome; returns true when it ejected the endpoint. */
  record(i: number, outcome: EndpointOutcome, now: number): boolean {
    if (outcome === 'ignore' || this.isEjected(i, now)) return false;
    if (outcome === 'success') {
      this.failures[i] = 0;
      return false;
    }
    const failures = this.failures[i]! + 1;
    this.failures[i] = failures;
    if (failures < this.options.consecutiveFailures) return false;
    if ((this.ejectedCount(now) + 1) * 100 > this.options.maxEjectionPercent * this.count) return false;
    const o = this.options;
    // Decay: a long healthy stretch since the last ejection ended forgets the earlier ones.
    if (this.until[i]! !== Number.NEGATIVE_INFINITY && now - this.until[i]! >= o.maxEjectionMs)
      this.times[i] = 0;
    const times = this.times[i]! + 1;
    this.times[i] = times;
    this.failures[i] = 0;
    this.until[i] = now + Math.min(o.baseEjectionMs * times, o.maxEjectionMs);
    if (this.until[i]! > this.activeUntil) this.activeUntil = this.until[i]!;
    return true;
  }

  consecutiveFailures(i: number): number {
    return this.failures[i]!;
  }

  timesEjected(i: number): number {
    return this.times[i]!;
  }

  /** Clock reading when the endpoint's ejection ends (in the past when it is not ejected). */
  ejectedUntil(i: number): number {
    return this.until[i]!;
  }
}
