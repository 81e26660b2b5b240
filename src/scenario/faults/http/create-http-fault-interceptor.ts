import type { Dispatcher } from 'undici';
import { SyntheticController } from '../../dispatch/synthetic-controller.ts';
import { headersOf, toDispatchHandler } from '../../dispatch/to-dispatch-handler.ts';
import type { WireLog } from '../../wire/wire-log.ts';
import { createBodyEffectHandler } from './body-effect-handler.ts';
import { FAULT_REQUEST_ID_HEADER } from './build-fault-handlers.ts';
import { decideHttpFault } from './decide-http-fault.ts';
import type { HttpFaultSet } from './http-fault-set.ts';

/**
 * The undici interceptor that puts HTTP-level faults in the client's own code path. It is
 * composed into the client's dispatcher (`ClientOptions.interceptors`), so retries,
 * timeouts, the breaker and fallbacks all see the faults as they would see a real upstream.
 * It is the virtual-time twin of the HTTP fault proxy (src/http-proxy/): both decide with
 * decideHttpFault.
 *
 *   client policies --> [this interceptor] --> transport (pool or in-process upstream)
 *                             |
 *                       MSW getResponse(handlers of the faults in force)
 *                             |
 *          answered: synthesise status/headers/body, or a connection reset
 *          passthrough: call the transport, maybe truncating/malforming/slowing the body
 *
 * The caller's handler is started immediately with a synthetic controller, so its
 * timeout can abort a request while an injected delay is pending (the delay sleeps on the
 * injected clock with that abort signal). With a `wire` log every request that reaches
 * the interceptor is recorded as it would be on the wire.
 *
 * @example
 * const faults = new HttpFaultSet({ clock, random: deriveRandom(seed, 'http-faults') });
 * createClient({ service, baseUrl, clock, interceptors: [createHttpFaultInterceptor(faults)] });
 */
export function createHttpFaultInterceptor(
  faults: HttpFaultSet,
  wire?: WireLog,
): Dispatcher.DispatcherComposeInterceptor {
  let seq = 0;
  return (dispatch) => (opts, rawHandler) => {
    if (faults.handlers.length === 0 && !wire) return dispatch(opts, rawHandler);
    const origin = String(opts.origin ?? 'http://upstream.invalid');
    const headers = headersOf(opts);
    const exchange = wire?.open({ method: String(opts.method), path: opts.path, origin, headers });
    const handler = toDispatchHandler(rawHandler);
    const caller = new SyntheticController(exchange ? exchange.observe(handler) : handler);
    const abort = new AbortController();
    caller.onAbort((reason) => {
      exchange?.clientClosed();
      abort.abort(reason);
    });
    caller.start();
    const id = String(++seq);
    const request = () =>
      new Request(new URL(opts.path, origin), {
        method: String(opts.method),
        headers: { ...headers, [FAULT_REQUEST_ID_HEADER]: id },
        signal: abort.signal,
      });
    void decideHttpFault(faults, request, id, caller, (effect) => {
      exchange?.markUpstream();
      dispatch(opts, createBodyEffectHandler(caller, effect, faults.clock));
    });
    return true;
  };
}
