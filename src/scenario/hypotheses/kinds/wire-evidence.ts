import type { WireRecord } from '../../../report/run-events.ts';
import type { HypothesisScope } from '../hypothesis-scope.ts';

/**
 * What a wire-based kind needs before it may pass: a wire log, requests on it, and (for the
 * kinds that group requests by logical call) the load driver's `X-Faultline-Call` tag on
 * them. A client that drops caller headers leaves its requests untagged: those kinds are
 * then inconclusive (failed, with the reason), never passing.
 */
export class WireEvidence {
  requests = 0;
  tagged = 0;

  /** Counts `event` when it is in the scope. */
  observe(event: WireRecord, scope: HypothesisScope): void {
    if (!scope.contains(event)) return;
    this.requests++;
    if (event.call !== undefined) this.tagged++;
  }

  /** Why the verdict cannot be trusted, or undefined when the evidence is there. */
  missing(scope: HypothesisScope, needsTags: boolean): string | undefined {
    if (!scope.hasWireLog) return 'inconclusive: this run recorded no wire log';
    if (this.requests === 0) return 'inconclusive: no request reached the wire in this scope';
    if (needsTags && this.tagged === 0)
      return `inconclusive: none of the ${this.requests} requests on the wire carries the X-Faultline-Call tag (the client drops caller headers), so requests cannot be grouped by call`;
    return undefined;
  }
}

/** Formats a time for messages: one decimal, ms. */
export function at(ms: number): string {
  return `${Math.round(ms * 10) / 10} ms`;
}
