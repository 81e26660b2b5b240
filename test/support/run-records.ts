import type { CallRecord, ScenarioStartEvent } from '../../src/report/run-events.ts';

/**
 * A `call` record of scenario "s", phase "p": one attempt, breaker closed, no short
 * circuit, deadline 1000 ms not exceeded; `overrides` replaces any field.
 *
 * @example
 * series.observeCall(callRecord(200, 7, 'failed'));
 */
export function callRecord(
  t: number,
  latencyMs: number,
  outcome: CallRecord['outcome'] = 'ok',
  overrides: Partial<CallRecord> = {},
): CallRecord {
  return {
    type: 'call',
    scenario: 's',
    phase: 'p',
    t,
    latencyMs,
    outcome,
    attempts: 1,
    breakerState: 'closed',
    shortCircuited: false,
    deadlineMs: 1000,
    deadlineExceeded: false,
    ...overrides,
  };
}

/**
 * The `scenario-start` event of scenario "s" (scenarios/s.yaml, seed 1, virtual time,
 * service inference, no phases or hypotheses); `overrides` replaces any field.
 *
 * @example
 * createHypothesisEvaluator(hypothesis, scenarioStart({ hypotheses: [hypothesis] }));
 */
export function scenarioStart(overrides: Partial<ScenarioStartEvent> = {}): ScenarioStartEvent {
  return {
    type: 'scenario-start',
    scenario: 's',
    file: 'scenarios/s.yaml',
    seed: 1,
    mode: 'virtual',
    service: 'inference',
    replayCommand: 'faultline run scenarios/s.yaml --seed 1',
    phases: [],
    hypotheses: [],
    client: {},
    load: {},
    t: 0,
    ...overrides,
  };
}
