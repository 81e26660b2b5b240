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

  /** `action`: what failed, for a message that starts "Failed to <action>: " (e.g. `apply faults`). */
  constructor(field: string, expected: string, received: unknown, options?: { action?: string }) {
    const prefix = options?.action === undefined ? '' : `Failed to ${options.action}: `;
    super('FAULTLINE_INVALID_OPTIONS', `${prefix}${field}: expected ${expected}, got ${describe(received)}`);
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
