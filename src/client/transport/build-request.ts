import type { HttpMethod, RequestOptions } from '../client-types.ts';
import { createUuidSequence } from './uuid-sequence.ts';

/** Fresh X-Request-ID values of this process (UUID-shaped; uuid-sequence.ts). */
const nextRequestId = createUuidSequence();

/** A call's request, built once and reused by every attempt. */
export interface PreparedRequest {
  method: HttpMethod;
  /** Path with the baseUrl prefix and the encoded query string. */
  path: string;
  /** Lower-cased header names. Includes x-request-id and idempotency-key when set. */
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  /** Stable across the attempts of one call. */
  requestId: string;
  idempotencyKey: string | undefined;
  /** Default key for the last-good cache: method, path and query. */
  cacheKey: string;
  /** The call's own values of headers the static credentials replaced (rare; else undefined). */
  shadowed: Record<string, string> | undefined;
  /** Set by `client.stream()` only (AttemptRequest.stream). */
  stream?: ReadonlySet<number> | undefined;
}

/** The parts of the client options a request is built from. */
export interface RequestDefaults {
  /** Path prefix of the baseUrl without a trailing slash ('' for none). */
  basePath: string;
  /** Default headers, lower-cased names. */
  headers: Record<string, string>;
  /**
   * Static credentials (API key, bearer, basic), lower-cased names, set over the call's
   * headers: merged here, once per call, they cost no copy per attempt.
   */
  credentials?: Readonly<Record<string, string>> | undefined;
}

/**
 * Builds the wire request of a call: path prefix + query, lower-cased headers (call headers
 * override defaults), a JSON or raw body, `X-Request-ID` (the caller's, or a fresh UUID) and
 * `Idempotency-Key`.
 *
 * @example
 * buildRequest({ basePath: '', headers: {} }, { path: '/v1/x', query: { q: 'a b' } }).path; // '/v1/x?q=a%20b'
 */
export function buildRequest(defaults: RequestDefaults, options: RequestOptions): PreparedRequest {
  const method = options.method ?? 'GET';
  let path = options.path.charCodeAt(0) === 47 /* '/' */ ? options.path : `/${options.path}`;
  if (defaults.basePath !== '') path = defaults.basePath + path;
  if (options.query !== undefined) path += encodeQuery(options.query, path.includes('?'));

  const headers: Record<string, string> = { ...defaults.headers };
  if (options.headers !== undefined) {
    for (const name in options.headers) headers[name.toLowerCase()] = options.headers[name]!;
  }
  let body: string | Uint8Array | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  } else {
    body = options.body;
  }
  const requestId = headers['x-request-id'] ?? nextRequestId();
  headers['x-request-id'] = requestId;
  const idempotencyKey = options.idempotencyKey ?? headers['idempotency-key'];
  if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
  let shadowed: Record<string, string> | undefined;
  const credentials = defaults.credentials;
  if (credentials !== undefined) {
    for (const name in credentials) {
      const own = headers[name];
      if (own !== undefined) {
        shadowed ??= {};
        shadowed[name] = own;
      }
      headers[name] = credentials[name]!;
    }
  }
  return {
    method,
    path,
    headers,
    body,
    requestId,
    idempotencyKey,
    cacheKey: `${method} ${path}`,
    shadowed,
  };
}

/**
 * The call's headers as they were before `credentials` were set over them: what a request
 * to another trust domain (the alternate fallback origin) gets.
 */
export function headersWithoutCredentials(
  request: PreparedRequest,
  credentials: Readonly<Record<string, string>>,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name in request.headers) if (!(name in credentials)) headers[name] = request.headers[name]!;
  return request.shadowed === undefined ? headers : Object.assign(headers, request.shadowed);
}

/**
 * Headers of attempt `attempt` (1-based): the call's own for the first, plus
 * `x-retry-attempt: <n - 1>` on retries so the server can tell a retry from a new call.
 */
export function headersForAttempt(request: PreparedRequest, attempt: number): Record<string, string> {
  if (attempt === 1) return request.headers;
  return { ...request.headers, 'x-retry-attempt': String(attempt - 1) };
}

function encodeQuery(query: NonNullable<RequestOptions['query']>, hasQuery: boolean): string {
  let out = '';
  for (const key in query) {
    const value = query[key];
    if (value === undefined) continue;
    out += `${out === '' ? (hasQuery ? '&' : '?') : '&'}${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`;
  }
  return out;
}
