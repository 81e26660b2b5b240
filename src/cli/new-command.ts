import { loadFaultlineConfig } from '../config/load-faultline-config.ts';
import { isFaultlineError } from '../errors/faultline-error.ts';
import { scaffoldScenario } from '../scenario/scaffold-scenario.ts';
import { escapeControl } from '../terminal/escape-control.ts';
import { ExitCode } from './cli-io.ts';
import type { CliCommand } from './command.ts';
import { checkOutputDir } from './output-dir.ts';

/**
 * `faultline new scenario NAME [--service S] [--dir scenarios]`: writes a commented starter
 * scenario that validates as is. Exit 2 when the file exists or the input is bad.
 */
export const newCommand: CliCommand = {
  register(program, { io, setExitCode }) {
    const group = program.command('new').description('Create a starter file.');
    group
      .command('scenario')
      .description('Create a commented scenario file that loads and validates.')
      .argument('<name>', 'scenario name; the file is its kebab-case form')
      .option('--service <key>', 'registry key of the service under test', 'inference')
      .option('--dir <dir>', 'directory of the new file', 'scenarios')
      .action(async (name: string, opts: { service: string; dir: string }) => {
        try {
          await checkOutputDir('--dir', opts.dir, io.cwd);
          const config = await loadFaultlineConfig({ cwd: io.cwd });
          const { file } = await scaffoldScenario({
            name,
            service: opts.service,
            dir: opts.dir,
            cwd: io.cwd,
            config,
          });
          const shown = escapeControl(file);
          io.stdout.write(`created ${shown}\nrun it: faultline run ${shown}\n`);
        } catch (err) {
          if (!isFaultlineError(err)) throw err;
          io.stderr.write(`faultline: ${escapeControl(err.message, { keepNewlines: true })}\n`);
          setExitCode(ExitCode.BadInput);
        }
      });
  },
};
