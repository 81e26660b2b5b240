import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { packageEntries } from '../test/support/package-entries.ts';
import { installPackedFaultline, packFaultline } from '../test/support/packed-package.ts';
import type { Benchmark } from './bench-types.ts';
import { median } from './support/median.ts';

const run = promisify(execFile);
/** Fresh processes per figure; the median is reported (the machine is shared). */
const ROUNDS = 7;
const TARGETS_MS: Record<string, number> = { faultline: 150, 'faultline --version': 300 };

/**
 * Cold start of the installed package: `npm pack`, install the tarball into a temp project,
 * then per entry point a fresh `node` that times `await import(entry)` (performance.now()
 * around the import: the import's own cost, without Node's boot), and the wall time of
 * `faultline --version` from spawn to exit (what a user waits). Targets (issue 12):
 * `faultline` <= 150 ms, `faultline --version` <= 300 ms. Also reports the tarball's size.
 */
const benchmark: Benchmark = {
  name: 'import',
  async run() {
    const dir = await mkdtemp(join(tmpdir(), 'faultline-import-bench-'));
    try {
      const packed = await packFaultline(dir);
      const project = join(dir, 'project');
      await installPackedFaultline(project, packed.tarball);
      await writeFile(join(project, 'package.json'), '{ "name": "bench-project", "type": "module" }\n');
      await writeFile(
        join(project, 'time-import.mjs'),
        'const t = performance.now(); await import(process.argv[2]); process.stdout.write(String(performance.now() - t));\n',
      );
      const rows: Array<{ label: string } & Record<string, string | number>> = [];
      const medians: Record<string, number> = {};
      for (const { specifier } of packageEntries()) {
        const times: number[] = [];
        for (let i = 0; i < ROUNDS; i++) {
          const { stdout } = await run(process.execPath, ['time-import.mjs', specifier], { cwd: project });
          times.push(Number(stdout));
        }
        medians[specifier] = median(times);
        rows.push({
          label: `import('${specifier}')`,
          medianMs: medians[specifier]!,
          minMs: Math.min(...times),
        });
      }
      const versionTimes: number[] = [];
      const baseline: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        let t = performance.now();
        await run(process.execPath, ['node_modules/.bin/faultline', '--version'], { cwd: project });
        versionTimes.push(performance.now() - t);
        t = performance.now();
        await run(process.execPath, ['-e', '0'], { cwd: project });
        baseline.push(performance.now() - t);
      }
      medians['faultline --version'] = median(versionTimes);
      rows.push({
        label: 'faultline --version (spawn to exit)',
        medianMs: median(versionTimes),
        minMs: Math.min(...versionTimes),
      });
      rows.push({
        label: 'node -e 0 (spawn to exit)',
        medianMs: median(baseline),
        minMs: Math.min(...baseline),
      });
      rows.push({
        label: `tarball ${packed.tarball.split('/').pop()}`,
        files: packed.files,
        kB: Math.round(packed.size / 1024),
        unpackedKB: Math.round(packed.unpackedSize / 1024),
      });
      return {
        rows,
        targets: Object.entries(TARGETS_MS).map(([name, max]) => ({
          name: `${name} <= ${max} ms`,
          ok: medians[name]! <= max,
          detail: `median ${medians[name]!.toFixed(0)} ms of ${ROUNDS} cold processes`,
        })),
        notes: ['import times exclude Node boot; --version includes it (compare node -e 0)'],
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
