import { FaultlineError } from './faultline-error.ts';

/**
 * The transport failed: connection refused or reset, socket closed mid-response, DNS, TLS.
 * `socketCode` is the underlying code (`ECONNRESET`, `ECONNREFUSED`, `UND_ERR_SOCKET`, ...).
 *
 * @example
 * if (err instanceof NetworkError && err.socketCode === 'ECONNREFUSED') startService();
 */
export class NetworkError extends FaultlineError {
  readonly service: string;
  readonly socketCode: string;

  constructor(service: string, socketCode: string, options?: { cause?: unknown }) {
    const why = (options?.cause as { message?: unknown } | undefined)?.message;
    super(
      'FAULTLINE_NETWORK',
      `Failed to call ${service}: network error ${socketCode}` +
        (typeof why === 'string' && why !== '' ? ` (${why})` : '') +
        '. Check that the service is up and reachable at its baseUrl.',
      options,
    );
    this.service = service;
    this.socketCode = socketCode;
  }
}
