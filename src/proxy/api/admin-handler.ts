import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError, toApiErrorBody } from './api-error.ts';
import { createRequestIds } from './request-id.ts';
import { matchRoute, type Route, type RouteResult } from './routes.ts';

/** Admin request bodies are small JSON documents; a larger one is answered with 413. @default 1 MiB */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * How much of an oversized body is read (and dropped) before answering 413. Why read it
 * at all: answering and closing while the client is still sending makes the kernel reset
 * the connection, and the client sees ECONNRESET instead of the 413. Past this, we stop
 * reading and cut the connection.
 */
const MAX_DRAIN_BYTES = 64 * MAX_BODY_BYTES;

/** Toxiproxy refuses browsers so that a web page cannot drive a local proxy (CSRF). */
const BROWSER_USER_AGENT = /^Mozilla\//;

/** Go's `http.Error` headers, which Toxiproxy's errors carry. */
const PLAIN_TEXT = 'text/plain; charset=utf-8';

/**
 * The node:http request listener of the admin API, answering as Toxiproxy 2.12 does
 * byte for byte:
 *
 * ```
 * request ─► X-Toxiproxy-Request-Id ─► browser? 403 ─► route? 404 ─► method? 405
 *         ─► body ≤ 1 MiB? 413 ─► handler (one at a time) ─► JSON | text | 204 | error
 * ```
 *
 * Errors are Go's `http.Error`: `text/plain; charset=utf-8`, `nosniff`, and the JSON
 * `{"error","status"}` plus a newline. Success JSON has no trailing newline. Handlers
 * run one at a time, so a toxic change never interleaves with another change; whatever
 * a handler throws becomes an error answer and the server keeps serving.
 */
export function createAdminHandler(routes: Route[]): (req: IncomingMessage, res: ServerResponse) => void {
  let queue: Promise<void> = Promise.resolve();
  const nextRequestId = createRequestIds();
  return (req, res) => {
    res.setHeader('X-Toxiproxy-Request-Id', nextRequestId());
    if (BROWSER_USER_AGENT.test(req.headers['user-agent'] ?? '')) {
      req.resume();
      return sendPlain(res, 403, 'User agent not allowed\n');
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const match = matchRoute(routes, path);
    if (match === undefined) {
      req.resume();
      return sendPlain(res, 404, '404 page not found\n');
    }
    const handler = match.route.methods[req.method ?? 'GET'];
    if (handler === undefined) {
      // As gorilla/mux: an empty 405 (plus the Allow header HTTP asks for).
      req.resume();
      res.setHeader('Allow', Object.keys(match.route.methods).join(', '));
      res.writeHead(405, { 'Content-Length': 0 }).end();
      return;
    }
    readBody(req)
      .then((body) => {
        const run = queue.then(() => handler({ params: match.params, body }));
        queue = run.then(
          () => {},
          () => {},
        );
        return run;
      })
      .then(
        (result) => send(res, result),
        (err: unknown) => sendError(res, err),
      );
  };
}

/** The body as text; rejects with a 413 once it is fully read (or cut past MAX_DRAIN_BYTES). */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => apiError('bodyTooLarge', `the admin API accepts at most ${MAX_BODY_BYTES} bytes`);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) {
        reject(tooLarge());
        req.socket.destroySoon();
        req.pause();
      }
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(tooLarge());
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, result: RouteResult): void {
  if (res.destroyed) return;
  if ('json' in result) {
    writeBody(res, result.status, 'application/json', JSON.stringify(result.json));
  } else if ('text' in result) {
    writeBody(res, result.status, result.contentType, result.text);
  } else {
    res.writeHead(result.status).end();
  }
}

function sendError(res: ServerResponse, err: unknown): void {
  const body = toApiErrorBody(err);
  sendPlain(res, body.status, `${JSON.stringify(body)}\n`);
}

function sendPlain(res: ServerResponse, status: number, text: string): void {
  if (res.destroyed) return;
  res.setHeader('X-Content-Type-Options', 'nosniff');
  writeBody(res, status, PLAIN_TEXT, text);
}

function writeBody(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
