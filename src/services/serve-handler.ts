import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultlineError } from '../errors/faultline-error.ts';
import type { ServiceHandler, ServiceRequest } from './service-handler.ts';
import { errorResponse } from './service-response.ts';

export interface ServeHandlerOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** Largest accepted request body, in bytes; larger answers 413. @default 1048576 (1 MiB) */
  maxBodyBytes?: number;
  /** How long `close()` waits for in-flight requests before cutting connections, in ms. @default 2000 */
  closeGraceMs?: number;
}

export const SERVE_HANDLER_DEFAULTS = {
  host: '127.0.0.1',
  port: 0,
  maxBodyBytes: 1024 * 1024,
  closeGraceMs: 2000,
} as const satisfies Required<ServeHandlerOptions>;

/** A handler served over HTTP. */
export interface ServedHandler {
  /** `http://host:port`, no trailing slash. */
  url: string;
  server: Server;
  /** Stops accepting, lets in-flight requests finish (up to the grace), then closes everything. */
  close(): Promise<void>;
}

/** The port is taken or the host cannot be bound. */
export class ServeError extends FaultlineError {
  constructor(host: string, port: number, cause: unknown) {
    const code = (cause as { code?: string }).code;
    const why =
      code === 'EADDRINUSE'
        ? `port ${port} is already in use. Stop what uses it or choose another port`
        : `${cause instanceof Error ? cause.message : String(cause)}. Check the host and port`;
    super('FAULTLINE_SERVE_FAILED', `Failed to listen on ${host}:${port}: ${why}.`, { cause });
  }
}

/**
 * The one thin node:http adapter of the reference services: reads the body (up to
 * `maxBodyBytes`, else 413 `payload_too_large`), calls the pure handler, writes its
 * answer, echoes `X-Request-ID`. Keep-alive is on (Node's default).
 *
 * @example
 * const served = await serveHandler(createSearchHandler(), { port: 0 });
 * await fetch(`${served.url}/health`);
 * await served.close();
 */
export async function serveHandler(
  handler: ServiceHandler,
  options: ServeHandlerOptions = {},
): Promise<ServedHandler> {
  const { host, port, maxBodyBytes, closeGraceMs } = { ...SERVE_HANDLER_DEFAULTS, ...options };
  const server = createServer((req, res) => {
    void respond(handler, req, res, maxBodyBytes);
  });
  server.keepAliveTimeout = 5000;
  server.listen(port, host);
  try {
    await Promise.race([
      once(server, 'listening'),
      once(server, 'error').then(([err]) => Promise.reject(err)),
    ]);
  } catch (err) {
    server.close();
    throw new ServeError(host, port, err);
  }
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    server,
    close: () => closeServer(server, closeGraceMs),
  };
}

async function respond(
  handler: ServiceHandler,
  req: IncomingMessage,
  res: ServerResponse,
  maxBodyBytes: number,
) {
  const requestId = req.headers['x-request-id'];
  if (typeof requestId === 'string') res.setHeader('x-request-id', requestId);
  try {
    const body = await readBody(req, maxBodyBytes);
    if (body === undefined) {
      // Tell the client we will not read the rest, then drop the connection.
      res.setHeader('connection', 'close');
      return write(
        res,
        errorResponse(413, 'payload_too_large', `The request body exceeds ${maxBodyBytes} bytes.`),
      );
    }
    const url = new URL(req.url ?? '/', 'http://service.invalid');
    const headers: ServiceRequest['headers'] = {};
    for (const [name, value] of Object.entries(req.headers)) {
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    write(
      res,
      await handler({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers,
        body,
      }),
    );
  } catch (err) {
    if (!res.headersSent)
      write(res, errorResponse(500, 'internal_error', err instanceof Error ? err.message : String(err)));
    else res.destroy();
  }
}

/**
 * The body, or undefined when it exceeds the limit (by Content-Length or as it streams).
 * Why events and not `for await`: leaving a for-await loop destroys the request, and with
 * it the socket, before the 413 can be written. Here the rest is drained and discarded.
 */
function readBody(req: IncomingMessage, maxBodyBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBodyBytes) {
    req.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        chunks.length = 0;
        resolve(undefined);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBodyBytes ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function write(res: ServerResponse, response: Awaited<ReturnType<ServiceHandler>>): void {
  const body = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  res.setHeader('content-length', body.byteLength);
  res.statusCode = response.status;
  res.end(body);
}

async function closeServer(server: Server, graceMs: number): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // Why a timer: a client that holds a request open would keep close() waiting forever.
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  timer.unref();
  await closed;
  clearTimeout(timer);
}
