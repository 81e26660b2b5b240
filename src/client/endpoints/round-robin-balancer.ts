import type { Balancer } from './balancer.ts';

/**
 * Each candidate in turn. The cursor counts picks, so when the candidate set shrinks (an
 * endpoint is ejected) the rotation carries on over the ones left.
 */
export class RoundRobinBalancer implements Balancer {
  private cursor = 0;

  pick(candidates: readonly number[]): number {
    const i = this.cursor % candidates.length;
    this.cursor = (this.cursor + 1) % 1_000_000_007;
    return candidates[i]!;
  }
}
