import { AbortedError } from '../../errors/aborted-error.ts';
import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import type { Redactor } from '../../redaction/redactor.ts';
import { redactorFor } from '../../redaction/redactor-for.ts';
import type { Clock } from '../../time/clock.ts';
import type { AuthProvider } from '../auth/auth-provider.ts';
import { createAuthProvider } from '../auth/create-auth-provider.ts';
import type { BreakerState, ClientOptions, ServiceHealth } from '../client-types.ts';
import { endpointOutcome } from '../endpoints/endpoint-outcome.ts';
import { EndpointSet } from '../endpoints/endpoint-set.ts';
import { HealthProber } from '../endpoints/health-prober.ts';
import {
  resolveEndpoints,
  resolveHealthCheckOptions,
  resolveLoadBalancing,
  resolveOutlierDetectionOptions,
} from '../endpoints/resolve-endpoint-options.ts';
import { hedgeDelay } from '../hedging/hedge-delay.ts';
import { LatencyTracker } from '../hedging/latency-tracker.ts';
import { type ResolvedHedgingOptions, resolveHedgingOptions } from '../hedging/resolve-hedging-options.ts';
import { runHedged } from '../hedging/run-hedged.ts';
import { IDEMPOTENT_METHODS } from '../retry/retry-policy.ts';
import type { AttemptRequest, AttemptTransport, RawResponse } from '../transport/send-attempt.ts';
import { sendAttempt } from '../transport/send-attempt.ts';
import { serviceHealth } from './service-health.ts';

/** An attempt in flight, as the retry loop sees it: a result and a way to cancel it. */
export interface AttemptLike {
  readonly promise: Promise<RawResponse>;
  abort(err: Error): void;
  /** Origin of the endpoint used (with `endpoints`), once picked; reported in AttemptEvent. */
  readonly origin?: string | undefined;
}

export interface ClientExtrasDeps {
  service: string;
  clock: Clock;
  /** The client's transport to its baseUrl. */
  main: AttemptTransport;
  /** Builds (and the client owns) the transport of another origin. */
  transportFor(origin: string): AttemptTransport;
  /** Charges one retry to the client's retry budget; absent when it has none. */
  tryAcquireRetry?: () => boolean;
}

/**
 * The issue-8 features of the client that act on each attempt, composed once:
 *
 * ```
 *   retry loop ─► [hedging: race of legs] ─► leg: auth headers ─► endpoint pick ─► transport
 *                                               └─ 401: refresh credentials, resend once
 * ```
 *
 * Hedging is outermost so each hedge is a full leg (its own endpoint pick and credentials);
 * outlier detection sees every leg's outcome. `createClientExtras` returns undefined when
 * none of endpoints, auth or hedging is configured, so the plain client pays nothing.
 *
 * @example
 * const extras = createClientExtras(options, deps);
 * const attempt = extras ? extras.start(request, info, timeoutAt, timeoutMs) : sendAttempt(...);
 */
export class ClientExtras {
  private readonly set: EndpointSet | undefined;
  private readonly transports: AttemptTransport[];
  /** Origin of each endpoint, by index (empty without endpoints). */
  private readonly origins: string[];
  private readonly prober: HealthProber | undefined;
  private readonly auth: AuthProvider | undefined;
  private readonly hedging: ResolvedHedgingOptions | undefined;
  private readonly latency: LatencyTracker | undefined;
  /** Redacts errors of this client (configured fields, credentials in use). */
  readonly redactor: Redactor;

  constructor(
    options: ClientOptions,
    private readonly deps: ClientExtrasDeps,
  ) {
    const { clock } = deps;
    this.redactor = redactorFor(options);
    if (options.endpoints !== undefined) {
      const endpoints = resolveEndpoints(options.endpoints);
      endpoints.forEach((e, i) => {
        if (e.basePath !== '') {
          throw new InvalidOptionsError(
            `endpoints[${i}].url`,
            'an origin without a path (the path prefix of every endpoint comes from baseUrl)',
            e.url,
          );
        }
      });
      const healthCheck = options.healthCheck && resolveHealthCheckOptions(options.healthCheck);
      this.set = new EndpointSet(
        endpoints,
        {
          loadBalancing: resolveLoadBalancing(options.loadBalancing),
          outlierDetection:
            options.outlierDetection && resolveOutlierDetectionOptions(options.outlierDetection),
          healthCheck,
        },
        clock,
      );
      this.transports = endpoints.map((e) => deps.transportFor(e.origin));
      this.origins = endpoints.map((e) => e.origin);
      if (healthCheck !== undefined) {
        this.prober = new HealthProber(this.set, healthCheck, clock);
        this.prober.start();
      }
    } else {
      this.transports = [];
      this.origins = [];
      for (const field of ['outlierDetection', 'healthCheck', 'loadBalancing'] as const) {
        if (options[field] !== undefined) {
          throw new InvalidOptionsError(field, 'to be set only together with `endpoints`', options[field]);
        }
      }
    }
    this.auth = options.auth && createAuthProvider(options.auth, deps.service, clock);
    if (options.hedging !== undefined) {
      this.hedging = resolveHedgingOptions(options.hedging);
      this.latency = new LatencyTracker();
    }
  }

