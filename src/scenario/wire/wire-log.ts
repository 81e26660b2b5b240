import type { Dispatcher } from 'undici';
import type { WireRecord } from '../../report/run-events.ts';
import type { Clock } from '../../time/clock.ts';
import type { FullDispatchHandler } from '../dispatch/to-dispatch-handler.ts';
import { CALL_TAG_HEADER, IDEMPOTENCY_KEY_HEADER, REQUEST_ID_HEADER } from './wire-headers.ts';

/**
 * One request/response exchange as seen on the wire (by the HTTP fault proxy or interceptor):
 * the fields of the event log's WireRecord (one definition), with when it started on the
 * recorder's clock and the upstream origin in place of the scenario context.
 */
export type WireEntry = Omit<WireRecord, 'type' | 'scenario' | 'phase' | 't' | 'endpoint'> & {
  /** Clock reading when the request arrived. */
  startedAt: number;
  /** Origin of the upstream instance the request was for. */
  origin: string;
};

/**
 * Records every exchange that crosses the wire, independently of what the client says
 * about itself. `open()` starts an exchange; `observe()` wraps the handler that delivers
 * the response to the client, so status, Retry-After and the end are seen as sent.
 *
 * @example
 * const wire = new WireLog({ clock, onEntry: (e) => log.write(toWireRecord(e)) });
 * const exchange = wire.open({ method, path, origin, headers });
 * dispatch(opts, exchange.observe(handler));
 */
export class WireLog {
  constructor(private readonly o: { clock: Clock; onEntry(entry: WireEntry): void }) {}

  open(request: {
    method: string;
    path: string;
    origin: string;
    headers: Record<string, string | string[] | undefined>;
  }): WireExchange {
    const header = (name: string) => {
      const v = request.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const query = request.path.indexOf('?');
    const call = header(CALL_TAG_HEADER);
    const idempotencyKey = header(IDEMPOTENCY_KEY_HEADER);
    const requestId = header(REQUEST_ID_HEADER);
    return new WireExchange(this.o.clock, this.o.onEntry, {
      startedAt: this.o.clock.now(),
      durationMs: 0,
      method: request.method.toUpperCase(),
      path: query < 0 ? request.path : request.path.slice(0, query),
      origin: request.origin,
      upstream: false,
      end: 'complete',
      ...(call !== undefined ? { call } : {}),
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      ...(requestId !== undefined ? { requestId } : {}),
    });
  }
}

/** One exchange in progress; finishes (and is recorded) exactly once. */
export class WireExchange {
  private done = false;

  constructor(
    private readonly clock: Clock,
    private readonly onEntry: (entry: WireEntry) => void,
    private readonly entry: WireEntry,
  ) {}

  /** The request was forwarded to the real upstream. */
  markUpstream(): void {
    this.entry.upstream = true;
  }

  /** The client closed the request before its response ended. */
  clientClosed(): void {
    this.finish('client-closed');
  }

  /** Wraps the handler that delivers the response to the client, observing what it is sent. */
  observe(handler: FullDispatchHandler): FullDispatchHandler {
    return new ObservedHandler(this, this.entry, handler);
  }

  /** @internal The response ended or failed (called by the observed handler). */
  finish(end: WireEntry['end']): void {
    if (this.done) return;
    this.done = true;
    this.entry.end = end;
    this.entry.durationMs = this.clock.now() - this.entry.startedAt;
    this.onEntry(this.entry);
  }
}

/** A handler that records status, Retry-After and the end of the response it passes on. */
class ObservedHandler implements FullDispatchHandler {
  constructor(
    private readonly exchange: WireExchange,
    private readonly entry: WireEntry,
    private readonly inner: FullDispatchHandler,
  ) {}

  onRequestStart(c: Dispatcher.DispatchController, ctx: unknown): void {
    this.inner.onRequestStart(c, ctx);
  }

  onResponseStart(
    c: Dispatcher.DispatchController,
    status: number,
    headers: Record<string, string | string[] | undefined>,
    message: string,
  ): void {
    this.entry.status = status;
    const retryAfter = headers['retry-after'];
    if (retryAfter !== undefined)
      this.entry.retryAfter = Array.isArray(retryAfter) ? String(retryAfter[0]) : retryAfter;
    this.inner.onResponseStart(c, status, headers, message);
  }

  onResponseData(c: Dispatcher.DispatchController, chunk: Buffer): void {
    this.inner.onResponseData(c, chunk);
  }

  onResponseEnd(
    c: Dispatcher.DispatchController,
    trailers: Record<string, string | string[] | undefined>,
  ): void {
    this.exchange.finish('complete');
    this.inner.onResponseEnd(c, trailers);
  }

  onResponseError(c: Dispatcher.DispatchController, error: Error): void {
    this.exchange.finish('error');
    this.inner.onResponseError(c, error);
  }
}
