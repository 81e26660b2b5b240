import { describeBounds, withinBounds } from '../hypothesis-spec.ts';
import { type HypothesisFold, ratio } from './hypothesis-fold.ts';

/**
 * `errors: { code, min?, max? }`: calls of the scope that ended with error `code` (the
 * client's stable code, e.g. FAULTLINE_BULKHEAD_FULL) are within the bounds.
 */
export function errorsFold(spec: { code: string; min?: number; max?: number }): HypothesisFold {
  let calls = 0;
  let matching = 0;
  return {
    observe(event) {
      if (event.type !== 'call') return;
      calls++;
      if (event.errorCode === spec.code) matching++;
    },
    verdict() {
      return {
        expected: `calls failing with ${spec.code} ${describeBounds(spec)}`,
        observed: `${matching} of ${calls} calls failed with ${spec.code} (rate ${ratio(matching, calls)})`,
        pass: withinBounds(matching, spec),
      };
    },
  };
}
