import { getResponse } from 'msw';
import { type SyntheticController, socketError } from '../../dispatch/synthetic-controller.ts';
import type { HttpFaultSet } from './http-fault-set.ts';
import type { BodyEffect } from './http-fault-spec.ts';

/**
 * The ONE place where the HTTP faults in force decide a request, shared by the undici
 * interceptor (virtual time, the client's own dispatcher) and the HTTP fault proxy (real
 * traffic from any client):
 *
 *   MSW getResponse(handlers of the faults in force, request)
 *     answered with an error    --> caller.fail(ECONNRESET)
 *     answered with a response  --> caller.headers/data/end (the synthesised answer)
 *     passthrough / no handler  --> passThrough(body effect the resolver left, if any)
 *
 * `request()` builds the request the handlers see (only when faults are in force); it carries
 * `FAULT_REQUEST_ID_HEADER: id` so a resolver can leave a body effect for it. Nothing is delivered once the caller aborted (an injected delay was cut short).
 *
 * @example
 * await decideHttpFault(faults, () => request, id, caller, (effect) => forward(effect));
 */
export async function decideHttpFault(
  faults: HttpFaultSet,
  request: () => Request,
  id: string,
  caller: SyntheticController,
  passThrough: (effect: BodyEffect | undefined) => void,
): Promise<void> {
  try {
    const handlers = faults.handlers;
    const response = handlers.length === 0 ? undefined : await getResponse([...handlers], request());
    if (caller.aborted) return;
    if (response === undefined || response.headers.get('x-msw-intention') === 'passthrough') {
      const effect = faults.bodyEffects.get(id);
      faults.bodyEffects.delete(id);
      passThrough(effect);
      return;
    }
    if (response.type === 'error') {
      caller.fail(socketError('ECONNRESET', 'Faultline injected a network error (connection reset by peer)'));
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
  } catch (err) {
    faults.bodyEffects.delete(id);
    caller.fail(err instanceof Error ? err : new Error(String(err)));
  }
}
