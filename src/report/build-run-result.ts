import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createHypothesisEvaluator } from '../scenario/hypotheses/create-hypothesis-evaluator.ts';
import { type HypothesisEvaluatorFactory, ScenarioAccumulator } from './_internals/scenario-accumulator.ts';
import { computeTotals } from './compute-totals.ts';
import { ReportError } from './report-error.ts';
import { EVENT_LOG_VERSION, type RunEvent, type ScenarioStartEvent } from './run-events.ts';
import {
  type CheckResult,
  type ContractResult,
  REPORT_SCHEMA_VERSION,
  type RunResult,
} from './run-result.ts';

export interface BuildRunResultOptions {
  /**
   * Makes the evaluator of each hypothesis (tests inject their own).
   * @default createHypothesisEvaluator from src/scenario/hypotheses
   */
  createEvaluator?: HypothesisEvaluatorFactory;
}

/**
 * Builds the RunResult from an NDJSON event log, STREAMING it line by line: memory is
 * O(scenarios x chart buckets), never O(calls), so a million-call log builds in a few MB.
 * A truncated last line (the run was killed mid-write) is ignored; a bad line anywhere else
 * is an error naming the line.
 *
 * @example
 * const result = await buildRunResult('reports/latest/events.ndjson');
 * await writeReports(result, 'reports/latest');
 */
export async function buildRunResult(
  eventLogPath: string,
  options: BuildRunResultOptions = {},
): Promise<RunResult> {
  const createEvaluator = options.createEvaluator ?? createHypothesisEvaluator;
  try {
    await stat(eventLogPath);
  } catch (err) {
    throw new ReportError(
      'FAULTLINE_REPORT_NOT_FOUND',
      `Failed to read the event log ${eventLogPath}: no such file. Pass a run directory written by \`faultline run\` (it holds events.ndjson).`,
      { cause: err },
    );
  }

  const result: RunResult = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    runId: 'unknown',
    interrupted: true,
    scenarios: [],
    totals: computeTotals([], undefined, undefined),
    exitCode: 1,
  };
  const scenarios = new Map<string, ScenarioAccumulator>();
  let contracts: ContractResult[] | undefined;
  let checks: CheckResult[] | undefined;
  let sawRunEnd = false;

  const apply = (event: RunEvent): void => {
    switch (event.type) {
      case 'run-start':
        if (event.version !== EVENT_LOG_VERSION) {
          throw new ReportError(
            'FAULTLINE_REPORT_INVALID',
            `Failed to read the event log ${eventLogPath}: expected event log version ${EVENT_LOG_VERSION}, got ${JSON.stringify(event.version)}. Rebuild it with this version of faultline.`,
          );
        }
        result.runId = event.runId;
        result.startedAt = event.startedAt;
        result.faultlineVersion = event.faultlineVersion;
        result.argv = event.argv;
        if (event.shard) result.shards = [{ ...event.shard, runId: event.runId }];
        return;
      case 'run-end':
        sawRunEnd = true;
        result.interrupted = event.interrupted;
        result.durationMs = event.t;
        return;
      case 'contracts':
        contracts = [...(contracts ?? []), ...event.results];
        return;
      case 'check':
        checks = [...(checks ?? []), ...event.results];
        return;
      case 'run-plan':
        // Every planned scenario is reported, started or not (replaced by its scenario-start).
        for (const planned of event.scenarios) {
          const start: ScenarioStartEvent = { type: 'scenario-start', ...planned, client: null, t: 0 };
          scenarios.set(planned.scenario, new ScenarioAccumulator(start, createEvaluator, false));
        }
        return;
      case 'scenario-start': {
        // A scenario run twice in one log (a retry) is reported by its last run; a planned
        // one keeps its place in the plan.
        const planned = scenarios.get(event.scenario);
        if (planned?.started !== false) scenarios.delete(event.scenario);
        scenarios.set(event.scenario, new ScenarioAccumulator(event, createEvaluator));
        return;
      }
      default:
        scenarios.get(event.scenario)?.observe(event);
    }
  };

  const lines = createInterface({
    input: createReadStream(eventLogPath, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let lineNumber = 0;
  // Why defer: only the LAST line may be truncated, and we know a line was last only when no other follows.
  let pendingBad: { line: number; error: unknown } | undefined;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    if (pendingBad) throw badLine(eventLogPath, pendingBad.line, pendingBad.error);
    let event: RunEvent;
    try {
      event = JSON.parse(line) as RunEvent;
    } catch (error) {
      pendingBad = { line: lineNumber, error };
      continue;
    }
    if (typeof event !== 'object' || event === null || typeof event.type !== 'string') {
      throw badLine(eventLogPath, lineNumber, new Error('not an event object with a "type"'));
    }
    apply(event);
  }

  const runInterrupted = sawRunEnd ? result.interrupted : true;
  const scenarioResults = [...scenarios.values()].map((s) => s.result(runInterrupted));
  // Rebuilt in the documented key order so report.json reads top-down.
  const final: RunResult = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    runId: result.runId,
    ...(result.startedAt !== undefined ? { startedAt: result.startedAt } : {}),
    ...(result.faultlineVersion !== undefined ? { faultlineVersion: result.faultlineVersion } : {}),
    ...(result.argv !== undefined ? { argv: result.argv } : {}),
    ...(result.shards !== undefined ? { shards: result.shards } : {}),
    ...(result.durationMs !== undefined ? { durationMs: result.durationMs } : {}),
    interrupted: runInterrupted,
    scenarios: scenarioResults,
    ...(contracts ? { contracts } : {}),
    ...(checks ? { checks } : {}),
    totals: computeTotals(scenarioResults, contracts, checks),
    exitCode: 0,
  };
  final.exitCode = exitCodeOf(final);
  return final;
}

/**
 * 0 when every scenario passed and every contract and invariant held; 1 otherwise: a
 * failed, errored or interrupted scenario, an explore cell that was not tolerated, an
 * interrupted run, and a run in which nothing was checked at all (no scenario ran, no
 * contract, no invariant, no explore cell: nothing was proven).
 */
export function exitCodeOf(
  result: Pick<RunResult, 'totals' | 'interrupted' | 'scenarios' | 'explore'>,
): 0 | 1 {
  const { totals } = result;
  const cells = result.explore?.cells ?? [];
  const bad =
    totals.scenarios.failed +
    totals.scenarios.errored +
    totals.scenarios.interrupted +
    totals.contracts.failed +
    totals.checks.failed +
    cells.filter((c) => c.verdict !== 'tolerated').length;
  const interruptedRun = result.interrupted && result.scenarios.length > 0;
  const executed =
    totals.scenarios.passed +
    totals.scenarios.failed +
    totals.contracts.total +
    totals.checks.total +
    cells.length;
  return bad > 0 || interruptedRun || executed === 0 ? 1 : 0;
}

function badLine(path: string, line: number, error: unknown): ReportError {
  const why = error instanceof Error ? error.message : String(error);
  return new ReportError(
    'FAULTLINE_REPORT_INVALID',
    `Failed to read the event log ${path}:${line}: expected one JSON event per line, got a line that does not parse (${why}). Only the last line may be truncated; the log was edited or corrupted.`,
    { cause: error },
  );
}
