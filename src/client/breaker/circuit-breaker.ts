import { type Event, EventEmitter } from '../../events/event.ts';
import type { Clock } from '../../time/clock.ts';
import type { BreakerOptions, BreakerState } from '../client-types.ts';
import {
  type CircuitState,
  initialCircuit,
  isDueForProbe,
  toClosed,
  toHalfOpen,
  toIsolated,
  toOpen,
} from './breaker-state.ts';
import { createTripStrategy } from './create-trip-strategy.ts';
import { type ResolvedBreakerOptions, resolveBreakerOptions } from './resolve-breaker-options.ts';
import type { TripStrategy } from './trip-strategy.ts';

export {
  breakerDefaults,
  type ResolvedBreakerOptions,
  resolveBreakerOptions,
} from './resolve-breaker-options.ts';

/** The right to make one call. Report exactly one result; later calls are no-ops. */
export interface BreakerPermit {
  /** `at`: the clock reading when the call ended, when the caller has it (saves a read). */
  success(durationMs: number, at?: number): void;
  failure(durationMs: number, at?: number): void;
  /** The call says nothing about the service (aborted by the caller...): frees the slot only. */
  ignore(): void;
}

export interface BreakerTransition {
  from: BreakerState;
  to: BreakerState;
  /** Clock reading, ms. */
  at: number;
  reason: string;
}

/**
 * A circuit breaker as a synchronous state machine on an injected clock (no timers: an
 * open circuit becomes half-open when someone next looks at it after the reset timeout).
 *
 * Rules:
 * - every permit remembers the generation it was issued in; the generation changes on
 *   every transition, so a result from an older circuit never changes the state;
 * - half-open admits at most `halfOpenMaxCalls` probes at a time, closes after
 *   `halfOpenSuccesses` successful probes, reopens on any failed probe;
 * - closing forgets every count; each transition is emitted exactly once.
 *
 * @example
 * const breaker = new CircuitBreaker({ failureThreshold: 3 }, clock);
 * const permit = breaker.tryAcquire();
 * if (!permit) throw new BreakerOpenError(...);
 * permit.failure(12);
 */
export class CircuitBreaker {
  readonly options: ResolvedBreakerOptions;
  private circuit: CircuitState = initialCircuit;
  private readonly strategy: TripStrategy;
  private readonly changes = new EventEmitter<BreakerTransition>();
  /** Every transition, emitted once, after the state changed. */
  readonly onStateChange: Event<BreakerTransition> = this.changes.event;

  constructor(
    options: BreakerOptions | undefined,
    private readonly clock: Clock,
  ) {
    this.options = resolveBreakerOptions(options);
    this.strategy = createTripStrategy(this.options);
  }

  /** The current state; reading it moves open -> half-open once the reset timeout passed. */
  get state(): BreakerState {
    this.refresh();
    return this.circuit.kind;
  }

  /** Generation of the current circuit (grows on every transition); for tests and metrics. */
  get generation(): number {
    return this.circuit.generation;
  }

  /** A permit to call, or undefined to short-circuit. */
  tryAcquire(): BreakerPermit | undefined {
    this.refresh();
    const c = this.circuit;
    if (c.kind === 'closed') return new Permit(this, c.generation, false);
    if (c.kind !== 'half-open') return undefined;
    if (c.probesInFlight >= this.options.halfOpenMaxCalls) return undefined;
    c.probesInFlight++;
    return new Permit(this, c.generation, true);
  }

  /** Time left before an open circuit admits probes (0 unless open; Infinity when isolated), ms. */
  remainingOpenMs(): number {
    this.refresh();
    const c = this.circuit;
    if (c.kind === 'open') return Math.max(0, c.reopenAt - this.clock.now());
    return c.kind === 'isolated' ? Number.POSITIVE_INFINITY : 0;
  }

  /** Holds the circuit open until reset(). */
  isolate(): void {
    if (this.circuit.kind !== 'isolated') this.transition(toIsolated(this.circuit), 'isolated');
  }

  /** Closes the circuit and forgets every count and every permit in flight. */
  reset(): void {
    if (this.circuit.kind === 'closed') {
      this.circuit = toClosed(this.circuit);
      this.strategy.reset();
    } else {
      this.transition(toClosed(this.circuit), 'reset');
    }
  }

  /** @internal called by Permit, exactly once per permit. */
  settle(
    generation: number,
    probe: boolean,
    outcome: 'success' | 'failure' | 'ignore',
    durationMs: number,
    at: number | undefined,
  ) {
    const c = this.circuit;
    if (generation !== c.generation) return;
    if (c.kind === 'closed') {
      if (outcome === 'ignore') return;
      const slow = durationMs >= this.options.slowCallDurationMs;
      const reason = this.strategy.record({ failure: outcome === 'failure', slow }, at ?? this.clock.now());
      if (reason !== undefined) this.open(reason);
      return;
    }
    if (c.kind !== 'half-open' || !probe) return;
    if (probe) c.probesInFlight = Math.max(0, c.probesInFlight - 1);
    if (outcome === 'ignore') return;
    const slow = durationMs >= this.options.slowCallDurationMs;
    if (this.strategy.probeFailed({ failure: outcome === 'failure', slow })) {
      this.open(`probe ${slow && outcome === 'success' ? 'was slow' : 'failed'}`);
      return;
    }
    c.probeSuccesses++;
    if (c.probeSuccesses >= this.options.halfOpenSuccesses) {
      this.transition(toClosed(c), `${c.probeSuccesses} probe(s) succeeded`);
    }
  }

  private open(reason: string): void {
    this.transition(toOpen(this.circuit, this.clock.now(), this.options.resetTimeoutMs), reason);
  }

  private refresh(): void {
    // Only an open circuit can be due: a closed one (the hot path) costs no clock read.
    if (this.circuit.kind === 'open' && isDueForProbe(this.circuit, this.clock.now())) {
      this.transition(toHalfOpen(this.circuit), 'reset timeout passed');
    }
  }

  private transition(next: CircuitState, reason: string): void {
    const from = this.circuit.kind;
    this.circuit = next;
    // Counts start from zero in every closed period (and are useless while not closed).
    this.strategy.reset();
    this.changes.emit({ from, to: next.kind, at: this.clock.now(), reason });
  }
}

class Permit implements BreakerPermit {
  private done = false;

  constructor(
    private readonly breaker: CircuitBreaker,
    private readonly generation: number,
    private readonly probe: boolean,
  ) {}

  success(durationMs: number, at?: number): void {
    this.finish('success', durationMs, at);
  }

  failure(durationMs: number, at?: number): void {
    this.finish('failure', durationMs, at);
  }

  ignore(): void {
    this.finish('ignore', 0, undefined);
  }

  private finish(
    outcome: 'success' | 'failure' | 'ignore',
    durationMs: number,
    at: number | undefined,
  ): void {
    if (this.done) return;
    this.done = true;
    this.breaker.settle(this.generation, this.probe, outcome, durationMs, at);
  }
}
