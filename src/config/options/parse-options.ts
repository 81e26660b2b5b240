import type { z } from 'zod';
import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import { flattenZodIssues } from '../yaml/zod-issues.ts';

/**
 * Validates options passed in code against the same zod schema the YAML loader uses, so a
 * value is accepted or refused, with the same words, whether it comes from
 * faultline.config.yaml or from `createClient({...})`. Throws InvalidOptionsError for the
 * first issue, its field being the caller's path (`breaker.failureRateThreshold`).
 *
 * Runs once per createClient / policy construction, never per call.
 *
 * @example
 * parseOptions(breakerConfigSchema, { failureRateThreshold: 0 }, 'breaker');
 * // throws "breaker.failureRateThreshold: expected a rate in (0, 1], got 0"
 */
export function parseOptions<S extends z.ZodType>(schema: S, value: unknown, field: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [first] = flattenZodIssues(result.error.issues, value);
  const path = [field, ...(first?.path ?? []).map(String)].filter((p) => p !== '');
  const shown = path.reduce(
    (acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc === '' ? part : `${acc}.${part}`),
    '',
  );
  throw InvalidOptionsError.withMessage(
    shown || 'options',
    first?.message ?? 'invalid',
    valueAt(value, first?.path),
  );
}

function valueAt(root: unknown, path: readonly PropertyKey[] = []): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[String(segment)];
  }
  return current;
}
