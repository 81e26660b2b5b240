import {
  Agent,
  BalancedPool,
  type Dispatcher,
  MockAgent,
  MockClient,
  MockPool,
  Pool,
  Client as UndiciClient,
} from 'undici';
import type { ResolvedClientOptions } from '../resolve-client-options.ts';
import type { TimerWheel } from '../timeout/timer-wheel.ts';
import type { AttemptTransport } from './attempt-handler.ts';

/**
 * The transport of one origin: the injected dispatcher, or an undici Pool the client owns
 * (returned as `owned`, for close()), with the `interceptors` composed over it.
 *
 * @example
 * const { transport, owned } = createTransport(options, 'http://127.0.0.1:7001', wheel);
 */
export function createTransport(
  o: ResolvedClientOptions,
  origin: string,
  wheel: TimerWheel,
): {
  transport: AttemptTransport;
  owned: Dispatcher | undefined;
} {
  // Our own timer wheel covers connect, headers and body, so undici's per-request timers
  // are switched off (0) on the pool we own; connectTimeout still bounds a dead connect.
  const owned =
    o.dispatcher === undefined
      ? new Pool(origin, {
          connections: o.connections,
          keepAliveTimeout: o.keepAliveTimeoutMs,
          connectTimeout: Math.max(1, Math.ceil(o.timeoutMs)),
          headersTimeout: 0,
          bodyTimeout: 0,
        })
      : undefined;
  const base = (o.dispatcher ?? owned)!;
  // compose() makes the LAST interceptor outermost; our option lists the outermost first.
  // Our attempt handler speaks the callbacks undici's own dispatchers call (onConnect ...
  // onComplete; decision 0005). Interceptors, and any other Dispatcher (a user's own, which
  // may call only onRequestStart ... onResponseEnd), get it through compose(), which
  // adapts it once to both sets of callbacks: an identity interceptor does just that.
  const interceptors =
    o.interceptors.length > 0
      ? [...o.interceptors].reverse()
      : o.dispatcher !== undefined && !callsCoreCallbacks(o.dispatcher)
        ? [adaptOnly]
        : [];
  const composed = interceptors.length > 0 ? base.compose(...interceptors) : base;
  return {
    transport: {
      service: o.service,
      dispatch: composed.dispatch.bind(composed),
      origin,
      wheel,
      maxResponseBytes: o.maxResponseBytes,
    },
    owned,
  };
}

const adaptOnly: Dispatcher.DispatcherComposeInterceptor = (dispatch) => dispatch;

/** undici's own dispatchers: they call a handler's onConnect ... onComplete themselves. */
function callsCoreCallbacks(d: Dispatcher): boolean {
  return (
    d instanceof Pool ||
    d instanceof UndiciClient ||
    d instanceof Agent ||
    d instanceof BalancedPool ||
    d instanceof MockAgent ||
    d instanceof MockPool ||
    d instanceof MockClient
  );
}

/**
 * The transport of an origin other than the baseUrl's (an endpoint, the alternate fallback
 * origin). An injected origin-agnostic dispatcher (an Agent, the runner's in-process
 * dispatcher) carries it too; a Pool or Client is bound to the primary origin, so then (and
 * by default) the origin gets a Pool of its own, pushed to `owned` for close().
 */
export function createSecondaryTransport(
  o: ResolvedClientOptions,
  origin: string,
  wheel: TimerWheel,
  owned: Dispatcher[],
): AttemptTransport {
  const originBound = o.dispatcher instanceof Pool || o.dispatcher instanceof UndiciClient;
  const t = createTransport(originBound ? { ...o, dispatcher: undefined } : o, origin, wheel);
  if (t.owned !== undefined) owned.push(t.owned);
  return t.transport;
}
