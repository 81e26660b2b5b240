import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BreakerState } from '../../src/client/client-types.ts';
import type { CheckEvent, ContractsEvent, RunEvent } from '../../src/report/run-events.ts';
import { createRandom } from '../../src/time/random.ts';

/**
 * Writes realistic event logs for report tests and the report benchmark: a tiny simulated
 * client (retries, a consecutive-failure breaker, a default fallback) runs each scenario's
 * phases on a simulated clock and emits exactly the records the runner would. Deterministic
 * for a given seed, streamed to disk (a million calls never sit in memory).
 */
export interface FixturePhase {
  name: string;
  durationMs: number;
  faults?: unknown[];
  /** Probability that an attempt fails with a 503. @default 0 */
  failureRate?: number;
  /** Mean attempt latency (exponential), ms. @default 20 */
  latencyMs?: number;
}

export interface FixtureScenario {
  name: string;
  service?: string;
  seed?: number;
  mode?: 'real' | 'virtual';
  phases: FixturePhase[];
  hypotheses?: unknown[];
  /** Calls started per second (evenly spaced). @default 100 */
  callsPerSec?: number;
  /** @default 2 */
  maxAttempts?: number;
  /** `false` disables the breaker. @default { failureThreshold: 5, resetTimeoutMs: 1000 } */
  breaker?: { failureThreshold: number; resetTimeoutMs: number } | false;
  /** Serve short-circuited calls from a default fallback. @default false */
  fallback?: boolean;
  /** Stop the scenario at this time (ms) as if interrupted. */
  interruptAtMs?: number;
  /** Crash message: the scenario ends with an error. */
  error?: string;
}

export interface FixtureRun {
  runId?: string;
  scenarios: FixtureScenario[];
  contracts?: ContractsEvent['results'];
  checks?: CheckEvent['results'];
  shard?: { index: number; total: number };
  /** Leave out run-end (the process was killed). */
  killed?: boolean;
}

/** Writes the run's event log to `path`; returns the number of calls written. */
export async function writeEventLog(path: string, run: FixtureRun): Promise<{ calls: number }> {
  await mkdir(dirname(path), { recursive: true });
  const stream = createWriteStream(path, { encoding: 'utf8' });
  let pending = '';
  const emit = async (event: RunEvent): Promise<void> => {
    pending += `${JSON.stringify(event)}\n`;
    if (pending.length > 1 << 16) {
      if (!stream.write(pending)) await once(stream, 'drain');
      pending = '';
    }
  };
  const runId = run.runId ?? 'run-fixture';
  await emit({
    type: 'run-start',
    version: 1,
    runId,
    startedAt: '2026-01-01T00:00:00.000Z',
    argv: ['run'],
    faultlineVersion: '0.1.0',
    ...(run.shard ? { shard: run.shard } : {}),
    t: 0,
  });
  let calls = 0;
  let runT = 0;
  let interrupted = false;
  for (const scenario of run.scenarios) {
    const result = await simulateScenario(scenario, emit);
    calls += result.calls;
    runT += result.durationMs;
    if (scenario.interruptAtMs !== undefined) {
      interrupted = true;
      break;
    }
  }
  if (run.contracts) await emit({ type: 'contracts', t: runT, results: run.contracts });
  if (run.checks) await emit({ type: 'check', t: runT, results: run.checks });
  if (!run.killed) await emit({ type: 'run-end', t: runT, interrupted });
  stream.end(pending);
  await once(stream, 'finish');
  return { calls };
}

/** Cuts the last `bytes` bytes off a log (a write interrupted mid-line). */
export async function truncateLog(path: string, bytes: number): Promise<void> {
  const text = await readFile(path, 'utf8');
  await writeFile(path, text.slice(0, text.length - bytes));
}

