import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { loadFaultlineConfig } from '../config/load-faultline-config.ts';
import { FaultlineError } from '../errors/faultline-error.ts';
import { explore } from '../explore/explore.ts';
import { ExploreError } from '../explore/explore-error.ts';
import { exploreRunResult } from '../explore/explore-run-result.ts';
import { resolveExploreServices } from '../explore/resolve-explore-services.ts';
import { writeReports } from '../report/write-reports.ts';
import { ExitCode } from './cli-io.ts';
import { cliWording, flagsOf } from './cli-wording.ts';
import type { CliCommand } from './command.ts';
import { integerArg, shardArg } from './parse-args.ts';

const positiveIntArg = integerArg(1);

interface ExploreCliOptions {
  config?: string;
  services?: string[];
  upstream?: Record<string, string>;
  reportDir: string;
  parallel: number;
  shard?: { index: number; total: number };
  only?: string;
  pairs: boolean;
  faults?: string[];
  timeout: number;
  latency?: number;
}

/**
 * `faultline explore [options] -- <test command...>`: runs the test command once per
 * (call site × fault) the pacts imply and writes the fault-coverage matrix
 * (docs/explore.md). Exit 0 every cell tolerated, 1 a cell failed, was damaged or not
 * reached, 2 bad input or a baseline that does not pass.
 */
export const exploreCommand: CliCommand = {
  register(program, { io, setExitCode }) {
    program
      .command('explore')
      .description(
        'Run your test command under every fault its dependencies\u2019 pacts imply, one call at a time.',
      )
      .argument('<command...>', 'your test command, after --, e.g. -- npm test -- e2e')
      .option('--config <file>', 'the service registry (default faultline.config.yaml)')
      .option('--services <names...>', 'only these registry services (default: every one with env)')
      .option(
        '--upstream <name=url>',
        'where a service listens, overriding its baseUrl (repeatable)',
        collectUpstream,
      )
      .option(
        '--report-dir <dir>',
        'where report.json, summary.md, junit.xml and report.html go',
        'reports/explore',
      )
      .option('--parallel <n>', 'runs at once, each with its own proxies', positiveIntArg, 1)
      .option('--shard <i/n>', 'run slice i of n of the plan (1-based)', shardArg)
      .option('--only <id>', 'replay one plan entry (ids are in summary.md)')
      .option('--pairs', 'also two faults per run, for call sites that tolerated one', false)
      .option('--faults <ids...>', 'only faults whose id starts with one of these (e.g. refused status-)')
      .option('--timeout <ms>', 'kill a run of the command after this long', positiveIntArg, 60_000)
      .option(
        '--latency <ms>',
        'injected latency and slow-body time (default 2 × the service timeoutMs, else 5000)',
        positiveIntArg,
      )
      .action(async (command: string[], options: ExploreCliOptions, cmd: Command) => {
        const abort = new AbortController();
        const removeSignal = io.onSignal(() => abort.abort());
        const startedAt = new Date().toISOString();
        try {
          const file = options.config ?? 'faultline.config.yaml';
          const config = await loadFaultlineConfig({
            cwd: io.cwd,
            ...(options.config ? { file: options.config } : {}),
          });
          for (const [name, url] of Object.entries(options.upstream ?? {})) {
            const entry = config.services[name];
            if (!entry) throw new ExploreError(`--upstream ${name}=${url}: no service "${name}" in ${file}`);
            entry.baseUrl = url;
          }
          const services = await resolveExploreServices(config, {
            cwd: io.cwd,
            file,
            ...(options.services ? { services: options.services } : {}),
          });
          const result = await explore({
            command,
            cwd: io.cwd,
            env: io.env,
            services,
            parallel: options.parallel,
            runTimeoutMs: options.timeout,
            pairs: options.pairs,
            signal: abort.signal,
            ...(options.shard ? { shard: options.shard } : {}),
            ...(options.only ? { only: options.only } : {}),
            ...(options.faults ? { faults: options.faults } : {}),
            ...(options.latency ? { latencyMs: options.latency } : {}),
            onCell: (cell) => io.stdout.write(`${cell.verdict.padEnd(11)} ${cell.id}\n`),
          });
          const run = exploreRunResult(result, {
            runId: `explore-${randomUUID().slice(0, 8)}`,
            startedAt,
            argv: ['explore', ...command],
            interrupted: abort.signal.aborted,
          });
          const dir = path.resolve(io.cwd, options.reportDir);
          const files = await writeReports(run, dir);
          const c = result.counts;
          io.stdout.write(
            `${c.runs} runs: ${c.tolerated} tolerated, ${c.failed} failed, ${c.damaged} damaged, ${c.notReached} not reached` +
              ` (plan: ${c.singles} single faults${c.pairsPlanned ? `, ${c.pairsPlanned} pairs, ${c.pairsPruned} pruned` : ''})\n`,
          );
          io.stdout.write(`Reports: ${files.map((f) => path.relative(io.cwd, f)).join(', ')}\n`);
          setExitCode(run.exitCode === 0 ? ExitCode.Ok : ExitCode.CheckFailed);
        } catch (err) {
          if (err instanceof FaultlineError) {
            io.stderr.write(`faultline explore: ${cliWording(err, flagsOf(cmd))}\n`);
            setExitCode(ExitCode.BadInput);
            return;
          }
          throw err;
        } finally {
          removeSignal();
        }
      });
  },
};

function collectUpstream(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const m = /^([a-z][a-z0-9-]*)=(https?:\/\/\S+)$/.exec(value);
  if (!m) throw new InvalidArgumentError(`expected name=http://host:port, got "${value}"`);
  return { ...previous, [m[1]!]: m[2]! };
}
