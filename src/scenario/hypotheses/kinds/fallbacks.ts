import { describeBounds, withinBounds } from '../hypothesis-spec.ts';
import { type HypothesisFold, ratio } from './hypothesis-fold.ts';

/**
 * `fallbacks: { min?, max?, minRate? }`: calls served by a fallback (count and rate). A call
 * whose client reported no outcome at all cannot count either way: inconclusive.
 */
export function fallbacksFold(spec: { min?: number; max?: number; minRate?: number }): HypothesisFold {
  let calls = 0;
  let served = 0;
  let unreported = 0;
  return {
    observe(event) {
      if (event.type !== 'call') return;
      calls++;
      if (event.fallback !== undefined) served++;
      else if (event.shortCircuited === undefined) unreported++;
    },
    verdict() {
      const parts: string[] = [];
      if (spec.min !== undefined || spec.max !== undefined)
        parts.push(`fallbacks ${describeBounds({ min: spec.min, max: spec.max })}`);
      if (spec.minRate !== undefined) parts.push(`fallback rate >= ${spec.minRate}`);
      if (unreported > 0)
        return {
          expected: parts.join(' and ') || 'fallbacks: any',
          observed: `inconclusive: the client reported no outcome for ${unreported} of ${calls} calls (CallOutcome.fallback)`,
          pass: false,
        };
      const rateOk = spec.minRate === undefined || (calls > 0 && served / calls >= spec.minRate);
      return {
        expected: parts.join(' and ') || 'fallbacks: any',
        observed: `${served} of ${calls} calls served by a fallback (rate ${ratio(served, calls)})`,
        pass: withinBounds(served, spec) && rateOk,
      };
    },
  };
}
