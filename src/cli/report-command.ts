import { resolve } from 'node:path';
import { Option } from 'commander';
import { buildRunResult } from '../report/build-run-result.ts';
import { DEFAULT_DIFF_THRESHOLDS, diffRunResults } from '../report/diff-run-results.ts';
import { formatRunDiff } from '../report/format-run-diff.ts';
import { EVENT_LOG_FILE, loadRunResult } from '../report/load-run-result.ts';
import { mergeRunResults } from '../report/merge-run-results.ts';
import { ReportError } from '../report/report-error.ts';
import { consoleReporter } from '../report/reporters/console.ts';
import { DEFAULT_REPORTERS } from '../report/reporters/reporter-registry.ts';
import type { RunResult } from '../report/run-result.ts';
import { writeReports } from '../report/write-reports.ts';
import { colorEnabled } from '../terminal/color-enabled.ts';
import { escapeControl } from '../terminal/escape-control.ts';
import { ExitCode } from './cli-io.ts';
import type { CliCommand, CommandContext } from './command.ts';
import { collectList } from './list-option.ts';
import { checkOutputDir } from './output-dir.ts';

/**
 * `faultline report build RUN_DIR`: regenerate every report from RUN_DIR/events.ndjson.
 * `faultline report diff BASE_DIR NEW_DIR`: compare two runs; exit 1 on a regression.
 * `faultline report merge DIR... --out DIR`: merge shard results into one report.
 * build and merge exit 1 when the (merged) run failed, like `faultline run`.
 */
export const reportCommand: CliCommand = {
  register(program, context) {
    const report = program.command('report').description('Build, compare and merge run reports.');

    report
      .command('build')
      .description(
        `Regenerate report.json, report.html, summary.md and junit.xml from RUN_DIR/${EVENT_LOG_FILE}.`,
      )
      .argument('<run-dir>', 'run directory, e.g. reports/latest')
      .addOption(reporterOption())
      .addOption(oldReporterSpelling())
      .action(async (runDir: string, opts: ReporterFlags) => {
        const dir = resolve(context.io.cwd, runDir);
        const result = await buildRunResult(resolve(dir, EVENT_LOG_FILE));
        await publish(context, result, dir, reporterNames(opts));
      });

    report
      .command('diff')
      .description('Compare two runs scenario by scenario; exit 1 when NEW regressed beyond the thresholds.')
      .argument('<base-dir>', 'the baseline run directory')
      .argument('<new-dir>', 'the run directory to judge')
      .option(
        '--max-p99-increase <percent>',
        'largest allowed p99 increase',
        `${DEFAULT_DIFF_THRESHOLDS.maxP99Increase * 100}%`,
      )
      .option(
        '--max-success-drop <percent>',
        'largest allowed success-rate drop, in points',
        `${DEFAULT_DIFF_THRESHOLDS.maxSuccessDrop * 100}%`,
      )
      .action(
        async (baseDir: string, newDir: string, opts: { maxP99Increase: string; maxSuccessDrop: string }) => {
          const thresholds = {
            maxP99Increase: parsePercent('--max-p99-increase', opts.maxP99Increase),
            maxSuccessDrop: parsePercent('--max-success-drop', opts.maxSuccessDrop),
          };
          const base = await loadRunResult(resolve(context.io.cwd, baseDir));
          const next = await loadRunResult(resolve(context.io.cwd, newDir));
          const diff = diffRunResults(base, next, thresholds);
          context.io.stdout.write(escapeControl(formatRunDiff(diff), { keepNewlines: true }));
          context.setExitCode(diff.regressed ? ExitCode.CheckFailed : ExitCode.Ok);
        },
      );

    report
      .command('merge')
      .description('Merge the results of several run directories (shards) into one report.')
      .argument('<dirs...>', 'run directories to merge')
      .option('--out <dir>', 'where to write the merged report', 'reports/merged')
      .addOption(reporterOption())
      .addOption(oldReporterSpelling())
      .action(async (dirs: string[], opts: ReporterFlags & { out: string }) => {
        const out = await checkOutputDir('--out', opts.out, context.io.cwd);
        const paths = dirs.map((d) => resolve(context.io.cwd, d));
        const results: RunResult[] = [];
        for (const path of paths) results.push(await loadRunResult(path));
        const merged = mergeRunResults(results, dirs);
        await publish(context, merged, out, reporterNames(opts));
      });

    for (const sub of report.commands) sub.exitOverride();
  },
};

interface ReporterFlags {
  reporter?: string[];
  reporters?: string[];
}

function reporterNames(flags: ReporterFlags): string[] {
  const names = [...(flags.reporter ?? []), ...(flags.reporters ?? [])];
  return names.length > 0 ? names : [...DEFAULT_REPORTERS];
}

async function publish(
  context: CommandContext,
  result: RunResult,
  dir: string,
  names: string[],
): Promise<void> {
  const written = await writeReports(result, dir, names);
  const { io } = context;
  io.stdout.write(consoleReporter.render(result, { color: colorEnabled(io.stdout, io.env) }));
  io.stdout.write(`\nWrote ${escapeControl(written.join(', '))}\n`);
  context.setExitCode(result.exitCode === 0 ? ExitCode.Ok : ExitCode.CheckFailed);
}

/** "20%" or "20" -> 0.2. */
function parsePercent(flag: string, value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(value);
  if (!match) {
    throw new ReportError(
      'FAULTLINE_REPORT_USAGE',
      `${flag}: expected a percentage such as "20%", got ${JSON.stringify(value)}.`,
    );
  }
  return Number(match[1]) / 100;
}

/** `--reporter` of build and merge: repeatable or comma-separated, as in every command. */
function reporterOption(): Option {
  return new Option(
    '--reporter <names>',
    `reporters (repeatable, or comma-separated; default ${DEFAULT_REPORTERS.join(',')})`,
  ).argParser(collectList);
}

/** The old `--reporters` spelling, still accepted, not listed in --help. */
function oldReporterSpelling(): Option {
  return new Option('--reporters <names>', 'old spelling of --reporter').argParser(collectList).hideHelp();
}