async function simulateScenario(
  s: FixtureScenario,
  emit: (event: RunEvent) => Promise<void>,
): Promise<{ calls: number; durationMs: number }> {
  const scenario = s.name;
  const seed = s.seed ?? 1;
  const random = createRandom(seed);
  const breaker = s.breaker ?? { failureThreshold: 5, resetTimeoutMs: 1000 };
  const maxAttempts = s.maxAttempts ?? 2;
  const interval = 1000 / (s.callsPerSec ?? 100);
  const deadlineMs = 5000;
  await emit({
    type: 'scenario-start',
    scenario,
    file: `scenarios/${scenario}.yaml`,
    seed,
    mode: s.mode ?? 'virtual',
    service: s.service ?? 'inference',
    replayCommand: `npx faultline run scenarios/${scenario}.yaml --seed ${seed}`,
    phases: s.phases.map((p) => ({ name: p.name, durationMs: p.durationMs, faults: p.faults ?? [] })),
    hypotheses: s.hypotheses ?? [],
    client: { timeoutMs: 1000, deadlineMs, retry: { maxAttempts }, breaker },
    load: { concurrency: 1, ratePerSec: s.callsPerSec ?? 100 },
    t: 0,
  });
  let state = 'closed' as BreakerState;
  let consecutive = 0;
  let openedAt = 0;
  let calls = 0;
  let phaseStart = 0;
  const transition = async (phase: string, t: number, to: BreakerState) => {
    await emit({ type: 'breaker', scenario, phase, t, from: state, to });
    state = to;
  };
  const stopAt = s.interruptAtMs ?? Number.POSITIVE_INFINITY;
  for (const [index, p] of s.phases.entries()) {
    if (phaseStart >= stopAt) break;
    await emit({ type: 'phase-start', scenario, phase: p.name, index, t: phaseStart });
    for (const fault of p.faults ?? []) {
      await emit({
        type: 'fault',
        scenario,
        phase: p.name,
        action: 'applied',
        level: 'http',
        fault,
        t: phaseStart,
      });
    }
    const phaseEnd = phaseStart + p.durationMs;
    for (let t = phaseStart; t < phaseEnd && t < stopAt; t += interval) {
      calls++;
      const start = round(t);
      if (breaker && state === 'open' && start - openedAt >= breaker.resetTimeoutMs) {
        await transition(p.name, start, 'half-open');
      }
      if (breaker && state === 'open') {
        await emit({
          type: 'call',
          scenario,
          phase: p.name,
          t: start,
          latencyMs: 0.05,
          outcome: s.fallback ? 'ok' : 'failed',
          ...(s.fallback
            ? { status: 200, fallback: 'default' as const }
            : { errorCode: 'FAULTLINE_BREAKER_OPEN' }),
          attempts: 0,
          breakerState: 'open',
          shortCircuited: true,
          deadlineMs,
          deadlineExceeded: false,
        });
        continue;
      }
      const stateAtStart = state;
      let elapsed = 0;
      let attempts = 0;
      let ok = false;
      while (attempts < maxAttempts && !ok) {
        attempts++;
        const duration = round(-Math.log(1 - random.next()) * (p.latencyMs ?? 20) + 0.5);
        ok = random.next() >= (p.failureRate ?? 0);
        await emit({
          type: 'attempt',
          scenario,
          phase: p.name,
          t: round(start + elapsed),
          durationMs: duration,
          ...(ok ? { status: 200 } : { status: 503 }),
        });
        elapsed += duration;
        if (state === 'half-open') break;
      }
      if (breaker) {
        if (ok) {
          consecutive = 0;
          if (state === 'half-open') await transition(p.name, round(start + elapsed), 'closed');
        } else if (state === 'half-open' || ++consecutive >= breaker.failureThreshold) {
          consecutive = 0;
          openedAt = round(start + elapsed);
          await transition(p.name, openedAt, 'open');
        }
      }
      await emit({
        type: 'call',
        scenario,
        phase: p.name,
        t: start,
        latencyMs: round(elapsed),
        outcome: ok ? 'ok' : 'failed',
        status: ok ? 200 : 503,
        ...(ok ? {} : { errorCode: 'FAULTLINE_HTTP_STATUS' }),
        attempts,
        breakerState: stateAtStart,
        shortCircuited: false,
        deadlineMs,
        deadlineExceeded: elapsed > deadlineMs,
      });
    }
    const endT = Math.min(phaseEnd, stopAt);
    for (const fault of p.faults ?? []) {
      await emit({
        type: 'fault',
        scenario,
        phase: p.name,
        action: 'removed',
        level: 'http',
        fault,
        t: endT,
      });
    }
    if (endT === phaseEnd) await emit({ type: 'phase-end', scenario, phase: p.name, index, t: phaseEnd });
    phaseStart = phaseEnd;
  }
  const durationMs = Math.min(phaseStart, stopAt);
  await emit({
    type: 'scenario-end',
    scenario,
    t: durationMs,
    interrupted: s.interruptAtMs !== undefined,
    ...(s.error ? { error: s.error } : {}),
  });
  return { calls, durationMs };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
