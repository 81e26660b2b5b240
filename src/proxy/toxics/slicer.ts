import type { Random } from '../../time/random.ts';
import { num, type Toxic, type ToxicAttributes, type ToxicType } from './toxic.ts';

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
 * `slicer`: splits data into slices of about `average_size` bytes (± `size_variation`),
 * waiting `delay` MICROseconds after each slice.
 */
export function slicerToxic(attributes: ToxicAttributes): Toxic {
  const average = num(attributes, 'average_size');
  const variation = num(attributes, 'size_variation');
  const delayMs = num(attributes, 'delay') / 1000;
  return {
    async pipe(stub) {
      for (;;) {
        const chunk = await stub.read();
        if (chunk === undefined) return;
        if (chunk === null) return stub.close();
        let offset = 0;
        for (const size of sliceSizes(chunk.data.length, average, variation, stub.random)) {
          await stub.write({ data: chunk.data.subarray(offset, offset + size), timestamp: chunk.timestamp });
          offset += size;
          if (delayMs > 0 && !(await stub.sleep(delayMs))) {
            if (offset < chunk.data.length) {
              await stub.write({ data: chunk.data.subarray(offset), timestamp: chunk.timestamp });
            }
            return;
          }
        }
      }
    },
  };
}

/** `slicer`: `average_size` bytes, `size_variation` bytes, `delay` µs. */
export const slicer: ToxicType = {
  type: 'slicer',
  attributes: ['average_size', 'size_variation', 'delay'],
  bufferSize: 16,
  create: slicerToxic,
};
