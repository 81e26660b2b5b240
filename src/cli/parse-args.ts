import { InvalidArgumentError } from 'commander';
import { SEED_RANGE } from '../config/fields.ts';

/**
 * The argument parsers every command uses (commander's `argParser`). Strict on purpose:
 * `Number()` alone takes "" (0), " 7 ", "0x10" and "1e3", so a typo would run something
 * other than what was meant. A rejected value becomes commander's one-line usage error
 * (exit 2): `option '--seed <n>' argument 'abc' is invalid: expected ..., got "abc"`.
 */

const INTEGER = /^-?\d+$/;

/**
 * A parser of whole numbers from `min` to `max` (inclusive), written in plain decimal.
 *
 * @example
 * .option('--num-runs <n>', 'runs per property', integerArg(1), 100)
 */
export function integerArg(min: number, max: number = Number.MAX_SAFE_INTEGER): (value: string) => number {
  const what = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
  return (value) => {
    const n = INTEGER.test(value.trim()) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`expected ${what}, got ${JSON.stringify(value)}`);
    return n;
  };
}

/** A seed (`run --seed`, `check --seed`): the range of a scenario's `seed:` (SEED_RANGE). */
export const seedArg = integerArg(SEED_RANGE.min, SEED_RANGE.max);

/** A TCP port, 0 (a free port) to 65535. */
export const portArg = integerArg(0, 65_535);

/**
 * An absolute http:// or https:// URL, returned as given.
 *
 * @example
 * .option('--toxiproxy-url <url>', 'a real Toxiproxy API', httpUrlArg)
 */
export function httpUrlArg(value: string): string {
  let protocol: string | undefined;
  try {
    protocol = new URL(value).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'http:' && protocol !== 'https:')
    throw new InvalidArgumentError(
      `expected an absolute http(s) URL such as "http://127.0.0.1:8474", got ${JSON.stringify(value)}`,
    );
  return value;
}

/** `i/n` with 1 <= i <= n: a shard of a run. */
export function shardArg(value: string): { index: number; total: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(total) || index < 1 || total < 1 || index > total) {
    throw new InvalidArgumentError(`expected i/n with 1 <= i <= n, e.g. 1/3, got ${JSON.stringify(value)}`);
  }
  return { index, total };
}
