import { FaultlineError } from '../errors/faultline-error.ts';

/**
 * A policy broke one of its invariants during a property run. fast-check catches it,
 * shrinks the input and reports the counterexample, seed and path.
 */
export class InvariantViolation extends FaultlineError {
  constructor(message: string) {
    super('FAULTLINE_INVARIANT_VIOLATED', message);
  }
}

/** Throws InvariantViolation with `message` unless `condition` holds. */
export function invariant(condition: boolean, message: string | (() => string)): asserts condition {
  if (!condition) throw new InvariantViolation(typeof message === 'string' ? message : message());
}
