/**
 * Everything the CLI touches of the process, injected so that commands run in-process
 * in tests with captured output.
 */
export interface CliIo {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /**
   * Registers a handler for every SIGINT/SIGTERM (not just the first) until the returned
   * function removes it.
   */
  onSignal(handler: (signal: 'SIGINT' | 'SIGTERM') => void): () => void;
  /** Ends the process now (only a forced exit on a third signal uses it). */
  exit?(code: number): void;
}

/** The real process's streams, environment and signals. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    onSignal(handler) {
      const onInt = () => handler('SIGINT');
      const onTerm = () => handler('SIGTERM');
      process.on('SIGINT', onInt);
      process.on('SIGTERM', onTerm);
      return () => {
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
      };
    },
    exit(code) {
      process.exit(code);
    },
  };
}

/** Exit codes shared by every command. */
export const ExitCode = {
  /** Everything held. */
  Ok: 0,
  /** A check failed: a hypothesis, a contract, an invariant. */
  CheckFailed: 1,
  /** Bad input or usage. */
  BadInput: 2,
} as const;
