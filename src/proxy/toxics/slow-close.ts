import { num, type Toxic, type ToxicAttributes, type ToxicType } from './toxic.ts';
import { attributeNames } from './toxic-attributes.ts';

/** `slow_close`: passes data through, and the end of stream only after `delay` ms. */
export function slowCloseToxic(attributes: ToxicAttributes): Toxic {
  const delay = num(attributes, 'delay');
  return {
    async pipe(stub) {
      for (;;) {
        const chunk = await stub.read();
        if (chunk === undefined) return;
        if (chunk === null) {
          if (await stub.sleep(delay)) stub.close();
          // Interrupted while holding the EOF: the restarted chain has lost it, so close
          // now rather than leave the connection open forever.
          else stub.close();
          return;
        }
        await stub.write(chunk);
      }
    },
  };
}

/** `slow_close`: `delay` ms. */
export const slowClose: ToxicType = {
  type: 'slow_close',
  attributes: attributeNames('slow_close'),
  bufferSize: 16,
  create: slowCloseToxic,
};
