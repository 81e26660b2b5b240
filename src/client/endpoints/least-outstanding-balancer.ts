import type { Balancer, BalancerView } from './balancer.ts';

/**
 * The candidate with the fewest requests in flight. Ties are broken by a rotating start, so
 * an idle service still spreads its calls instead of always choosing the first endpoint.
 */
export class LeastOutstandingBalancer implements Balancer {
  private start = 0;

  pick(candidates: readonly number[], view: BalancerView): number {
    const n = candidates.length;
    const offset = this.start % n;
    this.start = (this.start + 1) % 1_000_000_007;
    let best = candidates[offset]!;
    let bestLoad = view.outstanding(best);
    for (let k = 1; k < n; k++) {
      const candidate = candidates[(offset + k) % n]!;
      const load = view.outstanding(candidate);
      if (load < bestLoad) {
        best = candidate;
        bestLoad = load;
      }
    }
    return best;
  }
}
