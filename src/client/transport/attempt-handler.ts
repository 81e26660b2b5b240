import { type Dispatcher, util } from 'undici';
import { BodyTooLargeError } from '../../errors/body-too-large-error.ts';
import { TimeoutError } from '../../errors/timeout-error.ts';
import type { TimerWheel, WheelEntry, WheelSlot } from '../timeout/timer-wheel.ts';
import { mapTransportError } from './map-transport-error.ts';

/** A response read to its end. Mutable: redaction scrubs headers and body in place. */
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

/** Told when an attempt settles: endpoint outlier detection listens here, with no promise hop. */
export interface AttemptObserver {
  /** `status` of a response, or the `code` of the error the attempt failed with. */
  attemptSettled(attempt: AttemptHandler, status: number | undefined, errorCode: string | undefined): void;
}

/** Told when an attempt settles, with no promise between: read `response` or `failure`. */
export interface AttemptListener {
  attemptDone(attempt: AttemptHandler): void;
}

/** Request of one attempt, as handed to undici. */
export interface AttemptRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  /**
   * Set when the caller asked for the body as a stream (`client.stream()`): the statuses
   * that are read whole all the same (those that fail the call, so that a retry can judge
   * them). Undefined for a buffered call.
   */
  stream?: ReadonlySet<number> | undefined;
}

type RawHeaders = Array<Buffer | string | Array<Buffer | string>>;

const EMPTY = new Uint8Array(0);
const NO_HEADERS: RawHeaders = [];

/**
 * A response as undici delivered it: the header list is parsed into an object only when
 * someone reads `headers` (most callers of a JSON API never do), then kept.
 */
export class BufferedResponse implements RawResponse {
  private parsed: Record<string, string | string[] | undefined> | undefined = undefined;

  constructor(
    readonly status: number,
    private readonly rawHeaders: RawHeaders,
    public body: Uint8Array,
  ) {}

  get headers(): Record<string, string | string[] | undefined> {
    this.parsed ??= util.parseHeaders(this.rawHeaders as Buffer[]) as Record<string, string | string[]>;
    return this.parsed;
  }

  set headers(value: Record<string, string | string[] | undefined>) {
    this.parsed = value;
  }

  /** Serialised as the plain response it stands for. */
  toJSON(): RawResponse {
    return { status: this.status, headers: this.headers, body: this.body };
  }
}

/**
 * One attempt as an undici dispatch handler, also the attempt's entry on the timer wheel.
 *
 * Why a raw handler rather than `Pool.request`: we need the whole body in memory anyway, so
 * there is no point building a Readable per response; and owning the handler lets one
 * per-attempt timeout cover connect, headers and body, and lets the size cap abort the
 * stream at the byte that crosses it (the socket is destroyed, nothing more is read).
 *
 * Why the `onConnect` ... `onComplete` callbacks and not `onRequestStart` ... `onResponseEnd`:
 * undici's core calls the former; a handler with the latter is wrapped per request in an
 * adapter and a controller, and its header and trailer lists are parsed into objects before
 * it sees them (docs/decisions/0005-client-dispatch-handler.md). User interceptors still see
 * the newer callbacks: `compose` adapts once, for them only.
 *
 * A timeout or abort that lands before undici hands us the abort function (the request is
 * still queued for a connection) settles the attempt at once and aborts the request as soon
 * as it starts, so a queued request cannot outlive its timeout.
 */
export class AttemptHandler implements Dispatcher.DispatchHandler, WheelEntry {
  wheelSlot: WheelSlot | undefined = undefined;
  wheelPrev: WheelEntry | undefined = undefined;
  wheelNext: WheelEntry | undefined = undefined;
  /** Origin of the endpoint this attempt went to (with `endpoints`; reported in AttemptEvent). */
  origin: string | undefined = undefined;
  /** Endpoint index for the observer. */
  endpoint = -1;
  activeIndex = -1;
  observer: AttemptObserver | undefined = undefined;
  /**
   * Told once, synchronously, when the attempt settles (set it before dispatch, or check
   * `settled` after): the client's first attempt listens here instead of awaiting `promise`.
   */
  listener: AttemptListener | undefined = undefined;
  /** The whole response, once the attempt succeeded. */
  response: RawResponse | undefined = undefined;
  /** The typed error, once the attempt failed. */
  failure: Error | undefined = undefined;
  settled = false;
  protected abortRequest: ((err?: Error) => void) | undefined = undefined;
  protected status = 0;
  protected rawHeaders: RawHeaders = NO_HEADERS;
  /** The first chunk; most small bodies arrive in one. */
  private first: Buffer | undefined = undefined;
  private more: Buffer[] | undefined = undefined;
  protected bytes = 0;
  private settledPromise: Promise<RawResponse> | undefined = undefined;
  private resolve: ((r: RawResponse) => void) | undefined = undefined;
  private reject: ((e: Error) => void) | undefined = undefined;

