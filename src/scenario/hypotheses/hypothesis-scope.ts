import type { BreakerState } from '../../client/client-types.ts';
import type { RunEvent, ScenarioStartEvent } from '../../report/run-events.ts';

/**
 * What every hypothesis needs to know besides its own counters: whether an event falls in
 * its phase, when that phase started and ended, and what state the breaker was in at a
 * given time. It folds the scenario's event stream once; memory is O(breaker transitions).
 *
 * Breaker transitions are kept because an attempt is logged when it finishes (with `t` =
 * when it started), possibly after later transitions: its state is that of the last
 * transition at or before its start. Transitions are written as they happen, so every
 * transition before an attempt's start has been seen by the time the attempt is.
 */
export class HypothesisScope {
  /** Time the scope started: its phase's start, or 0 for the whole run. */
  startT: number | undefined;
  /** Time the scope ended, once it has. */
  endT: number | undefined;
  /** Breaker state when the scope started. */
  stateAtStart: BreakerState = 'closed';
  private transitions: Array<{ t: number; to: BreakerState }> = [];

  constructor(
    readonly scenario: ScenarioStartEvent,
    /** The phase, or undefined for the whole run. */
    readonly phase: string | undefined,
  ) {
    if (phase === undefined) this.startT = 0;
  }

  /** Label used in descriptions: the phase name or "whole run". */
  get label(): string {
    return this.phase ?? 'whole run';
  }

  /** Breaker state right now (after the last transition seen). */
  get state(): BreakerState {
    return this.transitions.at(-1)?.to ?? 'closed';
  }

  /** Whether the run recorded the wire (scenario-start `wire`): wire-based kinds need it. */
  get hasWireLog(): boolean {
    return this.scenario.wire !== undefined;
  }

  /** Planned duration of the scope's phase, ms (undefined for the whole run). */
  get plannedMs(): number | undefined {
    return this.scenario.phases.find((p) => p.name === this.phase)?.durationMs;
  }

  /**
   * Updates timing and breaker state from `event`; returns true when the event is a call,
   * attempt, breaker or wire record inside the scope (the ones kinds fold).
   */
  track(event: RunEvent): boolean {
    if ('scenario' in event && event.scenario !== this.scenario.scenario) return false;
    switch (event.type) {
      case 'phase-start':
        if (event.phase === this.phase) {
          this.startT = event.t;
          this.stateAtStart = this.state;
        }
        return false;
      case 'phase-end':
        if (event.phase === this.phase) this.endT = event.t;
        return false;
      case 'scenario-end':
        this.endT ??= event.t;
        return false;
      case 'breaker':
        this.transitions.push({ t: event.t, to: event.to });
        return this.inPhase(event.phase);
      case 'call':
      case 'attempt':
        return this.inPhase(event.phase);
      case 'wire':
        // Every wire record of the scenario reaches the kinds: per-call kinds follow a call
        // across phases (a retry that lands in the next phase); the others use contains().
        return true;
      default:
        return false;
    }
  }

  /** Whether a record belongs to the scope (its phase, or any phase for the whole run). */
  contains(event: { phase: string }): boolean {
    return this.inPhase(event.phase);
  }

  /** Breaker state at time `t`: that of the last transition at or before `t`. */
  stateAt(t: number): BreakerState {
    for (let i = this.transitions.length - 1; i >= 0; i--) {
      const transition = this.transitions[i]!;
      if (transition.t <= t) return transition.to;
    }
    return 'closed';
  }

  private inPhase(phase: string): boolean {
    return this.phase === undefined || phase === this.phase;
  }
}
