import type { CliIo } from '../../src/cli/cli-io.ts';

/** A CliIo with captured output and signals the test raises itself. */
export interface FakeCliIo extends CliIo {
  out(): string;
  err(): string;
  /** Delivers a signal to the handlers registered through onSignal. */
  raise(signal: 'SIGINT' | 'SIGTERM'): void;
  /** Resolves once stdout contains `text` (checked on every write). */
  waitForOutput(text: string): Promise<void>;
}

export function fakeCliIo(
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): FakeCliIo {
  let stdout = '';
  let stderr = '';
  const handlers = new Set<(signal: 'SIGINT' | 'SIGTERM') => void>();
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  return {
    stdout: {
      write: (s: string) => {
        stdout += s;
        for (const w of waiters.filter((x) => stdout.includes(x.text))) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
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
    waitForOutput(text) {
      if (stdout.includes(text)) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ text, resolve }));
    },
  };
}
