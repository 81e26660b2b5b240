import type { TestCase } from '../../report/reporters/junit.ts';
import type { ExploreResult } from '../explore-result.ts';

/**
 * junit.xml suites of an exploration: one per service, one testcase per cell (call site ×
 * fault). Failed and damaged cells are failures; a cell whose call was never reached is
 * one too (the fault was not applied, so nothing was shown).
 */
export function exploreJunitSuites(
  result: ExploreResult,
): Array<{ name: string; timeSeconds: number; cases: TestCase[] }> {
  const suites = new Map<string, { name: string; timeSeconds: number; cases: TestCase[] }>();
  for (const cell of result.cells) {
    const service = cell.faults[0]!.service;
    const name = `explore ${service}`;
    let suite = suites.get(name);
    if (!suite) {
      suite = { name, timeSeconds: 0, cases: [] };
      suites.set(name, suite);
    }
    suite.timeSeconds += cell.durationMs / 1000;
    const what = cell.faults
      .map((f) => `${f.service}:${f.endpoint}#${f.occurrence} × ${f.fault}`)
      .join(' + ');
    const message =
      cell.verdict === 'failed'
        ? `the test failed (${cell.timedOut ? 'timed out' : `exit ${cell.exitCode}`}) under ${what}`
        : cell.verdict === 'damaged'
          ? `tolerated with damage under ${what}: ${cell.damage.join('; ')}`
          : `the call was not reached, so ${what} was not applied`;
    suite.cases.push({
      name: what,
      classname: `faultline.explore.${service}`,
      timeSeconds: cell.durationMs / 1000,
      ...(cell.verdict !== 'tolerated'
        ? {
            failure: {
              message,
              type: cell.verdict,
              detail: [...cell.damage, cell.output ?? '', `replay: ${cell.replay}`]
                .filter(Boolean)
                .join('\n'),
            },
          }
        : {}),
    });
  }
  return [...suites.values()];
}
