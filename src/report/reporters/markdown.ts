import { exploreMarkdown } from '../../explore/report/explore-markdown.ts';
import { escapeControlDeep } from '../../terminal/escape-control.ts';
import type { ScenarioResult } from '../run-result.ts';
import { failureHeadline, formatMs, formatRate, VERDICT_RANK } from './format.ts';
import type { Reporter } from './reporter.ts';

const ICON = { pass: '✅', fail: '❌', errored: '💥', interrupted: '⚠️' } as const;

/**
 * summary.md, short enough for $GITHUB_STEP_SUMMARY: a headline, one line per scenario
 * (failing and interrupted first), the failing hypotheses with expected vs observed, then
 * failing contracts and invariants.
 */
export const markdownReporter: Reporter = {
  name: 'markdown',
  fileName: 'summary.md',
  render(unescaped) {
    // Control characters in user strings are made visible: summary.md is read with `cat` in CI logs too.
    const result = escapeControlDeep(unescaped);
    const { totals } = result;
    const lines: string[] = [];
    const ok = result.exitCode === 0;
    lines.push(
      `## Faultline ${ok ? '✅ passed' : `❌ failed: ${failureHeadline(result)}`}${result.interrupted ? ' (interrupted)' : ''}`,
    );
    lines.push('');
    lines.push(
      `${totals.scenarios.passed}/${totals.scenarios.total} scenarios passed, ` +
        (totals.scenarios.errored > 0 ? `${totals.scenarios.errored} errored, ` : '') +
        (totals.scenarios.interrupted > 0 ? `${totals.scenarios.interrupted} interrupted, ` : '') +
        `${totals.hypotheses.passed}/${totals.hypotheses.total} hypotheses held` +
        (totals.contracts.total > 0
          ? `, ${totals.contracts.passed}/${totals.contracts.total} contract interactions`
          : '') +
        (totals.checks.total > 0 ? `, ${totals.checks.passed}/${totals.checks.total} invariants` : '') +
        `, ${totals.calls} calls.`,
    );
    const clients = [...new Set(result.scenarios.flatMap((s) => (s.clientModule ? [s.clientModule] : [])))];
    if (clients.length > 0)
      lines.push(
        '',
        `Client under test: ${clients.map((c) => `\`--client ${c.replaceAll('`', "'")}\``).join(', ')}`,
      );
    if (result.scenarios.length > 0) {
      lines.push('');
      lines.push('| | Scenario | Success | p99 | Hypotheses |');
      lines.push('|---|---|---|---|---|');
      for (const s of ordered(result.scenarios)) {
        const held = s.hypotheses.filter((h) => h.verdict === 'pass').length;
        lines.push(
          `| ${ICON[s.verdict]} | ${cell(s.name)} | ${formatRate(s.metrics.successRate)} | ${formatMs(s.metrics.latencyMs?.p99)} | ${held}/${s.hypotheses.length} |`,
        );
      }
    }
    const failing = ordered(result.scenarios).filter((s) => s.verdict !== 'pass');
    for (const s of failing) {
      lines.push('');
      lines.push(`### ${ICON[s.verdict]} ${inline(s.name)}`);
      if (s.error) lines.push(`- errored: ${inline(s.error)}`);
      if (s.verdict === 'interrupted') lines.push('- interrupted before it finished');
      for (const h of s.hypotheses.filter((x) => x.verdict === 'fail')) {
        lines.push(
          `- **${inline(h.description)}**: expected ${inline(h.expected)}, observed ${inline(h.observed)}`,
        );
      }
      lines.push(`- replay: \`${s.replayCommand.replaceAll('`', "'")}\``);
    }
    const contracts = (result.contracts ?? []).filter((c) => c.verdict === 'fail');
    if (contracts.length > 0) {
      lines.push('', '### ❌ Contracts');
      for (const c of contracts) {
        lines.push(
          `- ${inline(c.provider)}: ${inline(c.interaction)}${c.message ? `: ${inline(c.message)}` : ''}`,
        );
      }
    }
    const checks = (result.checks ?? []).filter((c) => c.verdict === 'fail');
    if (checks.length > 0) {
      lines.push('', '### ❌ Invariants');
      for (const c of checks) {
        const replay = c.seed !== undefined ? ` (seed ${c.seed}${c.path ? `, path ${c.path}` : ''})` : '';
        lines.push(
          `- ${inline(c.service)}: ${inline(c.property)}${c.counterexample ? `: counterexample ${inline(c.counterexample)}` : ''}${replay}`,
        );
      }
    }
    if (result.explore) lines.push(...exploreMarkdown(result.explore));
    return `${lines.join('\n')}\n`;
  },
};

/** Errored first, then failing, interrupted, passing; stable within each group. */
function ordered(scenarios: ScenarioResult[]): ScenarioResult[] {
  return [...scenarios].sort((a, b) => VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict]);
}

/** Text inside a table cell: no pipes or newlines, Markdown/HTML specials escaped. */
function cell(text: string): string {
  return inline(text).replaceAll('|', '\\|');
}

/** User text in Markdown: one line, with the characters that would start markup escaped. */
function inline(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]<>#]/g, (c) => `\\${c}`)
    .slice(0, 500);
}
