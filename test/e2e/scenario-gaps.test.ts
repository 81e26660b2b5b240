import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenarios } from '../../src/scenario/run-scenarios.ts';
import { type SeededBug, withSeededBug } from '../support/seeded-bugs.ts';

/**
 * Shipped scenarios for what no scenario covered (issue 13): a cache entry's age, and
 * failing calls inside a bulkhead followed by more calls. Each holds for the reference
 * client and fails, at the hypothesis named, with the bug it is there for seeded
 * (test/support/seeded-bugs.ts). Virtual time: a few seconds of suite time.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const CASES: Array<{ file: string; bug: SeededBug; phase: string; kind: string; observed: RegExp }> = [
  {
    file: 'scenarios/search-stale-cache-age.yaml',
    bug: 'cacheNeverExpires',
    phase: 'outage-expired',
    kind: 'fallbacks',
    observed: /^[1-9]\d* of \d+ calls served by a fallback/,
  },
  {
    file: 'scenarios/search-bulkhead-failures-then-calls.yaml',
    bug: 'bulkheadLeaksOnFailure',
    phase: 'recovered',
    kind: 'errors',
    observed: /^[1-9]\d* of \d+ calls failed with FAULTLINE_BULKHEAD_FULL/,
  },
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-gaps-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function hypotheses(file: string, reportDir: string) {
  const summary = await runScenarios({ cwd: ROOT, files: [file], reportDir, reporters: ['json'] });
  return summary.result.scenarios[0]!.hypotheses;
}

describe('scenarios for the gaps found while seeding bugs', () => {
  for (const c of CASES) {
    it(`${c.file} holds for the reference client`, async () => {
      const results = await hypotheses(c.file, join(dir, `${c.bug}-clean`));
      expect(results.filter((h) => h.verdict !== 'pass').map((h) => `${h.kind}: ${h.observed}`)).toEqual([]);
    });

    it(`${c.file} catches ${c.bug} (${c.phase}: ${c.kind})`, async () => {
      const results = await withSeededBug(c.bug, () => hypotheses(c.file, join(dir, c.bug)));
      const failed = results.filter((h) => h.verdict === 'fail' && h.kind === c.kind && h.phase === c.phase);
      expect(failed.map((h) => h.observed).join('\n')).toMatch(c.observed);
    });
  }
});
