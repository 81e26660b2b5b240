import type { ClientOptions, ClientResponse, ResilientClient } from '../../client/client-types.ts';
import { createClient } from '../../client/create-client.ts';
import { InProcessDispatcher } from '../../scenario/dispatch/in-process-dispatcher.ts';
import { runInVirtualTime } from '../../scenario/virtual/run-in-virtual-time.ts';
import type { ServiceResponse } from '../../services/service-handler.ts';
import { ManualClock } from '../../time/manual-clock.ts';

/** What the virtual upstream answers to one attempt: a status after `durationMs`. */
export interface PlannedAnswer {
  status: number;
  durationMs: number;
}

/** How one call of the real client ended, as its caller saw it. */
export interface CallEnd {
  status: number | undefined;
  /** The error code when the call threw (FAULTLINE_BREAKER_OPEN, ...). */
  code: string | undefined;
  fallback: string | undefined;
  elapsedMs: number;
}

/**
 * The REAL client (its own loop and policies) on a manual clock against an in-process
 * upstream that answers each attempt what `answer` plans, after the planned (virtual) time.
 * `wire` lists the virtual time every attempt reached the upstream: evidence from the
 * upstream's side, not the client's reports. Used by faultline check's client invariants.
 *
 * @example
 * const v = virtualClient({ service: 'x', retry: {} }, () => ({ status: 503, durationMs: 5 }));
 * const end = await v.call({ method: 'GET', path: '/' });
 */
export function virtualClient(
  options: Omit<ClientOptions, 'baseUrl' | 'clock' | 'dispatcher'>,
  answer: (attempt: number) => PlannedAnswer,
  onUpstream?: (client: ResilientClient) => void,
) {
  const clock = new ManualClock();
  const wire: number[] = [];
  const dispatcher = new InProcessDispatcher(async (): Promise<ServiceResponse> => {
    onUpstream?.(client);
    wire.push(clock.now());
    const planned = answer(wire.length);
    await clock.sleep(planned.durationMs);
    return { status: planned.status, headers: { 'content-type': 'application/json' }, body: '{}' };
  });
  const client = createClient({ seed: 1, ...options, baseUrl: 'http://check.virtual', clock, dispatcher });
  return {
    clock,
    client,
    wire,
    /** Runs one call to its end in virtual time. */
    async call(request: Parameters<ResilientClient['request']>[0]): Promise<CallEnd> {
      const startedAt = clock.now();
      const end = await runInVirtualTime(
        clock,
        client.request(request).then(
          (r: ClientResponse) => ({ status: r.status, code: undefined, fallback: r.outcome?.fallback }),
          (err: { status?: number; code?: string }) => ({
            status: err.status,
            code: err.code,
            fallback: undefined,
          }),
        ),
      );
      return { ...end, elapsedMs: clock.now() - startedAt };
    },
    /** Lets virtual time pass between calls (firing whatever timers fall due). */
    idle: (ms: number) => clock.advance(ms),
    close: () => client.close(),
  };
}
