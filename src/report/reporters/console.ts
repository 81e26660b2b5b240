import pc from 'picocolors';
import { escapeControlDeep } from '../../terminal/escape-control.ts';
import { failureHeadline, formatAttempts, formatCount, formatMs, formatRate } from './format.ts';
import type { Reporter } from './reporter.ts';

/**
 * The summary `faultline run` prints at the end: one line per scenario with its key
 * figures, the failing hypotheses indented under it with expected vs observed and the
 * replay command, then contracts, invariants and the totals. No file.
 *
 * @example
 * io.stdout.write(consoleReporter.render(result, { color: colorEnabled(io.stdout, io.env) }));
 */
export const consoleReporter: Reporter = {
  name: 'console',
  fileName: undefined,
  render(unescaped, options = {}) {
    // User strings (names, errors, observed values) cannot drive the terminal.
    const result = escapeControlDeep(unescaped);
    const c = pc.createColors(options.color ?? false);
    const mark = {
      pass: c.green('PASS'),
      fail: c.red('FAIL'),
      errored: c.red('ERR '),
      interrupted: c.yellow('INT '),
    } as const;
    const lines: string[] = [];
    for (const s of result.scenarios) {
      const m = s.metrics;
      lines.push(
        `${mark[s.verdict]} ${c.bold(s.name)} ${c.dim(`(${s.mode}, seed ${s.seed})`)}  ` +
          `${m.calls} calls, ${formatRate(m.successRate)} ok, p99 ${formatMs(m.latencyMs?.p99)}, ` +
          `${formatAttempts(m)} ${m.measuredOn === 'wire' ? 'requests/call on the wire' : 'attempts/call'}, ${formatCount(m.shortCircuits)} short-circuited, ${formatCount(m.fallbacks)} fallbacks`,
      );
      if (s.clientModule !== undefined) lines.push(`     ${c.dim('client:')} --client ${s.clientModule}`);
      if (s.error) lines.push(`     ${c.red('errored:')} ${s.error}`);
      for (const h of s.hypotheses) {
        if (h.verdict === 'pass') continue;
        lines.push(`     ${c.red('x')} ${h.description}`);
        lines.push(`       expected ${h.expected}, observed ${c.red(h.observed)}`);
      }
      if (s.verdict !== 'pass') lines.push(`     ${c.dim('replay:')} ${s.replayCommand}`);
    }
    for (const contract of result.contracts ?? []) {
      if (contract.verdict === 'pass') continue;
      lines.push(`${mark.fail} contract ${contract.provider}: ${contract.interaction}`);
      if (contract.message) lines.push(`     ${contract.message}`);
    }
    for (const check of result.checks ?? []) {
      if (check.verdict === 'pass') continue;
      lines.push(`${mark.fail} invariant ${check.service}: ${check.property}`);
      if (check.counterexample) lines.push(`     counterexample: ${check.counterexample}`);
      if (check.seed !== undefined)
        lines.push(`     seed ${check.seed}${check.path ? `, path ${check.path}` : ''}`);
    }
    const t = result.totals;
    const parts = [
      `${t.scenarios.passed}/${t.scenarios.total} scenarios passed`,
      `${t.hypotheses.passed}/${t.hypotheses.total} hypotheses held`,
    ];
    if (t.scenarios.errored > 0) parts.push(`${t.scenarios.errored} errored`);
    if (t.scenarios.interrupted > 0) parts.push(`${t.scenarios.interrupted} interrupted`);
    if (t.contracts.total > 0) parts.push(`${t.contracts.passed}/${t.contracts.total} contract interactions`);
    if (t.checks.total > 0) parts.push(`${t.checks.passed}/${t.checks.total} invariants`);
    const verdict =
      result.exitCode === 0 ? c.green('All hypotheses held.') : c.red(`${failureHeadline(result)}.`);
    lines.push('', `${parts.join(', ')}. ${verdict}`);
    return `${lines.join('\n')}\n`;
  },
};
