import type { HypothesisFold } from './hypothesis-fold.ts';

export type BreakerHypothesis =
  | { opensWithinCalls: number }
  | { closesWithinMs: number }
  | { neverOpens: true }
  | { opens: true };

/**
 * `breaker: ...`, one of:
 * - `opensWithinCalls: N`: the breaker opens before the (N+1)th call started in the scope.
 *   A call started at the same millisecond as the opening counts as after it.
 * - `closesWithinMs: T`: closed within T ms of the scope start (0 if closed at the start).
 * - `neverOpens: true` / `opens: true`: no / at least one transition to open in the scope.
 */
export function breakerFold(spec: BreakerHypothesis): HypothesisFold {
  let firstOpenAt: number | undefined;
  let opens = 0;
  let callsBeforeOpen = 0;
  let calls = 0;
  let closedAt: number | undefined;
  return {
    observe(event) {
      if (event.type === 'breaker') {
        if (event.to === 'open') {
          opens++;
          firstOpenAt ??= event.t;
        }
        if (event.to === 'closed' && closedAt === undefined) closedAt = event.t;
        return;
      }
      if (event.type !== 'call') return;
      calls++;
      // Calls are logged when they finish; every call logged before the opening started before it.
      if (firstOpenAt === undefined || event.t < firstOpenAt) callsBeforeOpen++;
    },
    verdict(scope) {
      if ('opensWithinCalls' in spec) {
        const n = spec.opensWithinCalls;
        return {
          expected: `breaker opens within ${n} calls`,
          observed:
            firstOpenAt === undefined
              ? `never opened (${calls} calls)`
              : `opened after ${callsBeforeOpen} calls, ${round(firstOpenAt - (scope.startT ?? 0))} ms into ${scope.label}`,
          pass: firstOpenAt !== undefined && callsBeforeOpen <= n,
        };
      }
      if ('closesWithinMs' in spec) {
        const start = scope.startT ?? 0;
        const at = scope.stateAtStart === 'closed' ? start : closedAt;
        return {
          expected: `breaker closed within ${spec.closesWithinMs} ms`,
          observed:
            at === undefined
              ? `still ${scope.state} at the end (${scope.stateAtStart} at the start)`
              : at === start
                ? 'closed at the start'
                : `closed after ${round(at - start)} ms`,
          pass: at !== undefined && at - start <= spec.closesWithinMs,
        };
      }
      if ('neverOpens' in spec) {
        return {
          expected: 'breaker never opens',
          observed: opens === 0 ? `never opened (${calls} calls)` : `opened ${opens} time(s)`,
          pass: opens === 0,
        };
      }
      return {
        expected: 'breaker opens',
        observed: opens === 0 ? `never opened (${calls} calls)` : `opened ${opens} time(s)`,
        pass: opens > 0,
      };
    },
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
