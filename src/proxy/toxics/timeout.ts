import { setLongTimer } from '../long-timer.ts';
import { num, type Toxic, type ToxicAttributes, type ToxicType } from './toxic.ts';
import { attributeNames } from './toxic-attributes.ts';

/**
 * `timeout`: drops all data, and closes the connection once `timeout` ms pass without
 * data (each dropped chunk restarts the wait, as in Toxiproxy); 0 never closes. EOF from
 * the source still closes, and removing the toxic closes the connection (`cleanup`):
 * the data it swallowed is gone, so the stream could not continue correctly.
 */
export function timeoutToxic(attributes: ToxicAttributes): Toxic {
  const timeout = num(attributes, 'timeout');
  return {
    async pipe(stub) {
      for (;;) {
        const next = stub.read();
        if (timeout <= 0) {
          const chunk = await next;
          if (chunk === undefined) return;
          if (chunk === null) return stub.close();
          continue;
        }
        const timedOut = Symbol('timeout');
        let cancel = () => {};
        const timer = new Promise<typeof timedOut>((resolve) => {
          cancel = setLongTimer(stub.clock, timeout, () => resolve(timedOut));
        });
        const result = await Promise.race([next, timer]);
        cancel();
        if (result === timedOut) {
          stub.close();
          return;
        }
        if (result === undefined) return;
        if (result === null) return stub.close();
        // Drop the data on the floor.
      }
    },
    cleanup(stub) {
      stub.close();
    },
  };
}

/** `timeout`: `timeout` ms. */
export const timeout: ToxicType = {
  type: 'timeout',
  attributes: attributeNames('timeout'),
  bufferSize: 16,
  create: timeoutToxic,
};
