import { startHttpFaultProxy } from '../http-proxy/start-http-fault-proxy.ts';
import { startFaultProxy } from '../proxy/start-fault-proxy.ts';
import { UndoStack } from '../scenario/undo-stack.ts';
import { type WireEntry, WireLog } from '../scenario/wire/wire-log.ts';
import { systemClock } from '../time/system-clock.ts';
import { type CallSiteFault, CallSiteFaultSet } from './call-site-fault-set.ts';
import type { ExploreService } from './explore-service.ts';

/** A wire entry with the registry service it was for. */
export interface ServiceWireEntry extends WireEntry {
  service: string;
}

export interface RunProxies {
  /** Environment for the test command: each service's `env` = its HTTP fault proxy's URL. */
  env: Record<string, string>;
  /** Every exchange, in the order they finished (sort by `startedAt` for arrival order). */
  wire: ServiceWireEntry[];
  /** Per service, per target: whether the targeted request arrived. */
  reached(service: string): boolean[];
  close(): Promise<void>;
}

/**
 * The proxies of one run, fresh ports each, so runs can go in parallel:
 *
 *   test command --(SERVICE_URL)--> HTTP fault proxy --> TCP fault proxy --> service baseUrl
 *                                   call-site faults      (Toxiproxy API,
 *                                   + wire log            pass-through)
 */
export async function startRunProxies(
  services: readonly ExploreService[],
  targets: ReadonlyMap<string, CallSiteFault[]>,
): Promise<RunProxies> {
  const undo = new UndoStack();
  const wire: ServiceWireEntry[] = [];
  const sets = new Map<string, CallSiteFaultSet>();
  const env: Record<string, string> = {};
  try {
    const tcp = await startFaultProxy({
      port: 0,
      config: services.map((s) => ({
        name: s.name,
        listen: '127.0.0.1:0',
        upstream: new URL(s.baseUrl).host,
      })),
    });
    undo.push('stop the TCP fault proxy', () => tcp.close());
    const listed = (await (await fetch(`${tcp.url}/proxies`)).json()) as Record<string, { listen: string }>;
    for (const service of services) {
      const origin = new URL(service.baseUrl).origin;
      const log = new WireLog({
        clock: systemClock,
        onEntry: (e) => wire.push({ ...e, service: service.name }),
      });
      const faults = new CallSiteFaultSet(systemClock, service.endpoints, targets.get(service.name) ?? []);
      sets.set(service.name, faults);
      const http = await startHttpFaultProxy({
        upstream: `http://${listed[service.name]!.listen}`,
        faultOrigin: origin,
        faults,
        wire: log,
      });
      undo.push(`stop the HTTP fault proxy of ${service.name}`, () => http.close());
      env[service.env] = http.url;
    }
  } catch (err) {
    await undo.drain();
    throw err;
  }
  return {
    env,
    wire,
    reached: (service) => sets.get(service)?.reached ?? [],
    close: async () => {
      await undo.drain();
    },
  };
}
