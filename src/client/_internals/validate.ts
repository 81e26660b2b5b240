import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';

/**
 * The one validation path of the client's option groups: each group is a table of rules
 * (one Check per field, in the order they are checked) and its defaults
 * (src/config/options/client-defaults.ts); resolveGroup fills in the defaults and checks
 * every field, naming `<group>.<field>` in the error.
 *
 * Why not the zod option schemas (src/config/client-config-schema.ts): createClient must not
 * load zod (test/package/import-cost.test.ts). The defaults are shared; the two verdicts are
 * held equal by src/config/options/option-agreement.test.ts, group by group, edge by edge.
 */

/** Checks one value; returns it (possibly copied) or throws InvalidOptionsError naming `field`. */
export type Check<T> = (field: string, value: unknown) => T;

/** One Check per field of an option group. */
export type Rules<T> = { readonly [K in keyof T]-?: Check<T[K]> };

/**
 * Validates an option group (an object) and fills in its defaults; `group` is the caller's
 * field path (`breaker`, `retry.budget`).
 *
 * @example
 * resolveGroup('bulkhead', { maxQueue: 10 }, BULKHEAD_RULES, BULKHEAD_DEFAULTS); // { maxConcurrent: 64, maxQueue: 10 }
 */
export function resolveGroup<T>(group: string, value: unknown, rules: Rules<T>, defaults: Partial<T>): T {
  return resolveFields(`${group}.`, plainObject(group, value), rules, defaults);
}

/** resolveGroup over an object already checked; field paths are `prefix + field`. */
export function resolveFields<T>(
  prefix: string,
  record: Record<string, unknown>,
  rules: Rules<T>,
  defaults: Partial<T>,
): T {
  const out = {} as T;
  for (const key of Object.keys(rules) as Array<keyof T & string>) {
    out[key] = rules[key](`${prefix}${key}`, record[key] ?? defaults[key]);
  }
  return out;
}

export const integerAtLeast =
  (min: number, what = `an integer >= ${min}`): Check<number> =>
  (field, value) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      throw new InvalidOptionsError(field, what, value);
    }
    return value;
  };

export const numberAtLeast =
  (min: number, unit = ''): Check<number> =>
  (field, value) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
      throw new InvalidOptionsError(field, `a finite number >= ${min}${unit}`, value);
    }
    return value;
  };

export const numberAbove =
  (min: number, unit = ''): Check<number> =>
  (field, value) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= min) {
      throw new InvalidOptionsError(field, `a finite number > ${min}${unit}`, value);
    }
    return value;
  };

/** A number in [min, max]. */
export const numberIn =
  (min: number, max: number, what: string): Check<number> =>
  (field, value) => {
    if (typeof value !== 'number' || !(value >= min && value <= max)) {
      throw new InvalidOptionsError(field, what, value);
    }
    return value;
  };

/** A rate in (0, 1]. */
export const rate: Check<number> = (field, value) => {
  if (typeof value !== 'number' || !(value > 0 && value <= 1)) {
    throw new InvalidOptionsError(field, 'a rate in (0, 1]', value);
  }
  return value;
};

/** A ratio in [0, 1]. */
export const ratio: Check<number> = numberIn(0, 1, 'a ratio between 0 and 1');

/** An HTTP status, an integer in 100..599. */
export const statusCode: Check<number> = (field, value) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 100 || value > 599) {
    throw new InvalidOptionsError(field, 'an HTTP status, an integer in 100..599', value);
  }
  return value;
};

export const boolean: Check<boolean> = (field, value) => {
  if (typeof value !== 'boolean') throw new InvalidOptionsError(field, 'true or false', value);
  return value;
};

export const oneOf =
  <T extends string>(allowed: readonly T[]): Check<T> =>
  (field, value) => {
    if (typeof value !== 'string' || !allowed.includes(value as T)) {
      throw new InvalidOptionsError(field, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`, value);
    }
    return value as T;
  };

/** An array of HTTP statuses (copied). */
export const statusList: Check<number[]> = (field, value) => {
  if (!Array.isArray(value)) throw new InvalidOptionsError(field, 'an array of HTTP statuses', value);
  value.forEach((s, i) => {
    statusCode(`${field}[${i}]`, s);
  });
  return [...value] as number[];
};

/** A path starting with "/". */
export const absolutePath: Check<string> = (field, value) => {
  if (typeof value !== 'string' || !value.startsWith('/')) {
    throw new InvalidOptionsError(field, 'a path starting with "/", e.g. "/healthz"', value);
  }
  return value;
};

/** A non-empty string that may be a credential: the error shows its type, never its value. */
export const secretString: Check<string> = (field, value) => {
  if (typeof value !== 'string' || value === '') {
    throw new InvalidOptionsError(field, 'a non-empty string', typeof value);
  }
  return value;
};

export function plainObject(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidOptionsError(field, 'an object', value);
  }
  return value as Record<string, unknown>;
}
