import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError, toApiErrorBody } from './api-error.ts';
import { matchRoute, type Route, type RouteResult } from './routes.ts';

/** Admin request bodies are small JSON documents; anything larger is refused. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The node:http request listener of the admin API: matches a route (404 unknown path,
 * 405 wrong method), reads the body, runs the handler and writes its answer. Handlers
 * run one at a time, so a toxic change never interleaves with another change.
 * Whatever a handler throws becomes `{"error", "status"}`; the server keeps serving.
 */
export function createAdminHandler(routes: Route[]): (req: IncomingMessage, res: ServerResponse) => void {
  let queue: Promise<void> = Promise.resolve();
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const match = matchRoute(routes, path);
    const method = req.method ?? 'GET';
    if (match === undefined) {
      req.resume();
      return send(res, errorResult(apiError('notFound')));
    }
    const handler = match.route.methods[method];
    if (handler === undefined) {
      req.resume();
      res.setHeader('Allow', Object.keys(match.route.methods).join(', '));
      return send(res, errorResult(apiError('methodNotAllowed')));
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
        (err: unknown) => send(res, errorResult(err)),
      );
  };
}

function errorResult(err: unknown): RouteResult {
  return { status: toApiErrorBody(err).status, json: toApiErrorBody(err) };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(apiError('badRequestBody', `body larger than ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, result: RouteResult): void {
  if (res.destroyed) return;
  if (!('json' in result) && !('text' in result)) {
    res.writeHead(result.status).end();
    return;
  }
  const isJson = 'json' in result;
  const body = isJson ? `${JSON.stringify(result.json)}\n` : result.text;
  const contentType = isJson ? 'application/json' : result.contentType;
  res.writeHead(result.status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}
