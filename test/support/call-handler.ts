import type { ServiceHandler } from '../../src/services/service-handler.ts';

/** What `callHandler` returns: the response with the body decoded as JSON when it parses. */
export interface HandlerResult {
  status: number;
  headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
  json: any;
}

/** Calls a pure service handler in-process, as the runner does in virtual time. */
export async function callHandler(
  handler: ServiceHandler,
  method: string,
  pathAndQuery: string,
  options: { json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<HandlerResult> {
  const url = new URL(pathAndQuery, 'http://service.invalid');
  const text = options.json !== undefined ? JSON.stringify(options.json) : (options.body ?? '');
  const response = await handler({
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    body: new TextEncoder().encode(text),
  });
  const bodyText =
    typeof response.body === 'string' ? response.body : new TextDecoder().decode(response.body);
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    json = bodyText;
  }
  return { status: response.status, headers: response.headers, json };
}
