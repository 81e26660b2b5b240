import { getResponse } from 'msw';
import type { Dispatcher } from 'undici';
import { SyntheticController, socketError } from '../../dispatch/synthetic-controller.ts';
import { headersOf, toDispatchHandler } from '../../dispatch/to-dispatch-handler.ts';
import { createBodyEffectHandler } from './body-effect-handler.ts';
import { FAULT_REQUEST_ID_HEADER } from './build-fault-handlers.ts';
import type { HttpFaultSet } from './http-fault-set.ts';

/**
 * The undici interceptor that puts HTTP-level faults in the client's own code path. It is
 * composed into the client's dispatcher (`ClientOptions.interceptors`), so retries,
 * timeouts, the breaker and fallbacks all see the faults as they would see a real upstream.
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
 * injected clock with that abort signal).
 *
 * @example
 * const faults = new HttpFaultSet({ clock, random: deriveRandom(seed, 'http-faults') });
 * createClient({ service, baseUrl, clock, interceptors: [createHttpFaultInterceptor(faults)] });
 */
export function createHttpFaultInterceptor(faults: HttpFaultSet): Dispatcher.DispatcherComposeInterceptor {
  let seq = 0;
  return (dispatch) => (opts, rawHandler) => {
    if (faults.handlers.length === 0) return dispatch(opts, rawHandler);
    const caller = new SyntheticController(toDispatchHandler(rawHandler));
    const abort = new AbortController();
    caller.onAbort((reason) => abort.abort(reason));
    caller.start();
    const id = String(++seq);
    const request = new Request(new URL(opts.path, String(opts.origin ?? 'http://upstream.invalid')), {
      method: String(opts.method),
      headers: { ...headersOf(opts), [FAULT_REQUEST_ID_HEADER]: id },
      signal: abort.signal,
    });
    const decide = async () => {
      const response = await getResponse([...faults.handlers], request);
      if (caller.aborted) return;
      if (response === undefined || response.headers.get('x-msw-intention') === 'passthrough') {
        const effect = faults.bodyEffects.get(id);
        faults.bodyEffects.delete(id);
        dispatch(opts, createBodyEffectHandler(caller, effect, faults.clock));
        return;
      }
      if (response.type === 'error') {
        caller.fail(
          socketError('ECONNRESET', 'Faultline injected a network error (connection reset by peer)'),
        );
        return;
      }
      const body = Buffer.from(await response.arrayBuffer());
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => {
        headers[key] = value;
      });
      headers['content-length'] = String(body.length);
      caller.headers(response.status, headers, response.statusText);
      caller.data(body);
      caller.end();
    };
    decide().catch((err: unknown) => {
      faults.bodyEffects.delete(id);
      caller.fail(err instanceof Error ? err : new Error(String(err)));
    });
    return true;
  };
}
