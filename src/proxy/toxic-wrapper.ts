import type { Toxic, ToxicAttributes, ToxicType } from './toxics/toxic.ts';

/** Direction of a toxic: `upstream` is client -> server, `downstream` server -> client. */
export type StreamDirection = 'upstream' | 'downstream';

/**
 * A toxic as configured on a proxy: its wire fields plus the toxic built from its
 * attributes. `stream` keeps the spelling the client sent; `direction` is normalised.
 */
export interface ToxicWrapper {
  name: string;
  type: string;
  stream: string;
  direction: StreamDirection;
  toxicity: number;
  attributes: ToxicAttributes;
  toxicType: ToxicType;
  toxic: Toxic;
}

/** The wire JSON of a toxic, fields in Toxiproxy's order. */
export interface ToxicJson {
  attributes: ToxicAttributes;
  name: string;
  type: string;
  stream: string;
  toxicity: number;
}

export function toxicJson(toxic: ToxicWrapper): ToxicJson {
  return {
    attributes: { ...toxic.attributes },
    name: toxic.name,
    type: toxic.type,
    stream: toxic.stream,
    toxicity: toxic.toxicity,
  };
}
