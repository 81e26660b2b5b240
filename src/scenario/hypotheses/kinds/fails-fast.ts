import type { FoldVerdict, HypothesisFold } from './hypothesis-fold.ts';
import { at } from './wire-evidence.ts';

/**
 * `failsFast: { withinMs, afterMs? }`: every call started `afterMs` or later into the scope
 * (once the breaker should be open) finishes within `withinMs`, ok or not. Measured by the
 * runner around each call, so it holds for any client: one that keeps waiting on a dead
 * dependency, or backs off into its own open breaker, is slow, not safe.
 */
export function failsFastFold(spec: { withinMs: number; afterMs?: number }): HypothesisFold {
  const after = spec.afterMs ?? 0;
  let calls = 0;
  let slow = 0;
  let worst: { t: number; latencyMs: number; call?: string } | undefined;
  return {
    observe(event, scope) {
      if (event.type !== 'call') return;
      if (event.t - (scope.startT ?? 0) < after) return;
      calls++;
      if (event.latencyMs <= spec.withinMs) return;
      slow++;
      if (!worst || event.latencyMs > worst.latencyMs)
        worst = { t: event.t, latencyMs: event.latencyMs, ...(event.call ? { call: event.call } : {}) };
    },
    verdict(scope): FoldVerdict {
      const expected = `fails fast: calls started ${after} ms or more into ${scope.label} finish within ${spec.withinMs} ms`;
      if (calls === 0)
        return {
          expected,
          observed: `no calls started ${after} ms or more into ${scope.label}`,
          pass: false,
          evidence: 'runner',
        };
      return {
        expected,
        observed:
          slow === 0
            ? `all ${calls} calls finished within ${spec.withinMs} ms`
            : `SLOW, NOT FAILING FAST: ${slow} of ${calls} calls took longer than ${spec.withinMs} ms; e.g. call ${worst!.call ?? '?'} started at ${at(worst!.t)} took ${at(worst!.latencyMs)}`,
        pass: slow === 0,
        evidence: 'runner',
      };
    },
  };
}
