/**
 * Each toxic and the attributes it takes, with their unit (all integers, as in Toxiproxy),
 * declared once: every toxic file lists its attributes from here (attributeNames) and the
 * scenario schema (src/scenario/schema/tcp-fault-schema.ts) validates `tcp.attributes` from
 * here, so a toxic and the scenario format cannot disagree on an attribute's name.
 */
export const TOXIC_ATTRIBUTES = {
  latency: { latency: 'milliseconds', jitter: 'milliseconds' },
  bandwidth: { rate: 'KB/s' },
  slow_close: { delay: 'milliseconds' },
  timeout: { timeout: 'milliseconds' },
  reset_peer: { timeout: 'milliseconds' },
  slicer: { average_size: 'bytes', size_variation: 'bytes', delay: 'microseconds' },
  limit_data: { bytes: 'bytes' },
  noop: {},
} as const satisfies Record<string, Record<string, string>>;

/** The wire name of a toxic type. */
export type ToxicName = keyof typeof TOXIC_ATTRIBUTES;

/**
 * The attribute names of toxic `type`, in declaration order.
 *
 * @example
 * attributeNames('latency'); // ['latency', 'jitter']
 */
export function attributeNames(type: ToxicName): readonly string[] {
  return Object.keys(TOXIC_ATTRIBUTES[type]);
}