  /** Starts one attempt of a call (possibly a hedged race). */
  start(
    request: AttemptRequest,
    info: { method: string; idempotencyKey: string | undefined },
    timeoutAt: number,
    timeoutMs: number,
  ): AttemptLike {
    const h = this.hedging;
    if (h !== undefined && (IDEMPOTENT_METHODS.has(info.method) || info.idempotencyKey !== undefined)) {
      const delayMs = hedgeDelay(h, this.latency!);
      if (delayMs !== undefined) {
        const legs: AttemptLike[] = [];
        // The attempt reports the origin of the leg whose result it carries: the winner, or
        // the leg that failed last (the race rejects with the last failure).
        let origin: string | undefined;
        let lastFailedOrigin: string | undefined;
        const race = runHedged<RawResponse>({
          clock: this.deps.clock,
          delayMs,
          maxHedges: h.maxHedges,
          launch: () => {
            const leg = this.leg(request, timeoutAt, timeoutMs);
            legs.push(leg);
            if (this.set !== undefined) {
              leg.promise.catch(() => {
                lastFailedOrigin = leg.origin;
              });
            }
            return leg;
          },
          isSuccess: (r) => r.status < 500,
          mayHedge: () => this.deps.tryAcquireRetry?.() ?? true,
          loserReason: () => new AbortedError(this.deps.service),
        });
        return {
          promise: race.then(
            (r) => {
              origin = legs[r.leg]?.origin;
              return r.value;
            },
            (err: unknown) => {
              origin = lastFailedOrigin;
              throw err;
            },
          ),
          abort: (err) => {
            for (const leg of legs) leg.abort(err);
          },
          get origin() {
            return origin;
          },
        };
      }
    }
    return this.leg(request, timeoutAt, timeoutMs);
  }

  /** Health of each endpoint and of the service. */
  health(breakerState: BreakerState, baseUrl: string, inFlight: number): ServiceHealth {
    if (this.set === undefined) return singleOriginHealth(this.deps.service, breakerState, baseUrl, inFlight);
    return serviceHealth(this.deps.service, breakerState, this.set.health());
  }

  /** Redacts an error of this client in place (message, response headers and body, causes). */
  redactError(err: unknown): void {
    this.addAuthSecrets();
    redactErrorInPlace(err, this.redactor);
  }

  /** Text with this client's secrets (credentials in use, configured fields) scrubbed. */
  redactText(text: string): string {
    this.addAuthSecrets();
    return this.redactor.text(text);
  }

  private addAuthSecrets(): void {
    if (this.auth !== undefined) for (const s of this.auth.secrets()) this.redactor.addSecret(s);
  }

  async close(): Promise<void> {
    await this.prober?.close();
    await this.auth?.close();
  }

