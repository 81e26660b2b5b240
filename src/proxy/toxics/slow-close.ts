import { eachChunk } from './each-chunk.ts';
import { num, type Toxic, type ToxicAttributes, type ToxicType } from './toxic.ts';
import { attributeNames } from './toxic-attributes.ts';

/** `slow_close`: passes data through, and the end of stream only after `delay` ms. */
export function slowCloseToxic(attributes: ToxicAttributes): Toxic {
  const delay = num(attributes, 'delay');
  return {
    pipe: (stub) =>
      eachChunk(
        stub,
        (chunk) => stub.write(chunk),
        async () => {
          // Interrupted while holding the EOF (sleep answers false): the restarted chain has
          // lost it, so close now rather than leave the connection open forever.
          await stub.sleep(delay);
          stub.close();
        },
      ),
  };
}

/** `slow_close`: `delay` ms. */
export const slowClose: ToxicType = {
  type: 'slow_close',
  attributes: attributeNames('slow_close'),
  bufferSize: 16,
  create: slowCloseToxic,
};
