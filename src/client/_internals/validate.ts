import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';

/**
 * Small validators shared by the resolve*Options functions; each throws InvalidOptionsError.
 * Why not the zod option schemas (src/config/client-config-schema.ts): createClient must not
 * load zod (test/package/import-cost.test.ts). The two accept the same values:
 * src/config/options/option-agreement.test.ts checks it field by field.
 */

export function integerAtLeast(field: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new InvalidOptionsError(field, `an integer >= ${min}`, value);
  }
  return value;
}

export function numberAtLeast(field: string, value: unknown, min: number, unit = ''): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new InvalidOptionsError(field, `a finite number >= ${min}${unit}`, value);
  }
  return value;
}

export function numberAbove(field: string, value: unknown, min: number, unit = ''): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= min) {
    throw new InvalidOptionsError(field, `a finite number > ${min}${unit}`, value);
  }
  return value;
}

/** A rate in (0, 1]. */
export function rate(field: string, value: unknown): number {
  if (typeof value !== 'number' || !(value > 0 && value <= 1)) {
    throw new InvalidOptionsError(field, 'a rate in (0, 1]', value);
  }
  return value;
}

/** A ratio in [0, 1]. */
export function ratio(field: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new InvalidOptionsError(field, 'a ratio between 0 and 1', value);
  }
  return value;
}

/** An HTTP status, an integer in 100..599. */
export function statusCode(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 100 || value > 599) {
    throw new InvalidOptionsError(field, 'an HTTP status, an integer in 100..599', value);
  }
  return value;
}

export function boolean(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new InvalidOptionsError(field, 'true or false', value);
  return value;
}

export function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new InvalidOptionsError(field, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`, value);
  }
  return value as T;
}

export function statusList(field: string, value: unknown): number[] {
  if (!Array.isArray(value)) throw new InvalidOptionsError(field, 'an array of HTTP statuses', value);
  value.forEach((s, i) => {
    statusCode(`${field}[${i}]`, s);
  });
  return [...value] as number[];
}

export function plainObject(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidOptionsError(field, 'an object', value);
  }
  return value as Record<string, unknown>;
}
