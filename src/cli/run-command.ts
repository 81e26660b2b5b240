import type { Command } from 'commander';
import { exitStatusOf, type FaultlineErrorCode } from '../errors/error-codes.ts';
import { FaultlineError } from '../errors/faultline-error.ts';
import { redact } from '../redaction/redact.ts';
import { consoleReporter } from '../report/reporters/console.ts';
import { CleanupLedger } from '../scenario/cleanup-ledger.ts';
import type { ScenarioProgress } from '../scenario/run-scenario.ts';
import { runScenarios } from '../scenario/run-scenarios.ts';
import { colorEnabled } from '../terminal/color-enabled.ts';
import { escapeControl } from '../terminal/escape-control.ts';
import { type CliIo, ExitCode } from './cli-io.ts';
import { CliUsageError } from './cli-usage-error.ts';
import { cliWording, flagsOf } from './cli-wording.ts';
import type { CliCommand } from './command.ts';
import { handleInterrupts } from './interrupt-handler.ts';
import { collectList } from './list-option.ts';
import { checkOutputDir } from './output-dir.ts';
import { httpUrlArg, integerArg, seedArg, shardArg } from './parse-args.ts';

interface RunFlags {
  grep?: string;
  seed?: number;
  reportDir: string;
  toxiproxyUrl?: string;
  shard?: { index: number; total: number };
  client?: string;
  reporter?: string[];
  config?: string;
  check?: boolean;
  verify?: boolean;
  numRuns: number;
}

/**
 * `faultline run [files or globs] [--grep TEXT] [--seed N] [--report-dir DIR]
 * [--toxiproxy-url URL] [--shard i/n] [--client FILE] [--reporter NAME]... [--config FILE]`: runs the
 * scenarios (all of scenarios/ by default) through runScenarios, shows live progress, prints
 * the summary and exits 0 when every hypothesis holds, 1 when one fails or the run is
 * interrupted, 2 for bad input. SIGINT/SIGTERM stop the run cleanly (faults undone, log kept).
 */
export const runCommand: CliCommand = {
  register(program, { io, setExitCode }) {
    program
      .command('run')
      .description(
        'Run fault scenarios and check their hypotheses (default: every scenario in scenarios/, plus check and verify).',
      )
      .argument('[files...]', 'scenario files, directories or globs')
      .option(
        '--grep <text>',
        'only scenarios whose name contains TEXT (any case; a|b = either; not a regexp)',
      )
      .option('--seed <n>', "override every scenario's seed", seedArg)
      .option('--report-dir <dir>', 'where events.ndjson and the reports go', 'reports/latest')
      .option(
        '--toxiproxy-url <url>',
        'a real Toxiproxy API (default: the embedded fault proxy; env TOXIPROXY_URL)',
        httpUrlArg,
      )
      .option('--shard <i/n>', 'run shard i of n (1-based)', shardArg)
      .option('--client <file>', 'your own client adapter module (docs/custom-client.md)')
      .option(
        '--reporter <names>',
        'report files to write: json, html, markdown, junit (repeatable, or comma-separated)',
        collectList,
      )
      .option('--config <file>', 'service registry (default faultline.config.yaml)')
      .option('--check', 'also prove the policy invariants (default: on for a full run)')
      .option('--no-check', 'skip the policy invariants')
      .option('--verify', 'also verify the contracts (default: on for a full run)')
      .option('--no-verify', 'skip the contract verification')
      .option('--num-runs <n>', 'fast-check runs per invariant', integerArg(1), 100)
      .action(async (files: string[], flags: RunFlags, command: Command) => {
        const controller = new AbortController();
        const cleanup = new CleanupLedger();
        let signalled: string | undefined;
        const removeSignal = handleInterrupts({
          io,
          command: 'faultline run',
          stop(signal) {
            signalled = signal;
            controller.abort(new FaultlineError('FAULTLINE_INTERRUPTED', `Interrupted by ${signal}`));
          },
          pending: () => cleanup.pending(),
        });
        const progress = createProgress(io);
        // A full run (every scenario, unsharded) also proves the invariants and verifies the
        // contracts, so that one command answers "does it hold?"; a subset runs only what it names.
        const full = files.length === 0 && flags.grep === undefined && flags.shard === undefined;
        const withCheck = flags.check ?? full;
        const withVerify = flags.verify ?? full;
        try {
          // Inputs commander cannot judge, checked before anything starts.
          await checkOutputDir('--report-dir', flags.reportDir, io.cwd);
          const toxiproxyUrl = flags.toxiproxyUrl ?? envUrl(io, 'TOXIPROXY_URL');
          const summary = await runScenarios({
            cwd: io.cwd,
            ...(flags.config ? { configFile: flags.config } : {}),
            files,
            grep: flags.grep,
            seed: flags.seed,
            reportDir: flags.reportDir,
            toxiproxyUrl,
            shard: flags.shard,
            clientModule: flags.client,
            reporters: flags.reporter,
            argv: ['run', ...files, ...flagArgs(command)],
            check: withCheck
              ? { numRuns: flags.numRuns, ...(flags.seed === undefined ? {} : { seed: flags.seed }) }
              : false,
            verify: withVerify,
            onNote: (line) => io.stdout.write(`${escapeControl(line)}\n`),
            signal: controller.signal,
            cleanup,
            onPlan: (plan) => io.stdout.write(`Running ${plan.length} scenario(s)\n`),
            onProgress: progress.update,
            onScenarioEnd: (name, outcome) => {
              progress.done();
              if (outcome.errorCode !== undefined && RUN_HINTS[outcome.errorCode] !== undefined)
                io.stderr.write(`faultline run: ${escapeControl(name)}: ${RUN_HINTS[outcome.errorCode]}\n`);
              for (const failure of outcome.cleanupFailures)
                io.stderr.write(`${escapeControl(redact(`cleanup of ${name} failed: ${failure}`))}\n`);
            },
          });
          progress.done();
          io.stdout.write(consoleReporter.render(summary.result, { color: colorEnabled(io.stdout, io.env) }));
          io.stdout.write(`Reports: ${escapeControl(summary.files.join(', '))}\n`);
          if (signalled)
            io.stderr.write(`faultline run: interrupted by ${signalled}; partial results kept.\n`);
          setExitCode(summary.exitCode === 0 && !summary.interrupted ? ExitCode.Ok : ExitCode.CheckFailed);
        } catch (err) {
          progress.done();
          if (err instanceof FaultlineError) {
            io.stderr.write(
              `faultline run: ${escapeControl(redact(cliWording(err, flagsOf(command, { configFile: 'config', clientModule: 'client' }), RUN_HINTS)), { keepNewlines: true })}\n`,
            );
            setExitCode(exitStatusOf(err.code));
            return;
          }
          throw err;
        } finally {
          removeSignal();
        }
      });
  },
};

