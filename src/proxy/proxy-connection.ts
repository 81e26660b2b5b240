import type { Socket } from 'node:net';
import type { Clock } from '../time/clock.ts';
import type { Random } from '../time/random.ts';
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
 * Two modes. While the proxy has no toxics, bytes flow through plain `pipe()` both ways:
 * the fastest path Node has, with backpressure built in. As soon as a toxic exists, each
 * direction runs through a `ToxicLink` instead; a connection switches once and stays
 * (a chain of no-ops costs little, and switching back would need a drained chain).
 *
 * End of stream is passed on as a half close (`end()`); the pair is torn down when the
 * client socket closes, or at once on an error or a reset.
 */
export class ProxyConnection {
  private links: Record<StreamDirection, ToxicLink | undefined> = {
    upstream: undefined,
    downstream: undefined,
  };
  private closed = false;
  /** False while piped; true once the connection runs through toxic links. */
  private linked = false;

  constructor(
    readonly client: Socket,
    readonly upstream: Socket,
    private readonly context: ConnectionContext,
    private readonly onClose: (connection: ProxyConnection) => void,
  ) {
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    client.on('error', () => this.destroy());
    upstream.on('error', () => this.destroy());
    client.on('close', () => this.destroy());
    upstream.on('close', () => {
      // A clean upstream close already passed its EOF on (through the toxics); the client
      // closes in its own time. Only an upstream that vanished mid-stream cuts the client.
      if (!upstream.readableEnded) this.destroy();
    });
  }

  /** Starts moving bytes: piped when `chains` is empty, else through toxic links. */
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
    const up = this.context.counters('upstream');
    const down = this.context.counters('downstream');
    this.client.on('data', countPiped(up));
    this.upstream.on('data', countPiped(down));
    this.client.pipe(this.upstream);
    this.upstream.pipe(this.client);
  }

  private unpipe(): void {
    this.client.unpipe(this.upstream);
    this.upstream.unpipe(this.client);
    this.client.removeAllListeners('data');
    this.upstream.removeAllListeners('data');
  }

  private link(chains: Record<StreamDirection, readonly ToxicWrapper[]>): void {
    this.linked = true;
    this.links.upstream = this.direction('upstream', this.client, this.upstream, chains.upstream);
    this.links.downstream = this.direction('downstream', this.upstream, this.client, chains.downstream);
  }

  private direction(
    direction: StreamDirection,
    source: Socket,
    destination: Socket,
    toxics: readonly ToxicWrapper[],
  ): ToxicLink | undefined {
    // The source already ended while piped: its EOF was passed on by pipe().
    if (source.readableEnded) return undefined;
    const counters = this.context.counters(direction);
    const { clock } = this.context;
    const link = new ToxicLink(toxics, clock, this.context.random(direction), {
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
    // Why pause on a full channel: the socket keeps reading into memory otherwise, and a
    // slowed transfer of a large body would be buffered whole.
    let waiting = false;
    source.on('data', (data: Buffer) => {
      counters.received += data.length;
      const item = { data, timestamp: clock.now() };
      if (link.input.offer(item)) return;
      source.pause();
      waiting = true;
      link.input.send(item).then(() => {
        waiting = false;
        if (!this.closed) source.resume();
      });
    });
    source.on('end', () => {
      // 'end' cannot overtake a pending send: it only fires after a resume.
      if (!waiting) link.input.force(null);
    });
    if (source.isPaused()) source.resume();
    return link;
  }
}

function countPiped(counters: ByteCounters): (data: Buffer) => void {
  return (data) => {
    counters.received += data.length;
    counters.sent += data.length;
  };
}
