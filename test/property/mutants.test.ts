import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SeededBug, withSeededBug } from '../support/seeded-bugs.ts';
import { propertySuite } from './property-suite.ts';

/**
 * "Properties have teeth": seed one deliberate bug at a time into the real policies
 * (test/support/seeded-bugs.ts: production code carries no switch) and require the
 * property suite to catch it, with a report that carries the counterexample, the seed and
 * the path to replay it. The bugs of the client's composition (hedging, bulkhead, breaker
 * refusal) are caught by faultline check's client invariants: test/property/client-invariants.test.ts.
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

const expectedCatcher: Partial<Record<SeededBug, RegExp>> = {
  thresholdOffByOne: /breaker/,
  halfOpenAdmitsEveryone: /breaker/,
  staleResultApplies: /breaker model/,
  retryWithoutIdempotencyKey: /retry: call rules/,
  ignoreRetryAfter: /retry: call rules/,
  jitterAboveCap: /retry: call rules/,
  budgetNotCharged: /retry: budget/,
};

describe('mutants: the property suite catches each seeded bug', () => {
  it('the unseeded policies pass the same suite', async () => {
    expect(await firstFailure()).toBeUndefined();
  }, 120_000);

  it.each(Object.keys(expectedCatcher) as SeededBug[])(
    '%s is caught',
    async (name) => {
      const caught = await withSeededBug(name, firstFailure);
      expect(caught, `mutant ${name} survived the property suite`).toBeDefined();
      expect(caught!.name).toMatch(expectedCatcher[name]!);
      expect(caught!.report).toMatch(/Counterexample/);
      expect(caught!.report).toMatch(/seed/);
      expect(caught!.report).toMatch(/path/);
    },
    120_000,
  );
});
