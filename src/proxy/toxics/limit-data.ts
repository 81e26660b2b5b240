import { eachChunk } from './each-chunk.ts';
import { num, type Toxic, type ToxicAttributes, type ToxicType } from './toxic.ts';
import { attributeNames } from './toxic-attributes.ts';

/**
 * `limit_data`: passes `bytes` bytes per connection, then closes it. The count lives in
 * the per-connection state, so updating the toxic does not grant a fresh allowance.
 */
export function limitDataToxic(attributes: ToxicAttributes): Toxic {
  const limit = num(attributes, 'bytes');
  return {
    pipe: (stub, state) =>
      eachChunk(stub, async (chunk) => {
        const sent = state.sent ?? 0;
        const remaining = Math.max(0, limit - sent);
        const data = remaining < chunk.data.length ? chunk.data.subarray(0, remaining) : chunk.data;
        if (data.length > 0) {
          state.sent = sent + data.length;
          await stub.write({ data, timestamp: chunk.timestamp });
        }
        if ((state.sent ?? 0) < limit) return true;
        stub.close();
        return false;
      }),
  };
}

/** `limit_data`: `bytes`. */
export const limitData: ToxicType = {
  type: 'limit_data',
  attributes: attributeNames('limit_data'),
  bufferSize: 16,
  create: limitDataToxic,
};
