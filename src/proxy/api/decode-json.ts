import { apiError } from './api-error.ts';
import { goJsonPrefix } from './go-json-syntax.ts';

/**
 * Request bodies are decoded as Go's `json.Decoder` decodes them into Toxiproxy's structs,
 * so the error details read the same: an empty body is `EOF`, a syntax error is Go's
 * scanner message (see go-json-syntax.ts), anything after the first value is ignored, and
 * a field of the wrong type says `json: cannot unmarshal <kind> into Go struct field
 * <Struct>.<field> of type <type>`. Field names match case-insensitively and unknown
 * fields are ignored, as in Go. Each failure is a 400 `bad request body: ...`.
 */
export function parseJsonBody(text: string): unknown {
  const prefix = goJsonPrefix(text);
  if ('error' in prefix) throw apiError('badRequestBody', prefix.error);
  return JSON.parse(text.slice(0, prefix.end));
}

/** Go's name for the JSON kind of `value`, as used in its unmarshal errors. */
export function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}

/** `field` of a decoded object, matched case-insensitively (exact spelling wins). */
export function field(object: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(object, name)) return object[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(object)) if (key.toLowerCase() === lower) return object[key];
  return undefined;
}

/**
 * Throws the Go error for decoding `value` into a value of `goType`. Go names the number
 * only when it was decoding into a number type (`number 1.5` into int64).
 */
export function unmarshalError(value: unknown, into: string, goType: string): never {
  const numeric = /^(u?int|float)/.test(goType);
  const kind = typeof value === 'number' && numeric ? `number ${value}` : jsonKind(value);
  throw apiError('badRequestBody', `json: cannot unmarshal ${kind} into ${into} of type ${goType}`);
}

/** Requires a JSON object at the top level (Go struct). */
export function expectObject(value: unknown, goType: string): Record<string, unknown> {
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw apiError(
      'badRequestBody',
      `json: cannot unmarshal ${jsonKind(value)} into Go value of type ${goType}`,
    );
  }
  return value as Record<string, unknown>;
}

/** A string field; null or missing leaves `fallback`. */
export function stringField(
  object: Record<string, unknown>,
  name: string,
  struct: string,
  fallback: string,
): string {
  const value = field(object, name);
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string') unmarshalError(value, `Go struct field ${struct}.${name}`, 'string');
  return value;
}

/** A boolean field; null or missing leaves `fallback`. */
export function boolField<T>(
  object: Record<string, unknown>,
  name: string,
  struct: string,
  fallback: T,
): boolean | T {
  const value = field(object, name);
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') unmarshalError(value, `Go struct field ${struct}.${name}`, 'bool');
  return value;
}

/** A float field; null or missing leaves `fallback`. */
export function numberField(
  object: Record<string, unknown>,
  name: string,
  struct: string,
  fallback: number,
): number {
  const value = field(object, name);
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number') unmarshalError(value, `Go struct field ${struct}.${name}`, 'float32');
  return value;
}
