/**
 * `npm run test:stress`: the whole suite (`vitest run`, extra arguments passed through) while
 * one busy-looping child per core keeps the machine saturated, as a loaded CI runner would.
 * A test that only passes on an idle machine (a fixed sleep, a tight timeout on real work, a
 * wall-clock race) fails here.
 *
 *   stress-run ──spawn──> hog x cores   (busy loop; ends at HOG_MAX_MS or when we die)
 *              ──spawn──> vitest run    (stdio inherited)
 *              <──exit─── vitest        -> kill hogs -> exit with vitest's code
 *
 * The hogs are killed when the suite ends, whatever happens (failure, crash, Ctrl+C); in case
 * this process is itself killed hard, each hog also stops when its parent is gone, and none
 * outlives HOG_MAX_MS.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

/** Upper bound on a hog's life, ms: longer than any suite run, short enough to never linger. */
const HOG_MAX_MS = 20 * 60_000;

/** Busy loop for a hog; checks every few million iterations whether it should stop. */
const HOG_SOURCE = `
const end = Date.now() + ${HOG_MAX_MS};
const parent = process.ppid;
let x = 0;
for (;;) {
  for (let i = 0; i < 5e6; i++) x = (x + i) | 0;
  if (Date.now() >= end || process.ppid !== parent) process.exit(0);
}
`;

const vitestCli = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));
const cores = availableParallelism();
const hogs: ChildProcess[] = Array.from({ length: cores }, () =>
  spawn(process.execPath, ['-e', HOG_SOURCE], { stdio: 'ignore' }),
);

function killHogs(): void {
  for (const hog of hogs) if (hog.exitCode === null && hog.signalCode === null) hog.kill('SIGKILL');
}
process.on('exit', killHogs);

const started = performance.now();
process.stdout.write(
  `test:stress: ${cores} CPU hog(s) running; vitest run ${process.argv.slice(2).join(' ')}\n`,
);
const suite = spawn(process.execPath, [vitestCli, 'run', ...process.argv.slice(2)], { stdio: 'inherit' });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killHogs();
    suite.kill(signal);
  });
}

suite.on('error', (err) => {
  process.stderr.write(`test:stress: could not start vitest: ${err.message}\n`);
  killHogs();
  process.exit(1);
});

suite.on('exit', (code, signal) => {
  killHogs();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const exitCode = code ?? 1;
  process.stdout.write(
    `test:stress: vitest ${signal ? `killed by ${signal}` : `exited ${exitCode}`} after ${seconds} s under ${cores} CPU hog(s)\n`,
  );
  process.exit(exitCode);
});
