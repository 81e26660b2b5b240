import { eachChunk } from './each-chunk.ts';
import { num, type Toxic, type ToxicAttributes, type ToxicType } from './toxic.ts';
import { attributeNames } from './toxic-attributes.ts';

/**
 * `latency`: delays each chunk by `latency` ms ± up to `jitter` ms (uniform, from the
 * seeded random).
 *
 * Why the delay counts from the chunk's arrival: chunks of a stream queue behind each
 * other; waiting the full delay for each in turn would delay a streamed body cumulatively.
 * Subtracting the time already waited delays every chunk by about `latency` once. After
 * sleeping, the timestamp moves forward by the sleep, so a second latency toxic adds its
 * own delay instead of counting this one's as already waited.
 */
export function latencyToxic(attributes: ToxicAttributes): Toxic {
  const latency = num(attributes, 'latency');
  const jitter = num(attributes, 'jitter');
  return {
    pipe: (stub) =>
      eachChunk(stub, async (chunk) => {
        let delay = latency;
        if (jitter > 0) delay += Math.floor(stub.random.next() * jitter * 2) - jitter;
        const sleep = delay - (stub.clock.now() - chunk.timestamp);
        if (sleep > 0) {
          const slept = await stub.sleep(sleep);
          if (!slept) {
            // Interrupted: pass the chunk on without the rest of its delay; drop nothing.
            await stub.write(chunk);
            return false;
          }
          chunk.timestamp += sleep;
        }
        await stub.write(chunk);
      }),
  };
}

/** `latency`: `latency` ms, `jitter` ms. */
export const latency: ToxicType = {
  type: 'latency',
  attributes: attributeNames('latency'),
  // Streamed data must be able to sit in the delay line without pausing the source.
  bufferSize: 1024,
  create: latencyToxic,
};
