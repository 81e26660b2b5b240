import { FaultlineError } from './faultline-error.ts';

/**
 * An option given to a constructor or factory is out of range or of the wrong type.
 * The message names the option, what was expected and what was received.
 *
 * @example
 * throw new InvalidOptionsError('retry.maxAttempts', 'an integer >= 1', 0);
 */
export class InvalidOptionsError extends FaultlineError {
  readonly field: string;
  readonly received: unknown;

  constructor(field: string, expected: string, received: unknown) {
    super('FAULTLINE_INVALID_OPTIONS', `${field}: expected ${expected}, got ${describe(received)}`);
    this.field = field;
    this.received = received;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
