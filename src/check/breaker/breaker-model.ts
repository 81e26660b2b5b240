import type { ResolvedBreakerOptions } from '../../client/breaker/resolve-breaker-options.ts';
import type { BreakerState } from '../../client/client-types.ts';

/**
 * A deliberately simple model of the circuit breaker for model-based testing: it keeps a
 * plain list of every outcome of the current closed period and recomputes each strategy's
 * rule from it, where the real breaker uses ring buffers, queues and running counts.
 */
export interface BreakerModel {
  readonly options: ResolvedBreakerOptions;
  now: number;
  state: BreakerState;
  generation: number;
  reopenAt: number;
  probesInFlight: number;
  probeSuccesses: number;
  /** Outcomes recorded in the current closed period, oldest first. */
  outcomes: Array<{ at: number; failure: boolean; slow: boolean }>;
  /** Calls started and not yet finished (the real permits are held by the system). */
  held: ModelTicket[];
  /** Every transition the model expects the breaker to have emitted, in order. */
  expected: Array<{ from: BreakerState; to: BreakerState }>;
}

export interface ModelTicket {
  generation: number;
  probe: boolean;
}

export type ModelOutcome = 'success' | 'failure' | 'ignore';

export function createBreakerModel(options: ResolvedBreakerOptions): BreakerModel {
  return {
    options,
    now: 0,
    state: 'closed',
    generation: 0,
    reopenAt: 0,
    probesInFlight: 0,
    probeSuccesses: 0,
    outcomes: [],
    held: [],
    expected: [],
  };
}

function transition(m: BreakerModel, to: BreakerState): void {
  m.expected.push({ from: m.state, to });
  m.state = to;
  m.generation++;
  m.outcomes = [];
  m.probesInFlight = 0;
  m.probeSuccesses = 0;
  if (to === 'open') m.reopenAt = m.now + m.options.resetTimeoutMs;
}

/** Open -> half-open once the reset timeout has passed (the breaker does it when read). */
export function modelRefresh(m: BreakerModel): void {
  if (m.state === 'open' && m.now >= m.reopenAt) transition(m, 'half-open');
}

/** A ticket when the model admits a call, undefined when it short-circuits. */
export function modelAcquire(m: BreakerModel): ModelTicket | undefined {
  modelRefresh(m);
  if (m.state === 'closed') return { generation: m.generation, probe: false };
  if (m.state !== 'half-open' || m.probesInFlight >= m.options.halfOpenMaxCalls) return undefined;
  m.probesInFlight++;
  return { generation: m.generation, probe: true };
}

export function modelSettle(
  m: BreakerModel,
  t: ModelTicket,
  outcome: ModelOutcome,
  durationMs: number,
): void {
  if (t.generation !== m.generation) return; // stale: never changes anything
  const slow = durationMs >= m.options.slowCallDurationMs;
  if (m.state === 'closed') {
    if (outcome === 'ignore') return;
    m.outcomes.push({ at: m.now, failure: outcome === 'failure', slow });
    if (modelShouldOpen(m)) transition(m, 'open');
    return;
  }
  if (m.state !== 'half-open' || !t.probe) return;
  m.probesInFlight--;
  if (outcome === 'ignore') return;
  const failed = outcome === 'failure' || (m.options.strategy === 'slow-call-rate' && slow);
  if (failed) {
    transition(m, 'open');
    return;
  }
  m.probeSuccesses++;
  if (m.probeSuccesses >= m.options.halfOpenSuccesses) transition(m, 'closed');
}

/** Each strategy's rule, recomputed from the plain outcome list. */
export function modelShouldOpen(m: BreakerModel): boolean {
  const o = m.options;
  if (o.strategy === 'consecutive') {
    let run = 0;
    for (let i = m.outcomes.length - 1; i >= 0 && m.outcomes[i]!.failure; i--) run++;
    return run >= o.failureThreshold;
  }
  const window =
    o.strategy === 'count-window'
      ? m.outcomes.slice(-o.windowSize)
      : m.outcomes.filter((x) => x.at > m.now - o.windowMs);
  if (window.length < o.minimumCalls) return false;
  const failures = window.filter((x) => x.failure).length;
  if (o.strategy === 'slow-call-rate') {
    const slow = window.filter((x) => x.slow).length;
    if (slow / window.length >= o.slowCallRateThreshold) return true;
  }
  return failures / window.length >= o.failureRateThreshold;
}

export function modelIsolate(m: BreakerModel): void {
  if (m.state !== 'isolated') transition(m, 'isolated');
}

export function modelReset(m: BreakerModel): void {
  if (m.state === 'closed') {
    m.generation++;
    m.outcomes = [];
  } else {
    transition(m, 'closed');
  }
}
