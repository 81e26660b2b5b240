import { isFaultlineError } from '../errors/faultline-error.ts';
import { SERVICE_NAMES } from '../services/service-names.ts';
import { startServices } from '../services/start-services.ts';
import { escapeControl } from '../terminal/escape-control.ts';
import { ExitCode } from './cli-io.ts';
import { cliWording } from './cli-wording.ts';
import type { CliCommand } from './command.ts';
import { integerArg } from './parse-args.ts';

/** Default `--port-base`: services at 7001 … 7005 (docs/services.md). */
export const DEFAULT_PORT_BASE = 7000;

/**
 * `faultline services [--port-base N] [--host H]`: starts the five reference services,
 * prints each name and URL, and stays up until SIGINT/SIGTERM.
 */
export const servicesCommand: CliCommand = {
  register(program, { io, setExitCode }) {
    program
      .command('services')
      .description(`Start the reference services (${SERVICE_NAMES.join(', ')}) until interrupted.`)
      .option(
        '--port-base <n>',
        'services listen on N+1 … N+5; 0 = free ports',
        integerArg(0, 65_530),
        DEFAULT_PORT_BASE,
      )
      .option('--host <host>', 'address to bind', '127.0.0.1')
      .option('--states', 'accept POST /_faultline/state (provider states for Pact verification)', false)
      .action(async (options: { portBase: number; host: string; states: boolean }) => {
        let services: Awaited<ReturnType<typeof startServices>>;
        try {
          services = await startServices({
            host: options.host,
            portBase: options.portBase,
            states: options.states,
          });
        } catch (err) {
          if (!isFaultlineError(err)) throw err;
          io.stderr.write(
            `faultline services: ${escapeControl(cliWording(err, {}, { FAULTLINE_SERVE_FAILED: 'Choose other ports with --port-base N.' }), { keepNewlines: true })}\n`,
          );
          setExitCode(ExitCode.BadInput);
          return;
        }
        const width = Math.max(...SERVICE_NAMES.map((n) => n.length));
        for (const name of SERVICE_NAMES)
          io.stdout.write(`${name.padEnd(width)}  ${escapeControl(services.urls[name])}\n`);
        io.stdout.write('Press Ctrl+C to stop.\n');
        const signal = await new Promise<string>((resolve) => {
          const remove = io.onSignal((s) => {
            remove();
            resolve(s);
          });
        });
        io.stdout.write(`Received ${signal}, stopping services…\n`);
        await services.close();
        setExitCode(ExitCode.Ok);
      });
  },
};
