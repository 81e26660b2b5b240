import type { CallSite } from './call-site.ts';
import { endpointOf } from './endpoint.ts';
import type { ExploreService } from './explore-service.ts';
import type { ServiceWireEntry } from './start-run-proxies.ts';

/** What a run's wire log says about the dependency calls it made. */
export interface ObservedCalls {
  /** Call sites in arrival order: each request of an endpoint the pacts cover. */
  callSites: CallSite[];
  /** Requests no pact interaction covers (`GET /health` on payments): not explored. */
  unmatched: string[];
}

/**
 * The call sites of a run, from its wire log: every request matched to a pact endpoint
 * (method and path pattern), numbered per endpoint in the order the requests arrived.
 */
export function observeCallSites(
  wire: readonly ServiceWireEntry[],
  services: readonly ExploreService[],
): ObservedCalls {
  const byName = new Map(services.map((s) => [s.name, s]));
  const seen = new Map<string, number>();
  const callSites: CallSite[] = [];
  const unmatched = new Set<string>();
  for (const entry of [...wire].sort((a, b) => a.startedAt - b.startedAt)) {
    const endpoint = endpointOf(byName.get(entry.service)?.endpoints ?? [], entry.method, entry.path);
    if (!endpoint) {
      unmatched.add(`${entry.service}: ${entry.method} ${entry.path}`);
      continue;
    }
    const key = `${entry.service} ${endpoint.key}`;
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    callSites.push({ service: entry.service, endpoint: endpoint.key, occurrence });
  }
  return { callSites, unmatched: [...unmatched] };
}

/** Whether a run reached a call site (made at least `occurrence` requests to its endpoint). */
export function reachedCallSite(observed: ObservedCalls, site: CallSite): boolean {
  return observed.callSites.some(
    (s) => s.service === site.service && s.endpoint === site.endpoint && s.occurrence >= site.occurrence,
  );
}
