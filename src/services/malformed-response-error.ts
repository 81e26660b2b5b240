import { FaultlineError } from '../errors/faultline-error.ts';

/**
 * A service answered a success status with a body the adapter cannot trust (not JSON, or a
 * field missing or of the wrong type). Adapters treat it like an outage: never as success.
 */
export class MalformedResponseError extends FaultlineError {
  readonly service: string;
  /** Dotted path of the first offending field, or `body` when the body is not JSON. */
  readonly field: string;

  constructor(service: string, operation: string, field: string, expected: string, cause?: unknown) {
    super(
      'FAULTLINE_MALFORMED_RESPONSE',
      `Failed to ${operation}: ${service} answered a malformed body, ${field}: expected ${expected}. ` +
        `Check that the service implements the contract in contracts/faultline-${service}-service.json.`,
      { cause },
    );
    this.service = service;
    this.field = field;
  }
}