  /** One leg: credentials, endpoint, transport; a 401 refreshes credentials and resends once. */
  private leg(request: AttemptRequest, timeoutAt: number, timeoutMs: number): AttemptLike {
    const { auth, set } = this;
    // Fast paths: static credentials (or none) need no async wrapper; a single origin needs
    // nothing more, several endpoints one `then` to report the outcome to the EndpointSet.
    if (auth === undefined || !auth.refreshable) {
      const sent =
        auth === undefined
          ? request
          : { ...request, headers: { ...request.headers, ...(auth.headers() as Record<string, string>) } };
      if (set === undefined && this.latency === undefined) {
        return sendAttempt(this.deps.main, sent, timeoutAt, timeoutMs);
      }
      const index = set?.acquire();
      const started = this.deps.clock.now();
      const handler = sendAttempt(
        index === undefined ? this.deps.main : this.transports[index]!,
        sent,
        timeoutAt,
        timeoutMs,
      );
      return {
        promise: handler.promise.then(
          (response) => {
            if (index !== undefined) set!.release(index, endpointOutcome(response.status, undefined));
            if (response.status < 500) this.latency?.record(this.deps.clock.now() - started);
            return response;
          },
          (err: { code?: string }) => {
            if (index !== undefined) set!.release(index, endpointOutcome(undefined, err.code));
            throw err;
          },
        ),
        abort: (err) => handler.abort(err),
        origin: index === undefined ? undefined : this.origins[index],
      };
    }
    let current: AttemptLike | undefined;
    let origin: string | undefined;
    let aborted: Error | undefined;
    const run = async (): Promise<RawResponse> => {
      let resent = false;
      for (;;) {
        const credentials = auth === undefined ? undefined : await auth.headers();
        if (aborted !== undefined) throw aborted;
        const headers = credentials === undefined ? request.headers : { ...request.headers, ...credentials };
        const index = set?.acquire();
        origin = index === undefined ? undefined : this.origins[index];
        const started = this.deps.clock.now();
        const handler = sendAttempt(
          index === undefined ? this.deps.main : this.transports[index]!,
          { ...request, headers },
          timeoutAt,
          timeoutMs,
        );
        current = handler;
        let response: RawResponse;
        try {
          response = await handler.promise;
        } catch (err) {
          if (index !== undefined)
            set!.release(index, endpointOutcome(undefined, (err as { code?: string }).code));
          throw err;
        }
        if (index !== undefined) set!.release(index, endpointOutcome(response.status, undefined));
        if (response.status < 500) this.latency?.record(this.deps.clock.now() - started);
        if (response.status === 401 && auth !== undefined && credentials !== undefined && !resent) {
          resent = true;
          if (await auth.onUnauthorized(credentials)) continue;
        }
        return response;
      }
    };
    return {
      promise: run(),
      abort: (err) => {
        aborted ??= err;
        current?.abort(err);
      },
      get origin() {
        return origin;
      },
    };
  }
}

/**
 * @returns the extras of `options`, or undefined when none is configured (the plain client
 * then keeps its direct path to the transport).
 */
export function createClientExtras(options: ClientOptions, deps: ClientExtrasDeps): ClientExtras | undefined {
  const any =
    options.redact !== undefined ||
    options.endpoints !== undefined ||
    options.auth !== undefined ||
    options.hedging !== undefined ||
    options.outlierDetection !== undefined ||
    options.healthCheck !== undefined ||
    options.loadBalancing !== undefined;
  return any ? new ClientExtras(options, deps) : undefined;
}

/** Redacts errors of clients configured with none of the features: the defaults only. */
export const defaultErrorRedactor: Redactor = redactorFor({});

/** Health of a client with a single origin: its breaker decides. */
export function singleOriginHealth(
  service: string,
  breakerState: BreakerState,
  baseUrl: string,
  inFlight: number,
): ServiceHealth {
  return serviceHealth(service, breakerState, {
    status: 'healthy',
    endpoints: [
      { url: baseUrl, status: 'healthy', outstanding: inFlight, consecutiveFailures: 0, timesEjected: 0 },
    ],
  });
}

/** Scrubs an error (and its causes) in place: message, stack, and an HTTP response it carries. */
export function redactErrorInPlace(err: unknown, redactor: Redactor, depth = 0): void {
  if (typeof err !== 'object' || err === null || depth > 8) return;
  const e = err as Error & { response?: { headers?: Record<string, unknown>; body?: Uint8Array } };
  setIfChanged(e, 'message', redactor);
  setIfChanged(e, 'stack', redactor);
  const response = e.response;
  if (response !== undefined && typeof response === 'object') {
    try {
      if (response.headers !== undefined) response.headers = redactor.headers(response.headers);
      const body = response.body;
      if (body instanceof Uint8Array && body.byteLength > 0) {
        const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
        const scrubbed = redactor.text(text);
        if (scrubbed !== text) response.body = Buffer.from(scrubbed, 'utf8');
      }
    } catch {
      // A frozen response cannot be scrubbed; it is not ours to replace.
    }
  }
  if (e.cause !== undefined) redactErrorInPlace(e.cause, redactor, depth + 1);
}

/**
 * Why only on change and inside try: foreign errors in the cause chain (a DOMException
 * abort reason) have read-only `message` accessors, and assigning to them in strict mode
 * throws, which would replace the caller's typed error with a TypeError.
 */
function setIfChanged(
  e: Record<string, unknown> | Error,
  key: 'message' | 'stack',
  redactor: Redactor,
): void {
  const value = (e as Record<string, unknown>)[key];
  if (typeof value !== 'string') return;
  const scrubbed = redactor.text(value);
  if (scrubbed === value) return;
  try {
    (e as Record<string, unknown>)[key] = scrubbed;
  } catch {
    // read-only: leave it
  }
}
