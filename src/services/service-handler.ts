/**
 * A reference service as a pure function of its request: no sockets, no timers. The same
 * handler is served over real HTTP by `serveHandler` (src/services/serve-handler.ts) and
 * called in-process by the scenario runner when it runs in virtual time.
 */
export interface ServiceRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** Path without the query string, e.g. `/v1/predict`. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  body: Uint8Array;
}

export interface ServiceResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

/** @example const res = await createSearchHandler()({ method: 'GET', path: '/v1/search', ... }); */
export type ServiceHandler = (request: ServiceRequest) => Promise<ServiceResponse>;
