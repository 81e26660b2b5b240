import { describeBounds, withinBounds } from '../hypothesis-spec.ts';
import type { HypothesisFold } from './hypothesis-fold.ts';

/** `calls: { min?, max? }`: the number of calls started in the scope. */
export function callsFold(bounds: { min?: number; max?: number }): HypothesisFold {
  let calls = 0;
  return {
    observe(event) {
      if (event.type === 'call') calls++;
    },
    verdict() {
      return {
        expected: `calls ${describeBounds(bounds)}`,
        observed: `${calls} calls`,
        pass: withinBounds(calls, bounds),
      };
    },
  };
}
