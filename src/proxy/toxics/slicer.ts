import type { Random } from '../../time/random.ts';
import { eachChunk } from './each-chunk.ts';
import { num, type Toxic, type ToxicAttributes, type ToxicType } from './toxic.ts';
import { attributeNames } from './toxic-attributes.ts';

/**
 * Splits a length into slice sizes around `average` ± `variation` bytes: halve (with the
 * midpoint moved by up to ± variation) until a part is within `variation` of the average.
 * Every size is >= 1 and they add up to `length`.
 */
export function sliceSizes(length: number, average: number, variation: number, random: Random): number[] {
  const sizes: number[] = [];
  if (average <= 0) {
    if (length > 0) sizes.push(length);
    return sizes;
  }
  const split = (size: number): void => {
    if (size - average <= variation || size < 2) {
      sizes.push(size);
      return;
    }
    let mid = Math.floor(size / 2);
    if (variation > 0) mid += Math.floor(random.next() * variation * 2) - variation;
    mid = Math.min(size - 1, Math.max(1, mid));
    split(mid);
    split(size - mid);
  };
  if (length > 0) split(length);
  return sizes;
}

/**
 * Below this, a delay is not worth a timer of its own: Node's timers fire after at least
 * 1 ms, so sleeping per slice would make a 10 µs `delay` cost 1 ms or more.
 */
export const MIN_SLEEP_MS = 1;

/**
 * `slicer`: splits data into slices of about `average_size` bytes (± `size_variation`),
 * with `delay` MICROseconds after each slice.
 *
 * Why a schedule instead of a sleep per slice: the delays add up on a schedule (`due`
 * moves `delay` forward per slice), and the toxic sleeps only once the schedule is at
 * least MIN_SLEEP_MS ahead of the clock. Slices due within the same tick go out together
 * (each still its own write), and a timer that fires late is made up by the slices that
 * follow, so a 64 KiB body at 64-byte slices and 10 µs costs about 1024 × 10 µs. The
 * schedule never runs ahead of a chunk's arrival: idle time is not saved up as credit.
 *
 * ```
 * slices    |a|b|c|d|e|f|g| ...        (delay 10 µs each)
 * due       0 .01 .02 ... 1.0 ms        → sleep once the debt reaches 1 ms
 * ```
 */
export function slicerToxic(attributes: ToxicAttributes): Toxic {
  const average = num(attributes, 'average_size');
  const variation = num(attributes, 'size_variation');
  const delayMs = num(attributes, 'delay') / 1000;
  return {
    async pipe(stub) {
      let due = stub.clock.now();
      await eachChunk(stub, async (chunk) => {
        due = Math.max(due, stub.clock.now());
        let offset = 0;
        for (const size of sliceSizes(chunk.data.length, average, variation, stub.random)) {
          await stub.write({ data: chunk.data.subarray(offset, offset + size), timestamp: chunk.timestamp });
          offset += size;
          if (delayMs <= 0) continue;
          due += delayMs;
          const ahead = due - stub.clock.now();
          if (ahead >= MIN_SLEEP_MS && !(await stub.sleep(ahead))) {
            if (offset < chunk.data.length) {
              await stub.write({ data: chunk.data.subarray(offset), timestamp: chunk.timestamp });
            }
            return false;
          }
        }
        return true;
      });
    },
  };
}

/** `slicer`: `average_size` bytes, `size_variation` bytes, `delay` µs. */
export const slicer: ToxicType = {
  type: 'slicer',
  attributes: attributeNames('slicer'),
  bufferSize: 16,
  create: slicerToxic,
};
