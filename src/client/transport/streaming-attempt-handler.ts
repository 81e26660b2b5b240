import { Readable } from 'node:stream';
import { AbortedError } from '../../errors/aborted-error.ts';
import { BodyTooLargeError } from '../../errors/body-too-large-error.ts';
import { TimeoutError } from '../../errors/timeout-error.ts';
import { AttemptHandler, type AttemptTransport, BufferedResponse } from './attempt-handler.ts';
import { mapTransportError } from './map-transport-error.ts';

const NO_BODY = new Uint8Array(0);

/** A response whose body is still arriving: `stream` delivers it (`body` is empty). */
export class StreamedResponse extends BufferedResponse {
  constructor(
    status: number,
    rawHeaders: Buffer[],
    readonly stream: Readable,
  ) {
    super(status, rawHeaders, NO_BODY);
  }
}

/**
 * The attempt of a call that asked for its body as a stream (`client.stream()`). A status
 * in `buffered` (one that fails the call) is read whole, like any attempt, so the retry
 * loop judges it as it judges every other; any other status settles the attempt as soon as
 * its headers arrive, with a `Readable` that undici's chunks are pushed to:
 *
 * - backpressure: a full stream pauses the socket (onData returns false), a read resumes it;
 * - the attempt's timeout still covers the whole body: it stays on the timer wheel until
 *   the body ends, and a timeout destroys the stream with FAULTLINE_TIMEOUT;
 * - the size cap still aborts at the byte that crosses it (FAULTLINE_BODY_TOO_LARGE);
 * - a reset or other transport failure destroys the stream with the typed error;
 * - a consumer that destroys the stream aborts the request (the socket is not reused).
 *
 * The buffered AttemptHandler is untouched: a call that does not stream pays nothing for
 * this class (docs/decisions/0008-client-sync-path-and-streams.md).
 */
export class StreamingAttemptHandler extends AttemptHandler {
  private body: Readable | undefined = undefined;
  private resume: (() => void) | undefined = undefined;
  private ended = false;
  /** A failure that came before anyone listened for errors: raised at the next read. */
  private pendingFailure: Error | undefined = undefined;

  constructor(
    transport: AttemptTransport,
    timeoutMs: number,
    private readonly buffered: ReadonlySet<number>,
  ) {
    super(transport, timeoutMs);
  }

  override onHeaders(
    statusCode: number,
    rawHeaders: Buffer[],
    resume: () => void,
    statusText: string,
  ): boolean {
    if (!super.onHeaders(statusCode, rawHeaders, resume, statusText)) return false;
    if (this.buffered.has(statusCode)) return true;
    this.resume = resume;
    const body = new Readable({
      read: () => {
        if (this.pendingFailure === undefined) this.resume?.();
        else this.raisePending(body);
      },
      destroy: (err, callback) => {
        this.bodyDestroyed(err);
        callback(err);
      },
    });
    this.body = body;
    this.succeed(new StreamedResponse(statusCode, rawHeaders, body), true);
    return true;
  }

  override onData(chunk: Buffer): boolean {
    const body = this.body;
    if (body === undefined) return super.onData(chunk);
    if (this.ended) return false;
    this.bytes += chunk.length;
    const max = this.transport.maxResponseBytes;
    if (this.bytes > max) {
      this.end(new BodyTooLargeError(this.transport.service, max, this.bytes));
      return false;
    }
    return body.push(chunk);
  }

  override onComplete(trailers: unknown): void {
    const body = this.body;
    if (body === undefined) {
      super.onComplete(trailers);
      return;
    }
    if (this.ended) return;
    this.ended = true;
    this.transport.wheel.cancel(this);
    body.push(null);
  }

  override onError(err: Error): void {
    if (this.body === undefined) super.onError(err);
    else this.end(mapTransportError(err, this.transport.service, this.timeoutMs));
  }

  override abort(err: Error): void {
    if (this.body === undefined) super.abort(err);
    else this.end(err);
  }

  override onWheelTimeout(): void {
    if (this.body === undefined) super.onWheelTimeout();
    else this.end(new TimeoutError(this.transport.service, this.timeoutMs));
  }

  /** Ends the body with `err`: the request is aborted and the stream destroyed with it. */
  private end(err: Error): void {
    if (!this.stop(err)) return;
    // The caller may not have had a turn yet (the cap can be crossed in the same read as the
    // headers): an 'error' nobody listens to would crash the process, so it is held until
    // someone listens (raisePending).
    const body = this.body!;
    if (body.listenerCount('error') > 0) {
      body.destroy(err);
      return;
    }
    this.pendingFailure = err;
    const onListener = (event: string | symbol) => {
      if (event !== 'error') return;
      body.off('newListener', onListener);
      // 'newListener' fires before the listener is added.
      process.nextTick(() => this.raisePending(body));
    };
    body.on('newListener', onListener);
  }

  /**
   * Raises a held failure: with the typed error when someone listens for errors; when a
   * consumer reads without listening, the stream is destroyed without it (as Node's own
   * IncomingMessage does), so it closes rather than crash the process; while nobody
   * consumes yet, it keeps waiting.
   */
  private raisePending(body: Readable): void {
    const failure = this.pendingFailure;
    if (failure === undefined) return;
    if (body.listenerCount('error') > 0) {
      this.pendingFailure = undefined;
      body.destroy(failure);
    } else if (body.readableFlowing === true) {
      this.pendingFailure = undefined;
      body.destroy();
    }
  }

  /** The consumer destroyed the stream before its end: stop reading, drop the socket. */
  private bodyDestroyed(err: Error | null): void {
    this.stop(err ?? new AbortedError(this.transport.service));
  }

  /** Stops reading once: off the timer wheel, request aborted. False when already stopped. */
  private stop(err: Error): boolean {
    if (this.ended) return false;
    this.ended = true;
    this.transport.wheel.cancel(this);
    this.abortRequest?.(err);
    return true;
  }
}
