import { FaultlineError } from './faultline-error.ts';

/**
 * The response could not be used: a malformed HTTP message, or a body that is not the
 * JSON it claims to be (thrown by `response.json()`).
 *
 * @example
 * try { res.json(); } catch (err) { if (err instanceof InvalidResponseError) ... }
 */
export class InvalidResponseError extends FaultlineError {
  readonly service: string;

  constructor(service: string, what: string, options?: { cause?: unknown }) {
    super(
      'FAULTLINE_INVALID_RESPONSE',
      `Failed to use the response of ${service}: ${what}. The service broke its contract; check it ` +
        'against its pact file.',
      options,
    );
    this.service = service;
  }
}
