import type { CliCommand } from './command.ts';

/** A command by name, loaded only when used (so `faultline --version` loads no command). */
export interface LazyCommand {
  /** The first word of its argv (`faultline run ...`). */
  name: string;
  load(): Promise<CliCommand>;
}

/**
 * Every CLI command, in the order `--help` lists them. Each lives in its own file and is
 * imported on demand: `faultline verify` never loads MSW, `faultline run` never loads the
 * report diff. Add a command with one line here.
 */
export const commands: LazyCommand[] = [
  { name: 'init', load: async () => (await import('./init-command.ts')).initCommand },
  { name: 'run', load: async () => (await import('./run-command.ts')).runCommand },
  { name: 'services', load: async () => (await import('./services-command.ts')).servicesCommand },
  { name: 'report', load: async () => (await import('./report-command.ts')).reportCommand },
  { name: 'proxy', load: async () => (await import('./proxy-command.ts')).proxyCommand },
  { name: 'verify', load: async () => (await import('./verify-command.ts')).verifyCommand },
  { name: 'new', load: async () => (await import('./new-command.ts')).newCommand },
  { name: 'check', load: async () => (await import('./check-command.ts')).checkCommand },
  { name: 'explore', load: async () => (await import('./explore-command.ts')).exploreCommand },
];

/**
 * The commands `argv` needs: none for a bare `--version`, the named one for `faultline NAME
 * ...`, all of them otherwise (help, an unknown command: commander lists them all).
 */
export async function commandsFor(argv: readonly string[]): Promise<CliCommand[]> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) return [];
  const named = commands.find((c) => c.name === argv[0]);
  return Promise.all((named ? [named] : commands).map((c) => c.load()));
}
