import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScenarios } from '../src/scenario/run-scenarios.ts';
import type { Benchmark } from './bench-types.ts';

/**
 * Virtual time: the 4-minute "breaker opens after 5 failures for 60 s" scenario must run in
 * a second or two of wall time (issue 5).
 */
const benchmark: Benchmark = {
  name: 'virtual-time',
  async run() {
    const cwd = fileURLToPath(new URL('..', import.meta.url));
    const reportDir = await mkdtemp(join(tmpdir(), 'faultline-bench-'));
    try {
      const rows = [];
      let worst = 0;
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const summary = await runScenarios({
          cwd,
          files: ['scenarios/inference-breaker-virtual-time.yaml'],
          reportDir,
          reporters: ['json'],
        });
        const wallMs = performance.now() - started;
        worst = Math.max(worst, wallMs);
        const scenario = summary.result.scenarios[0]!;
        rows.push({
          label: `run ${i + 1}`,
          scenarioMs: scenario.durationMs,
          wallMs: Math.round(wallMs),
          calls: scenario.metrics.calls,
          speedup: Math.round(scenario.durationMs / wallMs),
        });
      }
      return {
        rows,
        targets: [
          {
            name: '4 min of scenario time in <= 2 s wall',
            ok: worst <= 2000,
            detail: `worst ${Math.round(worst)} ms`,
          },
        ],
        notes: [
          'wall time includes loading the registry, validating the file and writing the event log and report.json',
        ],
      };
    } finally {
      await rm(reportDir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
