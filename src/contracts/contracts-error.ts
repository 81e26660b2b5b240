import { FaultlineError } from '../errors/faultline-error.ts';

/**
 * Contract verification could not run: no pact files, an unreadable pact, a bad flag.
 * Codes: `FAULTLINE_CONTRACTS_NOT_FOUND` (no pacts) and `FAULTLINE_CONTRACTS_INVALID`
 * (bad input), `FAULTLINE_CONTRACTS_UNSUPPORTED` (a pact Faultline cannot verify yet,
 * such as a message pact). A contract that runs and fails is a result, not this error.
 */
export class ContractsError extends FaultlineError {
  constructor(
    code: 'FAULTLINE_CONTRACTS_NOT_FOUND' | 'FAULTLINE_CONTRACTS_INVALID' | 'FAULTLINE_CONTRACTS_UNSUPPORTED',
    message: string,
    cause?: unknown,
  ) {
    super(code, message, cause === undefined ? undefined : { cause });
  }
}
