import type { FoldVerdict, HypothesisFold } from './hypothesis-fold.ts';
import { at, WireEvidence } from './wire-evidence.ts';

/** Answers that say "this request is wrong": repeating it cannot help. */
export const DEFAULT_NON_RETRYABLE_STATUSES = [400, 401, 404, 422] as const;

/**
 * `nonRetryable: { statuses? }`: once the wire answered a logical call with one of
 * `statuses`, no further request of that call arrives, and the call is not served by a
 * fallback (the caller must see the error). No such answer in the scope: inconclusive.
 */
export function nonRetryableFold(spec: { statuses?: number[] }): HypothesisFold {
  const statuses = new Set(spec.statuses ?? DEFAULT_NON_RETRYABLE_STATUSES);
  const evidence = new WireEvidence();
  /** Calls answered with a non-retryable status, and with which. */
  const answered = new Map<string, { status: number; t: number }>();
  const fellBack = new Set<string>();
  let repeated = 0;
  let example: string | undefined;
  return {
    observe(event, scope) {
      if (event.type === 'call') {
        if (event.call !== undefined && event.fallback !== undefined) fellBack.add(event.call);
        return;
      }
      if (event.type !== 'wire') return;
      evidence.observe(event, scope);
      if (event.call === undefined) return;
      const before = answered.get(event.call);
      if (before && event.t >= before.t) {
        repeated++;
        example ??= `call ${event.call} got ${before.status} at ${at(before.t)} and was sent again at ${at(event.t)}`;
      }
      if (event.status !== undefined && statuses.has(event.status) && !before && scope.contains(event))
        answered.set(event.call, { status: event.status, t: event.t });
    },
    verdict(scope): FoldVerdict {
      const list = [...statuses].join('/');
      const expected = `no retry of non-retryable answers: a ${list} is never repeated for the same call, and no fallback is served for it`;
      const missing =
        evidence.missing(scope, true) ??
        (answered.size === 0 ? `inconclusive: no ${list} was sent on the wire` : undefined);
      if (missing) return { expected, observed: missing, pass: false, evidence: 'wire' };
      const masked = [...answered.keys()].filter((call) => fellBack.has(call));
      const bugs: string[] = [];
      if (repeated > 0) bugs.push(`RETRIED A NON-RETRYABLE ANSWER: ${repeated} repeat(s); e.g. ${example}`);
      if (masked.length > 0)
        bugs.push(`FALLBACK MASKED A NON-RETRYABLE ANSWER: ${masked.length} call(s); e.g. call ${masked[0]}`);
      return {
        expected,
        observed:
          bugs.length === 0
            ? `${answered.size} call(s) answered ${list}, none repeated or masked`
            : bugs.join('; '),
        pass: bugs.length === 0,
        evidence: 'wire',
      };
    },
  };
}
