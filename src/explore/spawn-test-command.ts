import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** What one run of the user's test command did. */
export interface CommandOutcome {
  /** Exit code; null when it was killed. */
  exitCode: number | null;
  timedOut: boolean;
  /** The last OUTPUT_TAIL_BYTES of stdout and stderr, interleaved as written. */
  output: string;
  durationMs: number;
}

/** Output kept per run (the tail, where a test runner prints its verdict). */
export const OUTPUT_TAIL_BYTES = 4096;

/**
 * Runs the user's test command without a shell (`argv[0]` with `argv[1..]`), with `env`
 * added to `baseEnv` (default: this process's environment), killed (its whole process group) after `timeoutMs`.
 * The child is one undo: `signal` aborting kills it too.
 */
export function spawnTestCommand(
  argv: readonly string[],
  options: {
    env: Record<string, string>;
    baseEnv?: Record<string, string | undefined>;
    cwd: string;
    timeoutMs: number;
    signal?: AbortSignal;
  },
): Promise<CommandOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: options.cwd,
      env: { ...(options.baseEnv ?? process.env), ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.length > 2 * OUTPUT_TAIL_BYTES) output = output.slice(-OUTPUT_TAIL_BYTES);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const kill = () => {
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    options.signal?.addEventListener('abort', kill, { once: true });
    const done = (exitCode: number | null, error?: Error) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', kill);
      if (error) output += `\nfaultline explore: failed to start ${argv[0]}: ${error.message}\n`;
      resolve({
        exitCode,
        timedOut,
        output: output.slice(-OUTPUT_TAIL_BYTES),
        durationMs: performance.now() - started,
      });
    };
    child.once('error', (err) => done(null, err));
    child.once('close', (code) => done(code));
  });
}
