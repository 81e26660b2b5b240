import type { Dispatcher } from 'undici';
import type { Clock } from '../../time/clock.ts';
import type { ActiveAttempts } from '../active-attempts.ts';
import type { ResolvedClientOptions } from '../resolve-client-options.ts';
import { splitBaseUrl } from '../split-base-url.ts';
import type { TimerWheel } from '../timeout/timer-wheel.ts';
import type { AttemptTransport, RawResponse } from '../transport/attempt-handler.ts';
import { headersWithoutCredentials, type PreparedRequest } from '../transport/build-request.ts';
import { createSecondaryTransport } from '../transport/create-transport.ts';
import { sendAttempt } from '../transport/send-attempt.ts';
import type { AttemptLike } from '../transport/start-attempt.ts';

/** The part of a failed call the alternate attempt needs. */
export interface AlternateCall {
  request: PreparedRequest;
  timeoutMs: number;
  deadlineAt: number;
}

/**
 * The `alternate` fallback: one attempt of a failed call at another origin, within what is
 * left of its deadline, with the alternate's path prefix in place of the primary's. Resolves
 * undefined (nothing to serve) when no time is left, the attempt fails, or its status is one
 * that fails a call.
 *
 * @example
 * const alternate = new AlternateOrigin(options, 'http://127.0.0.1:7101/v2', wheel, owned, deps);
 * const raw = await alternate.call(call);
 */
export class AlternateOrigin {
  private readonly transport: AttemptTransport;
  private readonly basePath: string;

  constructor(
    o: ResolvedClientOptions,
    baseUrl: string,
    wheel: TimerWheel,
    owned: Dispatcher[],
    private readonly deps: {
      clock: Clock;
      /** Path prefix of the primary baseUrl, replaced by the alternate's. */
      primaryBasePath: string;
      /** Attempts in flight, aborted by close(). */
      active: ActiveAttempts<AttemptLike>;
      callFailureStatuses: ReadonlySet<number>;
      /** Static credentials set over the calls' headers: not sent to the alternate origin. */
      credentials: Readonly<Record<string, string>> | undefined;
    },
  ) {
    const { origin, basePath } = splitBaseUrl('fallback.baseUrl', baseUrl);
    this.transport = createSecondaryTransport(o, origin, wheel, owned);
    this.basePath = basePath;
  }

  async call(call: AlternateCall): Promise<RawResponse | undefined> {
    const now = this.deps.clock.now();
    const timeoutMs = Math.min(call.timeoutMs, call.deadlineAt - now);
    if (timeoutMs <= 0) return undefined;
    const { request } = call;
    const path = this.basePath + request.path.slice(this.deps.primaryBasePath.length);
    const { credentials } = this.deps;
    const headers =
      credentials === undefined ? request.headers : headersWithoutCredentials(request, credentials);
    const handler = sendAttempt(
      this.transport,
      { method: request.method, path, headers, body: request.body },
      now + timeoutMs,
      timeoutMs,
    );
    this.deps.active.add(handler);
    try {
      const raw = await handler.promise;
      return this.deps.callFailureStatuses.has(raw.status) ? undefined : raw;
    } catch {
      return undefined;
    } finally {
      this.deps.active.delete(handler);
    }
  }
}
