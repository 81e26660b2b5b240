import { FaultlineError } from '../../errors/faultline-error.ts';

/**
 * An error the admin API answers with `{"error": message, "status": status}`. The
 * message is Toxiproxy's, word for word, because clients and tests compare it.
 */
export class ProxyApiError extends FaultlineError {
  readonly status: number;

  constructor(message: string, status: number, options?: { cause?: unknown }) {
    super('FAULTLINE_PROXY_API_ERROR', message, options);
    this.status = status;
  }
}

/** A proxy could not bind its listen address (answered as 500, like Toxiproxy). */
export class ProxyListenError extends FaultlineError {
  constructor(message: string, cause?: unknown) {
    super('FAULTLINE_PROXY_LISTEN_FAILED', message, { cause });
  }
}

/** Toxiproxy's sentinel errors (and two of ours, marked): message and HTTP status. */
export const apiErrors = {
  badRequestBody: { message: 'bad request body', status: 400 },
  missingField: { message: 'missing required field', status: 400 },
  proxyNotFound: { message: 'proxy not found', status: 404 },
  proxyAlreadyExists: { message: 'proxy already exists', status: 409 },
  invalidStream: { message: 'stream was invalid, can be either upstream or downstream', status: 400 },
  invalidToxicType: { message: 'invalid toxic type', status: 400 },
  toxicAlreadyExists: { message: 'toxic already exists', status: 409 },
  toxicNotFound: { message: 'toxic not found', status: 404 },
  // Faultline's own (Toxiproxy has no limit and accepts any name):
  invalidName: { message: 'invalid name', status: 400 },
  bodyTooLarge: { message: 'request body too large', status: 413 },
} as const;

export type ApiErrorName = keyof typeof apiErrors;

/** The sentinel `name` as a throwable error, with `detail` joined as Toxiproxy does (`msg: detail`). */
export function apiError(name: ApiErrorName, detail?: string): ProxyApiError {
  const sentinel = apiErrors[name];
  const message = detail === undefined ? sentinel.message : `${sentinel.message}: ${detail}`;
  return new ProxyApiError(message, sentinel.status);
}

/** The one mapper from anything thrown to the `{error, status}` the API answers with. */
export function toApiErrorBody(err: unknown): { error: string; status: number } {
  if (err instanceof ProxyApiError) return { error: err.message, status: err.status };
  if (err instanceof Error) return { error: err.message, status: 500 };
  return { error: String(err), status: 500 };
}
