import type { ExploreResult } from '../explore-result.ts';
import { exploreMatrices, VERDICT_GLYPH } from './explore-matrix.ts';

/**
 * The explore section of summary.md: counts, one grid per service (call site × fault),
 * then each failed or damaged cell with what happened and its replay command.
 */
export function exploreMarkdown(result: ExploreResult): string[] {
  const c = result.counts;
  const lines: string[] = [];
  lines.push('');
  lines.push(`### Fault exploration${result.shard ? ` (shard ${result.shard})` : ''}`);
  lines.push('');
  lines.push(
    `${c.runs} runs: ${c.tolerated} tolerated, ${c.failed} failed, ${c.damaged} tolerated with damage` +
      (c.notReached > 0 ? `, ${c.notReached} not reached (fault not applied)` : '') +
      `. Plan: ${c.singles} single faults` +
      (c.pairsPlanned > 0 ? `, ${c.pairsPlanned} pairs (${c.pairsPruned} pruned)` : '') +
      `. ${result.baseline.callSites.length} call sites; wall ${result.wallMs} ms at parallel ${result.parallel}.`,
  );
  lines.push('');
  lines.push(
    `Legend: ${VERDICT_GLYPH.tolerated} tolerated · ${VERDICT_GLYPH.failed} test failed · ${VERDICT_GLYPH.damaged} tolerated with damage · ${VERDICT_GLYPH['not-reached']} call not reached`,
  );
  for (const m of exploreMatrices(result)) {
    lines.push('');
    lines.push(`#### ${m.service}`);
    lines.push('');
    lines.push(`| Call site | ${m.columns.map((f) => `\`${f}\``).join(' | ')} |`);
    lines.push(`|---|${m.columns.map(() => '---').join('|')}|`);
    for (const row of m.rows) {
      const cells = m.columns.map((f) => {
        const cell = m.cells.get(row)?.get(f);
        return cell ? VERDICT_GLYPH[cell.verdict] : ' ';
      });
      lines.push(`| \`${row}\` | ${cells.join(' | ')} |`);
    }
  }
  const bad = result.cells.filter((x) => x.verdict !== 'tolerated');
  if (bad.length > 0) {
    lines.push('');
    lines.push('#### What broke');
    for (const cell of bad) {
      const what = cell.faults
        .map((f) => `${f.label} at \`${f.service}:${f.endpoint}#${f.occurrence}\``)
        .join(' + ');
      lines.push('');
      lines.push(`- ${VERDICT_GLYPH[cell.verdict]} **${cell.verdict}**: ${what}`);
      for (const d of cell.damage) lines.push(`  - ${d}`);
      const last = lastLines(cell.output);
      if (cell.verdict === 'failed' && last) lines.push(`  - output: \`${last}\``);
      lines.push(`  - replay: \`${cell.replay}\``);
    }
  }
  return lines;
}

function lastLines(output: string | undefined): string {
  if (!output) return '';
  return output.trim().split('\n').slice(-3).join(' ⏎ ').replace(/`/g, "'").slice(0, 400);
}