/** The command's advice after a scenario or run error of these codes (the library names no flag). */
const RUN_HINTS: Partial<Record<FaultlineErrorCode, string>> = {
  FAULTLINE_TOXIPROXY_FAILED:
    'point --toxiproxy-url (or TOXIPROXY_URL) at a reachable Toxiproxy API, or omit both to use the embedded fault proxy.',
};

/** The options as given, back in argv form, for the run-start event (shard and seed as typed). */
function flagArgs(command: Command): string[] {
  return Object.entries(command.opts()).flatMap(([key, value]) => {
    if (command.getOptionValueSource(key) === 'default') return [];
    const flag = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    if (value === undefined || value === false) return [];
    if (value === true) return [flag];
    if (Array.isArray(value)) return [flag, ...value.map(String)];
    if (typeof value === 'object')
      return [flag, `${(value as { index: number }).index}/${(value as { total: number }).total}`];
    return [flag, String(value)];
  });
}

function isTty(io: CliIo): boolean {
  return io.stdout.isTTY === true && io.env.CI !== 'true';
}

/**
 * Live progress: on a TTY one line redrawn in place (scenario, phase, calls, success rate,
 * breaker state); otherwise (or CI=true) one plain line per phase.
 */
function createProgress(io: CliIo) {
  const tty = isTty(io);
  let last = '';
  let lastKey = '';
  let drawn = false;
  return {
    update(p: ScenarioProgress) {
      const rate = p.calls === 0 ? '-' : `${((p.ok / p.calls) * 100).toFixed(1)}%`;
      const line = escapeControl(
        `${p.scenario} [${p.mode}] ${p.phase}: ${p.calls} calls, ${rate} ok, breaker ${p.breakerState}`,
      );
      if (tty) {
        if (line === last) return;
        last = line;
        drawn = true;
        io.stdout.write(`\r\x1b[K${line}`);
        return;
      }
      const key = `${p.scenario}/${p.phase}`;
      if (key === lastKey) return;
      lastKey = key;
      io.stdout.write(`${escapeControl(`${p.scenario} [${p.mode}] phase ${p.phase}`)}\n`);
    },
    done() {
      if (tty && drawn) io.stdout.write('\r\x1b[K');
      drawn = false;
      last = '';
    },
  };
}

/** An http(s) URL from the environment (`TOXIPROXY_URL`), or undefined when unset or empty. */
function envUrl(io: CliIo, name: string): string | undefined {
  const value = io.env[name];
  if (value === undefined || value === '') return undefined;
  try {
    return httpUrlArg(value);
  } catch (err) {
    throw new CliUsageError(`${name} (environment): ${(err as Error).message}`);
  }
}
