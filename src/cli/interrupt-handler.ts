import type { CliIo } from './cli-io.ts';

/** Exit code of a forced exit on the third signal (128 + SIGINT, as shells report it). */
export const FORCED_EXIT_CODE = 130;

export interface InterruptHandlerOptions {
  io: CliIo;
  /** Prefix of every message, e.g. "faultline run". */
  command: string;
  /** The first signal: stop gracefully (abort the run; its cleanup and report follow). */
  stop(signal: 'SIGINT' | 'SIGTERM'): void;
  /** What is not cleaned up yet, named for a person (shown on a forced exit). */
  pending(): string[];
}

/**
 * SIGINT/SIGTERM while a command changes the outside world:
 *
 *   1st  stop gracefully: abort the run, undo every fault, write the report
 *   2nd  cleanup is NOT aborted; say that it is still running and what a 3rd does
 *   3rd  force the exit (code 130), naming what may be left behind
 *
 * Why not `process.once`: a second Ctrl-C during cleanup then hits Node's default handler
 * and kills the process with the scenario's proxy still on an external Toxiproxy.
 * Returns the function that removes the handler (after the last output, the default
 * behaviour applies again: the process has nothing left to clean up).
 *
 * @example
 * const release = handleInterrupts({ io, command: 'faultline run', stop: () => controller.abort(), pending: () => ledger.pending() });
 * try { await run(); } finally { release(); }
 */
export function handleInterrupts(o: InterruptHandlerOptions): () => void {
  let received = 0;
  return o.io.onSignal((signal) => {
    received++;
    if (received === 1) {
      o.io.stderr.write(
        `\n${o.command}: received ${signal}, stopping: undoing faults and writing the report (send ${signal} twice more to force the exit)...\n`,
      );
      o.stop(signal);
      return;
    }
    if (received === 2) {
      o.io.stderr.write(
        `${o.command}: still cleaning up (${describe(o.pending())}); one more ${signal} forces the exit and may leave that behind.\n`,
      );
      return;
    }
    const left = o.pending();
    o.io.stderr.write(
      left.length === 0
        ? `${o.command}: forced exit by ${signal}; nothing was left to undo.\n`
        : `${o.command}: forced exit by ${signal}; may be left behind (undo by hand):\n${left.map((l) => `  - ${l}\n`).join('')}`,
    );
    o.io.exit?.(FORCED_EXIT_CODE);
  });
}

function describe(pending: string[]): string {
  if (pending.length === 0) return 'writing the report';
  return `${pending.length} undo${pending.length === 1 ? '' : 's'} left: ${pending[0]}${pending.length > 1 ? ', ...' : ''}`;
}
