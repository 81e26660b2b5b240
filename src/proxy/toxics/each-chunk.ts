import type { Chunk, ToxicStub } from './toxic.ts';

/**
 * The read loop every streaming toxic runs: reads chunks until the link interrupts the toxic
 * (a read answers undefined: return) or the stream ends (null: `onEnd`, by default closing
 * the output), handing each chunk to `onChunk`. `onChunk` returns false to stop early
 * (interrupted mid-chunk after passing on what it held, or the output closed).
 *
 * @example
 * pipe: (stub) => eachChunk(stub, (chunk) => stub.write(chunk)) // noop
 */
export async function eachChunk(
  stub: ToxicStub,
  onChunk: (chunk: Chunk) => Promise<unknown>,
  onEnd: () => Promise<void> | void = () => stub.close(),
): Promise<void> {
  for (;;) {
    const chunk = await stub.read();
    if (chunk === undefined) return;
    if (chunk === null) return onEnd();
    if ((await onChunk(chunk)) === false) return;
  }
}
