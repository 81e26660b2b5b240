import { FaultlineError } from './faultline-error.ts';

/**
 * The caller's `signal` aborted the call (or the client was closed). Not retried, not
 * counted against the breaker, no fallback served.
 *
 * @example
 * if (err instanceof AbortedError) return; // we cancelled it ourselves
 */
export class AbortedError extends FaultlineError {
  readonly service: string;

  constructor(service: string, options?: { cause?: unknown }) {
    super(
      'FAULTLINE_ABORTED',
      `Call to ${service} aborted by the caller's signal or by client.close(). ` +
        'Nothing to fix unless the abort was unexpected.',
      options,
    );
    this.service = service;
  }
}
