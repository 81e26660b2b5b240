import type { FoldVerdict, HypothesisFold } from './hypothesis-fold.ts';
import { at, WireEvidence } from './wire-evidence.ts';

/**
 * `givesUp: { withinMs }`: every exchange on the wire is over (answered, failed, or closed
 * by the client) within `withinMs` of its request (the client's timeout plus a tolerance).
 * A client without a timeout keeps a hung request open until the fault ends: the wire sees
 * it, whatever the client reports.
 */
export function givesUpFold(spec: { withinMs: number }): HypothesisFold {
  const evidence = new WireEvidence();
  let late = 0;
  let abandoned = 0;
  let worst: { t: number; durationMs: number; call?: string } | undefined;
  return {
    observe(event, scope) {
      if (event.type !== 'wire') return;
      evidence.observe(event, scope);
      if (!scope.contains(event)) return;
      if (event.end === 'client-closed') abandoned++;
      if (event.durationMs <= spec.withinMs) return;
      late++;
      if (!worst || event.durationMs > worst.durationMs)
        worst = { t: event.t, durationMs: event.durationMs, ...(event.call ? { call: event.call } : {}) };
    },
    verdict(scope): FoldVerdict {
      const expected = `gives up in time: every request on the wire is over within ${spec.withinMs} ms`;
      const missing = evidence.missing(scope, false);
      if (missing) return { expected, observed: missing, pass: false, evidence: 'wire' };
      return {
        expected,
        observed:
          late === 0
            ? `${evidence.requests} requests, all over within ${spec.withinMs} ms (${abandoned} closed by the client)`
            : `DOES NOT GIVE UP: ${late} of ${evidence.requests} requests stayed open longer than ${spec.withinMs} ms; e.g. call ${worst!.call ?? '?'} sent at ${at(worst!.t)} was open for ${at(worst!.durationMs)}`,
        pass: late === 0,
        evidence: 'wire',
      };
    },
  };
}
