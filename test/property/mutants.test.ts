import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type MutationName,
  mutationNames,
  mutations,
  withMutation,
} from '../../src/client/_internals/mutations.ts';
import { propertySuite } from './property-suite.ts';

/**
 * "Properties have teeth": seed one deliberate bug at a time through the test-only hooks
 * in src/client/_internals/mutations.ts and require the property suite to catch it, with
 * a report that carries the counterexample, the seed and the path to replay it.
 */

const NUM_RUNS = 300;

async function firstFailure(): Promise<{ name: string; report: string } | undefined> {
  for (const entry of propertySuite()) {
    // A fixed seed keeps the test deterministic; endOnFailure skips shrinking for speed.
    const details = await fc.check(entry.property, {
      numRuns: NUM_RUNS,
      seed: 20_261_122,
      endOnFailure: true,
    });
    if (details.failed) return { name: entry.name, report: fc.defaultReportMessage(details) ?? '' };
  }
  return undefined;
}

const expectedCatcher: Record<MutationName, RegExp> = {
  thresholdOffByOne: /breaker/,
  halfOpenAdmitsEveryone: /breaker/,
  staleResultApplies: /breaker model/,
  retryWithoutIdempotencyKey: /retry: call rules/,
  ignoreRetryAfter: /retry: call rules/,
  jitterAboveCap: /retry: call rules/,
  budgetNotCharged: /retry: budget/,
};

describe('mutants: the property suite catches each seeded bug', () => {
  it('every mutation is off by default', () => {
    expect(Object.values(mutations).every((v) => v === false)).toBe(true);
  });

  it.each(mutationNames)(
    '%s is caught',
    async (name) => {
      const caught = await withMutation(name, firstFailure);
      expect(caught, `mutant ${name} survived the property suite`).toBeDefined();
      expect(caught!.name).toMatch(expectedCatcher[name]);
      expect(caught!.report).toMatch(/Counterexample/);
      expect(caught!.report).toMatch(/seed/);
      expect(caught!.report).toMatch(/path/);
      expect(mutations[name]).toBe(false);
    },
    120_000,
  );
});
