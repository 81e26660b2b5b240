import type { HttpFaultSet } from '../scenario/faults/http/http-fault-set.ts';
import type { UndoStack } from '../scenario/undo-stack.ts';
import type { WireLog } from '../scenario/wire/wire-log.ts';
import { startHttpFaultProxy } from './start-http-fault-proxy.ts';

/**
 * One HTTP fault proxy in front of each upstream instance (real time), sharing the
 * scenario's fault set and wire log; each closes on the undo stack. Returns the proxies'
 * origins, in the order of `upstreams`:
 *
 *   client --> HTTP fault proxy i --> [Toxiproxy proxy i, with tcp faults] --> upstream
 *
 * Faults see each request with its upstream's origin, so `endpoint: i` faults still match.
 */
export async function startHttpFaultProxies(
  upstreams: readonly string[],
  faults: HttpFaultSet,
  wire: WireLog,
  undo: UndoStack,
): Promise<string[]> {
  const out: string[] = [];
  for (const upstream of upstreams) {
    const proxy = await startHttpFaultProxy({ upstream, faults, faultOrigin: upstream, wire });
    undo.push(`stop the HTTP fault proxy in front of ${upstream}`, () => proxy.close());
    out.push(proxy.url);
  }
  return out;
}
