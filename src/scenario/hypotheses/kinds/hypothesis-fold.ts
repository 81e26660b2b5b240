import type { AttemptRecord, BreakerRecord, CallRecord, WireRecord } from '../../../report/run-events.ts';
import type { HypothesisScope } from '../hypothesis-scope.ts';

/** The records of a scope that hypothesis kinds fold. */
export type FoldedRecord = CallRecord | AttemptRecord | BreakerRecord | WireRecord;

/**
 * One hypothesis kind: a streaming fold over the call, attempt, breaker and wire records
 * of its scope, and a verdict at the end. Kinds keep counters, not records (O(1) memory;
 * latency uses an HDR histogram), except the per-call kinds, which keep O(calls) state.
 */
export interface HypothesisFold {
  observe(event: FoldedRecord, scope: HypothesisScope): void;
  verdict(scope: HypothesisScope): FoldVerdict;
}

export interface FoldVerdict {
  /** What must hold, e.g. "success rate >= 0.99". */
  expected: string;
  /** What was measured, e.g. "0.995 (199/200 calls ok)". */
  observed: string;
  pass: boolean;
  /**
   * Where the figure comes from: the wire log (the HTTP fault proxy or interceptor), the
   * runner's own records of the calls it made, or the client's reports about itself.
   */
  evidence?: 'wire' | 'runner' | 'client';
}

/** Formats a ratio with up to 3 decimals. */
export function ratio(n: number, d: number): string {
  return d === 0 ? 'n/a' : String(Math.round((n / d) * 1000) / 1000);
}
