import type { ClientOptions } from '../../client/client-types.ts';
import type { FaultlineConfig } from '../../config/faultline-config-schema.ts';
import { resolveServiceClientOptions, serviceEntry } from '../../config/resolve-service-client-options.ts';
import { startHttpFaultProxies } from '../../http-proxy/start-http-fault-proxies.ts';
import type { Clock } from '../../time/clock.ts';
import { deriveRandom } from '../../time/random.ts';
import { createHttpFaultInterceptor } from '../faults/http/create-http-fault-interceptor.ts';
import { HttpFaultSet } from '../faults/http/http-fault-set.ts';
import type { TcpFaultTarget } from '../faults/tcp/tcp-fault-target.ts';
import type { LoadedScenario } from '../load-scenario-file.ts';
import type { ScenarioEnvironment } from '../scenario-environment.ts';
import type { UndoStack } from '../undo-stack.ts';
import type { WireLog } from '../wire/wire-log.ts';
import { realUpstreams } from './real-upstreams.ts';
import { virtualUpstreams } from './virtual-upstreams.ts';

/** Where a scenario's faults are injected. */
export interface ScenarioFaults {
  http: HttpFaultSet;
  /** One per upstream instance (endpoint i is tcp[i - 1]); empty without a Toxiproxy proxy. */
  tcp: TcpFaultTarget[];
}

export interface ScenarioTopology {
  /** Options of the client under test: registry + scenario overrides, wired to the upstreams. */
  client: ClientOptions;
  faults: ScenarioFaults;
  /** Endpoint number (1-based) of an origin the client called, for call records. */
  endpointOf(origin: string): number | undefined;
  /** Endpoint number of an upstream origin, for wire records (undefined with one upstream). */
  upstreamEndpointOf(origin: string): number | undefined;
}

/**
 * The client options (registry + scenario overrides), the upstream instances and the fault
 * injectors of one scenario. With `upstreams: N` (or any endpoint feature configured) the
 * client gets the instances as `endpoints`:
 *
 *   virtual: N in-process handlers, origins http://<service>-<i>.virtual, one router dispatcher
 *   real:    N Toxiproxy proxies in front of the service (none without tcp faults and N = 1),
 *            each behind an HTTP fault proxy that also records the wire
 *
 * Everything it starts pushes its undo on `undo`.
 *
 * @example
 * const topology = await scenarioTopology(scenario, config, env, { mode, clock, undo, wire });
 * const target = env.createClient(topology.client);
 */
export async function scenarioTopology(
  scenario: LoadedScenario,
  config: FaultlineConfig,
  env: ScenarioEnvironment,
  o: { mode: 'real' | 'virtual'; clock: Clock; undo: UndoStack; wire: WireLog },
): Promise<ScenarioTopology> {
  const entry = serviceEntry(config, scenario.service);
  const resolved = resolveServiceClientOptions(config, scenario.service, scenario.client ?? {});
  const client: ClientOptions = {
    ...resolved,
    baseUrl: '',
    clock: o.clock,
    seed: scenario.seed,
    random: deriveRandom(scenario.seed, 'client'),
  };
  let origins: string[];
  let prefix = '';
  let tcp: TcpFaultTarget[] = [];
  if (o.mode === 'virtual') {
    const upstreams = virtualUpstreams(scenario, entry.reference, env, o.undo);
    origins = upstreams.origins;
    client.dispatcher = upstreams.dispatcher;
    client.baseUrl = origins[0]!;
  } else {
    const baseUrl = resolved.baseUrl ?? (entry.reference ? env.serviceUrl(entry.reference) : undefined);
    ({ origins, prefix, tcp } = await realUpstreams(scenario, baseUrl, env, o.undo));
  }
  const http = new HttpFaultSet({
    clock: o.clock,
    random: deriveRandom(scenario.seed, 'http-faults'),
    endpointOrigins: origins,
  });
  // Real time: HTTP faults and the wire log live in a proxy in front of each upstream, so any
  // client sees them through its baseUrl. Virtual time: in an interceptor the client composes.
  const clientOrigins =
    o.mode === 'real' ? await startHttpFaultProxies(origins, http, o.wire, o.undo) : origins;
  if (o.mode === 'real') client.baseUrl = `${clientOrigins[0]}${prefix}`;
  else client.interceptors = [createHttpFaultInterceptor(http, o.wire)];
  const usesEndpoints =
    scenario.upstreams > 1 ||
    resolved.loadBalancing !== undefined ||
    resolved.outlierDetection !== undefined ||
    resolved.healthCheck !== undefined;
  if (usesEndpoints) client.endpoints = clientOrigins.map((url) => ({ url }));
  return {
    client,
    faults: { http, tcp },
    endpointOf: indexIn(clientOrigins),
    upstreamEndpointOf: scenario.upstreams > 1 ? indexIn(origins) : () => undefined,
  };
}

/** 1-based position of an origin in a list, undefined when absent. */
function indexIn(list: readonly string[]) {
  return (origin: string): number | undefined => {
    const index = list.indexOf(origin);
    return index < 0 ? undefined : index + 1;
  };
}
