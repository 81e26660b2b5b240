import type { FoldVerdict, HypothesisFold } from './hypothesis-fold.ts';
import { WireEvidence } from './wire-evidence.ts';

/**
 * `backsOff: { maxAmplification?, fallsTo? }`, for a fault phase:
 * - `maxAmplification`: requests on the wire / calls offered in the scope (a retry storm
 *   multiplies the load on a dependency that is already down);
 * - `fallsTo`: requests on the wire in the second half of the phase <= fallsTo x those in
 *   the first half (the pressure falls as the outage goes on: a breaker opens, backoff
 *   grows). A client without a breaker keeps the same rate and fails this, with no need
 *   for breaker events.
 */
export function backsOffFold(spec: { maxAmplification?: number; fallsTo?: number }): HypothesisFold {
  const evidence = new WireEvidence();
  let calls = 0;
  const halves = [0, 0];
  return {
    observe(event, scope) {
      if (event.type === 'call') calls++;
      if (event.type !== 'wire') return;
      evidence.observe(event, scope);
      if (!scope.contains(event)) return;
      const start = scope.startT ?? 0;
      const duration = scope.plannedMs;
      if (duration === undefined) return;
      halves[event.t - start < duration / 2 ? 0 : 1]!++;
    },
    verdict(scope): FoldVerdict {
      const parts: string[] = [];
      if (spec.maxAmplification !== undefined)
        parts.push(`requests on the wire <= ${spec.maxAmplification} x calls offered`);
      if (spec.fallsTo !== undefined)
        parts.push(`second-half request rate <= ${spec.fallsTo} x the first half's`);
      const expected = `backs off under outage: ${parts.join(' and ')}`;
      const missing =
        evidence.missing(scope, false) ??
        (spec.fallsTo !== undefined && scope.plannedMs === undefined
          ? 'inconclusive: fallsTo needs a phase (it compares its two halves)'
          : undefined);
      if (missing) return { expected, observed: missing, pass: false, evidence: 'wire' };
      const amplification = calls === 0 ? Number.POSITIVE_INFINITY : evidence.requests / calls;
      const stormy = spec.maxAmplification !== undefined && amplification > spec.maxAmplification;
      const flat = spec.fallsTo !== undefined && halves[1]! > spec.fallsTo * halves[0]!;
      const figures = `${evidence.requests} requests on the wire for ${calls} calls (x${round(amplification)}); first half ${halves[0]}, second half ${halves[1]}`;
      const bugs = [
        stormy ? 'RETRY STORM: the client multiplies the load on a failing dependency' : undefined,
        flat ? 'NO BACK-OFF: the request rate does not fall as the outage goes on (no breaker?)' : undefined,
      ].filter(Boolean);
      return {
        expected,
        observed: bugs.length === 0 ? figures : `${bugs.join('; ')}: ${figures}`,
        pass: !stormy && !flat,
        evidence: 'wire',
      };
    },
  };
}

function round(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 100) / 100) : 'inf';
}
