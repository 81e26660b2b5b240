import { FaultlineError } from '../errors/faultline-error.ts';

/**
 * A service answered a 4xx that retrying cannot fix (400 invalid_request, 404, 422...):
 * the request itself is wrong, so an adapter reports it instead of degrading or queueing.
 *
 * @example
 * if (err instanceof ServiceRejectedError && err.status === 400) fixTheRequest(err.serviceCode);
 */
export class ServiceRejectedError extends FaultlineError {
  /** Registry name of the service, e.g. `search`. */
  readonly service: string;
  readonly status: number;
  /** The `error.code` of the service's error body when it had one, e.g. `invalid_request`. */
  readonly serviceCode: string | undefined;

  constructor(
    service: string,
    operation: string,
    status: number,
    serviceCode: string | undefined,
    detail: string,
  ) {
    super(
      'FAULTLINE_SERVICE_REJECTED',
      `Failed to ${operation}: ${service} answered ${status}${serviceCode ? ` ${serviceCode}` : ''}` +
        `${detail ? ` (${detail})` : ''}. The request is invalid for the ${service} API; see docs/services.md.`,
    );
    this.service = service;
    this.status = status;
    this.serviceCode = serviceCode;
  }
}
