import type { BreakerPermit, BreakerTransition } from '../../client/breaker/circuit-breaker.ts';
import { CircuitBreaker } from '../../client/breaker/circuit-breaker.ts';
import type { BreakerOptions, BreakerState } from '../../client/client-types.ts';
import { ManualClock } from '../../time/manual-clock.ts';
import { invariant } from '../invariant-violation.ts';
import { type BreakerModel, modelRefresh } from './breaker-model.ts';

/** The real breaker under test, on a manual clock, with its emitted transitions recorded. */
export interface BreakerSystem {
  clock: ManualClock;
  breaker: CircuitBreaker;
  transitions: BreakerTransition[];
  /** Permits of calls in flight, parallel to the model's `held` tickets. */
  held: BreakerPermit[];
}

export function createBreakerSystem(options: BreakerOptions): BreakerSystem {
  const clock = new ManualClock();
  const breaker = new CircuitBreaker(options, clock);
  const transitions: BreakerTransition[] = [];
  breaker.onStateChange((t) => transitions.push(t));
  return { clock, breaker, transitions, held: [] };
}

/** Edges the breaker may take (reset() may close from any state, isolate() from any). */
const ALLOWED = new Set([
  'closed->open',
  'open->half-open',
  'half-open->closed',
  'half-open->open',
  'closed->isolated',
  'open->isolated',
  'half-open->isolated',
  'open->closed',
  'isolated->closed',
]);

/**
 * The invariants checked after every command:
 * - the state read from the breaker is the model's state;
 * - the emitted transitions are exactly the expected ones (each once, in order), every
 *   one an allowed edge, chained (`from` is the previous `to`), and open->closed or
 *   isolated->closed only through reset();
 * - time never moves backwards in the transition log.
 */
export function checkAgreement(m: BreakerModel, s: BreakerSystem, after: string): void {
  modelRefresh(m);
  const state: BreakerState = s.breaker.state;
  invariant(state === m.state, () => `after ${after}: breaker is ${state}, model expects ${m.state}`);
  const got = s.transitions.map((t) => `${t.from}->${t.to}`);
  const want = m.expected.map((t) => `${t.from}->${t.to}`);
  invariant(
    got.length === want.length && got.every((g, i) => g === want[i]),
    () => `after ${after}: transitions [${got.join(', ')}], model expects [${want.join(', ')}]`,
  );
  for (let i = 0; i < s.transitions.length; i++) {
    const t = s.transitions[i]!;
    const edge = `${t.from}->${t.to}`;
    invariant(ALLOWED.has(edge), () => `after ${after}: illegal transition ${edge}`);
    if (t.to === 'closed' && t.from !== 'half-open') {
      invariant(t.reason === 'reset', () => `after ${after}: ${edge} without reset() (${t.reason})`);
    }
    const prev = s.transitions[i - 1];
    if (prev !== undefined) {
      invariant(prev.to === t.from, () => `after ${after}: transition ${edge} does not follow ${prev.to}`);
      invariant(prev.at <= t.at, () => `after ${after}: transition ${edge} at ${t.at} before ${prev.at}`);
    }
  }
}
