import type { Command } from 'commander';
import type { CliIo } from './cli-io.ts';

/**
 * What each command file exports: it adds itself to the program and reports its exit
 * code through `setExitCode` (only the CLI sets exit codes; the programmatic API returns
 * results).
 */
export interface CliCommand {
  register(program: Command, context: CommandContext): void;
}

export interface CommandContext {
  io: CliIo;
  setExitCode(code: number): void;
}
