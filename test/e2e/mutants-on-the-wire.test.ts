import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenarios } from '../../src/scenario/run-scenarios.ts';
import { type SeededBug, withSeededBug } from '../support/seeded-bugs.ts';

/**
 * Bugs seeded in the reference client (test/support/seeded-bugs.ts) that the
 * shipped scenarios missed while they judged the client by its own reports: each is now
 * caught on the wire by the scenario named, in virtual time. Unmutated, the same
 * hypotheses hold (test/e2e/naive-clients.test.ts and the shipped-scenario runs).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const CASES: Array<{ mutation: SeededBug; file: string; kind: string; message: RegExp }> = [
  {
    mutation: 'retryWithoutIdempotencyKey',
    file: 'scenarios/analytics-slow-body.yaml',
    kind: 'sideEffects',
    message: /DUPLICATE SIDE EFFECTS/,
  },
  {
    mutation: 'ignoreRetryAfter',
    file: 'scenarios/notify-503-burst-retry-after.yaml',
    kind: 'retryAfter',
    message: /RETRY-AFTER IGNORED/,
  },
  {
    mutation: 'thresholdOffByOne',
    file: 'scenarios/inference-breaker-virtual-time.yaml',
    kind: 'upstreamCalls',
    message: /7 upstream calls \(on the wire\)/,
  },
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-mutants-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('seeded client bugs are caught on the wire by the shipped scenarios', () => {
  for (const c of CASES) {
    it(`${c.mutation}: ${c.kind} in ${c.file}`, async () => {
      const summary = await withSeededBug(c.mutation, () =>
        runScenarios({ cwd: ROOT, files: [c.file], reportDir: join(dir, c.mutation), reporters: ['json'] }),
      );
      const failed = summary.result.scenarios[0]!.hypotheses.filter(
        (h) => h.kind === c.kind && h.verdict === 'fail',
      );
      expect(failed.map((h) => h.observed).join('\n')).toMatch(c.message);
      expect(failed[0]?.evidence).toBe('wire');
    });
  }
});
