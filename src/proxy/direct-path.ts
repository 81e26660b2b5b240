import type { Socket } from 'node:net';
import type { BufferPool } from './buffer-pool.ts';
import type { ByteCounters } from './proxy-metrics.ts';

/**
 * The no-toxic fast path of one connection: bytes go straight from socket to socket.
 *
 * ```
 *  client ──'data'──► upstream.write      (client paused while upstream.write() says full)
 *  upstream ──onread (pooled buffer)──► client.write   (upstream paused likewise)
 * ```
 *
 * Why not `pipe()`: a pipe adds its own listeners, state checks and a second 'data'
 * listener for the byte counters on every chunk, and the proxy runs this code twice per
 * request. Here each chunk costs one counter bump, one write and one branch; the
 * backpressure is the same (pause the reader when `write()` returns false, resume on the
 * writer's 'drain'). Upstream reads land in pooled buffers (see BufferPool) that go back
 * to the pool once the write carrying them has flushed.
 *
 * `detach()` hands the sockets over to the toxic links. Reading stays paused where it is
 * paused: the links resume the sources themselves.
 */
export class DirectPath {
  constructor(
    private readonly client: Socket,
    private readonly upstream: Socket,
    private readonly pool: BufferPool,
    private readonly counters: { upstream: ByteCounters; downstream: ByteCounters },
  ) {
    client.on('data', this.onClientData);
    client.on('end', this.onClientEnd);
    upstream.on('drain', this.onUpstreamDrain);
    client.on('drain', this.onClientDrain);
  }

  /** An upstream read (the upstream socket's onread callback); false pauses the upstream. */
  read(length: number, buffer: Buffer): boolean {
    const down = this.counters.downstream;
    down.received += length;
    down.sent += length;
    const client = this.client;
    if (client.destroyed) return true;
    const pool = this.pool;
    return client.write(length === buffer.length ? buffer : buffer.subarray(0, length), () =>
      pool.release(buffer),
    );
  }

  /** The upstream ended: pass the half close on. */
  end(): void {
    const client = this.client;
    if (!client.destroyed && !client.writableEnded) client.end();
  }

  /** Stops moving bytes; the caller takes over both sockets. */
  detach(): void {
    this.client.off('data', this.onClientData);
    this.client.off('end', this.onClientEnd);
    this.upstream.off('drain', this.onUpstreamDrain);
    this.client.off('drain', this.onClientDrain);
  }

  private readonly onClientData = (data: Buffer): void => {
    const up = this.counters.upstream;
    up.received += data.length;
    up.sent += data.length;
    if (!this.upstream.write(data)) this.client.pause();
  };

  private readonly onClientEnd = (): void => {
    const upstream = this.upstream;
    if (!upstream.destroyed && !upstream.writableEnded) upstream.end();
  };

  private readonly onUpstreamDrain = (): void => {
    this.client.resume();
  };

  private readonly onClientDrain = (): void => {
    this.upstream.resume();
  };
}
