import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/faultline.js', import.meta.url));

/**
 * The real `faultline` CLI in a child process, for what only a process shows: its exit
 * code (13 = a top-level await that never settled), real signals, what it prints before
 * it dies. Waits are event-driven: on the child's output and on its exit, never on time.
 */
export interface CliChild {
  child: ChildProcess;
  out(): string;
  err(): string;
  /** Resolves once stdout or stderr has contained `text` (rejects if the child exits first). */
  waitForOutput(text: string): Promise<void>;
  /** Resolves with the exit code (or the signal that killed it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `signal` to the child (this test's own process, by its pid). */
  kill(signal: NodeJS.Signals): void;
}

export function runCliChild(argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): CliChild {
  const child = spawn(process.execPath, [BIN, ...argv], {
    cwd: options.cwd,
    env: { ...process.env, CI: 'true', NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ text: string; resolve: () => void; reject: (e: Error) => void }> = [];
  const settle = () => {
    for (const w of [...waiters]) {
      if (!stdout.includes(w.text) && !stderr.includes(w.text)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    settle();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    settle();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      for (const w of waiters.splice(0)) {
        w.reject(
          new Error(
            `the CLI exited (${code ?? signal}) before printing ${JSON.stringify(w.text)}:\n${stdout}\n${stderr}`,
          ),
        );
      }
      resolve({ code, signal });
    });
  });
  return {
    child,
    out: () => stdout,
    err: () => stderr,
    waitForOutput(text) {
      if (stdout.includes(text) || stderr.includes(text)) return Promise.resolve();
      return new Promise((resolve, reject) => waiters.push({ text, resolve, reject }));
    },
    exited,
    kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}
