import { z } from 'zod';
import { didYouMean } from './did-you-mean.ts';
import { MAX_TIMER_MS } from './input-limits.ts';

/**
 * Field builders shared by the scenario and the registry schemas. Every check carries a
 * human expectation ("a number of milliseconds >= 0") instead of zod's default text; the
 * issue formatter (yaml/zod-issues-to-input-issues.ts) appends what was found, so the
 * final line reads `expected a number of milliseconds >= 0, got "fast"`.
 */

/** Error param whose message is `expected <what>`. */
export function expected(what: string): { error: string } {
  return { error: `expected ${what}` };
}

/** A finite number >= 0 of milliseconds, at most `max` (default MAX_TIMER_MS). */
export function ms(what = 'a number of milliseconds >= 0', max = MAX_TIMER_MS) {
  return z.number(expected(what)).nonnegative(expected(what)).max(max, atMostMs(max));
}

/**
 * A finite number > 0 of milliseconds, at most `max` (default MAX_TIMER_MS); `why` says
 * where a smaller limit comes from ("one day, the longest phase").
 */
export function positiveMs(what = 'a number of milliseconds > 0', max = MAX_TIMER_MS, why?: string) {
  return z.number(expected(what)).positive(expected(what)).max(max, atMostMs(max, why));
}

/** `expected at most 2147483647 ms (why)`. */
function atMostMs(max: number, why?: string): { error: string } {
  const reason =
    why ??
    (max === MAX_TIMER_MS ? '2^31 - 1, about 24.8 days: the longest delay a timer can wait' : undefined);
  return expected(`at most ${max} ms${reason ? ` (${reason})` : ''}`);
}

/**
 * The one definition of a seed, for a scenario's `seed:`, `run --seed` and `check --seed`
 * (run forwards its seed to check): a 32-bit non-negative integer, the range fast-check
 * takes and our seeded Random uses.
 */
export const SEED_RANGE = Object.freeze({ min: 0, max: 2 ** 31 - 1 });

/** A seed: an integer in SEED_RANGE. */
export function seedField() {
  const what = `a seed, an integer from ${SEED_RANGE.min} to ${SEED_RANGE.max}`;
  return int(SEED_RANGE.min, what).max(SEED_RANGE.max, expected(what));
}

/** An integer >= `min`. */
export function int(min: number, what = `an integer >= ${min}`) {
  return z.number(expected(what)).int(expected(what)).min(min, expected(what));
}

/**
 * An absolute http:// or https:// URL (zod's plain url() also takes file:, ftp:, data:, ...,
 * which the client cannot call and which would only fail once a scenario runs).
 */
export function httpUrl(what = 'an absolute http(s) URL, e.g. "http://127.0.0.1:7001"') {
  return z.url({ protocol: /^https?$/, error: `expected ${what}` });
}

/** A number >= 0. */
export function nonNegative(what = 'a number >= 0') {
  return z.number(expected(what)).nonnegative(expected(what));
}

/** A number in [0, 1]. */
export function probability(what = 'a probability between 0 and 1') {
  return z.number(expected(what)).min(0, expected(what)).max(1, expected(what));
}

/** A string that is not empty. */
export function nonEmptyString(what = 'a non-empty string') {
  return z.string(expected(what)).min(1, expected(what));
}

/** One of the given strings. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, what?: string) {
  return z.enum(values, expected(what ?? `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`));
}

/** A map of string to string (headers, query). */
export function stringMap(what = 'a map of strings') {
  return z.record(z.string(expected('a string key')), z.string(expected('a string')), expected(what));
}

/**
 * A strict object: unknown keys are rejected with a "did you mean" hint. `what` names the
 * object in the expectation when something else was given ("expected a retry object").
 *
 * Why the message is built here: the unrecognized_keys issue that reaches the formatter
 * carries the offending keys but not the allowed ones, so the hint is computed where the
 * shape is known. One line per key, in the order of `issue.keys`; the formatter splits them
 * into one issue per key so each points at its own key in the file.
 */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T, what: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => unknownKeyMessage(key, known)).join('\n');
      }
      return `expected ${what}`;
    },
  });
}

/** `unknown key "retries" (did you mean "retry"?)` or the list of allowed keys. */
export function unknownKeyMessage(key: string, known: readonly string[], context = ''): string {
  const guess = didYouMean(key, known);
  if (guess !== undefined) return `unknown key "${key}"${context} (did you mean "${guess}"?)`;
  return `unknown key "${key}"${context} (allowed: ${known.join(', ')})`;
}

/**
 * Refinement: exactly one (or at most one) of `keys` is present. Runs even when other
 * fields of the object are invalid, so every problem is reported in one pass.
 */
export function presenceCheck(keys: readonly string[], rule: 'exactly-one' | 'at-most-one') {
  return {
    check(value: unknown): boolean {
      const count = presentKeys(value, keys).length;
      return rule === 'exactly-one' ? count === 1 : count <= 1;
    },
    params: {
      when: () => true,
      error: (issue: { input: unknown }) => {
        const present = presentKeys(issue.input, keys);
        const found = present.length === 0 ? 'none' : present.join(' and ');
        const rulePhrase = rule === 'exactly-one' ? 'exactly one' : 'at most one';
        return `expected ${rulePhrase} of ${keys.join(', ')}, got ${found}`;
      },
    },
  };
}

function presentKeys(value: unknown, keys: readonly string[]): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return keys.filter((k) => (value as Record<string, unknown>)[k] !== undefined);
}

/**
 * A superRefine check that runs even when other fields of the same object already failed.
 * Why: zod skips refinements after a field error by default, which would make users fix
 * one problem per run; our loader promises every issue of a file in one report. The check
 * function therefore receives a value that may be partly invalid and must read it
 * defensively.
 */
export function alwaysCheck<T>(fn: (value: T, ctx: z.core.$RefinementCtx<T>) => void): z.core.$ZodCheck<T> {
  const check = z.superRefine(fn);
  check._zod.def.when = () => true;
  return check;
}

/** `value` as a plain record when it is an object (not an array), otherwise undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
