import type { AttemptRecord, BreakerRecord, CallRecord, WireRecord } from '../run-events.ts';
import type { Metrics } from '../run-result.ts';
import { LatencyHistogram } from './latency-histogram.ts';

/** At most this many breaker transitions are listed per metrics block (all are counted). */
export const MAX_LISTED_TRANSITIONS = 1000;

/** Which evidence the client under test reports (a user's adapter may not report some). */
export interface ClientEvidence {
  /** Attempt records (`onAttempt`): upstream-call counts. */
  attempts: boolean;
  /** Breaker transitions (`onBreakerStateChange`). */
  breaker: boolean;
  /**
   * The run recorded every request on the wire (HTTP fault proxy or interceptor): attempts
   * per call and upstream calls are counted there, whatever the client says. @default false
   */
  wire?: boolean;
}

/**
 * Folds call, attempt and breaker records into one `Metrics` block (for a phase or a whole
 * scenario) in constant memory: counters plus one hdr histogram. A figure the client does
 * not report is `null` (unknown), never 0 or an assumed 1 attempt per call.
 */
export class MetricsAccumulator {
  /** Calls without a reported attempt count / without any reported outcome. */
  private attemptsUnreported = 0;
  private outcomeUnreported = 0;

  constructor(private readonly evidence: ClientEvidence = { attempts: true, breaker: true }) {}

  private calls = 0;
  private ok = 0;
  private failed = 0;
  private unknown = 0;
  private attempts = 0;
  private upstreamCalls = 0;
  private upstreamCallsWhileOpen = 0;
  private wireRequests = 0;
  private fallbacks = 0;
  private shortCircuits = 0;
  private deadlineExceeded = 0;
  private transitionCount = 0;
  private readonly transitions: Metrics['breakerTransitions'] = [];
  private readonly latency = new LatencyHistogram(3);

  observeCall(call: CallRecord): void {
    this.calls++;
    if (call.outcome === 'ok') this.ok++;
    else if (call.outcome === 'failed') this.failed++;
    else this.unknown++;
    if (call.attempts === undefined) this.attemptsUnreported++;
    else this.attempts += call.attempts;
    if (call.shortCircuited === undefined && call.fallback === undefined) this.outcomeUnreported++;
    if (call.fallback !== undefined) this.fallbacks++;
    if (call.shortCircuited) this.shortCircuits++;
    if (call.deadlineExceeded) this.deadlineExceeded++;
    this.latency.record(call.latencyMs);
  }

  /** @param whileOpen the breaker was open or half-open when the attempt started. */
  observeAttempt(_attempt: AttemptRecord, whileOpen: boolean): void {
    this.upstreamCalls++;
    if (whileOpen) this.upstreamCallsWhileOpen++;
  }

  /** One request on the wire (wire log). */
  observeWire(_record: WireRecord): void {
    this.wireRequests++;
  }

  observeBreaker(record: BreakerRecord): void {
    this.transitionCount++;
    if (this.transitions.length < MAX_LISTED_TRANSITIONS) {
      this.transitions.push({ t: record.t, phase: record.phase, from: record.from, to: record.to });
    }
  }

  result(): Metrics {
    const hasCalls = this.calls > 0;
    const wire = this.evidence.wire === true;
    return {
      calls: this.calls,
      ok: this.ok,
      failed: this.failed,
      unknown: this.unknown,
      successRate: hasCalls ? this.ok / this.calls : null,
      latencyMs: hasCalls
        ? {
            p50: this.latency.percentile(50)!,
            p95: this.latency.percentile(95)!,
            p99: this.latency.percentile(99)!,
            max: this.latency.max()!,
          }
        : null,
      attemptsPerCall: !hasCalls
        ? null
        : wire
          ? this.wireRequests / this.calls
          : this.attemptsUnreported === 0
            ? this.attempts / this.calls
            : null,
      upstreamCalls: wire ? this.wireRequests : this.evidence.attempts ? this.upstreamCalls : null,
      measuredOn: wire ? 'wire' : 'client',
      upstreamCallsWhileOpen:
        this.evidence.attempts && this.evidence.breaker ? this.upstreamCallsWhileOpen : null,
      fallbacks: this.outcomeUnreported === 0 ? this.fallbacks : null,
      shortCircuits: this.outcomeUnreported === 0 ? this.shortCircuits : null,
      deadlineExceeded: this.deadlineExceeded,
      breakerTransitions: [...this.transitions].sort((a, b) => a.t - b.t),
      breakerTransitionCount: this.evidence.breaker ? this.transitionCount : null,
    };
  }
}
