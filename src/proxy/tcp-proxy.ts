import { createServer, type Server, type Socket } from 'node:net';
import type { Clock } from '../time/clock.ts';
import { deriveRandom } from '../time/random.ts';
import { ProxyListenError } from './api/api-error.ts';
import { BufferPool } from './buffer-pool.ts';
import { formatAddress, goNetErrorMessage, resolveListenAddress, splitHostPort } from './listen-address.ts';
import { ProxyConnection } from './proxy-connection.ts';
import type { ProxyMetrics } from './proxy-metrics.ts';
import type { StreamDirection, ToxicWrapper } from './toxic-wrapper.ts';

/** What a proxy needs from the server that owns it. */
export interface ProxyEnvironment {
  clock: Clock;
  seed: number;
  metrics: ProxyMetrics;
}

/**
 * One proxy: a listener that accepts clients, dials the upstream for each, and moves the
 * bytes through the proxy's toxics. It owns its toxics (both streams) and its live
 * connections, and applies every toxic change to the live connections too.
 */
export class TcpProxy {
  listen: string;
  upstream: string;
  enabled = false;
  readonly toxics: Record<StreamDirection, ToxicWrapper[]> = { upstream: [], downstream: [] };
  private server: Server | undefined;
  private readonly connections = new Set<ProxyConnection>();
  private connectionCount = 0;
  private readonly pool = new BufferPool();

  constructor(
    readonly name: string,
    listen: string,
    upstream: string,
    private readonly env: ProxyEnvironment,
  ) {
    this.listen = listen;
    this.upstream = upstream;
  }

  /**
   * Binds the listener on the resolved listen address (`localhost` → `127.0.0.1`, as Go
   * listens). Throws ProxyListenError (answered as 500) naming the resolved address, as
   * Go does: `listen tcp 127.0.0.1:28646: bind: address already in use`.
   */
  async start(): Promise<void> {
    if (this.enabled) return;
    const listen = this.listen === '' ? '127.0.0.1:0' : this.listen;
    let resolved: Awaited<ReturnType<typeof resolveListenAddress>>;
    try {
      resolved = await resolveListenAddress(listen);
    } catch (err) {
      throw new ProxyListenError(`listen tcp ${listen}: ${(err as Error).message}`, err);
    }
    if (resolved === undefined) {
      throw new ProxyListenError(`listen tcp ${listen}: address ${listen}: missing port in address`);
    }
    const server = createServer({ allowHalfOpen: true, noDelay: true }, (socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) => {
        reject(new ProxyListenError(goNetErrorMessage('listen', resolved.address, err), err));
      });
      server.listen({ host: resolved.host === '' ? undefined : resolved.host, port: resolved.port }, () =>
        resolve(),
      );
    });
    if (this.enabled) {
      // Started twice concurrently (the API serialises changes; this is a second guard).
      server.close();
      return;
    }
    server.on('error', () => {});
    this.server = server;
    const address = server.address();
    if (address !== null && typeof address === 'object') this.listen = formatAddress(address);
    this.enabled = true;
  }

  /** Closes the listener and cuts every live connection. */
  async stop(): Promise<void> {
    this.enabled = false;
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const connection of [...this.connections]) connection.destroy();
    await closed;
  }

  /** Toxics of both streams, upstream first, as the API lists them. */
  toxicList(): ToxicWrapper[] {
    return [...this.toxics.upstream, ...this.toxics.downstream];
  }

  findToxic(name: string): ToxicWrapper | undefined {
    return this.toxicList().find((t) => t.name === name);
  }

  async addToxic(toxic: ToxicWrapper): Promise<void> {
    this.toxics[toxic.direction].push(toxic);
    await Promise.all([...this.connections].map((c) => c.addToxic(toxic, this.toxics)));
  }

  async updateToxic(toxic: ToxicWrapper): Promise<void> {
    const list = this.toxics[toxic.direction];
    const i = list.findIndex((t) => t.name === toxic.name);
    if (i >= 0) list[i] = toxic;
    await Promise.all([...this.connections].map((c) => c.updateToxic(toxic)));
  }

  async removeToxic(toxic: ToxicWrapper): Promise<void> {
    const list = this.toxics[toxic.direction];
    const i = list.indexOf(toxic);
    if (i >= 0) list.splice(i, 1);
    await Promise.all([...this.connections].map((c) => c.removeToxic(toxic)));
  }

  /** Removes every toxic (POST /reset). */
  async removeAllToxics(): Promise<void> {
    for (const toxic of this.toxicList().reverse()) await this.removeToxic(toxic);
  }

  private accept(client: Socket): void {
    if (!this.enabled) {
      client.destroy();
      return;
    }
    const target = splitHostPort(this.upstream);
    if (target === undefined) {
      client.destroy();
      return;
    }
    const n = ++this.connectionCount;
    const { clock, seed, metrics } = this.env;
    const name = this.name;
    const listen = this.listen;
    const upstreamAddress = this.upstream;
    const connection = new ProxyConnection(
      client,
      { host: target.host || '127.0.0.1', port: target.port },
      {
        clock,
        // Why per connection and direction: draws stay reproducible for a seed no matter
        // how connections interleave.
        random: (direction) => deriveRandom(seed, `${name}#${n}:${direction}`),
        counters: (direction) => metrics.counters(name, listen, upstreamAddress, direction),
      },
      this.pool,
      (c) => this.connections.delete(c),
    );
    this.connections.add(connection);
    connection.start(this.toxics);
  }
}
