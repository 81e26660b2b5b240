import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientMetricsRegistry } from './client-metrics-registry.ts';

/** Where to listen. */
export interface ServeMetricsOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
}

/** A running /metrics endpoint. */
export interface MetricsServer {
  /** e.g. `http://127.0.0.1:9464/metrics` */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a ClientMetricsRegistry as Prometheus text on `GET /metrics` (404 elsewhere): the
 * example of exposing every client of a process to a scraper.
 *
 * @example
 * const registry = new ClientMetricsRegistry();
 * const auth = createClient({ service: 'auth', baseUrl, metricsRegistry: registry });
 * const server = await serveMetrics(registry, { port: 9464 });
 */
export async function serveMetrics(
  registry: ClientMetricsRegistry,
  options: ServeMetricsOptions = {},
): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: try GET /metrics\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (err: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(err)}\n`),
    );
  });
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}/metrics`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
