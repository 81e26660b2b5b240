import { afterAll, afterEach, beforeAll, onTestFinished } from 'vitest';
import { FaultlineError } from '../errors/faultline-error.ts';
import { FaultSession, type FaultSpec } from './fault-session.ts';
import type { FaultSessionOptions } from './fault-session-options.ts';

/** What `useFaults` returns: the session of this test file, started in `beforeAll`. */
export interface Faults {
  /** Base URL of dependency `name` through its proxy: give it to the client under test. */
  url(name: string): string;
  /**
   * Applies `faults` to `name` for the rest of the current test: undone when the test ends,
   * passed, failed or timed out. Outside a test (in `beforeAll`), until `afterAll`.
   */
  apply(name: string, faults: FaultSpec): Promise<void>;
  /** Runs `block` with `faults` on `name`, undone when the block settles. */
  with<T>(name: string, faults: FaultSpec, block: () => Promise<T> | T): Promise<T>;
  /** Requests that reached upstream `name` (an upstream given as a request listener). */
  requests: FaultSession['requests'];
  /** The undici interceptor carrying the HTTP faults (`createClient({ interceptors: [...] })`). */
  readonly interceptor: FaultSession['interceptor'];
  /** An undici dispatcher carrying the HTTP faults (`fetch(url, { dispatcher })`). */
  readonly dispatcher: FaultSession['dispatcher'];
  /** The session itself (after `beforeAll`). */
  readonly session: FaultSession;
}

/**
 * Fault injection in your own vitest file, like MSW's `setupServer` plus Toxiproxy's
 * `apply {}`: registers `beforeAll` (start the fault proxy, or use `TOXIPROXY_URL`, and one
 * proxy per dependency), `afterEach` (undo what a test applied, as a safety net) and
 * `afterAll` (remove the proxies, stop the fault proxy). Call it at the top of a file or a
 * `describe`. Guide: docs/testing-with-vitest.md.
 *
 * @example
 * const faults = useFaults({ upstreams: { payments: 'http://127.0.0.1:4010' } });
 * it('falls back when payments is slow', async () => {
 *   await faults.apply('payments', { tcp: { toxic: 'latency', attributes: { latency: 2000 } } });
 *   const client = createClient({ baseUrl: faults.url('payments'), timeout: { perAttemptMs: 200 } });
 *   await expect(client.request({ path: '/charges' })).rejects.toMatchObject({ code: 'FAULTLINE_TIMEOUT' });
 * });
 */
export function useFaults(options: FaultSessionOptions): Faults {
  let current: FaultSession | undefined;
  const session = (): FaultSession => {
    if (current) return current;
    throw new FaultlineError(
      'FAULTLINE_USAGE',
      'Failed to use the faults: the session starts in beforeAll. Call useFaults() at the top of the file or a describe, and use it inside tests or hooks.',
    );
  };
  beforeAll(async () => {
    current = await FaultSession.start(options);
  });
  afterEach(async () => {
    await current?.reset();
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    url: (name) => session().url(name),
    async apply(name, faults) {
      const undo = await session().apply(name, faults);
      try {
        onTestFinished(undo);
      } catch {
        // Not inside a test (a hook): the afterEach/afterAll drain undoes it.
      }
    },
    with: (name, faults, block) => session().with(name, faults, block),
    requests: (name) => session().requests(name),
    get interceptor() {
      return session().interceptor;
    },
    get dispatcher() {
      return session().dispatcher;
    },
    get session() {
      return session();
    },
  };
}
