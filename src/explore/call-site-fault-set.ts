import { http, passthrough, type RequestHandler } from 'msw';
import { respond } from '../scenario/faults/http/build-fault-handlers.ts';
import { HttpFaultSet } from '../scenario/faults/http/http-fault-set.ts';
import type { HttpFaultSpec } from '../scenario/faults/http/http-fault-spec.ts';
import type { Clock } from '../time/clock.ts';
import { deriveRandom } from '../time/random.ts';
import { type Endpoint, endpointOf } from './endpoint.ts';

/** A fault on exactly one call: the `occurrence`-th request of `endpoint`. */
export interface CallSiteFault {
  endpoint: string;
  occurrence: number;
  spec: HttpFaultSpec;
}

/**
 * The HTTP faults of one service's proxy in an exploration run: one MSW handler counts the
 * requests of each endpoint (as the pact groups them) and puts a fault on exactly the
 * targeted occurrences; every other request passes through untouched.
 * `hits` tells which targets were reached (a target never reached proves nothing).
 */
export class CallSiteFaultSet extends HttpFaultSet {
  private handler: RequestHandler[] = [];
  /** Per target (in the order given): whether its request arrived. */
  reached: boolean[] = [];

  constructor(clock: Clock, endpoints: readonly Endpoint[], targets: readonly CallSiteFault[]) {
    super({ clock, random: deriveRandom(0, 'explore') });
    if (targets.length === 0) return;
    this.reached = targets.map(() => false);
    const seen = new Map<string, number>();
    const ctx = {
      clock,
      random: deriveRandom(0, 'explore'),
      appliedAt: clock.now(),
      bodyEffects: this.bodyEffects,
    };
    this.handler = [
      http.all('*', async ({ request }) => {
        const endpoint = endpointOf(endpoints, request.method, new URL(request.url).pathname);
        if (!endpoint) return passthrough();
        const n = (seen.get(endpoint.key) ?? 0) + 1;
        seen.set(endpoint.key, n);
        const index = targets.findIndex((t) => t.endpoint === endpoint.key && t.occurrence === n);
        if (index < 0) return passthrough();
        this.reached[index] = true;
        const spec = targets[index]!.spec;
        if (typeof spec.delayMs === 'number') await clock.sleep(spec.delayMs, request.signal);
        return respond(spec, request, ctx);
      }),
    ];
  }

  override get handlers(): readonly RequestHandler[] {
    return this.handler;
  }
}
