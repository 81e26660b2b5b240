import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { truncateLog, writeEventLog } from '../../test/support/event-log-fixture.ts';
import { mixedRun, outageScenario, tempDir } from '../../test/support/report-fixtures.ts';
import { callRecord, scenarioStart } from '../../test/support/run-records.ts';
import { buildRunResult } from './build-run-result.ts';
import type { RunEvent } from './run-events.ts';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('buildRunResult', () => {
  it('computes per-phase and overall metrics and evaluates every hypothesis', async () => {
    const log = join(dir, 'events.ndjson');
    const { calls } = await writeEventLog(log, mixedRun());

    const result = await buildRunResult(log);

    expect(result.schemaVersion).toBe(2);
    expect(result.interrupted).toBe(false);
    expect(result.totals.calls).toBe(calls);
    const outage = result.scenarios[0]!;
    expect(outage.name).toBe('inference-outage');
    expect(outage.metrics.calls).toBe(400); // 50 calls/s for 8 s
    expect(outage.phases.map((p) => [p.name, p.startMs, p.endMs])).toEqual([
      ['steady', 0, 2000],
      ['outage', 2000, 5000],
      ['recovery', 5000, 8000],
    ]);
    const [steady, down, recovery] = outage.phases;
    expect(steady!.metrics.successRate).toBe(1);
    expect(down!.metrics.ok).toBe(0);
    expect(down!.metrics.shortCircuits).toBeGreaterThan(100);
    expect(down!.metrics.breakerTransitions[0]).toMatchObject({
      phase: 'outage',
      from: 'closed',
      to: 'open',
    });
    expect(down!.faultEvents.map((f) => f.action)).toEqual(['applied', 'removed']);
    expect(recovery!.metrics.breakerTransitions.at(-1)?.to).toBe('closed');
    const sum = (key: 'calls' | 'ok' | 'upstreamCalls' | 'shortCircuits') =>
      outage.phases.reduce((n, p) => n + (p.metrics[key] ?? 0), 0);
    expect(sum('calls')).toBe(outage.metrics.calls);
    expect(sum('ok')).toBe(outage.metrics.ok);
    expect(sum('upstreamCalls')).toBe(outage.metrics.upstreamCalls);
    expect(outage.metrics.upstreamCallsWhileOpen).toBeGreaterThan(0); // the half-open probes
    expect(outage.hypotheses.map((h) => h.verdict)).toEqual(['pass', 'pass', 'pass', 'fail']);
    expect(outage.verdict).toBe('fail');
    expect(result.scenarios[1]!.verdict).toBe('pass');
    expect(result.totals.contracts).toEqual({ total: 2, passed: 1, failed: 1 });
    expect(result.totals.checks).toEqual({ total: 2, passed: 1, failed: 1 });
    expect(result.exitCode).toBe(1);
  });

  it('buckets the time series at 250 ms with the breaker state of each bucket', async () => {
    const log = join(dir, 'events.ndjson');
    await writeEventLog(log, { scenarios: [outageScenario({ hypotheses: [] })] });

    const series = (await buildRunResult(log)).scenarios[0]!.timeSeries;

    expect(series.bucketMs).toBe(250);
    expect(series.buckets).toHaveLength(32);
    expect(series.buckets.reduce((n, b) => n + b.calls, 0)).toBe(400);
    expect(series.buckets[0]!.breakerState).toBe('closed');
    expect(series.buckets[12]!.breakerState).toBe('open'); // 3 s: in the outage
    expect(series.buckets[31]!.breakerState).toBe('closed');
    expect(series.buckets[12]!.errors).toBe(series.buckets[12]!.calls);
  });

  it('reads exact latency percentiles from a small log', async () => {
    const log = join(dir, 'events.ndjson');
    const events: RunEvent[] = [
      start(),
      ...Array.from({ length: 100 }, (_, i) => call(i * 10, i + 1, i < 90 ? 'ok' : 'failed')),
      { type: 'scenario-end', scenario: 's', t: 1000, interrupted: false },
      { type: 'run-end', t: 1000, interrupted: false },
    ];
    await writeFile(log, events.map((e) => JSON.stringify(e)).join('\n'));

    const s = (await buildRunResult(log)).scenarios[0]!;

    // HDR histograms with 3 significant digits: each figure within 0.1% of the exact one.
    const latency = s.metrics.latencyMs!;
    for (const [key, exact] of [
      ['p50', 50],
      ['p95', 95],
      ['p99', 99],
      ['max', 100],
    ] as const) {
      expect(Math.abs(latency[key] - exact) / exact).toBeLessThanOrEqual(0.001);
    }
    expect(s.metrics.successRate).toBe(0.9);
    expect(s.hypotheses[0]).toMatchObject({ verdict: 'fail', kind: 'successRate' });
    expect(s.verdict).toBe('fail');
  });

  it('tolerates a truncated last line and reports the run as interrupted', async () => {
    const log = join(dir, 'events.ndjson');
    await writeEventLog(log, { scenarios: [outageScenario()], killed: true });
    await appendFile(log, '{"type":"call","scenario":"inference-outage","phase":"reco');

    const result = await buildRunResult(log);

    expect(result.interrupted).toBe(true);
    expect(result.scenarios[0]!.metrics.calls).toBe(400);
    expect(result.exitCode).toBe(1);
  });

  it('marks a scenario cut off mid-phase as interrupted and keeps what it saw', async () => {
    const log = join(dir, 'events.ndjson');
    await writeEventLog(log, { scenarios: [outageScenario()] });
    const text = await readFile(log, 'utf8');
    await writeFile(
      log,
      text.slice(0, text.indexOf('"phase-start","scenario":"inference-outage","phase":"recovery"')),
    );
    await truncateLog(log, 9); // also cut the last line in half

    const s = (await buildRunResult(log)).scenarios[0]!;

    expect(s.verdict).toBe('interrupted');
    expect(s.metrics.calls).toBe(250);
    expect(s.phases[2]!.metrics.calls).toBe(0);
    expect(s.hypotheses[2]).toMatchObject({ verdict: 'fail', observed: 'phase "recovery" never started' });
  });

  it('reports a scenario that crashed during a phase as errored with its error', async () => {
    const log = join(dir, 'events.ndjson');
    await writeEventLog(log, { scenarios: [outageScenario({ error: 'proxy died' })] });

    const result = await buildRunResult(log);
    const s = result.scenarios[0]!;

    expect(s.verdict).toBe('errored');
    expect(s.error).toBe('proxy died');
    expect(result.totals.scenarios).toMatchObject({ total: 1, passed: 0, failed: 0, errored: 1 });
    expect(result.exitCode).toBe(1);
  });

  it('reports every planned scenario: one that errored before it started is errored, not missing', async () => {
    const log = join(dir, 'events.ndjson');
    const planned = (name: string) => ({
      scenario: name,
      file: `scenarios/${name}.yaml`,
      seed: 1,
      mode: 'real' as const,
      service: 'mine',
      replayCommand: `npx faultline run scenarios/${name}.yaml --seed 1 --client ./c.ts`,
      clientModule: './c.ts',
      phases: [{ name: 'steady', durationMs: 1000, faults: [] }],
      hypotheses: [{ neverOpens: true }, { phase: 'steady', successRate: { min: 1 } }],
      load: {},
    });
    const events: RunEvent[] = [
      { type: 'run-start', version: 1, runId: 'r', startedAt: '', argv: [], faultlineVersion: '0', t: 0 },
      { type: 'run-plan', scenarios: [planned('a'), planned('b')], t: 0 },
      {
        type: 'scenario-end',
        scenario: 'a',
        t: 0,
        interrupted: false,
        error: 'Failed to create the client: boom',
      },
      { type: 'run-end', t: 5, interrupted: true },
    ];
    await writeFile(log, events.map((e) => JSON.stringify(e)).join('\n'));

    const result = await buildRunResult(log);

    expect(result.scenarios.map((s) => [s.name, s.verdict])).toEqual([
      ['a', 'errored'],
      ['b', 'interrupted'],
    ]);
    const [a] = result.scenarios;
    expect(a!.error).toBe('Failed to create the client: boom');
    expect(a!.clientModule).toBe('./c.ts');
    expect(a!.replayCommand).toContain('--client ./c.ts');
    // Never evaluated on no evidence: a whole-run "never opens" does not hold vacuously.
    expect(a!.hypotheses.map((h) => h.verdict)).toEqual(['fail', 'fail']);
    expect(a!.hypotheses[0]!.observed).toContain('errored before it started');
    expect(result.totals.scenarios).toEqual({ total: 2, passed: 0, failed: 0, errored: 1, interrupted: 1 });
    expect(result.exitCode).toBe(1);
  });

  it('errors a scenario whose cleanup failed, naming what may be left behind', async () => {
    const log = join(dir, 'events.ndjson');
    await writeEventLog(log, { scenarios: [outageScenario({ hypotheses: [] })] });
    const lines = (await readFile(log, 'utf8')).trim().split('\n');
    const end = lines.findIndex((l) => l.includes('"scenario-end"'));
    lines[end] = JSON.stringify({
      ...JSON.parse(lines[end]!),
      cleanupFailures: ['remove toxic outage-0-latency: ECONNREFUSED'],
    });
    await writeFile(log, `${lines.join('\n')}\n`);

    const s = (await buildRunResult(log)).scenarios[0]!;

    expect(s.verdict).toBe('errored');
    expect(s.error).toBe('cleanup failed: remove toxic outage-0-latency: ECONNREFUSED');
  });

  it('never exits 0 when nothing ran', async () => {
    const log = join(dir, 'events.ndjson');
    await writeEventLog(log, { scenarios: [] });

    const result = await buildRunResult(log);

    expect(result.interrupted).toBe(false);
    expect(result.exitCode).toBe(1);
  });

  it('rejects a corrupt line that is not the last, naming the line', async () => {
    const log = join(dir, 'events.ndjson');
    await writeFile(log, `${JSON.stringify(start())}\n{oops\n${JSON.stringify(call(0, 1, 'ok'))}\n`);

    await expect(buildRunResult(log)).rejects.toMatchObject({
      code: 'FAULTLINE_REPORT_INVALID',
      message: expect.stringContaining('events.ndjson:2'),
    });
  });

  it('fails with FAULTLINE_REPORT_NOT_FOUND when the log is missing', async () => {
    await expect(buildRunResult(join(dir, 'nope.ndjson'))).rejects.toMatchObject({
      code: 'FAULTLINE_REPORT_NOT_FOUND',
    });
  });
});

function start(): RunEvent {
  return scenarioStart({
    replayCommand: 'npx faultline run scenarios/s.yaml --seed 1',
    phases: [{ name: 'p', durationMs: 1000, faults: [] }],
    hypotheses: [{ successRate: { min: 0.95 } }],
  });
}

function call(t: number, latencyMs: number, outcome: 'ok' | 'failed'): RunEvent {
  return callRecord(t, latencyMs, outcome, { deadlineMs: 5000 });
}
