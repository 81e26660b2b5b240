import type { RunDiff } from './diff-run-results.ts';
import { formatMs, formatRate } from './reporters/format.ts';

/** The diff as a plain-text table, one row per scenario, regressions marked. */
export function formatRunDiff(diff: RunDiff): string {
  const header = [
    '',
    'scenario',
    'verdict',
    'p99 base',
    'p99 new',
    'p99 change',
    'success base',
    'success new',
    'notes',
  ];
  const rows = diff.scenarios.map((s) => {
    const mark = s.regressions.length > 0 ? 'REGRESSED' : s.status === 'compared' ? 'ok' : s.status;
    return [
      mark,
      s.name,
      `${s.baseVerdict ?? '-'} -> ${s.newVerdict ?? '-'}`,
      s.status === 'compared' ? formatMs(s.baseP99) : '-',
      s.status === 'compared' ? formatMs(s.newP99) : '-',
      s.p99Change === undefined || s.p99Change === null
        ? '-'
        : `${s.p99Change >= 0 ? '+' : ''}${(s.p99Change * 100).toFixed(1)}%`,
      s.status === 'compared' ? formatRate(s.baseSuccessRate) : '-',
      s.status === 'compared' ? formatRate(s.newSuccessRate) : '-',
      s.regressions.join('; '),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const limits = `thresholds: p99 +${(diff.thresholds.maxP99Increase * 100).toFixed(1)}%, success -${(diff.thresholds.maxSuccessDrop * 100).toFixed(2)} pts`;
  const cells = (diff.explore ?? []).map(
    (c) =>
      `${c.regressed ? 'REGRESSED' : 'changed'}  explore ${c.id}: ${c.baseVerdict ?? '-'} -> ${c.newVerdict ?? '-'}`,
  );
  const regressedCells = (diff.explore ?? []).filter((c) => c.regressed).length;
  const regressedScenarios = diff.scenarios.filter((s) => s.regressions.length > 0).length;
  const verdict = diff.regressed
    ? [
        regressedScenarios > 0 ? `${regressedScenarios} scenario(s) regressed.` : '',
        regressedCells > 0 ? `${regressedCells} explore cell(s) were tolerated and are not any more.` : '',
      ]
        .filter(Boolean)
        .join(' ')
    : 'No regression.';
  const explore = cells.length > 0 ? `\n${cells.join('\n')}\n` : '';
  return `${[line(header), ...rows.map(line)].join('\n')}\n${explore}\n${limits}. ${verdict}\n`;
}
