import type { Dispatcher } from 'undici';
import type { FullDispatchHandler } from './to-dispatch-handler.ts';

/**
 * The DispatchController handed to a request's handler when Faultline answers (or decides
 * about) a request itself instead of the transport. It delivers a synthesised response in
 * order (start, data..., end | error), at most one terminal callback, nothing after an
 * abort. It can also be *linked* to the real controller of a request passed through, so
 * the caller's abort/pause/resume reach the transport.
 */
export class SyntheticController implements Dispatcher.DispatchController {
  private abortReason: Error | null = null;
  private isPaused = false;
  private done = false;
  private inner: Dispatcher.DispatchController | undefined;
  private onAbortHooks: Array<(reason: Error) => void> = [];
  private onResumeHooks: Array<() => void> = [];

  constructor(private readonly handler: FullDispatchHandler) {}

  get aborted(): boolean {
    return this.abortReason !== null;
  }
  get paused(): boolean {
    return this.isPaused;
  }
  get reason(): Error | null {
    return this.abortReason;
  }
  /** True once a terminal callback (end or error) was delivered. */
  get finished(): boolean {
    return this.done;
  }

  /** Calls `fn` when the caller aborts (cancel timers, abort the transport). */
  onAbort(fn: (reason: Error) => void): void {
    this.onAbortHooks.push(fn);
  }
  /** Calls `fn` when the caller resumes after a pause. */
  onResume(fn: () => void): void {
    this.onResumeHooks.push(fn);
  }

  /** Forwards abort/pause/resume to the transport's controller from now on. */
  link(inner: Dispatcher.DispatchController): void {
    this.inner = inner;
    if (this.abortReason) inner.abort(this.abortReason);
  }

  /**
   * The transport finished its part (its response ended) while this controller still
   * delivers (a slowed body): from now on an abort is answered here, not by the transport.
   */
  unlink(): void {
    this.inner = undefined;
  }

  abort(reason: Error): void {
    if (this.abortReason || this.done) return;
    this.abortReason = reason ?? new Error('aborted');
    for (const hook of this.onAbortHooks) hook(this.abortReason);
    if (this.inner) {
      this.inner.abort(this.abortReason);
      return;
    }
    this.fail(this.abortReason, true);
  }
  pause(): void {
    this.isPaused = true;
    this.inner?.pause();
  }
  resume(): void {
    this.isPaused = false;
    this.inner?.resume();
    for (const hook of this.onResumeHooks) hook();
  }

  start(): void {
    this.handler.onRequestStart(this, {});
  }
  headers(status: number, headers: Record<string, string | string[]>, message = ''): void {
    if (this.aborted || this.done) return;
    this.handler.onResponseStart(this, status, headers, message);
  }
  data(chunk: Buffer): void {
    if (this.aborted || this.done || chunk.length === 0) return;
    this.handler.onResponseData(this, chunk);
  }
  end(): void {
    if (this.aborted || this.done) return;
    this.done = true;
    this.handler.onResponseEnd(this, {});
  }
  /** Delivers an error (once). `force` delivers it even after an abort (the abort's own error). */
  fail(error: Error, force = false): void {
    if (this.done || (this.aborted && !force)) return;
    this.done = true;
    this.handler.onResponseError(this, error);
  }
}

/** A socket-like error, as the transport raises it (the client classifies by `code`). */
export function socketError(code: 'ECONNRESET' | 'UND_ERR_SOCKET', message: string): Error {
  return Object.assign(new Error(message), { code });
}
