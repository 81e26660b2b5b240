import type { CliCommand } from './command.ts';

/**
 * Every CLI command, in the order `--help` lists them. Each lives in its own file.
 * Add a command with one line here.
 */
export const commands: CliCommand[] = [];
