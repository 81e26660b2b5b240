import type { Command } from 'commander';
import { isFaultlineError } from '../errors/faultline-error.ts';
import { initProject } from '../init/init-project.ts';
import { ExitCode } from './cli-io.ts';
import { cliWording, flagsOf } from './cli-wording.ts';
import type { CliCommand } from './command.ts';

/**
 * `faultline init [--service NAME] [--base-url URL] [--pact FILE] [--consumer NAME] [--force]`:
 * sets the repository up (registry, starter scenarios, contracts/, CI workflow). Exit 2,
 * writing nothing, when a file exists and --force is not given.
 */
export const initCommand: CliCommand = {
  register(program, { io, setExitCode }) {
    program
      .command('init')
      .description(
        'Set up Faultline in this repository: registry, starter scenarios, contracts/, CI workflow.',
      )
      .option('--service <name>', 'registry key of the service your code depends on', 'my-service')
      .option('--base-url <url>', 'where that service runs', 'http://127.0.0.1:8080')
      .option('--pact <file>', 'a consumer pact for it (names and a starter request come from it)')
      .option('--consumer <name>', "Pact consumer name (default: the pact's, else package.json's name)")
      .option('--force', 'replace files that exist', false)
      .action(
        async (
          o: { service: string; baseUrl: string; pact?: string; consumer?: string; force: boolean },
          command: Command,
        ) => {
          let written: string[];
          try {
            ({ written } = await initProject({
              cwd: io.cwd,
              service: o.service,
              baseUrl: o.baseUrl,
              force: o.force,
              ...(o.pact ? { pact: o.pact } : {}),
              ...(o.consumer ? { consumer: o.consumer } : {}),
            }));
          } catch (err) {
            if (!isFaultlineError(err)) throw err;
            io.stderr.write(`faultline init: ${cliWording(err, flagsOf(command))}\n`);
            setExitCode(ExitCode.BadInput);
            return;
          }
          for (const file of written) io.stdout.write(`created ${file}\n`);
          io.stdout.write(
            '\nNext (node_modules/faultline/docs/getting-started.md): write a consumer pact, then\n  npx faultline verify\n  npx faultline run\n',
          );
        },
      );
  },
};
