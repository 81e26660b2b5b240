import { FaultlineError } from './faultline-error.ts';

/**
 * The response body (announced by Content-Length or counted while streaming) exceeded
 * `maxResponseBytes`; the stream was aborted at that point.
 *
 * @example
 * if (err instanceof BodyTooLargeError) console.log(err.limitBytes, err.receivedBytes);
 */
export class BodyTooLargeError extends FaultlineError {
  readonly service: string;
  readonly limitBytes: number;
  /** Bytes announced or received when the limit was crossed. */
  readonly receivedBytes: number;

  constructor(service: string, limitBytes: number, receivedBytes: number) {
    super(
      'FAULTLINE_BODY_TOO_LARGE',
      `Failed to read the response of ${service}: expected at most maxResponseBytes=${limitBytes} bytes, ` +
        `got ${receivedBytes}. Raise \`maxResponseBytes\` or ask for a smaller page.`,
    );
    this.service = service;
    this.limitBytes = limitBytes;
    this.receivedBytes = receivedBytes;
  }
}
