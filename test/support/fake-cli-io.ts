import type { CliIo } from '../../src/cli/cli-io.ts';

/** A CliIo with captured output and signals the test raises itself. */
export interface FakeCliIo extends CliIo {
  out(): string;
  err(): string;
  /** Delivers a signal to the handlers registered through onSignal. */
  raise(signal: 'SIGINT' | 'SIGTERM'): void;
  /** Resolves once stdout contains `text`; rejects after `attempts` checks 10 ms apart. */
  waitForOutput(text: string, attempts?: number): Promise<void>;
}

export function fakeCliIo(
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): FakeCliIo {
  let stdout = '';
  let stderr = '';
  const handlers = new Set<(signal: 'SIGINT' | 'SIGTERM') => void>();
  return {
    stdout: {
      write: (s: string) => {
        stdout += s;
        return true;
      },
    },
    stderr: {
      write: (s: string) => {
        stderr += s;
        return true;
      },
    },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    onSignal(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    out: () => stdout,
    err: () => stderr,
    raise(signal) {
      for (const handler of [...handlers]) handler(signal);
    },
    async waitForOutput(text, attempts = 1000) {
      for (let i = 0; i < attempts; i++) {
        if (stdout.includes(text)) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(
        `stdout never contained ${JSON.stringify(text)}; it was:\n${stdout}\nstderr:\n${stderr}`,
      );
    },
  };
}
