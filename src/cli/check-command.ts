import type { CheckSummary, PropertyCheckResult } from '../check/check-result.ts';
import { runChecks } from '../check/run-checks.ts';
import { escapeControl } from '../terminal/escape-control.ts';
import { ExitCode } from './cli-io.ts';
import type { CliCommand } from './command.ts';
import { integerArg, seedArg } from './parse-args.ts';

/**
 * `faultline check [--service NAME] [--num-runs N] [--seed S] [--config FILE]`: proves the
 * client policies' invariants against each configured service (thin over runChecks).
 * Exit 0 all hold, 1 a property or config rule failed, 2 bad input.
 */
export const checkCommand: CliCommand = {
  register(program, { io, setExitCode }) {
    program
      .command('check')
      .description('Prove the retry/breaker invariants and SLO bounds of every configured service.')
      .option('--service <name>', 'only this registry key')
      .option('--num-runs <n>', 'fast-check runs per property', integerArg(1), 100)
      .option('--seed <s>', 'seed of every property run (printed, to replay a failure)', seedArg)
      .option('--config <file>', 'registry file', undefined)
      .action(async (o: { service?: string; numRuns: number; seed?: number; config?: string }) => {
        const summary = await runChecks({
          cwd: io.cwd,
          configFile: o.config,
          service: o.service,
          numRuns: o.numRuns,
          seed: o.seed,
          onResult: (r) => io.stdout.write(escapeControl(formatResult(r, o.numRuns), { keepNewlines: true })),
        });
        io.stdout.write(escapeControl(formatFooter(summary), { keepNewlines: true }));
        setExitCode(summary.ok ? ExitCode.Ok : ExitCode.CheckFailed);
      });
  },
};

function formatResult(r: PropertyCheckResult, numRuns: number): string {
  const lines = [`${r.ok ? 'PASS' : 'FAIL'}  ${r.service}  ${r.property}: ${r.detail}`];
  if (!r.ok && r.counterexample !== undefined) {
    lines.push(`      counterexample: ${r.counterexample}`);
    lines.push(
      `      seed: ${r.seed}  path: ${JSON.stringify(r.path ?? '')}  replay: faultline check --service ${r.service} --seed ${r.seed} --num-runs ${numRuns}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function formatFooter(s: CheckSummary): string {
  const failed = s.results.filter((r) => !r.ok).length;
  const skipped = s.skipped.map((x) => `skipped ${x.service}: ${x.reason}\n`).join('');
  return (
    skipped +
    `${s.results.length} checks, ${failed} failed (seed ${s.seed}, ${s.numRuns} runs per property)\n`
  );
}
