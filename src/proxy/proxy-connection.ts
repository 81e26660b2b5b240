import { connect, type Socket } from 'node:net';
import type { Clock } from '../time/clock.ts';
import type { Random } from '../time/random.ts';
import type { BufferPool } from './buffer-pool.ts';
import { DirectPath } from './direct-path.ts';
import { ToxicLink } from './link.ts';
import type { ByteCounters } from './proxy-metrics.ts';
import type { StreamDirection, ToxicWrapper } from './toxic-wrapper.ts';

/** What a connection needs from its proxy. */
export interface ConnectionContext {
  clock: Clock;
  /** A seeded random for one direction of this connection. */
  random(direction: StreamDirection): Random;
  counters(direction: StreamDirection): ByteCounters;
}

/**
 * One client connection and its upstream connection.
 *
 * Two modes. While the proxy has no toxics, bytes go straight across (see DirectPath).
 * As soon as a toxic exists, each direction runs through a `ToxicLink` instead; a
 * connection switches once and stays (a chain of no-ops costs little, and switching back
 * would need a drained chain).
 *
 * End of stream is passed on as a half close (`end()`); the pair is torn down when the
 * client socket closes, or at once on an error or a reset.
 */
export class ProxyConnection {
  readonly upstream: Socket;
  private links: Record<StreamDirection, ToxicLink | undefined> = {
    upstream: undefined,
    downstream: undefined,
  };
  private closed = false;
  /** False while on the direct path; true once the connection runs through toxic links. */
  private linked = false;
  private direct: DirectPath | undefined;
  /** Where upstream reads go; returns false to pause the upstream socket. */
  private onUpstreamRead: (length: number, buffer: Buffer) => boolean = () => true;
  private onUpstreamEnd: () => void = () => {};
  private readonly counters: Record<StreamDirection, ByteCounters>;

  constructor(
    readonly client: Socket,
    target: { host: string; port: number },
    private readonly context: ConnectionContext,
    private readonly pool: BufferPool,
    private readonly onClose: (connection: ProxyConnection) => void,
  ) {
    this.upstream = connect({
      host: target.host,
      port: target.port,
      allowHalfOpen: true,
      onread: {
        buffer: pool.take,
        callback: (length, buffer) => this.onUpstreamRead(length, buffer as Buffer),
      },
    });
    const upstream = this.upstream;
    this.counters = { upstream: context.counters('upstream'), downstream: context.counters('downstream') };
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    client.on('error', () => this.destroy());
    upstream.on('error', () => this.destroy());
    client.on('close', () => this.destroy());
    upstream.on('end', () => this.onUpstreamEnd());
    upstream.on('close', () => {
      // A clean upstream close already passed its EOF on (through the toxics); the client
      // closes in its own time. Only an upstream that vanished mid-stream cuts the client.
      if (!upstream.readableEnded) this.destroy();
    });
  }

  /** Starts moving bytes: direct when `chains` is empty, else through toxic links. */
  start(chains: Record<StreamDirection, readonly ToxicWrapper[]>): void {
    if (chains.upstream.length === 0 && chains.downstream.length === 0) this.pipe();
    else this.link(chains);
  }

  /** Switches to toxic links if needed, then appends `toxic` to its direction's chain. */
  async addToxic(
    toxic: ToxicWrapper,
    chains: Record<StreamDirection, readonly ToxicWrapper[]>,
  ): Promise<void> {
    if (this.closed) return;
    if (!this.linked) {
      this.unpipe();
      this.link(chains);
      return;
    }
    await this.links[toxic.direction]?.addToxic(toxic);
  }

  async updateToxic(toxic: ToxicWrapper): Promise<void> {
    await this.links[toxic.direction]?.updateToxic(toxic);
  }

  async removeToxic(toxic: ToxicWrapper): Promise<void> {
    await this.links[toxic.direction]?.removeToxic(toxic.name);
  }

  /** Closes both sockets now. */
  destroy(): void {
    if (this.closed) return;
    this.closed = true;
    this.links.upstream?.dispose();
    this.links.downstream?.dispose();
    this.client.destroy();
    this.upstream.destroy();
    this.onClose(this);
  }

  /** Closes both sockets with a TCP reset: the client sees ECONNRESET. */
  reset(): void {
    if (this.closed) return;
    this.client.resetAndDestroy();
    this.upstream.resetAndDestroy();
    this.destroy();
  }

  private pipe(): void {
    const direct = new DirectPath(this.client, this.upstream, this.pool, this.counters);
    this.direct = direct;
    this.onUpstreamRead = (length, buffer) => direct.read(length, buffer);
    this.onUpstreamEnd = () => direct.end();
  }

  private unpipe(): void {
    this.direct?.detach();
    this.direct = undefined;
    this.onUpstreamRead = () => true;
    this.onUpstreamEnd = () => {};
  }

  private link(chains: Record<StreamDirection, readonly ToxicWrapper[]>): void {
    this.linked = true;
    const { client, upstream, pool } = this;
    if (!client.readableEnded) {
      const link = this.createLink('upstream', upstream, chains.upstream);
      this.links.upstream = link;
      client.on('data', (data: Buffer) => {
        if (!this.feed(link, 'upstream', data, client)) client.pause();
      });
      client.on('end', () => link.input.force(null));
      if (client.isPaused()) client.resume();
    }
    if (!upstream.readableEnded) {
      const link = this.createLink('downstream', client, chains.downstream);
      this.links.downstream = link;
      this.onUpstreamRead = (length, buffer) => {
        // The read buffer is reused: the chain gets its own copy.
        const data = Buffer.allocUnsafe(length);
        buffer.copy(data, 0, 0, length);
        pool.release(buffer);
        return this.feed(link, 'downstream', data, upstream);
      };
      this.onUpstreamEnd = () => link.input.force(null);
      // The upstream may have been paused by the direct path waiting for a drain.
      upstream.resume();
    }
  }

  /**
   * Hands a chunk to a link. Returns false when the link is full: the caller pauses the
   * source, and it resumes once the chunk is accepted. Why pause: the socket would keep
   * reading into memory otherwise, and a slowed transfer of a large body would be
   * buffered whole.
   */
  private feed(link: ToxicLink, direction: StreamDirection, data: Buffer, source: Socket): boolean {
    this.counters[direction].received += data.length;
    const item = { data, timestamp: this.context.clock.now() };
    if (link.input.offer(item)) return true;
    void link.input.send(item).then(() => {
      if (!this.closed) source.resume();
    });
    return false;
  }

  private createLink(
    direction: StreamDirection,
    destination: Socket,
    toxics: readonly ToxicWrapper[],
  ): ToxicLink {
    const counters = this.counters[direction];
    return new ToxicLink(toxics, this.context.clock, this.context.random(direction), {
      write: (chunk) => {
        if (destination.destroyed || destination.writableEnded) return Promise.resolve();
        counters.sent += chunk.data.length;
        if (destination.write(chunk.data)) return Promise.resolve();
        return new Promise<void>((resolve) => {
          const done = () => {
            destination.off('drain', done);
            destination.off('close', done);
            resolve();
          };
          destination.on('drain', done);
          destination.on('close', done);
        });
      },
      end: () => {
        if (!destination.destroyed && !destination.writableEnded) destination.end();
      },
      reset: () => this.reset(),
    });
  }
}
