import type { AttemptRecord, BreakerRecord, CallRecord } from '../../../report/run-events.ts';
import type { HypothesisScope } from '../hypothesis-scope.ts';

/**
 * One hypothesis kind: a streaming fold over the call, attempt and breaker records of its
 * scope, and a verdict at the end. Kinds keep counters, not records (O(1) memory; latency
 * uses an HDR histogram).
 */
export interface HypothesisFold {
  observe(event: CallRecord | AttemptRecord | BreakerRecord, scope: HypothesisScope): void;
  verdict(scope: HypothesisScope): FoldVerdict;
}

export interface FoldVerdict {
  /** What must hold, e.g. "success rate >= 0.99". */
  expected: string;
  /** What was measured, e.g. "0.995 (199/200 calls ok)". */
  observed: string;
  pass: boolean;
}

/** Formats a ratio with up to 3 decimals. */
export function ratio(n: number, d: number): string {
  return d === 0 ? 'n/a' : String(Math.round((n / d) * 1000) / 1000);
}
