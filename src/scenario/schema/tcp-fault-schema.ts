import { z } from 'zod';
import {
  alwaysCheck,
  asRecord,
  expected,
  oneOf,
  presenceCheck,
  probability,
  strictObject,
} from '../../config/fields.ts';
import { MAX_TOXIC_ATTRIBUTE } from '../../config/input-limits.ts';
import { TOXIC_ATTRIBUTES } from '../../proxy/toxics/toxic-attributes.ts';
import { endpointField } from './endpoint-field.ts';

/**
 * A tcp-level fault, applied through the Toxiproxy API in front of the service: the whole
 * proxy down, or one toxic. Toxic and attribute names keep Toxiproxy's wire spelling.
 *
 * @example
 * - tcp: { down: true }
 * - tcp: { toxic: latency, attributes: { latency: 500, jitter: 50 } }
 * - tcp: { toxic: reset_peer, stream: upstream, toxicity: 0.3, attributes: { timeout: 0 } }
 */

/** Each toxic and its attributes with units: declared once, beside the toxics. */
export { TOXIC_ATTRIBUTES };

export type ToxicType = keyof typeof TOXIC_ATTRIBUTES;
export const TOXIC_TYPES = Object.keys(TOXIC_ATTRIBUTES) as [ToxicType, ...ToxicType[]];
export type ToxicStream = 'downstream' | 'upstream';

/** The attributes object of each toxic type (every attribute optional; Toxiproxy defaults apply). */
export type ToxicAttributes = {
  [T in ToxicType]: { [A in keyof (typeof TOXIC_ATTRIBUTES)[T]]?: number };
};

/** The proxy is disabled for the phase: connections are refused. */
export interface TcpDownFault {
  down: true;
  /** Only this upstream instance's proxy (1-based); omitted = every instance. */
  endpoint?: number;
}

/** One toxic on the service's proxy; `stream`, `toxicity` and `attributes` are resolved. */
export type TcpToxicFault = {
  [T in ToxicType]: {
    toxic: T;
    /** Only this upstream instance's proxy (1-based); omitted = every instance. */
    endpoint?: number;
    /** @default 'downstream' */
    stream: ToxicStream;
    /** Probability in [0, 1] that a connection gets the toxic. @default 1 */
    toxicity: number;
    /** @default {} */
    attributes: ToxicAttributes[T];
  };
}[ToxicType];

export type TcpFault = TcpDownFault | TcpToxicFault;

const ALL_ATTRIBUTES = [
  ...new Set(Object.values(TOXIC_ATTRIBUTES).flatMap((attrs) => Object.keys(attrs))),
].sort();

/**
 * One attribute schema per name. `delay` means milliseconds for slow_close but microseconds
 * for slicer (Toxiproxy's own units), so a name shared with different units says both.
 */
function attribute(name: string) {
  const units = Object.entries(TOXIC_ATTRIBUTES).flatMap(([toxic, attrs]) => {
    const unit = (attrs as Record<string, string>)[name];
    return unit === undefined ? [] : [{ toxic, unit }];
  });
  const distinct = [...new Set(units.map((u) => u.unit))];
  const unitText =
    distinct.length === 1 ? distinct[0]! : units.map((u) => `${u.unit} for ${u.toxic}`).join(', ');
  const what = distinct.length === 1 ? `a number of ${unitText} >= 0` : `a number >= 0 (${unitText})`;
  return z
    .number(expected(what))
    .min(0, expected(what))
    .int(expected(`a whole number of ${unitText} (Toxiproxy attributes are integers)`))
    .max(MAX_TOXIC_ATTRIBUTE, expected(`at most ${MAX_TOXIC_ATTRIBUTE} (2^31 - 1, in ${unitText})`))
    .describe(`Toxiproxy attribute, ${unitText}; at most ${MAX_TOXIC_ATTRIBUTE}.`)
    .optional();
}

const attributesSchema = strictObject(
  Object.fromEntries(ALL_ATTRIBUTES.map((name) => [name, attribute(name)])) as Record<
    string,
    ReturnType<typeof attribute>
  >,
  'an attributes object of the toxic',
).describe('Toxiproxy attributes; which apply depends on the toxic (docs/scenario-format.md).');

const presence = presenceCheck(['down', 'toxic'], 'exactly-one');

export const tcpFaultSchema = strictObject(
  {
    endpoint: endpointField(),
    down: z
      .literal(true, expected('true'))
      .optional()
      .describe('Disable the proxy: connections are refused.'),
    toxic: oneOf(TOXIC_TYPES, `a toxic type (one of ${TOXIC_TYPES.join(', ')})`)
      .optional()
      .describe('Toxiproxy toxic type.'),
    stream: oneOf(['downstream', 'upstream']).optional().describe('Default "downstream".'),
    toxicity: probability().optional().describe('Probability a connection gets the toxic. Default 1.'),
    attributes: attributesSchema.optional(),
  },
  'a tcp fault object { down: true } or { toxic, stream, toxicity, attributes }',
)
  .refine(presence.check, presence.params)
  .check(alwaysCheck(checkToxicAttributes))
  .transform((value): TcpFault => {
    const target = value.endpoint !== undefined ? { endpoint: value.endpoint } : {};
    if (value.down) return { down: true, ...target };
    return {
      ...target,
      toxic: value.toxic!,
      stream: value.stream ?? 'downstream',
      toxicity: value.toxicity ?? 1,
      attributes: value.attributes ?? {},
    } as TcpToxicFault;
  });

/** Attributes must belong to the chosen toxic; `down` takes no other key. */
function checkToxicAttributes(value: unknown, ctx: z.core.$RefinementCtx<unknown>): void {
  const record = asRecord(value);
  if (!record) return;
  if (record.down === true) {
    for (const key of ['stream', 'toxicity', 'attributes']) {
      if (record[key] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" does not apply to { down: true }` });
      }
    }
    return;
  }
  const toxic = record.toxic;
  const attributes = asRecord(record.attributes);
  if (typeof toxic !== 'string' || !(toxic in TOXIC_ATTRIBUTES) || !attributes) return;
  const allowed = Object.keys(TOXIC_ATTRIBUTES[toxic as ToxicType]);
  for (const key of Object.keys(attributes)) {
    if (!ALL_ATTRIBUTES.includes(key) || allowed.includes(key)) continue;
    const takes = allowed.length === 0 ? 'takes no attributes' : `takes ${allowed.join(', ')}`;
    ctx.addIssue({
      code: 'custom',
      path: ['attributes', key],
      message: `attribute "${key}" does not apply to toxic ${toxic} (it ${takes})`,
    });
  }
}
