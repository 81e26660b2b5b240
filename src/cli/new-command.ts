import { Option } from 'commander';
import { loadFaultlineConfig } from '../config/load-faultline-config.ts';
import { isFaultlineError } from '../errors/faultline-error.ts';
import {
  SCENARIO_TEMPLATES,
  type ScenarioTemplate,
  scaffoldScenario,
} from '../scenario/scaffold-scenario.ts';
import { escapeControl } from '../terminal/escape-control.ts';
import { ExitCode } from './cli-io.ts';
import type { CliCommand } from './command.ts';
import { checkOutputDir } from './output-dir.ts';

/**
 * `faultline new scenario NAME [--service S] [--template T] [--dir scenarios] [--config FILE]`: writes a commented starter
 * scenario that validates as is. Exit 2 when the file exists or the input is bad.
 */
export const newCommand: CliCommand = {
  register(program, { io, setExitCode }) {
    const group = program.command('new').description('Create a starter file.');
    group
      .command('scenario')
      .description('Create a commented scenario file that loads and validates.')
      .argument('<name>', 'scenario name; the file is its kebab-case form')
      .option(
        '--service <key>',
        'registry key of the service under test (default: the first in the registry)',
      )
      .addOption(
        new Option('--template <name>', 'http-outage (injected 503s) or tcp-latency (a latency toxic)')
          .choices(SCENARIO_TEMPLATES)
          .default('http-outage'),
      )
      .option('--config <file>', 'service registry (default faultline.config.yaml)')
      .option('--dir <dir>', 'directory of the new file', 'scenarios')
      .action(
        async (name: string, opts: { service?: string; dir: string; template: string; config?: string }) => {
          try {
            await checkOutputDir('--dir', opts.dir, io.cwd);
            const config = await loadFaultlineConfig({
              cwd: io.cwd,
              ...(opts.config ? { file: opts.config } : {}),
            });
            const { file } = await scaffoldScenario({
              name,
              ...(opts.service ? { service: opts.service } : {}),
              template: opts.template as ScenarioTemplate,
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
        },
      );
  },
};
