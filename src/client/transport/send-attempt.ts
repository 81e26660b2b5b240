import type { Dispatcher } from 'undici';
import { BodyTooLargeError } from '../../errors/body-too-large-error.ts';
import { TimeoutError } from '../../errors/timeout-error.ts';
import type { TimerWheel, WheelEntry } from '../timeout/timer-wheel.ts';
import { mapTransportError } from './map-transport-error.ts';

/** A response read to its end. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

/** What every attempt of a client shares. */
export interface AttemptTransport {
  service: string;
  dispatch: Dispatcher['dispatch'];
  origin: string;
  wheel: TimerWheel;
  maxResponseBytes: number;
}

const EMPTY = new Uint8Array(0);

/**
 * One attempt as an undici dispatch handler, also the attempt's entry on the timer wheel.
 *
 * Why a raw handler rather than `Pool.request`: we need the whole body in memory anyway, so
 * there is no point building a Readable per response; and owning the handler lets one
 * per-attempt timeout cover connect, headers and body, and lets the size cap abort the
 * stream at the byte that crosses it (the socket is destroyed, nothing more is read).
 *
 * A timeout or abort that lands before undici hands us the controller (the request is still
 * queued for a connection) settles the attempt at once and aborts the request as soon as
 * it starts, so a queued request cannot outlive its timeout.
 */
export class AttemptHandler implements Dispatcher.DispatchHandler, WheelEntry {
  wheelSlot = -1;
  private controller: Dispatcher.DispatchController | undefined;
  private settled = false;
  private failure: Error | undefined;
  private status = 0;
  private headers: Record<string, string | string[] | undefined> = {};
  private chunks: Buffer[] = [];
  private bytes = 0;
  private resolve!: (r: RawResponse) => void;
  private reject!: (e: Error) => void;
  readonly promise: Promise<RawResponse>;

  constructor(
    private readonly transport: AttemptTransport,
    private readonly timeoutMs: number,
  ) {
    this.promise = new Promise<RawResponse>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  /** Fails the attempt with `err` and aborts its request (now, or when it starts). */
  abort(err: Error): void {
    if (this.settled) return;
    this.settle();
    this.failure = err;
    this.reject(err);
    this.controller?.abort(err);
  }

  onWheelTimeout(): void {
    this.abort(new TimeoutError(this.transport.service, this.timeoutMs));
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    if (this.settled) {
      controller.abort(this.failure ?? new Error('attempt already settled'));
      return;
    }
    this.controller = controller;
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    if (this.settled) return;
    this.status = statusCode;
    this.headers = headers;
    const length = headers['content-length'];
    if (typeof length === 'string' && Number(length) > this.transport.maxResponseBytes) {
      this.controller ??= controller;
      this.abort(
        new BodyTooLargeError(this.transport.service, this.transport.maxResponseBytes, Number(length)),
      );
    }
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled) return;
    this.bytes += chunk.length;
    if (this.bytes > this.transport.maxResponseBytes) {
      this.abort(new BodyTooLargeError(this.transport.service, this.transport.maxResponseBytes, this.bytes));
      return;
    }
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.settled) return;
    this.settle();
    const { chunks } = this;
    const body =
      chunks.length === 0 ? EMPTY : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, this.bytes);
    this.resolve({ status: this.status, headers: this.headers, body });
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, err: Error): void {
    if (this.settled) return;
    this.settle();
    this.reject(mapTransportError(err, this.transport.service, this.timeoutMs));
  }

  private settle(): void {
    this.settled = true;
    this.transport.wheel.cancel(this);
  }
}

/** Request of one attempt, as handed to undici. */
export interface AttemptRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
}

/**
 * Starts one attempt with a timeout at the clock reading `timeoutAt`. The returned handler's
 * `promise` resolves with the whole response or rejects with a typed FaultlineError.
 */
export function sendAttempt(
  transport: AttemptTransport,
  request: AttemptRequest,
  timeoutAt: number,
  timeoutMs: number,
): AttemptHandler {
  const handler = new AttemptHandler(transport, timeoutMs);
  transport.wheel.schedule(handler, timeoutAt);
  try {
    transport.dispatch(
      {
        origin: transport.origin,
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body ?? null,
      },
      handler,
    );
  } catch (err) {
    handler.onResponseError(undefined, err as Error);
  }
  return handler;
}
