import type { Toxic, ToxicType } from './toxic.ts';
import { attributeNames } from './toxic-attributes.ts';

/** Passes data through untouched. Also the link's leading stage and a toxic that lost its toxicity draw. */
export function noopToxic(): Toxic {
  return {
    async pipe(stub) {
      for (;;) {
        const chunk = await stub.read();
        if (chunk === undefined) return;
        if (chunk === null) return stub.close();
        await stub.write(chunk);
      }
    },
  };
}

/** `noop`: no attributes. */
export const noop: ToxicType = {
  type: 'noop',
  attributes: attributeNames('noop'),
  bufferSize: 16,
  create: () => noopToxic(),
};
