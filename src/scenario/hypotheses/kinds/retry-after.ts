import { parseRetryAfter } from '../../../client/retry/parse-retry-after.ts';
import type { FoldVerdict, HypothesisFold } from './hypothesis-fold.ts';
import { at, WireEvidence } from './wire-evidence.ts';

/** Slack for a retry that arrives just before the Retry-After elapsed (timer and socket lag), ms. */
export const DEFAULT_RETRY_AFTER_TOLERANCE_MS = 50;

/**
 * `retryAfter: { respected: true, toleranceMs? }`: no request of a logical call arrives on
 * the wire before the `Retry-After` the wire answered that call with has elapsed (counted
 * from when the answer was sent). No Retry-After sent in the scope: inconclusive.
 */
export function retryAfterFold(spec: { respected: true; toleranceMs?: number }): HypothesisFold {
  const tolerance = spec.toleranceMs ?? DEFAULT_RETRY_AFTER_TOLERANCE_MS;
  const evidence = new WireEvidence();
  /** Per call: the earliest time its next request may arrive. */
  const notBefore = new Map<string, { until: number; inScope: boolean }>();
  let sent = 0;
  let violations = 0;
  let example: string | undefined;
  return {
    observe(event, scope) {
      if (event.type !== 'wire') return;
      evidence.observe(event, scope);
      if (event.call === undefined) return;
      // An answer sent in the scope binds the call's next request, in whatever phase it lands.
      const earliest = notBefore.get(event.call);
      if (earliest?.inScope && event.t + tolerance < earliest.until) {
        violations++;
        example ??= `call ${event.call} was told to wait until ${at(earliest.until)} and came back at ${at(event.t)}`;
      }
      if (event.retryAfter === undefined) return;
      const waitMs = parseRetryAfter(event.retryAfter, Date.now());
      if (waitMs === undefined) return;
      const inScope = scope.contains(event);
      if (inScope) sent++;
      notBefore.set(event.call, { until: event.t + event.durationMs + waitMs, inScope });
    },
    verdict(scope): FoldVerdict {
      const expected = 'Retry-After respected: no call retries before the Retry-After it was sent';
      const missing =
        evidence.missing(scope, true) ??
        (sent === 0 ? 'inconclusive: no Retry-After was sent on the wire' : undefined);
      if (missing) return { expected, observed: missing, pass: false, evidence: 'wire' };
      return {
        expected,
        observed:
          violations === 0
            ? `${sent} Retry-After answer(s), none retried early`
            : `RETRY-AFTER IGNORED: ${violations} early retr${violations === 1 ? 'y' : 'ies'} after ${sent} Retry-After answer(s); e.g. ${example}`,
        pass: violations === 0,
        evidence: 'wire',
      };
    },
  };
}
