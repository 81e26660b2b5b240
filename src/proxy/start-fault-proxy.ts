import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultlineError } from '../errors/faultline-error.ts';
import { InvalidOptionsError } from '../errors/invalid-options-error.ts';
import type { Clock } from '../time/clock.ts';
import { systemClock } from '../time/system-clock.ts';
import { createAdminHandler } from './api/admin-handler.ts';
import { ProxyApiError } from './api/api-error.ts';
import { parseJsonBody } from './api/decode-json.ts';
import { parsePopulate } from './api/parse-proxy-body.ts';
import { createRoutes } from './api/routes.ts';
import { ProxyCollection } from './proxy-collection.ts';
import type { ProxyConfig } from './proxy-config.ts';
import { ProxyMetrics } from './proxy-metrics.ts';

/** Options of `startFaultProxy`. */
export interface FaultProxyOptions {
  /** Address the admin API listens on. @default '127.0.0.1' */
  host?: string;
  /** Admin API port; 0 picks a free port. @default 8474 */
  port?: number;
  /** Seed of toxicity and jitter draws: runs with the same seed make the same choices. @default 1 */
  seed?: number;
  /** Proxies to create at start: a path to a JSON array (as for POST /populate), or the array. @default [] */
  config?: string | ProxyConfig[];
  /** Clock of the toxics' delays. @default systemClock */
  clock?: Clock;
  /**
   * Adds the Node process metrics (`process_*`, `nodejs_*`) to `/metrics`, as
   * toxiproxy-server's `-runtime-metrics` adds Go's. The proxy byte counters are always on.
   * @default false
   */
  runtimeMetrics?: boolean;
}

export interface ResolvedFaultProxyOptions {
  host: string;
  port: number;
  seed: number;
  config: string | ProxyConfig[];
  clock: Clock;
  runtimeMetrics: boolean;
}

export const faultProxyDefaults = { host: '127.0.0.1', port: 8474, seed: 1, runtimeMetrics: false } as const;

/** A running fault proxy. */
export interface FaultProxy {
  /** Base URL of the admin API, e.g. `http://127.0.0.1:8474`. */
  url: string;
  /** Closes the admin server, every proxy listener and every live connection. */
  close(): Promise<void>;
}

export function resolveFaultProxyOptions(options: FaultProxyOptions = {}): ResolvedFaultProxyOptions {
  const port = options.port ?? faultProxyDefaults.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidOptionsError('port', 'an integer port from 0 to 65535', options.port);
  }
  const seed = options.seed ?? faultProxyDefaults.seed;
  if (!Number.isInteger(seed)) throw new InvalidOptionsError('seed', 'an integer', options.seed);
  return {
    host: options.host ?? faultProxyDefaults.host,
    port,
    seed,
    config: options.config ?? [],
    clock: options.clock ?? systemClock,
    runtimeMetrics: options.runtimeMetrics ?? faultProxyDefaults.runtimeMetrics,
  };
}

/**
 * Starts the embedded Toxiproxy-compatible fault proxy: Toxiproxy's admin API on
 * `host:port`, and a TCP proxy per configured proxy.
 *
 * @example
 * const proxy = await startFaultProxy({ port: 0, config: [{ name: 'db', upstream: '127.0.0.1:5432' }] });
 * await fetch(`${proxy.url}/proxies/db/toxics`, { method: 'POST', body: JSON.stringify({ type: 'latency', attributes: { latency: 100 } }) });
 * await proxy.close();
 */
export async function startFaultProxy(options?: FaultProxyOptions): Promise<FaultProxy> {
  const resolved = resolveFaultProxyOptions(options);
  const metrics = new ProxyMetrics({ runtime: resolved.runtimeMetrics });
  const proxies = new ProxyCollection({ clock: resolved.clock, seed: resolved.seed, metrics });
  const configs = await loadConfig(resolved.config);
  const { error } = await proxies.populate(configs);
  if (error !== undefined) {
    await proxies.close();
    throw new FaultlineError(
      'FAULTLINE_PROXY_START_FAILED',
      `Failed to start the proxies of the config: ${error instanceof Error ? error.message : String(error)}. Free the address or change its listen field.`,
      { cause: error },
    );
  }
  const server = createServer(
    { keepAliveTimeout: 5_000 },
    createAdminHandler(createRoutes(proxies, metrics)),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(resolved.port, resolved.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await proxies.close();
    const code = (err as NodeJS.ErrnoException).code;
    throw new FaultlineError(
      code === 'EADDRINUSE' ? 'FAULTLINE_PROXY_PORT_IN_USE' : 'FAULTLINE_PROXY_START_FAILED',
      `Failed to start the fault proxy API on ${resolved.host}:${resolved.port}: ${(err as Error).message}. ` +
        'Stop whatever holds the port (another Toxiproxy?) or choose another `port` (0 picks a free one).',
      { cause: err },
    );
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await proxies.close();
        await closed;
      })();
      return closing;
    },
  };
}

async function loadConfig(config: string | ProxyConfig[]): Promise<Array<Required<ProxyConfig>>> {
  if (typeof config !== 'string') return parseOrThrow(config, 'options.config');
  let text: string;
  try {
    text = await readFile(config, 'utf8');
  } catch (err) {
    throw new FaultlineError(
      'FAULTLINE_PROXY_CONFIG_NOT_FOUND',
      `Failed to read the proxy config ${config}: ${(err as Error).message}. Pass a path to a JSON array of proxies.`,
      { cause: err },
    );
  }
  return parseOrThrow(text, config);
}

function parseOrThrow(input: string | unknown[], source: string): Array<Required<ProxyConfig>> {
  try {
    return parsePopulate(typeof input === 'string' ? parseJsonBody(input) : input);
  } catch (err) {
    const why = err instanceof ProxyApiError ? err.message : String(err);
    throw new FaultlineError(
      'FAULTLINE_PROXY_CONFIG_INVALID',
      `${source}: expected a JSON array of proxies ({name, listen, upstream, enabled}), got an invalid one: ${why}. Fix the entry named in the message.`,
      { cause: err },
    );
  }
}
