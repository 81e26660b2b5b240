import type { z } from 'zod';

/**
 * An optional option with its default and its documentation, declared once. The default is
 * kept as schema metadata (not zod's `.default()`), because a registry entry and a scenario's
 * `client:` overrides are merged before defaults apply: filling them in at parse time would
 * make every override reset the registry's values.
 *
 * From this one declaration come: the TypeScript type (z.input), the defaults object
 * (defaultsOf), the JSON Schema (`default` and `description`) and docs/client-options.md.
 *
 * @example
 * withDefault(int(1), 3, 'Total attempts including the first.')
 */
export function withDefault<T extends z.ZodType>(schema: T, value: z.output<T>, description: string) {
  return schema.optional().meta({ description, default: value as never });
}

/** Metadata of a field: its description and, when it has one, its default. */
export function optionMeta(field: z.ZodType): { description?: string; default?: unknown } {
  return (field.meta() as { description?: string; default?: unknown } | undefined) ?? {};
}

type DefaultsOf<S extends z.core.$ZodLooseShape> = {
  [K in keyof S as S[K] extends z.ZodOptional<z.ZodType> ? K : never]-?: Exclude<z.output<S[K]>, undefined>;
};

/**
 * The defaults declared with withDefault on the fields of an object schema, frozen (arrays
 * and nested objects too), for the resolve*Options functions.
 *
 * @example
 * defaultsOf(retryConfigSchema.shape).maxAttempts; // 3
 */
export function defaultsOf<S extends z.core.$ZodLooseShape>(shape: S): Readonly<Required<DefaultsOf<S>>> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const meta = optionMeta(field as z.ZodType);
    if ('default' in meta) out[key] = deepFreeze(structuredClone(meta.default));
  }
  return Object.freeze(out) as Readonly<Required<DefaultsOf<S>>>;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
