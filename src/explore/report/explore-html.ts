import { escapeHtml as e } from '../../report/reporters/html/escape-html.ts';
import type { ExploreResult } from '../explore-result.ts';
import { exploreMatrices, VERDICT_GLYPH } from './explore-matrix.ts';

/** Styles of the grid, added to report.html's (verdict colours reuse its variables). */
export const EXPLORE_HTML_STYLES = `
table.explore td.cell { text-align: center; }
table.explore td.tolerated { background: var(--pass-bg); }
table.explore td.failed { background: var(--fail-bg); }
table.explore td.damaged, table.explore td.not-reached { background: var(--warn-bg); }
table.explore th.fault { writing-mode: vertical-rl; transform: rotate(180deg); font-weight: 500; }
`;

/**
 * The explore section of report.html: one grid per service (call site × fault, a glyph and
 * colour per verdict, the cell's fault, verdict and replay command in its title), then
 * the broken cells with what happened.
 */
export function exploreHtml(result: ExploreResult): string {
  const c = result.counts;
  const grids = exploreMatrices(result).map((m) => {
    const head = m.columns.map((f) => `<th class="fault">${e(f)}</th>`).join('');
    const rows = m.rows.map((row) => {
      const cells = m.columns.map((f) => {
        const cell = m.cells.get(row)?.get(f);
        if (!cell) return '<td class="cell"></td>';
        const title = `${cell.faults[0]!.label}: ${cell.verdict}\n${cell.damage.join('\n')}\n${cell.replay}`;
        return `<td class="cell ${cell.verdict}" title="${e(title)}">${VERDICT_GLYPH[cell.verdict]}</td>`;
      });
      return `<tr><th><code>${e(row)}</code></th>${cells.join('')}</tr>`;
    });
    return `<h3>${e(m.service)}</h3><table class="explore"><thead><tr><th>Call site</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  });
  const broken = result.cells
    .filter((x) => x.verdict !== 'tolerated')
    .map(
      (x) =>
        `<tr class="fail"><td>${VERDICT_GLYPH[x.verdict]} ${e(x.verdict)}</td><td><code>${e(x.id)}</code></td><td>${e([...x.damage, lastLine(x.output)].filter(Boolean).join('; '))}</td><td><code>${e(x.replay)}</code></td></tr>`,
    );
  return `<h2>Fault exploration</h2>
<p>${c.runs} runs: ${c.tolerated} tolerated, ${c.failed} failed, ${c.damaged} tolerated with damage, ${c.notReached} not reached. Plan: ${c.singles} single faults${c.pairsPlanned > 0 ? `, ${c.pairsPlanned} pairs (${c.pairsPruned} pruned)` : ''}.</p>
${grids.join('\n')}
${broken.length > 0 ? `<h3>What broke</h3><table><thead><tr><th>Verdict</th><th>Entry</th><th>What happened</th><th>Replay</th></tr></thead><tbody>${broken.join('')}</tbody></table>` : ''}`;
}

function lastLine(output: string | undefined): string {
  return output?.trim().split('\n').slice(-2).join(' ') ?? '';
}
