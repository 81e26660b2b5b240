import {
  AttemptHandler,
  type AttemptObserver,
  type AttemptRequest,
  type AttemptTransport,
} from './attempt-handler.ts';
import { StreamingAttemptHandler } from './streaming-attempt-handler.ts';

/**
 * Starts one attempt with a timeout at the clock reading `timeoutAt`. The returned handler's
 * `promise` resolves with the whole response or rejects with a typed FaultlineError. An
 * `observer` (set before undici can call back) hears how it settled.
 */
export function sendAttempt(
  transport: AttemptTransport,
  request: AttemptRequest,
  timeoutAt: number,
  timeoutMs: number,
  observer?: AttemptObserver,
  endpoint = -1,
): AttemptHandler {
  // A second class only when the caller asked for a stream: the buffered path stays as it is.
  const handler =
    request.stream === undefined
      ? new AttemptHandler(transport, timeoutMs)
      : new StreamingAttemptHandler(transport, timeoutMs, request.stream);
  if (observer !== undefined) {
    handler.observer = observer;
    handler.endpoint = endpoint;
    handler.origin = transport.origin;
  }
  transport.wheel.schedule(handler, timeoutAt);
  try {
    transport.dispatch(
      {
        origin: transport.origin,
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body ?? null,
      },
      handler,
    );
  } catch (err) {
    handler.onError(err as Error);
  }
  return handler;
}