  constructor(
    protected readonly transport: AttemptTransport,
    protected readonly timeoutMs: number,
  ) {}

  /**
   * The attempt's result as a promise, made when first asked for: an attempt whose caller
   * listens (`listener`) costs no promise, and a failure nobody asked about is no
   * unhandled rejection.
   */
  get promise(): Promise<RawResponse> {
    if (this.settledPromise === undefined) {
      if (this.response !== undefined) this.settledPromise = Promise.resolve(this.response);
      else if (this.failure !== undefined) this.settledPromise = Promise.reject(this.failure);
      else {
        this.settledPromise = new Promise<RawResponse>((resolve, reject) => {
          this.resolve = resolve;
          this.reject = reject;
        });
      }
    }
    return this.settledPromise;
  }

  /** Fails the attempt with `err` and aborts its request (now, or when it starts). */
  abort(err: Error): void {
    if (this.settled) return;
    this.fail(err);
    this.abortRequest?.(err);
  }

  onWheelTimeout(): void {
    this.abort(new TimeoutError(this.transport.service, this.timeoutMs));
  }

  onConnect(abort: (err?: Error) => void): void {
    if (this.settled) {
      abort(this.failure ?? new Error('attempt already settled'));
      return;
    }
    this.abortRequest = abort;
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[], _resume: () => void, _statusText: string): boolean {
    if (this.settled) return false;
    this.status = statusCode;
    this.rawHeaders = rawHeaders;
    const length = contentLength(rawHeaders);
    if (length !== undefined && Number(length) > this.transport.maxResponseBytes) {
      this.abort(
        new BodyTooLargeError(this.transport.service, this.transport.maxResponseBytes, Number(length)),
      );
      return false;
    }
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.settled) return false;
    this.bytes += chunk.length;
    if (this.bytes > this.transport.maxResponseBytes) {
      this.abort(new BodyTooLargeError(this.transport.service, this.transport.maxResponseBytes, this.bytes));
      return false;
    }
    if (this.first === undefined) this.first = chunk;
    else if (this.more === undefined) this.more = [this.first, chunk];
    else this.more.push(chunk);
    return true;
  }

  onComplete(_trailers: unknown): void {
    if (this.settled) return;
    const body = this.more !== undefined ? Buffer.concat(this.more, this.bytes) : (this.first ?? EMPTY);
    this.succeed(new BufferedResponse(this.status, this.rawHeaders, body), false);
  }

  /** Settles with `response`; `keepTimer`: the timeout still runs (a body being streamed). */
  protected succeed(response: RawResponse, keepTimer: boolean): void {
    this.response = response;
    this.settle(this.status, undefined, keepTimer);
    this.resolve?.(response);
    this.listener?.attemptDone(this);
  }

  onError(err: Error): void {
    if (this.settled) return;
    this.fail(mapTransportError(err, this.transport.service, this.timeoutMs));
  }

  private fail(err: Error): void {
    this.failure = err;
    this.settle(undefined, (err as { code?: string }).code, false);
    this.reject?.(err);
    this.listener?.attemptDone(this);
  }

  /**
   * Settling tells the observer (endpoint bookkeeping) first; then the promise settles and
   * last the listener hears it, so that whoever watched the promise (a stage's latency
   * record) is queued before anything the call does when it ends.
   */
  private settle(status: number | undefined, errorCode: string | undefined, keepTimer: boolean): void {
    this.settled = true;
    if (!keepTimer) this.transport.wheel.cancel(this);
    this.observer?.attemptSettled(this, status, errorCode);
  }
}

/** The Content-Length of a raw header list (name, value, name, value ...), if present. */
function contentLength(raw: RawHeaders): string | undefined {
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length !== 14) continue;
    const text = typeof name === 'string' ? name : name.toString('latin1');
    if (text.toLowerCase() !== 'content-length') continue;
    const value = raw[i + 1];
    return typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('latin1') : undefined;
  }
  return undefined;
}
