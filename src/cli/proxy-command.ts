import { resolve } from 'node:path';
import type { Command } from 'commander';
import { isFaultlineError } from '../errors/faultline-error.ts';
import { faultProxyDefaults, startFaultProxy } from '../proxy/start-fault-proxy.ts';
import { escapeControl } from '../terminal/escape-control.ts';
import { ExitCode } from './cli-io.ts';
import { cliWording, flagsOf } from './cli-wording.ts';
import type { CliCommand } from './command.ts';
import { integerArg, portArg } from './parse-args.ts';
import { toxiproxyServerFlags } from './toxiproxy-server-flags.ts';

/**
 * `faultline proxy`: runs the embedded Toxiproxy-compatible fault proxy until SIGINT or
 * SIGTERM. A thin shell over `startFaultProxy`.
 */
export const proxyCommand: CliCommand = {
  register(program: Command, { io, setExitCode }) {
    const command = program
      .command('proxy')
      .description(
        'Run the Toxiproxy-compatible fault proxy (admin API + TCP proxies) until interrupted. ' +
          "Also takes toxiproxy-server's flags as written (-host, -port, -config, -seed, -proxy-metrics, -runtime-metrics).",
      )
      .option('--host <host>', 'address of the admin API', faultProxyDefaults.host)
      .option('--port <port>', 'port of the admin API (0 = a free port)', portArg, faultProxyDefaults.port)
      .option('--config <file>', 'JSON array of proxies to create at start, as for POST /populate')
      // toxiproxy-server's seed is any int64; ours any safe integer.
      .option(
        '--seed <n>',
        'seed of toxicity and jitter draws',
        integerArg(Number.MIN_SAFE_INTEGER),
        faultProxyDefaults.seed,
      )
      .option('--runtime-metrics', 'add the Node process metrics to /metrics')
      .option('--proxy-metrics', 'accepted for toxiproxy-server compatibility: proxy metrics are always on')
      .action(async (options: ProxyCommandOptions, command: Command) => {
        let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
        try {
          const { config, proxyMetrics: _alwaysOn, runtimeMetrics, ...rest } = options;
          proxy = await startFaultProxy({
            ...rest,
            runtimeMetrics: runtimeMetrics === true,
            ...(config ? { config: resolve(io.cwd, config) } : {}),
          });
        } catch (err) {
          if (!isFaultlineError(err)) throw err;
          io.stderr.write(
            `faultline proxy: ${escapeControl(cliWording(err, flagsOf(command)), { keepNewlines: true })}\n`,
          );
          setExitCode(ExitCode.BadInput);
          return;
        }
        io.stdout.write(`Fault proxy (Toxiproxy API) listening on ${escapeControl(proxy.url)}\n`);
        await new Promise<void>((resolve) => {
          const off = io.onSignal(() => {
            off();
            resolve();
          });
        });
        await proxy.close();
        io.stdout.write('Fault proxy stopped.\n');
        setExitCode(ExitCode.Ok);
      });
    // Go-style flags (`-host`) would read as a group of short flags: rewrite them first.
    const parseOptions = command.parseOptions.bind(command);
    command.parseOptions = (args) => parseOptions(toxiproxyServerFlags(args));
  },
};

interface ProxyCommandOptions {
  host: string;
  port: number;
  config?: string;
  seed: number;
  runtimeMetrics?: boolean;
  proxyMetrics?: boolean;
}
