import { matchesInteraction, type PactInteraction } from './pact-interaction.ts';

/**
 * An endpoint of a dependency: the pact interactions that share a method and a path
 * (pattern). Its 2xx interaction is the answer a call normally gets; the others are the
 * non-2xx answers the contract documents (402, 429 + Retry-After, ...).
 */
export interface Endpoint {
  /** `POST /charges`: method and path (pattern) as the pact writes them. */
  key: string;
  interactions: PactInteraction[];
  /** The first 2xx interaction, if the pact has one. */
  success?: PactInteraction;
}

/** Groups a pact's interactions by method and path pattern, in the pact's order. */
export function groupEndpoints(interactions: readonly PactInteraction[]): Endpoint[] {
  const byKey = new Map<string, Endpoint>();
  for (const i of interactions) {
    const key = `${i.method} ${i.pathRegex ?? i.path}`;
    let endpoint = byKey.get(key);
    if (!endpoint) {
      endpoint = { key, interactions: [] };
      byKey.set(key, endpoint);
    }
    endpoint.interactions.push(i);
    if (i.status >= 200 && i.status < 300) endpoint.success ??= i;
  }
  return [...byKey.values()];
}

/** The endpoint a request (as seen on the wire) belongs to, or undefined when no pact covers it. */
export function endpointOf(
  endpoints: readonly Endpoint[],
  method: string,
  path: string,
): Endpoint | undefined {
  return endpoints.find((e) => e.interactions.some((i) => matchesInteraction(i, method, path)));
}
