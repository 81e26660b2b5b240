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
 * Why no write callback for that: a callback is a closure per chunk and a deferred call
 * per chunk, and nearly every small write (a response) reaches the kernel at once. A write
 * that leaves nothing queued (`writableLength === 0`) has flushed, and its buffer goes
 * back at once. Otherwise the buffer waits in `unflushed` for the client's 'drain', when
 * everything queued has flushed, or for the next write that finds the queue empty (a
 * queued write under the high-water mark sees no drain); if the socket closes first, the
 * buffers are left to the GC. Either way a buffer never goes back while a write holds it.
 *
 * `detach()` hands the sockets over to the toxic links. Reading stays paused where it is
 * paused: the links resume the sources themselves.
 */
export class DirectPath {
  /** Pooled buffers whose write was still queued when `write()` returned. */
  private readonly unflushed: Buffer[] = [];

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
    if (client.destroyed) {
      this.pool.release(buffer);
      return true;
    }
    const ok = client.write(length === buffer.length ? buffer : buffer.subarray(0, length));
    if (client.writableLength === 0) {
      this.pool.release(buffer);
      if (this.unflushed.length > 0) this.releaseUnflushed();
    } else this.unflushed.push(buffer);
    return ok;
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
    if (this.client.writableLength === 0) this.releaseUnflushed();
    this.upstream.resume();
  };

  /** Everything queued on the client has flushed: the buffers it carried go back. */
  private releaseUnflushed(): void {
    const unflushed = this.unflushed;
    for (let i = 0; i < unflushed.length; i++) this.pool.release(unflushed[i]!);
    unflushed.length = 0;
  }
}
