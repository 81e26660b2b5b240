import { num, type Toxic, type ToxicAttributes, type ToxicType } from './toxic.ts';
import { attributeNames } from './toxic-attributes.ts';

/**
 * `reset_peer`: on the first data, waits `timeout` ms, then closes the connection with a
 * TCP reset (SO_LINGER 0), so the peer sees ECONNRESET. The data is not passed on.
 */
export function resetPeerToxic(attributes: ToxicAttributes): Toxic {
  const timeout = num(attributes, 'timeout');
  return {
    async pipe(stub) {
      const chunk = await stub.read();
      if (chunk === undefined) return;
      if (chunk === null) return stub.close();
      if (timeout > 0 && !(await stub.sleep(timeout))) {
        // Interrupted before the reset: hand the chunk on, drop nothing.
        await stub.write(chunk);
        return;
      }
      stub.reset();
    },
  };
}

/** `reset_peer`: `timeout` ms. */
export const resetPeer: ToxicType = {
  type: 'reset_peer',
  attributes: attributeNames('reset_peer'),
  bufferSize: 16,
  create: resetPeerToxic,
};
