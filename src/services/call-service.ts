import type { z } from 'zod';
import type { ClientResponse, RequestOptions, ResilientClient } from '../client/client-types.ts';
import { isFaultlineError } from '../errors/faultline-error.ts';
import { MalformedResponseError } from './malformed-response-error.ts';
import { ServiceRejectedError } from './service-rejected-error.ts';
import { ServiceUnavailableError } from './service-unavailable-error.ts';

/**
 * How one adapter call ended, reduced to the three cases every adapter decides on:
 * - `ok`: a 2xx whose body matched the schema, served by the service itself;
 * - `rejected`: a 4xx that retrying cannot fix (not 408/425/429): the caller's request is wrong;
 * - `unavailable`: anything that says "the service cannot answer now": a thrown client error
 *   (timeout, network, breaker open, deadline, retryable status after retries), a 5xx/408/425/429
 *   that resolved, a response served by the client's fallback, or a malformed success body.
 */
export type ServiceCallResult<T> =
  | { kind: 'ok'; status: number; value: T; response: ClientResponse }
  | { kind: 'rejected'; status: number; error: ServiceRejectedError }
  | { kind: 'unavailable'; code: string; status: number | undefined; error: ServiceUnavailableError };

/** Statuses that mean "try later", never "your request is wrong" (the client retries them too). */
const TRANSIENT_4XX = new Set([408, 425, 429]);

/**
 * Sends one request through the resilient client and classifies the outcome. Never throws.
 *
 * @example
 * const r = await callService(client, 'search', 'search documents', { path: '/v1/search' }, schema);
 * if (r.kind === 'ok') use(r.value);
 */
export async function callService<S extends z.ZodType>(
  client: ResilientClient,
  service: string,
  operation: string,
  request: RequestOptions,
  schema: S,
): Promise<ServiceCallResult<z.output<S>>> {
  let response: ClientResponse;
  try {
    response = await client.request(request);
  } catch (error) {
    const status = statusOf(error);
    if (status !== undefined && status >= 400 && status < 500 && !TRANSIENT_4XX.has(status)) {
      // Defensive: the reference client never throws a non-retryable 4xx, but another
      // ResilientClient implementation may; an HttpStatusError keeps the response body.
      const { code, message } = readServiceError((error as { response?: { body?: unknown } }).response?.body);
      return {
        kind: 'rejected',
        status,
        error: new ServiceRejectedError(service, operation, status, code, message),
      };
    }
    return unavailable(service, operation, codeOf(error), status, error);
  }
  // Why: a fallback answer (default value, cached entry, alternate origin) is the client
  // covering for an outage; adapters have their own fail-safe rules and must not mistake it
  // for the service's answer (auth must never accept a default "valid" body).
  if (response.outcome.fallback !== undefined) {
    const code = response.outcome.lastErrorCode ?? 'FAULTLINE_FALLBACK';
    return unavailable(service, operation, code, undefined, undefined);
  }
  const { status } = response;
  if (status >= 500 || TRANSIENT_4XX.has(status)) {
    return unavailable(service, operation, 'FAULTLINE_HTTP_STATUS', status, undefined);
  }
  if (status >= 400) {
    const { code, message } = readServiceError(response.body);
    return {
      kind: 'rejected',
      status,
      error: new ServiceRejectedError(service, operation, status, code, message),
    };
  }
  if (status < 200 || status >= 300) {
    const error = new MalformedResponseError(service, operation, 'status', `a 2xx status, got ${status}`);
    return unavailable(service, operation, error.code, status, error);
  }
  let body: unknown;
  try {
    body = response.json();
  } catch (cause) {
    const error = new MalformedResponseError(service, operation, 'body', 'JSON', cause);
    return unavailable(service, operation, error.code, status, error);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
    const error = new MalformedResponseError(service, operation, field, issue?.message ?? 'a valid body');
    return unavailable(service, operation, error.code, status, error);
  }
  return { kind: 'ok', status, value: parsed.data, response };
}

function unavailable(
  service: string,
  operation: string,
  code: string,
  status: number | undefined,
  cause: unknown,
): ServiceCallResult<never> {
  const error = new ServiceUnavailableError(service, operation, code, status, cause);
  return { kind: 'unavailable', code, status, error };
}

/** The stable code of a thrown error; unknown throwables become FAULTLINE_UNKNOWN. */
export function codeOf(error: unknown): string {
  return isFaultlineError(error) ? error.code : 'FAULTLINE_UNKNOWN';
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Reads `{"error":{"code","message"}}`, the error shape of every reference service. */
function readServiceError(body: unknown): { code: string | undefined; message: string } {
  if (!(body instanceof Uint8Array)) return { code: undefined, message: '' };
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as {
      error?: { code?: unknown; message?: unknown };
    };
    const code = typeof parsed?.error?.code === 'string' ? parsed.error.code : undefined;
    const message = typeof parsed?.error?.message === 'string' ? parsed.error.message : '';
    return { code, message };
  } catch {
    return { code: undefined, message: '' };
  }
}
