import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny `payments` provider as a user would have one (not a Faultline reference
 * service): `GET /payments/:id`, `GET /health`, and its own provider-state endpoint
 * `POST /pact/provider-states` taking Pact's `{ state, params, action }` body.
 *
 * States: `a payment exists` ({ amount }) creates `pay-<n>` and answers `{ id }` (for
 * fromProviderState); `payment {id} exists` creates that id; `the ledger is read-only`
 * fails its setup; `a receipt printer is attached` fails its teardown.
 */
export interface PaymentsProviderOptions {
  /** Require `Authorization: Bearer <token>` on /payments. */
  token?: string;
  /** Content type of the answers. @default 'application/json; charset=utf-8' */
  contentType?: string;
  /** Never answer /payments (the socket stays open until close). */
  hang?: boolean;
}

export interface PaymentsProvider {
  url: string;
  stateUrl: string;
  /** Every state change the provider received. */
  stateCalls: Array<{ state: string; params: Record<string, unknown>; action: string }>;
  /** Headers of every /payments request. */
  requests: Array<{ path: string; headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

export async function startPaymentsProvider(
  options: PaymentsProviderOptions = {},
): Promise<PaymentsProvider> {
  const payments = new Map<string, { id: string; amount: number; currency: string }>();
  let next = 7;
  const stateCalls: PaymentsProvider['stateCalls'] = [];
  const requests: PaymentsProvider['requests'] = [];
  const contentType = options.contentType ?? 'application/json; charset=utf-8';

  const applyState = (state: string, params: Record<string, unknown>, action: string) => {
    if (action === 'teardown') {
      payments.clear();
      if (state === 'a receipt printer is attached')
        return { status: 500, body: { error: 'printer jammed' } };
      return { status: 200, body: {} };
    }
    if (state.startsWith('the ledger is')) return { status: 500, body: { error: 'ledger unavailable' } };
    if (state === 'a payment exists') {
      const id = `pay-${next++}`;
      payments.set(id, { id, amount: Number(params.amount ?? 10), currency: 'EUR' });
      return { status: 200, body: { id } };
    }
    const named = /^payment (\S+) exists$/.exec(state);
    if (named) {
      const id = typeof params.id === 'string' ? params.id : (named[1] ?? '');
      payments.set(id, { id, amount: 10, currency: 'EUR' });
      return { status: 200, body: {} };
    }
    if (state === 'a receipt printer is attached') return { status: 200, body: {} };
    return { status: 400, body: { error: `unknown state "${state}"` } };
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const send = (status: number, body: unknown, type = contentType) => {
      res.writeHead(status, { 'content-type': type }).end(JSON.stringify(body));
    };
    const path = req.url ?? '/';
    if (req.method === 'POST' && path === '/pact/provider-states') {
      const { state, params, action } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        state: string;
        params?: Record<string, unknown>;
        action: string;
      };
      stateCalls.push({ state, params: params ?? {}, action });
      const answer = applyState(state, params ?? {}, action);
      send(answer.status, answer.body, 'application/json');
      return;
    }
    if (req.method === 'GET' && path === '/health') return send(200, { status: 'ok' });
    const match = /^\/payments\/([^/?]+)$/.exec(path);
    if (req.method === 'GET' && match) {
      requests.push({ path, headers: req.headers });
      if (options.hang) return;
      if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
        return send(401, { error: 'unauthorized' });
      }
      const payment = payments.get(decodeURIComponent(match[1] ?? ''));
      return payment ? send(200, payment) : send(404, { error: 'no such payment' });
    }
    send(404, { error: 'not found' });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    stateUrl: `${url}/pact/provider-states`,
    stateCalls,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
