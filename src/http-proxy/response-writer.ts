import type { ServerResponse } from 'node:http';
import type { FullDispatchHandler } from '../scenario/dispatch/to-dispatch-handler.ts';
import { HOP_BY_HOP } from './hop-by-hop.ts';

/**
 * The dispatch handler that streams a response (forwarded or synthesised) to the client's
 * socket: head, chunks with backpressure (a full socket pauses the upstream), end. An error
 * (an injected reset, a truncated body, an upstream that died) destroys the socket, so
 * the client sees what it would see from a dying server: a reset, not a 502.
 */
export function createResponseWriter(res: ServerResponse, onReset: () => void): FullDispatchHandler {
  return {
    onRequestStart() {},
    onResponseStart(_c, status, headers, message) {
      if (res.headersSent || res.destroyed) return;
      const out: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(headers)) {
        if (value === undefined || HOP_BY_HOP.has(name.toLowerCase())) continue;
        out[name] = value as string | string[];
      }
      res.writeHead(status, message || undefined, out);
    },
    onResponseData(c, chunk) {
      if (res.destroyed) return;
      if (!res.write(chunk)) {
        c.pause();
        res.once('drain', () => c.resume());
      }
    },
    onResponseEnd() {
      if (!res.destroyed) res.end();
    },
    onResponseError() {
      onReset();
      res.destroy();
    },
  };
}
