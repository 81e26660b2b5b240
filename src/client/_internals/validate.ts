import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';

/** Small validators shared by the resolve*Options functions; each throws InvalidOptionsError. */

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
    throw new InvalidOptionsError(field, 'a number in (0, 1]', value);
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
    if (typeof s !== 'number' || !Number.isInteger(s) || s < 100 || s > 599) {
      throw new InvalidOptionsError(`${field}[${i}]`, 'an HTTP status, an integer in 100..599', s);
    }
  });
  return [...value] as number[];
}

export function plainObject(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidOptionsError(field, 'an object', value);
  }
  return value as Record<string, unknown>;
}
