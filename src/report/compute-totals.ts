import type { CheckResult, ContractResult, CountTotals, RunTotals, ScenarioResult } from './run-result.ts';

/** The totals block of a RunResult, from its scenarios, contracts and checks. */
export function computeTotals(
  scenarios: ScenarioResult[],
  contracts: ContractResult[] | undefined,
  checks: CheckResult[] | undefined,
): RunTotals {
  const hypotheses = scenarios.flatMap((s) => s.hypotheses);
  return {
    scenarios: {
      total: scenarios.length,
      passed: scenarios.filter((s) => s.verdict === 'pass').length,
      failed: scenarios.filter((s) => s.verdict === 'fail').length,
      errored: scenarios.filter((s) => s.verdict === 'errored').length,
      interrupted: scenarios.filter((s) => s.verdict === 'interrupted').length,
    },
    hypotheses: count(hypotheses),
    contracts: count(contracts ?? []),
    checks: count(checks ?? []),
    calls: scenarios.reduce((sum, s) => sum + s.metrics.calls, 0),
  };
}

function count(items: Array<{ verdict: 'pass' | 'fail' }>): CountTotals {
  const passed = items.filter((i) => i.verdict === 'pass').length;
  return { total: items.length, passed, failed: items.length - passed };
}
