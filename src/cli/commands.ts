import { checkCommand } from './check-command.ts';
import type { CliCommand } from './command.ts';
import { exploreCommand } from './explore-command.ts';
import { newCommand } from './new-command.ts';
import { proxyCommand } from './proxy-command.ts';
import { reportCommand } from './report-command.ts';
import { runCommand } from './run-command.ts';
import { servicesCommand } from './services-command.ts';
import { verifyCommand } from './verify-command.ts';

/**
 * Every CLI command, in the order `--help` lists them. Each lives in its own file.
 * Add a command with one line here.
 */
export const commands: CliCommand[] = [
  runCommand,
  servicesCommand,
  reportCommand,
  proxyCommand,
  verifyCommand,
  newCommand,
  checkCommand,
  exploreCommand,
];
