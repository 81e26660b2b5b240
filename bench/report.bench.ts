import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildRunResult } from '../src/report/build-run-result.ts';
import { writeReports } from '../src/report/write-reports.ts';
import { writeEventLog } from '../test/support/event-log-fixture.ts';
import type { Benchmark } from './bench-types.ts';

const CALLS = 1_000_000;
const RSS_TARGET_MB = 300;
const run = promisify(execFile);

/**
 * Builds the report of a 1,000,000-call event log (written first to a temp file by the
 * test fixture: calls, attempts, breaker flaps, four scenarios) in a CHILD process, so the
 * peak RSS measured (process.resourceUsage().maxRSS) is the build's alone. Target: under
 * 300 MB, i.e. the build streams instead of holding the calls.
 */
const benchmark: Benchmark = {
  name: 'report',
  async run() {
    const dir = await mkdtemp(join(tmpdir(), 'faultline-report-bench-'));
    try {
      const log = join(dir, 'events.ndjson');
      // 4 scenarios x 250 s x 1000 calls/s = 1,000,000 calls.
      const phases = [
        { name: 'steady', durationMs: 100_000, latencyMs: 10 },
        {
          name: 'outage',
          durationMs: 50_000,
          failureRate: 0.9,
          latencyMs: 40,
          faults: [{ http: { status: 503 } }],
        },
        { name: 'recovery', durationMs: 100_000, latencyMs: 12 },
      ];
      const hypotheses = [
        { phase: 'steady', successRate: { min: 0.99 } },
        { latencyMs: { p99: { max: 200 } } },
        { phase: 'outage', breaker: { opensWithinCalls: 20 } },
      ];
      const scenarios = [1, 2, 3, 4].map((i) => ({
        name: `bench-${i}`,
        seed: i,
        callsPerSec: CALLS / 4 / 250,
        phases,
        hypotheses,
      }));
      const written = await writeEventLog(log, { scenarios });
      const bytes = (await stat(log)).size;
      const child = fileURLToPath(import.meta.url);
      const { stdout } = await run(process.execPath, ['--import', 'tsx', child, '--child', log, dir], {
        maxBuffer: 1 << 20,
      });
      const figures = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
        buildMs: number;
        writeMs: number;
        maxRssMb: number;
      };
      return {
        rows: [
          {
            label: 'build 1M-call log',
            calls: written.calls,
            logMb: Math.round(bytes / 1e6),
            buildMs: Math.round(figures.buildMs),
            callsPerSec: Math.round(written.calls / (figures.buildMs / 1000)),
            writeReportsMs: Math.round(figures.writeMs),
            peakRssMb: Math.round(figures.maxRssMb),
          },
        ],
        targets: [
          {
            name: `peak RSS < ${RSS_TARGET_MB} MB while building a ${CALLS.toLocaleString('en-US')}-call report`,
            ok: figures.maxRssMb < RSS_TARGET_MB,
            detail: `${figures.maxRssMb.toFixed(0)} MB`,
          },
        ],
        notes: [
          'The child process reads the log with readline over a read stream; RSS includes Node and tsx.',
        ],
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;

// Child mode: build and write the reports, then print the figures as one JSON line.
if (process.argv[2] === '--child') {
  const [, , , log, dir] = process.argv;
  const t0 = performance.now();
  const result = await buildRunResult(log!);
  const t1 = performance.now();
  await writeReports(result, dir!);
  const t2 = performance.now();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ buildMs: t1 - t0, writeMs: t2 - t1, maxRssMb })}\n`);
}
