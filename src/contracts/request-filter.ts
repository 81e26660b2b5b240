import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * Changes each request the verifier sends to the provider, in the shape pact-js's
 * `requestFilter` has, so an existing filter works unchanged: `(req, res, next) => void`,
 * where `req` is Node's IncomingMessage (set `req.headers[...]`, `req.url`, `req.method`),
 * `res` answers instead of the provider if the filter ends it, and `next()` (or
 * `next(err)`) hands the request on.
 *
 * @example
 * const addToken: RequestFilter = (req, _res, next) => {
 *   req.headers.authorization = `Bearer ${process.env.TOKEN}`;
 *   next();
 * };
 */
export type RequestFilter = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => unknown;

/** A loopback proxy that runs the filter, then forwards to the provider. */
export interface FilterProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the proxy the verifier talks to when a request filter is set (127.0.0.1:0).
 * The body is streamed through unchanged; an unreachable provider is a 502 naming it.
 */
export async function startFilterProxy(target: string, filter: RequestFilter): Promise<FilterProxy> {
  const upstream = new URL(target);
  const send = upstream.protocol === 'https:' ? httpsRequest : request;
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const path = `${upstream.pathname.replace(/\/+$/, '')}${req.url ?? '/'}`;
    const out = send(
      {
        protocol: upstream.protocol,
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', (err: NodeJS.ErrnoException) =>
      fail(res, 502, `provider at ${target} is not reachable (${err.code ?? err.message})`),
    );
    req.pipe(out);
  };
  const server = createServer((req, res) => {
    let handedOn = false;
    const next = (err?: unknown) => {
      if (handedOn) return;
      handedOn = true;
      if (err !== undefined && err !== null) fail(res, 500, `the request filter failed: ${messageOf(err)}`);
      else forward(req, res);
    };
    Promise.resolve()
      .then(() => filter(req, res, next))
      .catch((err: unknown) => {
        if (!handedOn) next(err);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function fail(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: message }));
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
