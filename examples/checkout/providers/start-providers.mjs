/**
 * Small fake providers for the checkout example: auth, payments and notify, each a real
 * HTTP server on 127.0.0.1 (port 0 = a free port) answering as its pact says.
 * Payments deduplicates by Idempotency-Key, as a real payment provider does.
 *
 * Run directly (`node examples/checkout/providers/start-providers.mjs`) to print the URLs.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';

export async function startProviders({ host = '127.0.0.1', ports = {} } = {}) {
  const charges = new Map();
  let nextCharge = 1;
  let nextMessage = 1;
  const handlers = {
    auth: (req, _body, send) => {
      const m = /^\/tokens\/([^/?]+)$/.exec(req.url ?? '');
      if (req.method !== 'GET' || !m) return send(404, { error: 'not_found' });
      if (m[1] === 'tok-valid') return send(200, { active: true, subject: 'user-42' });
      return send(401, { error: 'invalid_token' });
    },
    payments: (req, body, send) => {
      if (req.method !== 'POST' || req.url !== '/charges') return send(404, { error: 'not_found' });
      const key = req.headers['idempotency-key'];
      if (typeof key === 'string' && charges.has(key)) return send(201, charges.get(key));
      const charge = { id: `ch-${nextCharge++}`, status: 'captured', amount: body?.amount };
      if (typeof key === 'string') charges.set(key, charge);
      return send(201, charge);
    },
    notify: (req, _body, send) => {
      if (req.method !== 'POST' || req.url !== '/messages') return send(404, { error: 'not_found' });
      return send(202, { id: `msg-${nextMessage++}` });
    },
  };
  const servers = {};
  const urls = {};
  for (const [name, handle] of Object.entries(handlers)) {
    const server = createServer(async (req, res) => {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      let body;
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
      } catch {
        body = undefined;
      }
      handle(req, body, (status, out) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(out)),
      );
    });
    server.listen(ports[name] ?? 0, host);
    await once(server, 'listening');
    servers[name] = server;
    urls[name] = `http://${host}:${server.address().port}`;
  }
  return {
    urls,
    async close() {
      await Promise.all(
        Object.values(servers).map((s) => {
          s.closeAllConnections();
          return new Promise((resolve) => s.close(resolve));
        }),
      );
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const base = Number(process.argv[2] ?? 0);
  const ports = base ? { auth: base + 1, payments: base + 2, notify: base + 3 } : {};
  const providers = await startProviders({ ports });
  for (const [name, url] of Object.entries(providers.urls))
    process.stdout.write(`${name.padEnd(8)} ${url}\n`);
}
