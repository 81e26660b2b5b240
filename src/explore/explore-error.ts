import { FaultlineError } from '../errors/faultline-error.ts';

/** Bad explore input (registry entry, pact, option) or a baseline that did not pass. */
export class ExploreError extends FaultlineError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('FAULTLINE_EXPLORE_INVALID', message, options);
  }
}
