import type { ServerResponse } from 'node:http';
import type { Dispatcher } from 'undici';
import type { FullDispatchHandler } from '../scenario/dispatch/to-dispatch-handler.ts';
import { HOP_BY_HOP } from './hop-by-hop.ts';

/**
 * The dispatch handler that streams a response (forwarded or synthesised) to the client's
 * socket: head, chunks with backpressure (a full socket pauses the upstream), end. An error
 * (an injected reset, a truncated body, an upstream that died) destroys the socket, so
 * the client sees what it would see from a dying server: a reset, not a 502.
 *
 * Why the held chunk: most responses are one chunk; writing it with `end()` sends head,
 * body and end in one syscall instead of two. A class, not a closure set: one allocation
 * per request on the hot path.
 */
export class ResponseWriter implements FullDispatchHandler {
  private held: Buffer | undefined;

  constructor(
    private readonly res: ServerResponse,
    private readonly onReset: () => void,
  ) {}

  onRequestStart(): void {}

  onResponseStart(
    _c: Dispatcher.DispatchController,
    status: number,
    headers: Record<string, string | string[] | undefined>,
    message: string,
  ): void {
    const { res } = this;
    if (res.headersSent || res.destroyed) return;
    const out: Record<string, string | string[]> = {};
    for (const name in headers) {
      const value = headers[name];
      if (value === undefined || HOP_BY_HOP.has(name.toLowerCase())) continue;
      out[name] = value;
    }
    res.writeHead(status, message || undefined, out);
  }

  onResponseData(c: Dispatcher.DispatchController, chunk: Buffer): void {
    const { res } = this;
    if (res.destroyed) return;
    const previous = this.held;
    this.held = chunk;
    if (previous && !res.write(previous)) {
      c.pause();
      res.once('drain', () => c.resume());
    }
  }

  onResponseEnd(): void {
    const { res } = this;
    const last = this.held;
    this.held = undefined;
    if (res.destroyed) return;
    if (last) res.end(last);
    else res.end();
  }

  onResponseError(): void {
    this.held = undefined;
    this.onReset();
    this.res.destroy();
  }
}
