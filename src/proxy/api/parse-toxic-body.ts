import type { StreamDirection, ToxicWrapper } from '../toxic-wrapper.ts';
import type { ToxicAttributes, ToxicType } from '../toxics/toxic.ts';
import { findToxicType } from '../toxics/toxic-registry.ts';
import { checkAddressableName } from './addressable-name.ts';
import { apiError } from './api-error.ts';
import { expectObject, field, jsonKind, numberField, stringField, unmarshalError } from './decode-json.ts';

/** Go struct names of the toxics, for decode error messages. */
const goStructs: Record<string, string> = {
  latency: 'LatencyToxic',
  bandwidth: 'BandwidthToxic',
  slow_close: 'SlowCloseToxic',
  timeout: 'TimeoutToxic',
  reset_peer: 'ResetToxic',
  slicer: 'SlicerToxic',
  limit_data: 'LimitDataToxic',
  noop: 'NoopToxic',
};

/** `upstream`/`downstream`, case-insensitively; undefined for anything else. */
export function parseDirection(stream: string): StreamDirection | undefined {
  const lower = stream.toLowerCase();
  return lower === 'upstream' || lower === 'downstream' ? lower : undefined;
}

/**
 * A new toxic from a POST /proxies/{p}/toxics body, checked in Toxiproxy's order: body
 * syntax and field types, stream, type, name clash (`exists`), then the attributes
 * (which can only be decoded once the type is known).
 */
export function parseNewToxic(body: unknown, exists: (name: string) => boolean): ToxicWrapper {
  const object = expectObject(body, 'toxics.ToxicWrapper');
  const s = 'ToxicWrapper';
  let name = stringField(object, 'name', s, '');
  const type = stringField(object, 'type', s, '');
  const stream = stringField(object, 'stream', s, 'downstream');
  const toxicity = numberField(object, 'toxicity', s, 1);
  const given = field(object, 'attributes');
  if (given !== undefined && given !== null && (typeof given !== 'object' || Array.isArray(given))) {
    // Toxiproxy decodes the wrapper first, with a no-op toxic in place of the real one.
    unmarshalError(given, 'Go struct field ToxicWrapper.attributes', 'toxics.NoopToxic');
  }
  const direction = parseDirection(stream);
  if (direction === undefined) throw apiError('invalidStream');
  if (name === '') name = `${type}_${stream}`;
  const toxicType = findToxicType(type);
  if (toxicType === undefined) throw apiError('invalidToxicType');
  checkAddressableName('toxic', name);
  if (exists(name)) throw apiError('toxicAlreadyExists');
  const attributes = mergeAttributes(toxicType, zeroAttributes(toxicType), given);
  return {
    name,
    type,
    stream,
    direction,
    toxicity,
    attributes,
    toxicType,
    toxic: toxicType.create(attributes),
  };
}

/**
 * The toxic after a POST/PATCH /proxies/{p}/toxics/{t} body: attributes merged into the
 * current ones, toxicity kept when left out; name, type and stream never change.
 */
export function parseToxicUpdate(body: unknown, current: ToxicWrapper): ToxicWrapper {
  const object = expectObject(
    body,
    'struct { Attributes interface {} "json:\\"attributes\\""; Toxicity float32 "json:\\"toxicity\\"" }',
  );
  // An anonymous Go struct: its field errors name the struct as ''.
  const toxicity = numberField(object, 'toxicity', '', current.toxicity);
  const attributes = mergeAttributes(current.toxicType, current.attributes, field(object, 'attributes'));
  return { ...current, toxicity, attributes, toxic: current.toxicType.create(attributes) };
}

function zeroAttributes(type: ToxicType): ToxicAttributes {
  return Object.fromEntries(type.attributes.map((a) => [a, 0]));
}

function mergeAttributes(type: ToxicType, base: ToxicAttributes, given: unknown): ToxicAttributes {
  const merged = { ...base };
  if (given === undefined || given === null) return merged;
  const struct = goStructs[type.type] ?? 'Toxic';
  if (typeof given !== 'object' || Array.isArray(given)) {
    throw apiError(
      'badRequestBody',
      `json: cannot unmarshal ${jsonKind(given)} into Go struct field .attributes of type toxics.${struct}`,
    );
  }
  const object = given as Record<string, unknown>;
  for (const name of type.attributes) {
    const value = field(object, name);
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      unmarshalError(value, `Go struct field ${struct}.attributes.${name}`, 'int64');
    }
    merged[name] = value;
  }
  return merged;
}
