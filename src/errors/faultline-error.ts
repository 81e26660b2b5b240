import type { FaultlineErrorCode } from './error-codes.ts';

/**
 * The one base class of every error Faultline throws. Decisions look at `code`
 * (stable, documented in docs/errors.md), never at the message text.
 *
 * @example
 * if (err instanceof FaultlineError && err.code === 'FAULTLINE_BREAKER_OPEN') serveFallback();
 */
export class FaultlineError extends Error {
  /** Stable machine-readable code, `FAULTLINE_<WHAT>` (src/errors/error-codes.ts, docs/errors.md). */
  readonly code: FaultlineErrorCode;

  constructor(code: FaultlineErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/**
 * True when `err` is a FaultlineError, also across duplicate installs of this package
 * (two copies of the class are different constructors, so `instanceof` is not enough).
 */
export function isFaultlineError(err: unknown): err is FaultlineError {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as { code?: unknown }).code === 'string' &&
    (err as { code: string }).code.startsWith('FAULTLINE_')
  );
}
