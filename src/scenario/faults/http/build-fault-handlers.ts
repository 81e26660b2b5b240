import { HttpResponse, http, passthrough, type RequestHandler } from 'msw';
import type { Clock } from '../../../time/clock.ts';
import type { Random } from '../../../time/random.ts';
import { type BodyEffect, bodyEffectOf, type HttpFaultSpec } from './http-fault-spec.ts';
import { sampleDelay } from './sample-delay.ts';

/** Header the interceptor puts on the MSW request so resolvers can hand it a body effect. */
export const FAULT_REQUEST_ID_HEADER = 'x-faultline-fault-request';

export interface FaultHandlerContext {
  clock: Clock;
  /** Per-request draws (rates, delays): deriveRandom(seed, 'http-faults'). */
  random: Random;
  /** Clock reading when the faults were applied (phase start): origin of `flap`. */
  appliedAt: number;
  /** Where a resolver leaves the body effect for a request it passes through. */
  bodyEffects: Map<string, BodyEffect>;
  /** Origin of each upstream instance, in order: `endpoint: i` matches origin `i - 1`. */
  endpointOrigins?: readonly string[];
  /** Called each time a fault hits a request (index of the fault in the phase). */
  onHit?: (faultIndex: number) => void;
}

/**
 * One MSW handler per fault (`http.all('*', resolver)`), in the order written: the first
 * fault that hits a request decides it; a resolver that returns nothing lets the next one
 * try; no handler answering means the request goes to the real upstream.
 *
 * A hit is decided in this order: endpoint (the request's origin is that instance's),
 * match (method, exact path or prefix ending in `*`), flap window, firstN (counts matching
 * requests), then the rate draw.
 */
export function buildFaultHandlers(faults: HttpFaultSpec[], ctx: FaultHandlerContext): RequestHandler[] {
  return faults.map((fault, index) => {
    let matched = 0;
    return http.all('*', async ({ request }) => {
      if (!onEndpoint(fault, request, ctx.endpointOrigins)) return undefined;
      if (!matches(fault, request)) return undefined;
      if (fault.flap && !flapActive(fault.flap, ctx.clock.now() - ctx.appliedAt)) return undefined;
      matched++;
      if (fault.firstN !== undefined && matched > fault.firstN) return undefined;
      if (fault.rate !== undefined && fault.rate < 1 && !(ctx.random.next() < fault.rate)) return undefined;
      ctx.onHit?.(index);
      if (fault.delayMs !== undefined)
        await ctx.clock.sleep(sampleDelay(fault.delayMs, ctx.random), request.signal);
      return respond(fault, request, ctx);
    });
  });
}

/** The answer of a fault that hits `request` (after its delay): an error, a status, or passthrough with its body effect. */
export function respond(fault: HttpFaultSpec, request: Request, ctx: FaultHandlerContext): Response {
  if (fault.networkError) return HttpResponse.error();
  if (fault.status !== undefined) {
    const headers: Record<string, string> = {};
    if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
    const body = fault.body ?? {
      error: { code: 'injected_fault', message: `Faultline injected HTTP ${fault.status}` },
    };
    return HttpResponse.json(body as never, { status: fault.status, headers });
  }
  const effect = bodyEffectOf(fault);
  const id = request.headers.get(FAULT_REQUEST_ID_HEADER);
  if (effect && id) ctx.bodyEffects.set(id, effect);
  return passthrough();
}

function onEndpoint(fault: HttpFaultSpec, request: Request, origins: readonly string[] = []): boolean {
  if (fault.endpoint === undefined) return true;
  return new URL(request.url).origin === origins[fault.endpoint - 1];
}

function matches(fault: HttpFaultSpec, request: Request): boolean {
  const { method, path } = fault.match ?? {};
  if (method && method.toUpperCase() !== request.method.toUpperCase()) return false;
  if (path) {
    const actual = new URL(request.url).pathname;
    if (path.endsWith('*')) return actual.startsWith(path.slice(0, -1));
    return actual === path;
  }
  return true;
}

function flapActive(flap: { onMs: number; offMs: number }, sinceApplied: number): boolean {
  const period = flap.onMs + flap.offMs;
  return period <= 0 || sinceApplied % period < flap.onMs;
}
