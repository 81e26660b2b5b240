import type { ClientOptions } from '../../../src/client/client-types.ts';
import { DEFAULT_WHEEL_RESOLUTION_MS } from '../../../src/client/timeout/timer-wheel.ts';
import type { ManualClock } from '../../../src/time/manual-clock.ts';
import type { FailingServer } from './failing-server.ts';

/**
 * Attempt timeout of the adapter tests, ms. Generous on purpose: on a loaded 2-core machine a
 * real answer (above all one relayed to a reference service) can take well over a second, and
 * a timeout that fires first turns the failure a test checks (a 503, a malformed body) into
 * FAULTLINE_TIMEOUT. Where the timeout IS what a test checks, it drives a ManualClock past it
 * (`timeOutHungCall`) instead of waiting.
 */
export const TEST_ATTEMPT_TIMEOUT_MS = 10_000;

/**
 * Client options for adapter tests: one attempt, no breaker, a generous attempt timeout, so
 * each failure mode reaches the adapter exactly once. Tests that exercise the breaker pass it back.
 */
export function testClientOptions(
  service: string,
  baseUrl: string,
  overrides: Partial<ClientOptions> = {},
): ClientOptions {
  return {
    service,
    baseUrl,
    retry: false,
    breaker: false,
    timeoutMs: TEST_ATTEMPT_TIMEOUT_MS,
    deadlineMs: 2 * TEST_ATTEMPT_TIMEOUT_MS,
    ...overrides,
  };
}

/**
 * Runs `call` against a `server` set to hang, through a client on `clock`: waits until the
 * server holds the request (the attempt's timeout is armed by then), then moves the clock past
 * the attempt timeout. No wall-clock wait, whatever the machine's load.
 */
export async function timeOutHungCall<T>(
  server: FailingServer,
  clock: ManualClock,
  call: () => Promise<T>,
): Promise<T> {
  const held = server.nextRequest();
  const result = call();
  // A call that settles without reaching the server must not leave us waiting for a request.
  await Promise.race([held, result.then(noop, noop)]);
  await clock.advance(TEST_ATTEMPT_TIMEOUT_MS + DEFAULT_WHEEL_RESOLUTION_MS);
  return result;
}

function noop(): void {}
