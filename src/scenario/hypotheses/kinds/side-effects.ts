import type { FoldVerdict, HypothesisFold } from './hypothesis-fold.ts';
import { at, WireEvidence } from './wire-evidence.ts';

/** Methods whose repetition creates a second side effect unless it carries the same key. */
export const DEFAULT_NON_IDEMPOTENT_METHODS = ['POST', 'PATCH'] as const;

/**
 * `sideEffects: { duplicates: { max }, methods? }`: a non-idempotent request (POST/PATCH by
 * default) of one logical call that reaches the real upstream more than once without the
 * same `Idempotency-Key` is a duplicate side effect (two charges, two e-mails). Counted
 * on the wire: requests forwarded to the upstream, grouped by call tag; requests of a call
 * that share a key count once per key.
 */
export function sideEffectsFold(spec: { duplicates: { max: number }; methods?: string[] }): HypothesisFold {
  const methods = new Set((spec.methods ?? DEFAULT_NON_IDEMPOTENT_METHODS).map((m) => m.toUpperCase()));
  const evidence = new WireEvidence();
  /** Per call: keys seen, and when its effects reached the upstream. */
  const calls = new Map<string, { keys: Set<string>; times: number[] }>();
  let duplicates = 0;
  let example: { call: string; times: number[] } | undefined;
  return {
    observe(event, scope) {
      if (event.type !== 'wire') return;
      evidence.observe(event, scope);
      if (!scope.contains(event)) return;
      if (!event.upstream || !methods.has(event.method) || event.call === undefined) return;
      let state = calls.get(event.call);
      if (!state) {
        state = { keys: new Set(), times: [] };
        calls.set(event.call, state);
      }
      const key = event.idempotencyKey;
      if (key !== undefined && state.keys.has(key)) return; // the upstream deduplicates it
      if (key !== undefined) state.keys.add(key);
      state.times.push(event.t);
      if (state.times.length > 1) {
        duplicates++;
        example ??= { call: event.call, times: state.times };
      }
    },
    verdict(scope): FoldVerdict {
      const expected = `duplicate side effects (${[...methods].join('/')} of one call reaching the upstream twice without the same Idempotency-Key) <= ${spec.duplicates.max}`;
      const missing = evidence.missing(scope, true);
      if (missing) return { expected, observed: missing, pass: false, evidence: 'wire' };
      return {
        expected,
        observed:
          duplicates === 0
            ? `no duplicate side effects (${calls.size} calls reached the upstream)`
            : `DUPLICATE SIDE EFFECTS: ${duplicates} extra upstream request(s) without the same Idempotency-Key; e.g. call ${example!.call} reached the upstream at ${example!.times.map(at).join(', ')}`,
        pass: duplicates <= spec.duplicates.max,
        evidence: 'wire',
      };
    },
  };
}
