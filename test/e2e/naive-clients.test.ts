import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HypothesisResult } from '../../src/report/run-events.ts';
import { runScenarios } from '../../src/scenario/run-scenarios.ts';

/**
 * Deliberately naive clients (test/fixtures/clients/) against the shipped scenarios, in
 * virtual time, judged by what reached the wire: each fails for its own bug, with a
 * message naming it; the decent client passes every wire-judged hypothesis of the same
 * scenarios (it reports no breaker events, so the client-reported breaker hypotheses
 * stay inconclusive for every one of them).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WIRE_KINDS = ['sideEffects', 'retryAfter', 'backsOff', 'failsFast', 'givesUp', 'nonRetryable'];

const SCENARIOS = {
  hang: 'scenarios/search-latency-above-timeout.yaml',
  outage: 'scenarios/inference-breaker-virtual-time.yaml',
  slowBody: 'scenarios/notify-slow-body.yaml',
  retryAfter: 'scenarios/notify-503-burst-retry-after.yaml',
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-naive-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The hypotheses of each scenario file, run against `client`. */
async function run(client: string, files: string[]): Promise<Map<string, HypothesisResult[]>> {
  const summary = await runScenarios({
    cwd: ROOT,
    files,
    clientModule: `test/fixtures/clients/${client}.ts`,
    reportDir: join(dir, client),
    reporters: ['json'],
  });
  return new Map(summary.result.scenarios.map((s) => [s.file, s.hypotheses]));
}

function failed(results: HypothesisResult[] | undefined, kind: string): HypothesisResult[] {
  return (results ?? []).filter((h) => h.kind === kind && h.verdict === 'fail');
}

describe('naive clients fail the shipped scenarios, each for its own bug', () => {
  it('no timeout: a hung request stays open on the wire (givesUp)', async () => {
    const results = await run('no-timeout', [SCENARIOS.hang]);
    const [bug] = failed(results.get(SCENARIOS.hang), 'givesUp');
    expect(bug?.observed).toMatch(
      /DOES NOT GIVE UP: .*e\.g\. call c\d+ sent at \d+ ms was open for 60000 ms/,
    );
  });

  it('retry storm: requests on the wire multiply the offered load (backsOff)', async () => {
    const results = await run('retry-storm', [SCENARIOS.outage]);
    const [bug] = failed(results.get(SCENARIOS.outage), 'backsOff');
    expect(bug?.observed).toMatch(/RETRY STORM: .*1200 requests on the wire for 120 calls \(x10\)/);
  });

  it('POST retried without a key: one call reaches the upstream twice (sideEffects)', async () => {
    const results = await run('post-retry-without-key', [SCENARIOS.slowBody]);
    const [bug] = failed(results.get(SCENARIOS.slowBody), 'sideEffects');
    expect(bug?.observed).toMatch(
      /DUPLICATE SIDE EFFECTS: .*e\.g\. call c\d+ reached the upstream at \d+ ms, \d+ ms/,
    );
  });

  it('Retry-After ignored: a call comes back before it was told to (retryAfter)', async () => {
    const results = await run('ignores-retry-after', [SCENARIOS.retryAfter]);
    const [bug] = failed(results.get(SCENARIOS.retryAfter), 'retryAfter');
    expect(bug?.observed).toMatch(
      /RETRY-AFTER IGNORED: .*call c\d+ was told to wait until \d+ ms and came back at \d+ ms/,
    );
  });

  it('no breaker: the pressure never falls and calls stay slow through the outage (backsOff, failsFast)', async () => {
    const results = await run('no-breaker', [SCENARIOS.outage]);
    const outage = results.get(SCENARIOS.outage);
    expect(failed(outage, 'backsOff')[0]?.observed).toMatch(/NO BACK-OFF: the request rate does not fall/);
    expect(failed(outage, 'failsFast')[0]?.observed).toMatch(/SLOW, NOT FAILING FAST: \d+ of \d+ calls/);
  });

  it('the decent client passes every wire-judged hypothesis of the same scenarios', async () => {
    const results = await run('decent', Object.values(SCENARIOS));
    expect(results.size).toBe(4);
    const judged = [...results.values()].flat().filter((h) => WIRE_KINDS.includes(h.kind));
    expect(judged.map((h) => h.kind).sort()).toEqual(
      [
        'backsOff',
        'failsFast',
        'givesUp',
        'givesUp',
        'retryAfter',
        'retryAfter',
        'sideEffects',
        'sideEffects',
      ].sort(),
    );
    for (const h of judged) {
      expect(h.verdict, `${h.kind}: ${h.observed}`).toBe('pass');
      expect(h.evidence).toBe(h.kind === 'failsFast' ? 'runner' : 'wire');
    }
  });
});
