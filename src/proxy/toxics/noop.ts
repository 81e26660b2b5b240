import { eachChunk } from './each-chunk.ts';
import type { Toxic, ToxicType } from './toxic.ts';
import { attributeNames } from './toxic-attributes.ts';

/** Passes data through untouched. Also the link's leading stage and a toxic that lost its toxicity draw. */
export function noopToxic(): Toxic {
  return {
    pipe: (stub) => eachChunk(stub, (chunk) => stub.write(chunk)),
  };
}

/** `noop`: no attributes. */
export const noop: ToxicType = {
  type: 'noop',
  attributes: attributeNames('noop'),
  bufferSize: 16,
  create: () => noopToxic(),
};
