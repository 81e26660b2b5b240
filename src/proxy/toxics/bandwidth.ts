import { eachChunk } from './each-chunk.ts';
import { num, type Toxic, type ToxicAttributes, type ToxicType } from './toxic.ts';
import { attributeNames } from './toxic-attributes.ts';

/** Longest single wait; larger chunks go out in slices of `rate * SLICE_MS` bytes. */
const SLICE_MS = 100;

/**
 * `bandwidth`: limits the connection to `rate` KB/s (1 KB = 1000 bytes, so `rate` is
 * also bytes per millisecond); 0 or less is unlimited.
 *
 * The owed time accumulates across chunks (`debt`) and is paid before each write, so
 * short timer overshoots even out instead of adding up. Chunks larger than 100 ms worth
 * of bytes are split so the receiver sees a steady trickle, not bursts.
 */
export function bandwidthToxic(attributes: ToxicAttributes): Toxic {
  const rate = num(attributes, 'rate');
  return {
    async pipe(stub) {
      let debt = 0;
      await eachChunk(stub, async (chunk) => {
        if (rate <= 0) return stub.write(chunk);
        debt += chunk.data.length / rate;
        let data = chunk.data;
        const slice = Math.max(1, Math.floor(rate * SLICE_MS));
        while (data.length > slice) {
          if (!(await stub.sleep(SLICE_MS))) {
            await stub.write({ data, timestamp: chunk.timestamp });
            return false;
          }
          await stub.write({ data: data.subarray(0, slice), timestamp: chunk.timestamp });
          data = data.subarray(slice);
          debt -= SLICE_MS;
        }
        const start = stub.clock.now();
        if (debt > 0 && !(await stub.sleep(debt))) {
          await stub.write({ data, timestamp: chunk.timestamp });
          return false;
        }
        debt -= stub.clock.now() - start;
        return stub.write({ data, timestamp: chunk.timestamp });
      });
    },
  };
}

/** `bandwidth`: `rate` KB/s. */
export const bandwidth: ToxicType = {
  type: 'bandwidth',
  attributes: attributeNames('bandwidth'),
  bufferSize: 16,
  create: bandwidthToxic,
};
