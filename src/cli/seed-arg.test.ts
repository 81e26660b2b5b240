import { describe, expect, it } from 'vitest';
import { SEED_RANGE, seedField } from '../config/fields.ts';
import { seedArg } from './parse-args.ts';

describe('one seed definition for run --seed, check --seed and a scenario seed:', () => {
  it('accepts the same bounds on the command line and in a scenario', () => {
    for (const n of [SEED_RANGE.min, 1, SEED_RANGE.max]) {
      expect(seedArg(String(n))).toBe(n);
      expect(seedField().safeParse(n).success).toBe(true);
    }
  });

  it('refuses what is outside, so a seed run forwards to check is never refused by check', () => {
    for (const n of [SEED_RANGE.min - 1, SEED_RANGE.max + 1, Number.MAX_SAFE_INTEGER]) {
      expect(() => seedArg(String(n))).toThrow(`expected an integer from 0 to ${SEED_RANGE.max}`);
      expect(seedField().safeParse(n).success).toBe(false);
    }
  });
});
