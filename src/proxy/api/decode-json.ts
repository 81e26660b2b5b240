import { apiError } from './api-error.ts';

/**
 * Request bodies are decoded as Go's encoding/json decodes them into Toxiproxy's structs,
 * so the error details read the same: an empty body is `EOF`, a syntax error names the
 * character, and a field of the wrong type says `json: cannot unmarshal <kind> into Go
 * struct field <Struct>.<field> of type <type>`. Field names match case-insensitively and
 * unknown fields are ignored, as in Go. Each failure is a 400 `bad request body: ...`.
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw apiError('badRequestBody', 'EOF');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw apiError('badRequestBody', syntaxDetail(text, err));
  }
}

function syntaxDetail(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : '';
  if (/end of JSON input|Unterminated/i.test(message)) return 'unexpected EOF';
  const position = /position (\d+)/.exec(message);
  let index = position !== null ? Number(position[1]) : -1;
  if (index < 0) {
    const token = /Unexpected token '?(.)/.exec(message);
    index = token !== null ? text.indexOf(token[1]!) : 0;
  }
  const char = text[index] ?? '';
  return `invalid character '${char}' looking for beginning of value`;
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

/** Throws the Go error for decoding `value` into a value of `goType`. */
export function unmarshalError(value: unknown, into: string, goType: string): never {
  const kind = typeof value === 'number' ? `number ${value}` : jsonKind(value);
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
