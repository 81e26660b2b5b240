import type fc from 'fast-check';
import { invariant } from '../invariant-violation.ts';
import { type BreakerModel, type ModelOutcome, modelAcquire, modelSettle } from './breaker-model.ts';
import { type BreakerSystem, checkAgreement } from './breaker-system.ts';

/** One step of a model-based run: applied to the model and the real breaker alike. */
export type BreakerCommand = fc.AsyncCommand<BreakerModel, BreakerSystem>;

/**
 * Starts a call on both sides. The real breaker must admit exactly when the model does:
 * this is where "no permit while open before the reset timeout" and "never more than
 * halfOpenMaxCalls probes" are enforced.
 */
export function startCall(m: BreakerModel, s: BreakerSystem, label: string) {
  const before = m.state;
  const ticket = modelAcquire(m);
  const permit = s.breaker.tryAcquire();
  invariant(
    (ticket === undefined) === (permit === undefined),
    () =>
      `${label}: breaker ${permit ? 'admitted' : 'short-circuited'} a call, model ${ticket ? 'admits' : 'short-circuits'} ` +
      `(model state ${before === m.state ? m.state : `${before} -> ${m.state}`}, probes in flight ${m.probesInFlight}/${m.options.halfOpenMaxCalls})`,
  );
  return ticket !== undefined && permit !== undefined ? { ticket, permit } : undefined;
}

/** Starts a call and finishes it at once with `outcome` after `durationMs`. */
export function callOnce(
  m: BreakerModel,
  s: BreakerSystem,
  outcome: ModelOutcome,
  durationMs: number,
  label: string,
): void {
  const call = startCall(m, s, label);
  if (call !== undefined) {
    modelSettle(m, call.ticket, outcome, durationMs);
    if (outcome === 'ignore') call.permit.ignore();
    else call.permit[outcome](durationMs);
  }
  checkAgreement(m, s, label);
}
