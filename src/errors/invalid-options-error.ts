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

  constructor(field: string, expected: string, received: unknown, detail?: string) {
    super(
      'FAULTLINE_INVALID_OPTIONS',
      `${field}: ${detail ?? `expected ${expected}, got ${describe(received)}`}`,
    );
    this.field = field;
    this.received = received;
  }

  /**
   * From an already worded issue of the option schema ("expected a rate in (0, 1], got 0",
   * `unknown key "retries" (did you mean "retry"?)`), the same words the YAML loader prints.
   */
  static withMessage(field: string, detail: string, received: unknown): InvalidOptionsError {
    return new InvalidOptionsError(field, '', received, detail);
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
