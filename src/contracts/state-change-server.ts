import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProviderTarget } from './provider-target.ts';

/** A provider-state change that failed, as the report names it. */
export interface StateChangeFailure {
  state: string;
  params: Record<string, unknown>;
  action: 'setup' | 'teardown';
  message: string;
}

/** The state-change endpoint the Pact verifier calls during one verification. */
export interface StateChangeServer {
  /** `POST` here with Pact's `{ state, params, action }` body. */
  url: string;
  /** Every failed setup or teardown, in the order they happened. */
  failures: StateChangeFailure[];
  close(): Promise<void>;
}

/**
 * Serves the verifier's provider-state calls on 127.0.0.1:0 and hands each one to the
 * target (the provider's own state URL, the reference services' endpoint, the Toxiproxy
 * API). Why in between rather than pointing the verifier at the provider directly:
 *
 * - every failure is recorded with its state, parameters and action, so the report names
 *   it even when the interaction itself passes (the verifier only logs teardown errors);
 * - the verifier also calls for interactions without a state (state ""), which a user's
 *   endpoint need not understand: those are answered here;
 * - a setup's values reach the verifier for `fromProviderState` (answered as JSON).
 *
 * A failed state change answers 422, so the verifier does not run the interaction on a
 * provider that is not in the state the pact expects (a 5xx would make it retry the same
 * failing call twice more, with back-off).
 */
export async function startStateChangeServer(target: ProviderTarget): Promise<StateChangeServer> {
  const failures: StateChangeFailure[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void handle(Buffer.concat(chunks).toString('utf8')).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
  });
  const handle = async (text: string): Promise<{ status: number; body: unknown }> => {
    let change: { state?: unknown; params?: unknown; action?: unknown };
    try {
      change = JSON.parse(text) as typeof change;
    } catch {
      return { status: 400, body: { error: 'expected a JSON body { state, params, action }' } };
    }
    const state = typeof change.state === 'string' ? change.state : '';
    const action = change.action === 'teardown' ? 'teardown' : 'setup';
    const params =
      typeof change.params === 'object' && change.params !== null && !Array.isArray(change.params)
        ? (change.params as Record<string, unknown>)
        : {};
    if (state === '') return { status: 200, body: {} };
    try {
      return { status: 200, body: (await target.applyState(state, params, action)) ?? {} };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      failures.push({ state, params, action, message });
      return { status: 422, body: { error: message } };
    }
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/state-change`,
    failures,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
