import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FixtureRun, FixtureScenario } from './event-log-fixture.ts';

/** A temp directory per test; `cleanup()` removes it. */
export async function tempDir(
  prefix = 'faultline-report-',
): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** An outage scenario: steady, a total outage that opens the breaker, then recovery. */
export function outageScenario(overrides: Partial<FixtureScenario> = {}): FixtureScenario {
  return {
    name: 'inference-outage',
    seed: 7,
    callsPerSec: 50,
    phases: [
      { name: 'steady', durationMs: 2000, latencyMs: 15 },
      {
        name: 'outage',
        durationMs: 3000,
        failureRate: 1,
        latencyMs: 30,
        faults: [{ http: { status: 503 } }],
      },
      { name: 'recovery', durationMs: 3000, latencyMs: 15 },
    ],
    hypotheses: [
      { phase: 'steady', successRate: { min: 0.99 } },
      { phase: 'outage', breaker: { opensWithinCalls: 10 } },
      { phase: 'recovery', breaker: { closesWithinMs: 2000 } },
      { latencyMs: { p99: { max: 50 } } },
    ],
    ...overrides,
  };
}

/** A slow dependency without a breaker; every hypothesis holds. */
export function slowScenario(overrides: Partial<FixtureScenario> = {}): FixtureScenario {
  return {
    name: 'auth <slow> & "quoted"',
    service: 'auth',
    seed: 3,
    callsPerSec: 20,
    breaker: false,
    phases: [{ name: 'slow', durationMs: 3000, latencyMs: 120, faults: [{ http: { delayMs: 100 } }] }],
    hypotheses: [{ successRate: { min: 0.9 } }, { breaker: { neverOpens: true } }],
    ...overrides,
  };
}

/** A full run: two scenarios (one failing), contracts and invariants (one failing). */
export function mixedRun(overrides: Partial<FixtureRun> = {}): FixtureRun {
  return {
    scenarios: [outageScenario(), slowScenario()],
    contracts: [
      { provider: 'inference-service', consumer: 'faultline', interaction: 'a prediction', verdict: 'pass' },
      {
        provider: 'auth-service',
        consumer: 'faultline',
        interaction: 'a token <refresh> & "retry"',
        verdict: 'fail',
        message: 'status: expected 200, got 401',
      },
    ],
    checks: [
      { service: 'notify', property: 'sends are idempotent', verdict: 'pass' },
      {
        service: 'notify',
        property: 'no duplicate delivery',
        verdict: 'fail',
        counterexample: '[1,1]',
        seed: 42,
        path: '0:1',
      },
    ],
    ...overrides,
  };
}
