import { FaultlineError } from '../errors/faultline-error.ts';
import type { ServiceRequest } from './service-handler.ts';

/** A request field failed validation; the router turns it into 400 `invalid_request`. */
export class InvalidRequestError extends FaultlineError {
  readonly field: string;

  constructor(field: string, message: string) {
    super('FAULTLINE_SERVICE_INVALID_REQUEST', message);
    this.field = field;
  }

  /** `<field>: expected <expected>, got <received>`. */
  static expected(field: string, expected: string, received: unknown): InvalidRequestError {
    return new InvalidRequestError(field, `${field}: expected ${expected}, got ${describe(received)}`);
  }
}

/** Parses the body as JSON; an empty or malformed body is an InvalidRequestError on `body`. */
export function parseJsonBody(request: ServiceRequest): unknown {
  const text = new TextDecoder().decode(request.body);
  if (text.trim() === '')
    throw new InvalidRequestError('body', 'body: expected a JSON object, got an empty body');
  try {
    return JSON.parse(text);
  } catch {
    throw InvalidRequestError.expected(
      'body',
      'valid JSON',
      text.length > 40 ? `${text.slice(0, 40)}…` : text,
    );
  }
}

/** Narrows to a plain JSON object or throws naming `field`. */
export function expectObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw InvalidRequestError.expected(field, 'an object', value);
  }
  return value as Record<string, unknown>;
}

/** Narrows to a non-empty string or throws naming `field`. */
export function expectString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw InvalidRequestError.expected(field, 'a non-empty string', value);
  }
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
