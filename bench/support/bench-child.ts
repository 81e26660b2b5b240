import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** A bench child process: the first line it printed, and its CPU clock. */
export interface BenchChild {
  proc: ChildProcess;
  /** The JSON line the child printed once ready. */
  info: unknown;
  /** CPU time (user + system) the child has used so far, in microseconds. */
  cpu(): Promise<number>;
  /** Sends one control line; resolves with the JSON line the child answers. */
  ask(line: string): Promise<unknown>;
  /** Closes its stdin and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts `bench/support/<script>` under tsx and waits for its ready line. The child must
 * call `serveBenchControl` (bench-child-control.ts). `nodeArgs` go before the script,
 * e.g. `--cpu-prof` to profile it.
 */
export async function startBenchChild(
  script: string,
  options: { args?: string[]; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<BenchChild> {
  const proc = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', join(here, script), ...(options.args ?? [])],
    {
      // `--import tsx` resolves from the cwd: run from the repository root.
      cwd: join(here, '..', '..'),
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, ...options.env },
    },
  );
  const lines = createInterface({ input: proc.stdout! });
  const info = JSON.parse(await nextLine(lines));
  return {
    proc,
    info,
    async cpu() {
      const answer = nextLine(lines);
      proc.stdin!.write('cpu\n');
      const { user, system } = JSON.parse(await answer) as { user: number; system: number };
      return user + system;
    },
    async ask(line) {
      const answer = nextLine(lines);
      proc.stdin!.write(`${line}\n`);
      return JSON.parse(await answer) as unknown;
    },
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = once(proc, 'exit');
      proc.stdin!.end();
      await exited;
    },
  };
}

async function nextLine(lines: Interface): Promise<string> {
  const [line] = (await once(lines, 'line')) as [string];
  return line;
}
