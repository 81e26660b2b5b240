import type { Balancer, BalancerView } from './balancer.ts';

/**
 * Smooth weighted round-robin (nginx): every pick adds each candidate's weight to its
 * running score, takes the highest score and subtracts the total from it. Over any
 * `sum(weights)` consecutive picks each endpoint gets exactly its share, interleaved
 * (weights 5,1,1 give a a b a c a a, not a a a a a b c), and it needs no randomness.
 */
export class WeightedBalancer implements Balancer {
  private readonly scores: Float64Array;

  constructor(endpointCount: number) {
    this.scores = new Float64Array(endpointCount);
  }

  pick(candidates: readonly number[], view: BalancerView): number {
    let total = 0;
    let best = candidates[0]!;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const i of candidates) {
      const w = view.weight(i);
      total += w;
      const score = this.scores[i]! + w;
      this.scores[i] = score;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    this.scores[best] = bestScore - total;
    return best;
  }
}
