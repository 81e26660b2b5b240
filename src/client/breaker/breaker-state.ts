import type { BreakerState } from '../client-types.ts';

/**
 * The circuit as a discriminated union. `generation` grows by one on every transition, so
 * a permit can tell whether the circuit it was issued in still exists.
 *
 * ```
 *            strategy says open                 resetTimeoutMs passed
 *   closed ─────────────────────▶ open ─────────────────────────────▶ half-open
 *     ▲                            ▲          any probe fails             │
 *     │                            └──────────────────────────────────────┤
 *     │               halfOpenSuccesses probes succeeded                  │
 *     └───────────────────────────────────────────────────────────────────┘
 *
 *   isolate(): any state -> isolated (left only by reset())
 *   reset():   any state -> closed
 * ```
 */
export type CircuitState =
  | { kind: 'closed'; generation: number }
  | { kind: 'open'; generation: number; openedAt: number; reopenAt: number }
  | { kind: 'half-open'; generation: number; probesInFlight: number; probeSuccesses: number }
  | { kind: 'isolated'; generation: number };

export const initialCircuit: CircuitState = Object.freeze({ kind: 'closed', generation: 0 });

/** The public name of a state. */
export function stateName(s: CircuitState): BreakerState {
  return s.kind;
}

export function toOpen(s: CircuitState, now: number, resetTimeoutMs: number): CircuitState {
  return { kind: 'open', generation: s.generation + 1, openedAt: now, reopenAt: now + resetTimeoutMs };
}

export function toHalfOpen(s: CircuitState): CircuitState {
  return { kind: 'half-open', generation: s.generation + 1, probesInFlight: 0, probeSuccesses: 0 };
}

export function toClosed(s: CircuitState): CircuitState {
  return { kind: 'closed', generation: s.generation + 1 };
}

export function toIsolated(s: CircuitState): CircuitState {
  return { kind: 'isolated', generation: s.generation + 1 };
}

/** True when an open circuit has waited its reset timeout and should admit probes. */
export function isDueForProbe(s: CircuitState, now: number): boolean {
  return s.kind === 'open' && now >= s.reopenAt;
}
