/** Size of each read buffer: what Node uses for a socket read. */
export const READ_BUFFER_BYTES = 64 * 1024;

/**
 * Reusable read buffers for upstream sockets.
 *
 * Why: a socket normally reads into a fresh 64 KiB buffer per read. On a bulk transfer
 * that is thousands of short-lived external allocations a second, and V8 answers the
 * external memory pressure with full collections whose cost grows with the heap of the
 * process: profiles of a 256 MiB transfer showed ~10x the GC time of a bare pipe. Reading
 * into pooled buffers, returned once the write that carried them has flushed, removes
 * that churn. The free list is capped so an idle proxy does not hold memory.
 */
export class BufferPool {
  private readonly free: Buffer[] = [];

  constructor(private readonly maxFree = 64) {}

  take = (): Buffer => this.free.pop() ?? Buffer.allocUnsafeSlow(READ_BUFFER_BYTES);

  release(buffer: Buffer): void {
    if (this.free.length < this.maxFree) this.free.push(buffer);
  }
}
