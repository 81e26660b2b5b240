/** A finished call as the strategies see it. */
export interface CallRecord {
  failure: boolean;
  /** durationMs >= slowCallDurationMs */
  slow: boolean;
}

/**
 * Decides when a closed circuit opens. Strategies only count and decide; the
 * CircuitBreaker owns the lifecycle (cockatiel's split).
 */
export interface TripStrategy {
  /** Records a call finished while closed; returns why the circuit should open, if it should. */
  record(call: CallRecord, now: number): string | undefined;
  /** Whether a finished half-open probe counts as failed (and reopens the circuit). */
  probeFailed(call: CallRecord): boolean;
  /** Forgets every recorded call (on close). */
  reset(): void;
}
