import { bandwidth } from './bandwidth.ts';
import { latency } from './latency.ts';
import { limitData } from './limit-data.ts';
import { noop } from './noop.ts';
import { resetPeer } from './reset-peer.ts';
import { slicer } from './slicer.ts';
import { slowClose } from './slow-close.ts';
import { timeout } from './timeout.ts';
import type { ToxicType } from './toxic.ts';

/** Every toxic type by its wire name. Add a toxic: one file in this folder, one line here. */
export const toxicRegistry: ReadonlyMap<string, ToxicType> = new Map(
  [latency, bandwidth, slowClose, timeout, resetPeer, slicer, limitData, noop].map((t) => [t.type, t]),
);

/** The toxic type named `type`, or undefined when there is none. */
export function findToxicType(type: string): ToxicType | undefined {
  return toxicRegistry.get(type);
}
