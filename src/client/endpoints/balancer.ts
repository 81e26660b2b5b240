import type { LoadBalancing } from '../client-types.ts';
import { LeastOutstandingBalancer } from './least-outstanding-balancer.ts';
import { RoundRobinBalancer } from './round-robin-balancer.ts';
import { WeightedBalancer } from './weighted-balancer.ts';

/**
 * A selection strategy: only decides. It is handed the indices of the endpoints in rotation
 * (never empty) and what it may need to know about them; the EndpointSet owns the state.
 */
export interface Balancer {
  /** Returns one of `candidates`. */
  pick(candidates: readonly number[], view: BalancerView): number;
}

/** Read-only facts about the endpoints, by index. */
export interface BalancerView {
  outstanding(index: number): number;
  weight(index: number): number;
}

/**
 * @example
 * createBalancer('least-outstanding').pick([0, 2], view);
 */
export function createBalancer(kind: LoadBalancing, endpointCount: number): Balancer {
  switch (kind) {
    case 'round-robin':
      return new RoundRobinBalancer();
    case 'least-outstanding':
      return new LeastOutstandingBalancer();
    case 'weighted':
      return new WeightedBalancer(endpointCount);
  }
}
